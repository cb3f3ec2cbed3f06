// ergo-load: the mixed workload of ergo serve's load test
// (tools/bench/load_mix.txt) run by CLIENTS threads straight through the C++
// API — Database::execute() and Database::begin() — on a database kept in
// DIR, so that the numbers beside the Bolt ones (tests/server/load_test.mjs)
// show what the protocol costs. See docs/server.md, Load.
//
//   ergo-load --db DIR --mix tools/bench/load_mix.txt [--seconds 60] [--clients 64] [--kit]
//
// DIR must hold the graph already (the load test builds it the same way:
// ergo --db DIR data/ [--nodes kit/nodes.csv --relationships kit/edges.csv]).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ergo/ergo.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Operation {
  int weight = 0;
  std::string kind;
  std::vector<std::string> statements;
};

std::vector<Operation> read_mix(const std::string& path, bool kit) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Operation> mix;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    Operation op;
    words >> op.weight >> op.kind;
    std::string rest;
    std::getline(words, rest);
    rest.erase(0, rest.find_first_not_of(' '));
    for (std::size_t start = 0;;) {
      const std::size_t end = rest.find(" ;; ", start);
      op.statements.push_back(rest.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 4;
    }
    if (kit || op.kind != "kit") mix.push_back(std::move(op));
  }
  return mix;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, mix_file;
  double seconds = 60;
  int clients = 64;
  bool kit = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--db") dir = value();
    else if (a == "--mix") mix_file = value();
    else if (a == "--seconds") seconds = std::stod(value());
    else if (a == "--clients") clients = std::stoi(value());
    else if (a == "--kit") kit = true;
    else {
      std::cerr << "usage: ergo-load --db DIR --mix FILE [--seconds 60] [--clients 64] [--kit]\n";
      return 2;
    }
  }
  if (dir.empty() || mix_file.empty()) {
    std::cerr << "usage: ergo-load --db DIR --mix FILE [--seconds 60] [--clients 64] [--kit]\n";
    return 2;
  }
  const std::vector<Operation> mix = read_mix(mix_file, kit);
  int total = 0;
  for (const Operation& op : mix) total += op.weight;
  ergo::Database db = ergo::Database::open_directory(dir);
  std::vector<std::string> names;
  {
    ergo::Result r = db.execute("MATCH (n) WHERE n.name IS NOT NULL AND NOT n.name STARTS WITH 'n' RETURN n.name");
    for (std::size_t i = 0; i < r.size(); ++i) names.push_back(r.row(i).at(0).as_string());
  }
  const std::int64_t probes_before =
      db.execute("MATCH (p:LoadProbe) RETURN count(p)").row(0).at(0).as_int();

  std::mutex mutex;
  std::map<std::string, std::vector<double>> latencies;
  std::atomic<std::int64_t> probes{0}, errors{0};
  const Clock::time_point started = Clock::now();
  const Clock::time_point deadline = started + std::chrono::duration_cast<Clock::duration>(
                                                   std::chrono::duration<double>(seconds));
  std::vector<std::thread> threads;
  for (int client = 0; client < clients; ++client) {
    threads.emplace_back([&, client] {
      std::mt19937 random(static_cast<unsigned>(client + 1));
      std::uniform_real_distribution<double> uniform(0, 1);
      std::map<std::string, std::vector<double>> mine;
      for (std::int64_t i = 0; Clock::now() < deadline; ++i) {
        double pick = uniform(random) * total;
        const Operation* op = &mix.back();
        for (const Operation& m : mix) {
          if ((pick -= m.weight) < 0) {
            op = &m;
            break;
          }
        }
        const ergo::Params params{
            {"name", ergo::Value(names[static_cast<std::size_t>(uniform(random) * names.size())])},
            {"kit", ergo::Value("n" + std::to_string(static_cast<int>(uniform(random) * 10000)))},
            {"client", ergo::Value(std::int64_t{client})},
            {"i", ergo::Value(i)}};
        const Clock::time_point t0 = Clock::now();
        try {
          if (op->kind == "tx") {
            ergo::Transaction tx = db.begin();
            for (const std::string& s : op->statements) tx.execute(s, params);
            tx.commit();
          } else {
            ergo::Result r = db.execute(op->statements[0], params);
            for (std::size_t k = 0; k < r.size(); ++k) (void)r.row(k);
          }
          if (op->kind == "write" || op->kind == "tx") ++probes;
        } catch (const ergo::Error& e) {
          if (++errors <= 5) std::cerr << "# " << op->kind << " failed: " << e.message() << "\n";
        }
        mine[op->kind].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      }
      std::lock_guard lock(mutex);
      for (auto& [kind, values] : mine) latencies[kind].insert(latencies[kind].end(), values.begin(), values.end());
    });
  }
  for (std::thread& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();

  const auto line = [&](const std::string& kind, std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto at = [&](double p) {
      return values[std::min(values.size() - 1, static_cast<std::size_t>(p / 100 * static_cast<double>(values.size())))];
    };
    std::printf("%-6s %8zu ops %7.0f/s  p50 %7.2f ms  p99 %8.2f ms\n", kind.c_str(), values.size(),
                static_cast<double>(values.size()) / elapsed, at(50), at(99));
  };
  std::printf("# C++ API, %d clients, %.1f s%s\n", clients, elapsed, kit ? ", bundled graph + kit small graph" : "");
  std::vector<double> all;
  for (const auto& [kind, values] : latencies) {
    line(kind, values);
    all.insert(all.end(), values.begin(), values.end());
  }
  line("all", all);
  const std::int64_t probes_after = db.execute("MATCH (p:LoadProbe) RETURN count(p)").row(0).at(0).as_int();
  if (errors.load() != 0 || probes_after - probes_before != probes.load()) {
    std::printf("not ok - %lld errors; %lld probes created, %lld found\n", static_cast<long long>(errors.load()),
                static_cast<long long>(probes.load()), static_cast<long long>(probes_after - probes_before));
    return 1;
  }
  std::printf("ok - %lld writes and transactions, every one there, no error\n", static_cast<long long>(probes.load()));
  return 0;
}
