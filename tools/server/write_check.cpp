#include "tools/server/write_check.hpp"

#include <array>
#include <cctype>

namespace ergo::server {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }

// Columns count characters, as ergo's own error positions do.
std::size_t characters(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::optional<UpdatingWord> find_updating_word(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kUpdating{"CREATE", "MERGE",  "SET",    "DELETE",
                                                             "DETACH", "REMOVE", "FOREACH"};
  std::size_t line = 1, line_start = 0;
  char before = ' ';  // the last significant character before the current word
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      ++i;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {  // a string or a quoted name: skip to its end
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != c) {
        if (s[j] == '\\' && c != '`') ++j;
        if (j < s.size() && s[j] == '\n') {
          ++line;
          line_start = j + 1;
        }
        ++j;
      }
      i = j + 1;
      before = c;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      std::size_t j = i + 2;
      while (j + 1 < s.size() && !(s[j] == '*' && s[j + 1] == '/')) {
        if (s[j] == '\n') {
          ++line;
          line_start = j + 1;
        }
        ++j;
      }
      i = j + 2;
      continue;
    }
    if (word_char(c)) {
      std::size_t j = i;
      while (j < s.size() && word_char(s[j])) ++j;
      std::string upper;
      for (std::size_t k = i; k < j; ++k) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(s[k])));
      const bool is_name = before == '.' || before == ':' || before == '$';
      if (!is_name) {
        for (std::string_view w : kUpdating) {
          if (upper == w) return UpdatingWord{upper, line, characters(s.substr(line_start, i - line_start)) + 1};
        }
      }
      before = 'a';
      i = j;
      continue;
    }
    if (!std::isspace(static_cast<unsigned char>(c))) before = c;
    ++i;
  }
  return std::nullopt;
}

}  // namespace ergo::server
