// Loads CSV files of nodes and relationships into the store (the public
// contract is in ergo/csv_import.hpp, the format in docs/csv-import.md).
// Every file is read and tokenized once (in parts, on `threads` threads),
// each untyped column's type is inferred from all of its values, and rows
// are added as they are converted (a relationship file's a step ahead on a
// second thread, and the relationship files read while the nodes are
// added); the files' memory is given back and adjacency is built
// once at the end. The caller undoes a failed import (Graph::mark /
// rollback), so a strict import adds all or nothing.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/store/graph.hpp"
#include "ergo/csv_import.hpp"
#include "grammar/text/diagnostic.hpp"

namespace ergo::load {

struct CsvLoadReport {
  std::size_t nodes = 0;
  std::size_t relationships = 0;
  std::size_t bad_rows = 0;       // rows left out, all of them
  std::size_t problem_count = 0;  // bad rows plus problems with whole files
  // The first import.max_reported problems, in file order (the nodes files,
  // then the relationship files, each in the order given), each file's by
  // line.
  std::vector<text::Diagnostic> problems;
  bool fatal = false;       // a file could not be used at all (header, unreadable)
  bool io_failure = false;  // ... because it could not be read

  // Whether the import may be kept.
  bool ok(bool lenient) const { return !fatal && (lenient || bad_rows == 0); }
};

// `threads`: how many threads may read and tokenize a file, resolve
// relationship rows and build the adjacency.
CsvLoadReport load_csv(store::Graph& graph, const CsvImport& import, std::size_t threads = 1);

}  // namespace ergo::load
