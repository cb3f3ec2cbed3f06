// Measuring the token at an error and naming a stray one (see lexical.hpp).
#include "grammar/kg/lexical.hpp"

#include <algorithm>
#include <cstdio>

namespace ergo::kg::detail {

std::size_t token_length(std::string_view rest) {
  if (rest.empty()) return 0;
  char c = rest[0];
  std::size_t i = 1;
  if (is_word_char(c) || c == '@') {
    while (i < rest.size() && is_word_char(rest[i])) ++i;
    return i;
  }
  if (c == '"' || c == '\'') {
    while (i < rest.size()) {
      if (rest[i] == '\\' && i + 1 < rest.size()) {
        i += 2;
      } else if (rest[i++] == c) {
        break;
      }
    }
    return std::min(i, rest.size());
  }
  return 1;  // one ASCII character: word_char covers every non-ASCII byte
}

std::string unexpected_token_message(std::string_view token, bool after_bare_word) {
  std::string shown;
  if (token.size() == 1 && (static_cast<unsigned char>(token[0]) < 0x20 || token[0] == 0x7f)) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(token[0]));
    shown = std::string("character ") + buffer;
  } else if (token.find('\'') == std::string_view::npos) {
    shown = "'" + std::string(token) + "'";
  } else {
    shown = "\"" + std::string(token) + "\"";
  }
  std::string message = "unexpected " + shown + " after the end of the statement";
  if (after_bare_word && is_word_char(token[0])) message += " (names with spaces need quotes)";
  return message;
}

}  // namespace ergo::kg::detail
