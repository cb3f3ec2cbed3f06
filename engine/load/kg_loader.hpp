// Loads .kg files into the store as one all-or-nothing change: every file is
// parsed, every name resolved across all files, and only when no file has an
// error is anything added to the graph (docs/data-format.md).
#pragma once

#include <filesystem>
#include <vector>

#include "engine/store/graph.hpp"
#include "grammar/text/diagnostic.hpp"
#include "grammar/text/source_text.hpp"

namespace ergo::load {

struct LoadReport {
  std::size_t files = 0;
  std::size_t entities = 0;       // nodes added
  std::size_t relationships = 0;  // relationships added
  std::vector<text::Diagnostic> diagnostics;  // errors and warnings, in input order

  bool ok() const { return !text::has_errors(diagnostics); }
};

// The .kg files a path names: the file itself, or the .kg files directly in a
// directory, in file-name order. Problems (missing path, empty directory) are
// appended to `diagnostics`.
std::vector<std::filesystem::path> kg_files(const std::filesystem::path& path,
                                            std::vector<text::Diagnostic>& diagnostics);

// Loads files and directories (see kg_files). On any error the graph is left
// exactly as it was and the report lists every error found.
LoadReport load_kg(store::Graph& graph, const std::vector<std::filesystem::path>& paths);

// Loads already-read sources (tests, the REPL, embedders).
LoadReport load_kg(store::Graph& graph, const std::vector<text::SourcePtr>& sources);

}  // namespace ergo::load
