// The command loop behind ergo: reads commands (`:help`, `:find NAME`,
// `:schema`, `:quit`) one per line, from a terminal with a prompt or from a
// pipe without one.
#pragma once

#include <iosfwd>
#include <string>

#include "engine/store/graph.hpp"

namespace ergo::cli {

class Shell {
 public:
  Shell(const store::Graph& graph, std::ostream& messages) : graph_(graph), messages_(messages) {}

  // Runs until :quit or end of input. Returns the exit status: 0, or 1 when
  // a command failed in non-interactive mode.
  int run(std::istream& in, std::ostream& out, bool interactive);

 private:
  bool execute(const std::string& line, std::ostream& out);  // false on error
  void find(const std::string& name, std::ostream& out) const;
  void schema(std::ostream& out) const;

  const store::Graph& graph_;
  std::ostream& messages_;
};

}  // namespace ergo::cli
