// `ergo dump`: the whole graph — a database directory, .kg sources, CSV
// files, or the bundled graph — written as .kg, Cypher, CSV, GraphML or
// JSON Lines (docs/export.md, docs/cli.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ergo::cli {

// Runs `ergo dump ARGS...`; `bundled` is the bundled data directory, used
// when no source is named. Returns the exit status: 0 success, 1 a data or
// I/O error, 2 a usage error.
int dump_main(const std::vector<std::string>& args, const std::optional<std::string>& bundled);

// The `ergo dump --help` text.
const char* dump_usage_text();

}  // namespace ergo::cli
