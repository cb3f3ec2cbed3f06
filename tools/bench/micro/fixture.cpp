// The micro-benchmarks' graph: a C++ port of ../shared/bench/gen.py (Python's
// Mersenne Twister seeded as random.Random(42), the same draws in the same
// order, the same float arithmetic), written as CSV and imported into a
// Database, and added straight into a store::Graph.
#include "tools/bench/micro/fixture.hpp"

#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <unordered_set>
#include <utility>

namespace ergo::microbench {
namespace {

// CPython's random.Random(seed).random() for a small non-negative int seed:
// MT19937 seeded by init_by_array({seed}), 53-bit floats from two draws.
class PythonRandom {
 public:
  explicit PythonRandom(std::uint32_t seed) {
    init(19650218u);
    std::size_t i = 1;
    for (std::size_t k = n; k; --k) {  // key length 1: j is always 0
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + seed;
      if (++i >= n) {
        mt_[0] = mt_[n - 1];
        i = 1;
      }
    }
    for (std::size_t k = n - 1; k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - static_cast<std::uint32_t>(i);
      if (++i >= n) {
        mt_[0] = mt_[n - 1];
        i = 1;
      }
    }
    mt_[0] = 0x80000000u;
    index_ = n;
  }

  double random() {
    std::uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

 private:
  static constexpr std::size_t n = 624, m = 397;

  void init(std::uint32_t s) {
    mt_[0] = s;
    for (std::size_t i = 1; i < n; ++i)
      mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
  }

  std::uint32_t next() {
    if (index_ >= n) {
      for (std::size_t k = 0; k < n; ++k) {
        std::uint32_t y = (mt_[k] & 0x80000000u) | (mt_[(k + 1) % n] & 0x7fffffffu);
        mt_[k] = mt_[(k + m) % n] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
      }
      index_ = 0;
    }
    std::uint32_t y = mt_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }

  std::array<std::uint32_t, n> mt_{};
  std::size_t index_ = n;
};

struct Weighted {
  std::uint8_t value;
  double weight;
};

// gen.py's pick(): one draw, scaled by the (left-to-right) sum of weights.
template <std::size_t N>
std::uint8_t pick(PythonRandom& rng, const std::array<Weighted, N>& table) {
  double total = 0;
  for (const Weighted& w : table) total += w.weight;
  double x = rng.random() * total;
  for (const Weighted& w : table) {
    x -= w.weight;
    if (x < 0) return w.value;
  }
  return table.back().value;
}

// Indexes into node_labels and relationship_types.
enum : std::uint8_t { company, person, product, organization };
enum : std::uint8_t { invests, partners_with, develops, competes_with, member_of, founded_rel, ceo_of, runs_on };

constexpr std::array<Weighted, 4> label_table{{{company, 0.35}, {person, 0.35}, {product, 0.20}, {organization, 0.10}}};
const std::array<Weighted, 5> company_types{
    {{invests, 0.25}, {partners_with, 0.20}, {develops, 0.25}, {competes_with, 0.20}, {member_of, 0.10}}};
const std::array<Weighted, 4> person_types{{{founded_rel, 0.25}, {ceo_of, 0.10}, {invests, 0.25}, {member_of, 0.40}}};
const std::array<Weighted, 2> product_types{{{runs_on, 0.60}, {competes_with, 0.40}}};
const std::array<Weighted, 4> organization_types{
    {{invests, 0.30}, {partners_with, 0.30}, {member_of, 0.20}, {develops, 0.20}}};

std::uint8_t pick_type(PythonRandom& rng, std::uint8_t label) {
  switch (label) {
    case company: return pick(rng, company_types);
    case person: return pick(rng, person_types);
    case product: return pick(rng, product_types);
    default: return pick(rng, organization_types);
  }
}

// Fisher-Yates driven by random() alone, as gen.py's permutation().
std::vector<std::uint32_t> permutation(PythonRandom& rng, std::uint32_t n) {
  std::vector<std::uint32_t> p(n);
  for (std::uint32_t i = 0; i < n; ++i) p[i] = i;
  for (std::uint32_t i = n - 1; i > 0; --i) {
    auto j = static_cast<std::uint32_t>(rng.random() * (i + 1));
    std::swap(p[i], p[j]);
  }
  return p;
}

// P(rank r) ~ 1/(r+1)^s, rank r -> ranking[r] (gen.py's zipf_sampler).
class ZipfSampler {
 public:
  ZipfSampler(std::uint32_t n, double s, std::vector<std::uint32_t> ranking) : ranking_(std::move(ranking)) {
    cumulative_.reserve(n);
    double sum = 0;
    for (std::uint32_t r = 0; r < n; ++r) cumulative_.push_back(sum += 1.0 / std::pow(static_cast<double>(r + 1), s));
  }
  std::uint32_t draw(PythonRandom& rng) const {
    double x = rng.random() * cumulative_.back();
    auto rank = static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) -
                                         cumulative_.begin());
    return ranking_[std::min(rank, ranking_.size() - 1)];
  }

