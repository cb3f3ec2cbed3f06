// Named graphs of the TCK ("Given the binary-tree-1 graph"): each lives in
// <graphs>/<name>/ as a <name>.json metadata file listing Cypher scripts,
// whose ';'-separated statements create the graph.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ergo::tck {

class NamedGraphError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The statements that create graph `name`, in order. Reads the scripts the
// metadata lists (or <name>.cypher when there is no metadata). Throws
// NamedGraphError naming the file that is missing or malformed.
std::vector<std::string> named_graph_statements(const std::string& graphs_dir, const std::string& name);

// Splits a script at ';' outside string literals, backquoted names and
// comments; drops empty statements.
std::vector<std::string> split_statements(std::string_view script);

}  // namespace ergo::tck
