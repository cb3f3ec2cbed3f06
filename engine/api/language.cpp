// The keyword and function lists of ergo/language.hpp: keywords from the
// Cypher lexer, scalar functions from the function table, and the graph and
// aggregate functions, which the binder and executor implement by name.
#include "ergo/language.hpp"

#include <algorithm>
#include <cctype>

#include "engine/eval/aggregates.hpp"
#include "engine/eval/functions.hpp"
#include "grammar/cypher/lexer.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo {
namespace {

// Kept in step with the binder's graph functions and eval::is_aggregate();
// tests/engine/language_test.cpp checks that each one is known.
constexpr const char* graph_functions[] = {"id",    "labels",        "type",   "properties", "keys", "startNode",
                                           "endNode", "nodes", "relationships", "exists", "length"};
constexpr const char* aggregates[] = {"count", "sum",   "avg",    "min",            "max",
                                      "collect", "stDev", "stDevP", "percentileDisc", "percentileCont"};

}  // namespace

const std::vector<std::string>& cypher_keywords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w = cypher::lexer::all_keywords();
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    return w;
  }();
  return words;
}

const std::vector<std::string>& cypher_functions() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n = eval::function_names();
    n.insert(n.end(), std::begin(graph_functions), std::end(graph_functions));
    n.insert(n.end(), std::begin(aggregates), std::end(aggregates));
    std::sort(n.begin(), n.end(), [](const std::string& a, const std::string& b) {
      return std::pair(text::utf8::ascii_lower(a), a) < std::pair(text::utf8::ascii_lower(b), b);
    });
    n.erase(std::unique(n.begin(), n.end(), [](const std::string& a, const std::string& b) {
              return text::utf8::ascii_lower(a) == text::utf8::ascii_lower(b);
            }), n.end());
    return n;
  }();
  return names;
}

}  // namespace ergo
