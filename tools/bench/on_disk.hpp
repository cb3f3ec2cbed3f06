// ergo-bench --db DIR: the steps of the kit's on-disk protocol that an
// in-memory run does not have (../shared/bench README, "The write workload
// (W1-W4, WA, RO)"; docs/performance.md, "On disk").
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "ergo/csv_import.hpp"
#include "ergo/database.hpp"

namespace ergo::bench {

// The load: `db_dir` wiped, a new database opened in it and `import`
// imported, durable (in the fsync'd log) when this returns. Throws
// ergo::Error, io_error when `db_dir` holds files that are not a
// database's (nothing is wiped then).
Database load_on_disk(const std::string& db_dir, const CsvImport& import, std::size_t threads);

// Between the load and the reads: records the bytes on disk as loaded,
// closes `db` (a close checkpoints: timed apart, close_after_load_ms),
// records the bytes again and opens the database again into `db`
// (reopen_after_load_ms), so the queries run on what a later process finds.
void reopen_after_load(Database& db, const std::string& db_dir, nlohmann::ordered_json& res);

// RO, as the kit defines it: after the writes, close `db` (not timed; its
// checkpoint is reported as close_ms), then time opening the database in a
// fresh Database and answering Q1 of `queries_file`. Adds queries.RO and
// the bytes on disk after it all.
void reopen_and_q1(Database& db, const std::string& db_dir, const std::string& queries_file,
                   nlohmann::ordered_json& res);

// What the files of `dir` take on disk, as du counts it (allocated blocks).
std::uint64_t directory_bytes(const std::string& dir);

}  // namespace ergo::bench
