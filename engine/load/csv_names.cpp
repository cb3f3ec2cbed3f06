// See csv_names.hpp. The rule is the Cypher lexer's own, so whatever passes
// here is exactly what `(n:Label)` and `[:TYPE]` accept unquoted.
#include "engine/load/csv_names.hpp"

#include "grammar/cypher/lexer.hpp"

namespace ergo::load {
namespace {

bool is_cypher_name(std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  std::size_t n = cypher::lexer::identifier_start_length(p, end);
  if (n == 0) return false;
  for (p += n; p < end; p += n) {
    n = cypher::lexer::identifier_part_length(p, end);
    if (n == 0) return false;
  }
  return true;
}

// "Has Space" → "Has_Space": the name with every other character made `_`.
std::string suggested(std::string_view s) {
  std::string out;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    std::size_t n = cypher::lexer::identifier_part_length(p, end);
    if (n) {
      out.append(p, n);
      p += n;
    } else {
      if (!out.empty() && out.back() != '_') out += '_';
      ++p;
      while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) ++p;
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (!out.empty() && out[0] >= '0' && out[0] <= '9') out = "_" + out;
  return out;
}

}  // namespace

std::optional<std::string> csv_name_problem(std::string_view name, const char* what) {
  if (is_cypher_name(name)) return std::nullopt;
  std::string message = "'" + std::string(name) + "' is not usable as a " + what + "; a " + what +
                        " is a name a query can write as it is: a letter or '_', then letters, digits or '_'";
  std::string better = suggested(name);
  if (!better.empty()) message += ", such as " + better;
  return message;
}

}  // namespace ergo::load
