// ergo-gallery --bench: how long render() takes with the dot and the sfdp
// layout as answers grow. Synthetic answers shaped like the bundled graph's:
// five labels, a random spanning tree plus extra random relationships (30% of
// the node count unless asked otherwise; the bundled graph has about 35%),
// four types with a date and a role (two-line edge captions), fixed seed.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iomanip>
#include <ostream>

#include "tools/gallery/gallery.hpp"

namespace ergo::gallery {
namespace {

// A small fixed-seed generator, so every run measures the same graphs.
struct Lcg {
  std::uint64_t state = 42;
  std::size_t below(std::size_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((state >> 33) % n);
  }
};

Database synthetic(std::size_t n, std::size_t extra_percent) {
  Database db;
  const char* labels[] = {"Company", "Person", "Product", "Technology", "Organization"};
  for (int k = 0; k < 5; ++k) {
    db.execute(std::string("UNWIND range(0, $n - 1) AS i WITH i WHERE i % 5 = $k CREATE (:") + labels[k] +
                   " {name: 'Entity number ' + toString(i), i: i})",
               {{"n", Value(static_cast<std::int64_t>(n))}, {"k", Value(k)}});
  }
  Lcg rng;
  List pairs[4];
  auto add = [&](std::size_t a, std::size_t b) {
    pairs[rng.below(4)].emplace_back(List{Value(static_cast<std::int64_t>(a)), Value(static_cast<std::int64_t>(b))});
  };
  for (std::size_t i = 1; i < n; ++i) add(rng.below(i), i);
  for (std::size_t e = 0; e < n * extra_percent / 100; ++e) add(rng.below(n), rng.below(n));
  const char* types[] = {"DEVELOPS", "PARTNERS_WITH", "INVESTS_IN", "USES"};
  for (int t = 0; t < 4; ++t) {
    db.execute(std::string("UNWIND $pairs AS p MATCH (a {i: p[0]}), (b {i: p[1]}) CREATE (a)-[:") + types[t] +
                   " {date: date('2020-01-01'), role: 'partner'}]->(b)",
               {{"pairs", Value(pairs[t])}});
  }
  return db;
}

double render_ms(const Result& r, const std::string& layout) {
  RenderOptions o;
  o.layout = layout;
  o.max_nodes = 1'000'000;
  o.max_relationships = 1'000'000;
  auto start = std::chrono::steady_clock::now();
  render(r, o);
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

void bench_layouts(const std::vector<std::size_t>& sizes, std::size_t extra_percent, std::ostream& out) {
  out << "| nodes | relationships | dot (ms) | sfdp (ms) |\n|---:|---:|---:|---:|\n" << std::flush;
  bool dot_too_slow = false;
  for (std::size_t n : sizes) {
    Database db = synthetic(n, extra_percent);
    Result r = db.execute("MATCH (a)-[r]->(b) RETURN a, r, b");
    std::string dot = "skipped";
    if (!dot_too_slow) {
      double ms = render_ms(r, "dot");
      dot_too_slow = ms > 60'000;
      dot = std::to_string(static_cast<long>(ms));
    }
    out << "| " << n << " | " << r.size() << " | " << dot << " | " << static_cast<long>(render_ms(r, "sfdp"))
        << " |\n"
        << std::flush;
  }
}

}  // namespace ergo::gallery
