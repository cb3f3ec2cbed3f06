// Private to the Cypher parser: the character-level scanning every token
// parser in tokens.hpp delegates to — whitespace and comments, keywords,
// names, numbers, strings. Plain functions over `const char*`, compiled once
// in lexer.cpp, so the X3 templates above them stay thin.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ergo::cypher::lexer {

// A syntax error the scanner can tell on its own (a bad literal, an
// unterminated string): thrown, since no other reading of the text can fix it.
struct LexicalError {
  const char* at;          // where the offending text starts
  std::size_t length;      // how many bytes to underline
  std::string message;     // "integer literal is too large"
  std::string_view detail; // openCypher detail code: "IntegerOverflow", ...
};

// Skips whitespace (ASCII and Unicode spaces), `// line` and `/* block */`
// comments. Stops in front of an unterminated block comment.
const char* skip_space_slow(const char* p, const char* end);
// The parser asks this before nearly every token (several times at one
// spot when alternatives are tried), and nearly always the answer is "no
// space here" or "one space": those cases stay inline.
inline const char* skip_space(const char* p, const char* end) {
  auto plain = [](char ch) {
    const unsigned char c = static_cast<unsigned char>(ch);
    return c > ' ' && c != '/' && c < 0x80;
  };
  if (p < end) {
    if (plain(*p)) return p;
    if (*p == ' ' && p + 1 < end && plain(p[1])) return p + 1;
  }
  return skip_space_slow(p, end);
}

// Byte length of the identifier-start / identifier-part code point at p, or 0.
std::size_t identifier_start_length(const char* p, const char* end);
std::size_t identifier_part_length(const char* p, const char* end);

// Whether the text at p continues a word (so a keyword or a number that ends
// right before p would be cut out of a longer word).
inline bool continues_word(const char* p, const char* end) { return identifier_part_length(p, end) > 0; }

// Case-insensitive match of `upper` (ASCII capitals) at p, as a whole word.
// Advances p on success.
bool match_keyword(const char*& p, const char* end, std::string_view upper);

// Whether `word` is `upper` (ASCII capitals) ignoring case.
bool equals_keyword(std::string_view word, std::string_view upper);

// A name: unescaped (Unicode identifier) or `backtick quoted` with `` for a
// backtick. Advances p and fills `out` on success; `quoted` tells which form.
// Throws LexicalError for an unterminated quoted name.
bool scan_name(const char*& p, const char* end, std::string& out, bool& quoted);

// The reserved words of openCypher, which a variable or function name may
// not be unless quoted (labels, types and keys may).
bool is_reserved_word(std::string_view word);

// Every keyword of the language, upper case: candidates for "did you mean".
const std::vector<std::string>& all_keywords();

struct Number {
  bool is_float = false;
  std::int64_t integer = 0;
  double real = 0;
};

// Whether a number literal starts at p (a digit, or '.' then a digit).
bool starts_number(const char* p, const char* end);

// Scans a number literal: decimal, 0x hex, 0o octal, or a float (1.5, .5,
// 1e10, 1.5E-3). `negated`: a minus sign precedes and is folded in, so the
// smallest integer is representable. `integer_only`: stop before any '.' or
// exponent (range bounds). Throws LexicalError for malformed literals
// (InvalidNumberLiteral) and values out of range (IntegerOverflow,
// FloatingPointOverflow).
bool scan_number(const char*& p, const char* end, bool negated, bool integer_only, Number& out);

// Scans a '...' or "..." string literal with escapes. Throws LexicalError for
// an unterminated string, an unknown escape or a bad \u escape
// (InvalidUnicodeLiteral).
bool scan_string(const char*& p, const char* end, std::string& out);

}  // namespace ergo::cypher::lexer
