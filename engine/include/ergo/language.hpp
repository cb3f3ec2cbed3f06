// The words of ergo's Cypher, for tools that help people type it (the
// shell's tab completion, an editor's highlighting). Both lists are built
// once, on first use, and never change: safe to read from any thread.
#pragma once

#include <string>
#include <vector>

namespace ergo {

// Every keyword, in upper case ("MATCH", "OPTIONAL", "SHORTESTPATH", ...),
// sorted.
const std::vector<std::string>& cypher_keywords();

// Every function a query may call — scalar, graph and aggregate — in its
// canonical spelling ("toUpper", "startNode", "percentileDisc", ...), sorted
// case-insensitively.
const std::vector<std::string>& cypher_functions();

}  // namespace ergo
