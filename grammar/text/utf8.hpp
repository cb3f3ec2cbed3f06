// Strings as sequences of code points: the Cypher string functions count,
// cut and reverse by code point, never by byte, and the parsers append the
// code points of escapes. A byte that
// does not start a valid UTF-8 sequence counts as one code point of its own,
// so malformed input is never lost or split further.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ergo::text::utf8 {

// Bytes (1..4) of the code point that starts at s[pos]; 1 for an invalid or
// truncated sequence. Precondition: pos < s.size().
std::size_t unit_length(std::string_view s, std::size_t pos);

// The code point of the unit at s[pos] and its length; -1 as the code point
// when the unit is an invalid byte.
struct Unit {
  std::int32_t code_point;
  std::size_t length;
};
Unit decode(std::string_view s, std::size_t pos);

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF).
void append(std::string& out, char32_t code_point);

// Byte offset where code point number n (0-based) starts; s.size() when s
// has n or fewer code points.
std::size_t offset_of(std::string_view s, std::size_t n);

// s with its code points in reverse order.
std::string reverse(std::string_view s);

// Unicode simple case mapping of every code point (via utf8proc), except
// that ß upper-cases to "SS" as Java's (so Neo4j's) toUpperCase does.
std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);

// s with A-Z mapped to a-z and every other byte as it is: for keywords,
// function names and type suffixes, which are ASCII and whose case folding
// must not depend on the locale.
std::string ascii_lower(std::string_view s);

// Java's Character.isWhitespace: space separators except the no-break ones,
// line and paragraph separators, and \t \n \v \f \r and U+001C..U+001F.
bool is_whitespace(std::int32_t code_point);

// s without its leading and/or trailing whitespace (is_whitespace above).
std::string_view trim(std::string_view s, bool leading = true, bool trailing = true);

}  // namespace ergo::text::utf8
