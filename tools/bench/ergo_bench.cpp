// ergo-bench: runs the peer benchmark kit's workload (../shared/bench) on
// ergo through the public API, exactly as an embedding program would:
// import DATADIR/nodes.csv + edges.csv, then for each query of
// DATADIR/queries.natural.cypher one warm-up and N timed runs from query
// text to rows read (parse, plan and execute every time); then the write
// workload of DATADIR/writes.natural.cypher (write_workload.hpp) unless
// --no-writes, followed by the reads again (`queries_after_writes`: reads
// after writes); and write results/<scale>.ergo.json in the kit's format
// (its README, "Adding our engine"). See docs/performance.md.
//
// With --db DIR the database is on disk (the kit's on-disk peers' protocol,
// results/<scale>.ergo-disk.json): the load imports into a new database in
// DIR (wiped first), durable when it returns; the database is closed and
// opened again, and the queries run on the reopened one; every write
// statement is its own fsync'd commit; then RO closes the database, opens
// it again in a fresh Database and times opening + Q1 (on_disk.hpp).
//
//   ergo-bench DATADIR [--db DIR] [--runs 5] [--timeout-s 120] [--out FILE.json] [--only Q1,Q2] [--no-writes]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "ergo/ergo.hpp"
#include "tools/bench/answer.hpp"
#include "tools/bench/on_disk.hpp"
#include "tools/bench/write_workload.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A line of /proc/self/status in MiB (VmRSS: now, VmHWM: peak).
double status_mib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  }
  return 0;
}

double round1(double v) { return static_cast<double>(static_cast<long long>(v * 10 + 0.5)) / 10; }

// Interrupts the database when a query runs past the deadline. It polls
// every 20 ms rather than being woken per query, so arming it costs two
// atomic stores and the timings hold no thread handoff.
class Watchdog {
 public:
  Watchdog(ergo::Database& db, double timeout_s)
      : db_(db), timeout_(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout_s))) {
    thread_ = std::thread([this] { loop(); });
  }
  ~Watchdog() {
    stop_ = true;
    thread_.join();
  }
  void arm() {
    deadline_.store((Clock::now() + timeout_).time_since_epoch().count(), std::memory_order_relaxed);
    armed_.store(true, std::memory_order_release);
  }
  void disarm() { armed_.store(false, std::memory_order_release); }

 private:
  void loop() {
    while (!stop_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (armed_.load(std::memory_order_acquire) &&
          Clock::now().time_since_epoch().count() >= deadline_.load(std::memory_order_relaxed)) {
        db_.interrupt();
        armed_ = false;
      }
    }
  }
  ergo::Database& db_;
  Clock::duration timeout_;
  std::atomic<Clock::rep> deadline_{0};
  std::atomic<bool> armed_{false}, stop_{false};
  std::thread thread_;
};

// One warm-up and `runs` timed runs of every query of `path` (`<id> <text>`
// lines), from text to rows copied out, into out[id] in the kit's shape.
bool run_queries(ergo::Database& db, Watchdog& watchdog, const std::string& path, int runs, double timeout_s,
                 const std::string& only, nlohmann::ordered_json& out) {
  std::ifstream queries(path);
  if (!queries) {
    std::cerr << "ergo-bench: cannot read " << path << "\n";
    return false;
  }
  std::string line;
  while (std::getline(queries, line)) {
    if (line.empty() || line.starts_with("//")) continue;
    std::size_t space = line.find(' ');
    std::string id = line.substr(0, space), text = line.substr(space + 1);
    if (!only.empty() && only.find("," + id + ",") == std::string::npos) continue;
    nlohmann::ordered_json q;
    q["query"] = text;
    std::vector<double> times;
    try {
      for (int run = 0; run <= runs; ++run) {  // run 0 is the warm-up
        watchdog.arm();
        auto t = Clock::now();
        // Text in, rows out: the rows are copied out of the result, as a
        // client of Kuzu's getAllSync() or Python's fetchall() gets them;
        // turning them into the kit's answer text is not timed.
        ergo::Result result = db.execute(text);
        std::vector<std::vector<ergo::Value>> rows;
        rows.reserve(result.size());
        for (const ergo::Row& row : result) rows.emplace_back(row.begin(), row.end());
        double ms = ms_since(t);
        watchdog.disarm();
        if (run == 0) {
          std::vector<std::vector<std::string>> cells;
          for (const auto& row : rows) {
            std::vector<std::string>& line = cells.emplace_back();
            for (const ergo::Value& v : row) line.push_back(ergo::bench::cell_text(v));
          }
          q["answer"] = ergo::bench::answer_of(cells);
        } else {
          times.push_back(ms);
        }
      }
      std::vector<double> sorted = times;
      std::sort(sorted.begin(), sorted.end());
      std::size_t n = sorted.size();
      q["status"] = "ok";
      q["median_ms"] = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      q["runs_ms"] = times;
    } catch (const ergo::Error& e) {
      watchdog.disarm();
      q["status"] = e.code() == "Cancelled" ? "timeout >" + std::to_string(static_cast<int>(timeout_s)) + "s"
                                            : "error: " + e.message();
    }
    std::fprintf(stderr, "  %s %s  -> %s\n", id.c_str(),
                 q["status"] == "ok" ? (std::to_string(q["median_ms"].get<double>()) + " ms").c_str()
                                     : q["status"].get<std::string>().c_str(),
                 q.value("answer", std::string()).c_str());
    out[id] = q;
  }
  return true;
}

