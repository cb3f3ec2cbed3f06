// The kit's write workload (../shared/bench README, "The write workload"):
// DATADIR/writes.natural.cypher holds one statement a line as `<phase>
// <statement>`; each runs as text in its own auto-commit transaction, and
// each phase's row is its total time. WA is the graph after them all.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "ergo/database.hpp"

namespace ergo::bench {

// Runs every phase of `file` in order on `db` and adds W1..Wn and WA to
// `queries` in the kit's shape (median_ms = the phase's total, answer =
// its statement count; WA's answer `nodes=N edges=M founded=S`), plus
// cpu_ms, the process's CPU time for the phase. A failing
// statement ends its phase with status "error: ..." and skips the rest of
// it. Returns false when `file` cannot be read.
bool run_write_workload(Database& db, const std::string& file, nlohmann::ordered_json& queries);

}  // namespace ergo::bench
