// The keyword and function lists of ergo/language.hpp: keywords from the
// Cypher lexer, functions from the function table the binder resolves calls
// with (engine/eval/function_table.hpp).
#include "ergo/language.hpp"

#include <algorithm>

#include "engine/eval/function_table.hpp"
#include "grammar/cypher/lexer.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo {
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
    std::vector<std::string> n;
    for (const eval::FunctionEntry& f : eval::function_table()) n.emplace_back(f.name);
    std::sort(n.begin(), n.end(), [](const std::string& a, const std::string& b) {
      return std::pair(text::utf8::ascii_lower(a), a) < std::pair(text::utf8::ascii_lower(b), b);
    });
    return n;
  }();
  return names;
}

}  // namespace ergo