 private:
  std::vector<double> cumulative_;
  std::vector<std::uint32_t> ranking_;
};

// Distances from `start` up to max_depth over out-edges (gen.py's bfs()).
std::vector<int> bfs_distances(const Workload& w, const std::vector<std::uint32_t>& offsets,
                               const std::vector<std::uint32_t>& targets, std::uint32_t start, int max_depth) {
  std::vector<int> dist(w.node_count, -1);
  std::deque<std::uint32_t> queue{start};
  dist[start] = 0;
  while (!queue.empty()) {
    std::uint32_t u = queue.front();
    queue.pop_front();
    if (dist[u] == max_depth) continue;
    for (std::uint32_t i = offsets[u]; i < offsets[u + 1]; ++i) {
      if (dist[targets[i]] < 0) {
        dist[targets[i]] = dist[u] + 1;
        queue.push_back(targets[i]);
      }
    }
  }
  return dist;
}

Workload generate(std::string scale, std::uint32_t n, std::uint32_t m, std::uint32_t seed) {
  Workload w;
  w.scale = std::move(scale);
  w.node_count = n;
  PythonRandom rng(seed);
  w.label.resize(n);
  for (auto& l : w.label) l = pick(rng, label_table);
  w.founded.resize(n);
  for (auto& f : w.founded) f = static_cast<std::uint16_t>(1900 + static_cast<int>(rng.random() * 125));
  ZipfSampler src_sampler(n, 0.8, permutation(rng, n));
  ZipfSampler dst_sampler(n, 0.7, permutation(rng, n));

  std::unordered_set<std::uint64_t> seen;
  seen.reserve(m);
  w.edges.reserve(m);
  w.out_degree.assign(n, 0);
  for (std::uint32_t e = 0; e < m; ++e) {
    std::uint32_t s = src_sampler.draw(rng), d = 0;
    for (int attempt = 0;; ++attempt) {
      // After a few collisions (hubs saturate the popular targets) uniform.
      d = attempt < 8 ? dst_sampler.draw(rng) : static_cast<std::uint32_t>(rng.random() * n);
      if (d != s && !seen.contains(std::uint64_t{s} * n + d)) break;
    }
    seen.insert(std::uint64_t{s} * n + d);
    std::uint8_t type = pick_type(rng, w.label[s]);
    auto since = static_cast<std::uint16_t>(1990 + static_cast<int>(rng.random() * 35));
    w.edges.push_back({s, d, type, since});
    ++w.out_degree[s];
  }

  // The start nodes, chosen as gen.py chooses them.
  w.lookup = n / 2;
  for (std::uint32_t i = 0; i < n; ++i)
    if (w.out_degree[i] > w.out_degree[w.hub]) w.hub = i;
  const auto mean = static_cast<long long>(std::nearbyint(static_cast<double>(m) / n));  // round half even
  auto distance_to_mean = [&](std::uint32_t i) { return std::llabs(static_cast<long long>(w.out_degree[i]) - mean); };
  for (std::uint32_t i = 0; i < n; ++i)
    if (distance_to_mean(i) < distance_to_mean(w.mid)) w.mid = i;
  // Out-adjacency in insertion order, for the BFS.
  std::vector<std::uint32_t> offsets(n + 1, 0), targets(m), fill;
  for (const Edge& e : w.edges) ++offsets[e.src + 1];
  for (std::uint32_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  fill.assign(offsets.begin(), offsets.end() - 1);
  for (const Edge& e : w.edges) targets[fill[e.src]++] = e.dst;
  std::vector<int> dist = bfs_distances(w, offsets, targets, w.mid, 10);
  std::map<int, std::uint32_t> level_sizes;
  for (int d : dist)
    if (d >= 0) ++level_sizes[d];
  int typical = 0;
  for (auto [d, size] : level_sizes)
    if (size >= level_sizes[typical]) typical = d;  // ties: the farther distance
  for (std::uint32_t i = 0; i < n; ++i)
    if (dist[i] == typical) {
      w.dst = i;
      break;
    }
  w.dst_distance = static_cast<std::uint32_t>(typical);
  return w;
}

bool large_scale() {
  const char* scale = std::getenv("ERGO_MICROBENCH_SCALE");
  return scale != nullptr && std::string_view(scale) == "large";
}

void write_csv(const Workload& w, const std::filesystem::path& dir) {
  std::ofstream nodes(dir / "nodes.csv", std::ios::binary);
  nodes << "id,name,label,founded\n";
  for (std::uint32_t i = 0; i < w.node_count; ++i)
    nodes << i << ",n" << i << ',' << w.label_of(i) << ',' << w.founded[i] << '\n';
  std::ofstream edges(dir / "edges.csv", std::ios::binary);
  edges << "src,dst,type,since\n";
  for (const Edge& e : w.edges)
    edges << e.src << ',' << e.dst << ',' << relationship_types[e.type] << ',' << e.since << '\n';
  if (!nodes.flush() || !edges.flush()) throw std::runtime_error("cannot write the CSV files in " + dir.string());
}

}  // namespace

std::string node_name(std::uint32_t id) { return "n" + std::to_string(id); }

const Workload& workload() {
  static const Workload w = large_scale() ? generate("large", 200'000, 2'000'000, 42)
                                          : generate("small", 10'000, 100'000, 42);
  return w;
}

namespace {

// The workload through the public CSV import, as a new database.
ergo::Database load_database() {
  const Workload& w = workload();
  std::filesystem::path dir;
  bool keep = false;
  if (const char* kept = std::getenv("ERGO_MICROBENCH_CSV_DIR"); kept != nullptr && *kept != '\0') {
    dir = kept;
    keep = true;
    std::filesystem::create_directories(dir);
  } else {
    std::string pattern = (std::filesystem::temp_directory_path() / "ergo-microbench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
    dir = pattern;
  }
  write_csv(w, dir);
  ergo::Database db;
  CsvImportSummary summary = db.import_csv({.nodes = {{(dir / "nodes.csv").string(), ""}},
                                            .relationships = {{(dir / "edges.csv").string(), ""}}});
  if (!keep) std::filesystem::remove_all(dir);
  if (summary.nodes != w.node_count || summary.relationships != w.edges.size())
    throw std::runtime_error("the CSV import did not load the whole graph");
  return db;
}

}  // namespace

ergo::Database& database() {
  static ergo::Database db = load_database();
  return db;
}

ergo::Database& writable_database() {
  static ergo::Database db = load_database();
  return db;
}

const store::Graph& graph() {
  static const std::unique_ptr<store::Graph> g = [] {
    const Workload& w = workload();
    auto graph = std::make_unique<store::Graph>();
    std::array<store::LabelId, std::size(node_labels)> labels{};
    for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = graph->labels().intern(node_labels[i]);
    std::array<store::TypeId, std::size(relationship_types)> types{};
    for (std::size_t i = 0; i < types.size(); ++i) types[i] = graph->types().intern(relationship_types[i]);
    const store::KeyId founded = graph->keys().intern("founded");
    const store::KeyId since = graph->keys().intern("since");
    for (std::uint32_t i = 0; i < w.node_count; ++i) {
      store::NodeId n = graph->add_node({labels[w.label[i]]});
      graph->set_node_property(n, graph->name_key(), Value(node_name(i)));
      graph->set_node_property(n, founded, Value(std::int64_t{w.founded[i]}));
    }
    for (const Edge& e : w.edges) {
      store::RelId r = graph->add_relationship(e.src, types[e.type], e.dst);
      graph->set_relationship_property(r, since, Value(std::int64_t{e.since}));
    }
    graph->commit();
    return graph;
  }();
  return *g;
}

store::NodeId node_named(const store::Graph& g, std::string_view name) {
  std::vector<store::NodeId> found = g.find_by_name(name);
  if (found.empty()) throw std::runtime_error("no node named " + std::string(name));
  return found.front();
}

bool verified(benchmark::State& state, const std::function<std::string()>& verify) {
  std::string problem;
  try {
    problem = verify();
  } catch (const std::exception& e) {
    problem = e.what();
  }
  if (problem.empty()) return true;
  state.SkipWithError(problem.c_str());
  return false;
}

std::int64_t single_int(const ergo::Result& result) {
  if (result.size() != 1 || result.row(0).size() != 1)
    throw std::runtime_error("expected one row of one value, got " + std::to_string(result.size()) + " rows");
  return result.row(0)[0].as_int();
}

}  // namespace ergo::microbench
