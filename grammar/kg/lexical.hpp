// The character classes, token helpers and the one error type shared by
// every part of the .kg parser: the X3 grammar (value_def.hpp,
// statement_def.hpp), the lowering (lower.cpp, literal.cpp) and the driver
// (parse_kg.cpp). No Spirit here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ergo::kg::detail {

// Characters of a bare name (docs/data-format.md, "Names"): ASCII letters and
// digits, `_ - . & + /`, and every byte of a non-ASCII character.
constexpr bool is_word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
         (u >= '0' && u <= '9') || c == '_' || c == '-' || c == '.' || c == '&' ||
         c == '+' || c == '/';
}

constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }

constexpr bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Labels, relationship types and property keys: an ASCII letter or `_`,
// then letters, digits or `_`.
constexpr bool is_identifier(std::string_view s) {
  if (s.empty() || !(is_ascii_letter(s[0]) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(is_ascii_letter(c) || is_ascii_digit(c) || c == '_')) return false;
  }
  return true;
}

// Byte length of the token starting `rest`, for a caret and for
// "unexpected 'foo'": a word, a quoted string, `@word`, or one character.
std::size_t token_length(std::string_view rest);

// "unexpected 'foo' after the end of the statement", with a hint about
// quoting when the stray token follows a bare word (`Sam Altman CEO_OF X`).
std::string unexpected_token_message(std::string_view token, bool after_bare_word);

// The first mistake on a line: where it is (byte offsets into the whole
// source text) and what to say. The driver turns it into a text::Diagnostic.
struct LineError {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::string message;
};

}  // namespace ergo::kg::detail
