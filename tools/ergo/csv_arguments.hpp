// The CSV import switches, shared by the command line (`ergo --nodes FILE
// --relationships FILE`) and the shell's `:import` (docs/csv-import.md):
//   --nodes [LABEL=]FILE          a nodes file; LABEL(s) for every node
//   --relationships [TYPE=]FILE   a relationships file (also --edges); TYPE
//                                 for files without a type column
//   --lenient                     skip bad rows instead of importing nothing
//   --delimiter C                 the field separator (',' by default; tab)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ergo/csv_import.hpp"

namespace ergo::cli {

// Whether `name` is one of the switches above.
bool is_csv_switch(const std::string& name);

// Applies one switch with its value (none for --lenient) to `import`.
// Throws UsageError for a bad value.
void apply_csv_switch(CsvImport& import, const std::string& name, const std::optional<std::string>& value);

// What an import added, for a person: "Imported 3 nodes and 2 relationships
// (1 bad row skipped)."
std::string describe_import(const CsvImportSummary& summary);

// The warning after a lenient import that skipped rows (each row's own
// warning comes before it): "--lenient skipped 2 bad rows; imported 3 nodes
// and 1 relationship".
std::string describe_skipped(const CsvImportSummary& summary);

}  // namespace ergo::cli