int usage() {
  std::cerr << "usage: ergo-bench DATADIR [--db DIR] [--runs N] [--timeout-s S] [--out FILE.json] "
               "[--only Q1,Q2,...] [--no-writes] [--threads N]\n"
               "  --threads N: Database::set_threads (0, the default: one per core)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string dir, out, only, db_dir;
  int runs = 5;
  std::size_t threads = 0;
  bool writes = true;
  double timeout_s = 120;
  for (std::size_t i = 0; i < args.size(); ++i) {
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument(args[i] + " needs a value");
      return args[++i];
    };
    try {
      if (args[i] == "--runs") runs = std::stoi(value());
      else if (args[i] == "--timeout-s") timeout_s = std::stod(value());
      else if (args[i] == "--out") out = value();
      else if (args[i] == "--only") only = "," + value() + ",";
      else if (args[i] == "--no-writes") writes = false;
      else if (args[i] == "--db") db_dir = value();
      else if (args[i] == "--threads") threads = std::stoul(value());
      else if (!args[i].starts_with("--") && dir.empty()) dir = args[i];
      else return usage();
    } catch (const std::exception& e) {
      std::cerr << "ergo-bench: " << e.what() << "\n";
      return usage();
    }
  }
  if (dir.empty() || runs < 1) return usage();
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::string scale = dir.substr(dir.find_last_of('/') + 1);

  nlohmann::ordered_json res;
  res["system"] = "ergo";
  res["variant"] = db_dir.empty() ? "in-memory" : "on-disk";
  res["version"] = ERGO_VERSION;
  res["scale"] = scale;
  res["rss_base_mib"] = round1(status_mib("VmRSS"));

  const ergo::CsvImport import{.nodes = {{dir + "/nodes.csv"}}, .relationships = {{dir + "/edges.csv"}}};
  ergo::Database db;
  db.set_threads(threads);
  // The kit's "threads" row: what the import may use (queries run on one).
  res["threads"] = db.threads();
  if (threads == 1) res["variant"] = res["variant"].get<std::string>() + ", 1 thread";
  auto t0 = Clock::now();
  try {
    if (db_dir.empty()) {
      db.import_csv(import);
    } else {
      db = ergo::bench::load_on_disk(db_dir, import, threads);
    }
  } catch (const ergo::Error& e) {
    std::cerr << e.what();
    return 1;
  }
  res["load_ms"] = ms_since(t0);
  res["loaded"] = {{"nodes", db.node_count()}, {"edges", db.relationship_count()}};
  res["rss_after_load_mib"] = round1(status_mib("VmRSS"));
  std::fprintf(stderr, "[ergo %s %s] load %.0f ms, %zu nodes, %zu edges, RSS %.1f MiB\n", scale.c_str(),
               res["variant"].get<std::string>().c_str(), res["load_ms"].get<double>(), db.node_count(),
               db.relationship_count(), res["rss_after_load_mib"].get<double>());
  if (!db_dir.empty()) {
    // The reads run on the database as a later process finds it: closed
    // (which checkpoints), then opened again.
    try {
      ergo::bench::reopen_after_load(db, db_dir, res);
    } catch (const ergo::Error& e) {
      std::cerr << e.what();
      return 1;
    }
  }

  // The kit has every system parse and plan each run from its text (SQLite
  // with Python's statement cache off): execute()'s cache of parsed texts
  // is off here too.
  db.set_query_cache_size(0);
  auto watchdog = std::make_unique<Watchdog>(db, timeout_s);
  if (!run_queries(db, *watchdog, dir + "/queries.natural.cypher", runs, timeout_s, only, res["queries"])) return 1;
  res["rss_peak_mib"] = round1(status_mib("VmHWM"));
  std::fprintf(stderr, "  peak RSS %.1f MiB\n", res["rss_peak_mib"].get<double>());
  if (writes) {
    try {
      if (ergo::bench::run_write_workload(db, dir + "/writes.natural.cypher", res["queries"])) {
        res["rss_peak_writes_mib"] = round1(status_mib("VmHWM"));
        std::fprintf(stderr, "  peak RSS after writes %.1f MiB\n", res["rss_peak_writes_mib"].get<double>());
        // The reads again, on the graph the writes left (their answers
        // differ from the kit's; only the times are compared, with the
        // ones before: docs/performance.md "Writes").
        std::fprintf(stderr, "  the reads again, after the writes:\n");
        run_queries(db, *watchdog, dir + "/queries.natural.cypher", runs, timeout_s, only,
                    res["queries_after_writes"]);
      }
    } catch (const ergo::Error& e) {
      std::cerr << "ergo-bench: the write workload failed: " << e.what();
      return 1;
    }
  }
  if (!db_dir.empty() && writes) {
    watchdog.reset();  // it holds the Database that RO closes
    try {
      ergo::bench::reopen_and_q1(db, db_dir, dir + "/queries.natural.cypher", res);
    } catch (const ergo::Error& e) {
      std::cerr << "ergo-bench: the reopen (RO) failed: " << e.what();
      return 1;
    }
  }
  std::string text = res.dump(1) + "\n";
  if (out.empty()) {
    std::cout << text;
  } else {
    std::ofstream(out) << text;
  }
  return 0;
}
