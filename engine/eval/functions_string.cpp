// String functions: case mapping, trimming, substrings, replace and split,
// all counting code points, never bytes ("size('오픈AI')" is 4).
#include <algorithm>

#include "engine/eval/function_support.hpp"
#include "grammar/text/unicode.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::eval::fn {
namespace {

Value to_lower(Args a, std::string_view name) {
  if (a[0].is_null()) return Value();
  return text::utf8::to_lower(string_arg(name, a[0]));
}

Value to_upper(Args a, std::string_view name) {
  if (a[0].is_null()) return Value();
  return text::utf8::to_upper(string_arg(name, a[0]));
}

// Drops leading and/or trailing whitespace (Java's Character.isWhitespace).
Value trim(Args a, std::string_view name, bool leading, bool trailing) {
  if (a[0].is_null()) return Value();
  return std::string(text::utf8::trim(string_arg(name, a[0]), leading, trailing));
}

// A non-negative INTEGER argument called `noun` ("start", "length").
std::size_t count_arg(std::string_view function, const Value& v, std::string_view noun) {
  std::int64_t n = integer_arg(function, v, "an INTEGER " + std::string(noun));
  if (n < 0) out_of_domain(function, std::string(noun) + " must not be negative, got " + std::to_string(n));
  return static_cast<std::size_t>(n);
}

// substring(original, start[, length]): start and length in code points.
Value substring(Args a) {
  if (a[0].is_null()) return Value();
  std::string_view s = string_arg("substring", a[0]);
  std::size_t start = count_arg("substring", a[1], "start");
  std::size_t begin = text::utf8::offset_of(s, start);
  if (a.size() < 3) return std::string(s.substr(begin));
  std::size_t length = count_arg("substring", a[2], "length");
  return std::string(s.substr(begin, text::utf8::offset_of(s.substr(begin), length)));
}

Value left(Args a) {
  if (a[0].is_null()) return Value();
  std::string_view s = string_arg("left", a[0]);
  std::size_t n = count_arg("left", a[1], "length");
  return std::string(s.substr(0, text::utf8::offset_of(s, n)));
}

Value right(Args a) {
  if (a[0].is_null()) return Value();
  std::string_view s = string_arg("right", a[0]);
  std::size_t n = count_arg("right", a[1], "length");
  std::size_t total = text::code_points(s);
  if (n >= total) return std::string(s);
  return std::string(s.substr(text::utf8::offset_of(s, total - n)));
}

// replace(original, search, replacement): every occurrence, left to right.
// An empty search string matches before every code point and at the end.
Value replace(Args a) {
  if (any_null(a)) return Value();
  std::string_view s = string_arg("replace", a[0], "a STRING original");
  std::string_view search = string_arg("replace", a[1], "a STRING search");
  std::string_view with = string_arg("replace", a[2], "a STRING replacement");
  std::string out;
  if (search.empty()) {
    for (std::size_t pos = 0; pos < s.size();) {
      std::size_t n = text::utf8::unit_length(s, pos);
      out += with;
      out += s.substr(pos, n);
      pos += n;
    }
    out += with;
    return out;
  }
  std::size_t from = 0;
  for (std::size_t at; (at = s.find(search, from)) != std::string_view::npos; from = at + search.size()) {
    out += s.substr(from, at - from);
    out += with;
  }
  out += s.substr(from);
  return out;
}

// split(original, delimiter or list of delimiters): every piece is kept,
// empty ones included (split('a,,b,', ',') is ['a', '', 'b', '']). At a
// position where several delimiters match, the longest wins. With only
// empty delimiters the string is split into its code points.
Value split(Args a) {
  if (any_null(a)) return Value();
  std::string_view s = string_arg("split", a[0], "a STRING original");
  std::vector<std::string_view> delimiters;
  if (const List* list = a[1].get_if<List>()) {
    for (const Value& d : *list) delimiters.push_back(string_arg("split", d, "STRING delimiters"));
  } else {
    delimiters.push_back(string_arg("split", a[1], "a STRING or LIST<STRING> delimiter"));
  }
  std::erase_if(delimiters, [](std::string_view d) { return d.empty(); });
  if (s.empty()) return List{Value("")};
  List pieces;
  if (delimiters.empty()) {
    for (std::size_t pos = 0; pos < s.size();) {
      std::size_t n = text::utf8::unit_length(s, pos);
      pieces.emplace_back(s.substr(pos, n));
      pos += n;
    }
    return pieces;
  }
  std::size_t from = 0;
  while (true) {
    std::size_t best = std::string_view::npos, best_length = 0;
    for (std::string_view d : delimiters) {
      std::size_t at = s.find(d, from);
      if (at < best || (at == best && at != std::string_view::npos && d.size() > best_length)) {
        best = at;
        best_length = d.size();
      }
    }
    if (best == std::string_view::npos) break;
    pieces.emplace_back(s.substr(from, best - from));
    from = best + best_length;
  }
  pieces.emplace_back(s.substr(from));
  return pieces;
}

Value char_length(Args a, std::string_view name) {
  if (a[0].is_null()) return Value();
  return static_cast<std::int64_t>(text::code_points(string_arg(name, a[0])));
}

constexpr FunctionInfo table[] = {
    {"toLower", 1, 1, [](Args a) { return to_lower(a, "toLower"); }},
    {"lower", 1, 1, [](Args a) { return to_lower(a, "lower"); }},
    {"toUpper", 1, 1, [](Args a) { return to_upper(a, "toUpper"); }},
    {"upper", 1, 1, [](Args a) { return to_upper(a, "upper"); }},
    {"trim", 1, 1, [](Args a) { return trim(a, "trim", true, true); }},
    {"ltrim", 1, 1, [](Args a) { return trim(a, "ltrim", true, false); }},
    {"rtrim", 1, 1, [](Args a) { return trim(a, "rtrim", false, true); }},
    {"substring", 2, 3, substring},
    {"left", 2, 2, left},
    {"right", 2, 2, right},
    {"replace", 3, 3, replace},
    {"split", 2, 2, split},
    {"char_length", 1, 1, [](Args a) { return char_length(a, "char_length"); }},
    {"character_length", 1, 1, [](Args a) { return char_length(a, "character_length"); }},
};

}  // namespace

std::span<const FunctionInfo> string_functions() { return table; }

}  // namespace ergo::eval::fn
