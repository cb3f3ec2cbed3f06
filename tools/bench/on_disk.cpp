// ergo-bench's on-disk steps (see on_disk.hpp).
#include "tools/bench/on_disk.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "tools/bench/answer.hpp"

namespace ergo::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Q1's text in the kit's query file (`Q1 <statement>` lines).
std::string q1_of(const std::string& queries_file) {
  std::ifstream in(queries_file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Q1 ", 0) == 0) return line.substr(3);
  }
  throw Error(ErrorKind::io_error, "no Q1 line in '" + queries_file + "'; regenerate the data with the kit's gen.py");
}

}  // namespace

std::uint64_t directory_bytes(const std::string& dir) {
  std::uint64_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    struct stat st {};
    if (::stat(e.path().c_str(), &st) == 0 && S_ISREG(st.st_mode)) bytes += static_cast<std::uint64_t>(st.st_blocks) * 512;
  }
  return bytes;
}

Database load_on_disk(const std::string& db_dir, const CsvImport& import, std::size_t threads) {
  // A new database, as the peers wipe theirs; but only a directory that
  // holds nothing but a database's files is wiped, never a mistyped one.
  if (std::filesystem::exists(db_dir)) {
    for (const auto& e : std::filesystem::directory_iterator(db_dir)) {
      const std::string name = e.path().filename().string();
      if (name != "snapshot.ergo" && name != "log.ergo" && name != "lock" && !name.ends_with(".tmp")) {
        throw Error(ErrorKind::io_error, "'" + db_dir + "' holds '" + name +
                                             "', which is not a database file; ergo-bench --db wipes its directory "
                                             "first, so name a new directory or an earlier run's database");
      }
    }
  }
  std::filesystem::remove_all(db_dir);
  Database db = Database::open_directory(db_dir);
  db.set_threads(threads);
  db.import_csv(import);
  return db;
}

void reopen_after_load(Database& db, const std::string& db_dir, nlohmann::ordered_json& res) {
  res["disk_bytes_after_load"] = directory_bytes(db_dir);
  auto t = Clock::now();
  db = Database();  // closes the database on disk: it checkpoints
  res["close_after_load_ms"] = ms_since(t);
  res["disk_bytes_after_checkpoint"] = directory_bytes(db_dir);
  t = Clock::now();
  db = Database::open_directory(db_dir);
  res["reopen_after_load_ms"] = ms_since(t);
  std::fprintf(stderr, "  on disk after load %.1f MiB, after the close's checkpoint %.1f MiB (close %.0f ms), "
               "reopen %.0f ms\n",
               res["disk_bytes_after_load"].get<double>() / 1048576, res["disk_bytes_after_checkpoint"].get<double>() / 1048576,
               res["close_after_load_ms"].get<double>(), res["reopen_after_load_ms"].get<double>());
}

void reopen_and_q1(Database& db, const std::string& db_dir, const std::string& queries_file,
                   nlohmann::ordered_json& res) {
  const std::string q1 = q1_of(queries_file);
  auto t = Clock::now();
  db = Database();
  res["close_ms"] = ms_since(t);
  t = Clock::now();
  Database reopened = Database::open_directory(db_dir);
  const Result result = reopened.execute(q1);
  std::vector<std::vector<std::string>> cells;
  for (const Row& row : result) {
    std::vector<std::string>& line = cells.emplace_back();
    for (const Value& v : row) line.push_back(cell_text(v));
  }
  const double ms = ms_since(t);
  res["queries"]["RO"] = {{"query", "open the database again, then Q1"},
                          {"answer", answer_of(cells)},
                          {"runs_ms", {ms}},
                          {"median_ms", ms},
                          {"status", "ok"}};
  db = std::move(reopened);
  res["disk_bytes"] = directory_bytes(db_dir);
  std::fprintf(stderr, "  RO %.1f ms -> %s (close before it %.0f ms); on disk %.1f MiB\n", ms,
               res["queries"]["RO"]["answer"].get<std::string>().c_str(), res["close_ms"].get<double>(),
               res["disk_bytes"].get<double>() / 1048576);
}

}  // namespace ergo::bench
