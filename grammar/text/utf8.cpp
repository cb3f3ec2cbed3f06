// UTF-8 code point iteration, encoding and case mapping (see utf8.hpp).
#include "grammar/text/utf8.hpp"

#include <utf8proc.h>

#include <vector>

namespace ergo::text::utf8 {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Rewrites every valid code point with `map(code_point, out)`; invalid bytes
// are copied as they are.
template <class Map>
std::string map_code_points(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    Unit u = decode(s, pos);
    if (u.code_point < 0) {
      out += s.substr(pos, u.length);
    } else {
      map(u.code_point, out);
    }
    pos += u.length;
  }
  return out;
}

}  // namespace

void append(std::string& out, char32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::size_t unit_length(std::string_view s, std::size_t pos) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = at(pos);
  std::size_t left = s.size() - pos;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return left >= 2 && continuation(at(pos + 1)) ? 2 : 1;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (left < 3 || !continuation(at(pos + 1)) || !continuation(at(pos + 2))) return 1;
    unsigned char second = at(pos + 1);
    if (lead == 0xE0 && second < 0xA0) return 1;  // overlong
    if (lead == 0xED && second > 0x9F) return 1;  // surrogate
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (left < 4 || !continuation(at(pos + 1)) || !continuation(at(pos + 2)) || !continuation(at(pos + 3))) {
      return 1;
    }
    unsigned char second = at(pos + 1);
    if (lead == 0xF0 && second < 0x90) return 1;  // overlong
    if (lead == 0xF4 && second > 0x8F) return 1;  // beyond U+10FFFF
    return 4;
  }
  return 1;
}

Unit decode(std::string_view s, std::size_t pos) {
  std::size_t n = unit_length(s, pos);
  auto lead = static_cast<unsigned char>(s[pos]);
  if (n == 1) return {lead < 0x80 ? static_cast<std::int32_t>(lead) : -1, 1};
  std::int32_t cp = lead & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
  return {cp, n};
}

std::size_t offset_of(std::string_view s, std::size_t n) {
  std::size_t pos = 0;
  for (; pos < s.size() && n > 0; --n) pos += unit_length(s, pos);
  return pos;
}

std::string reverse(std::string_view s) {
  std::vector<std::string_view> units;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t n = unit_length(s, pos);
    units.push_back(s.substr(pos, n));
    pos += n;
  }
  std::string out;
  out.reserve(s.size());
  for (auto it = units.rbegin(); it != units.rend(); ++it) out += *it;
  return out;
}

std::string to_upper(std::string_view s) {
  return map_code_points(s, [](std::int32_t cp, std::string& out) {
    if (cp == 0xDF) {
      out += "SS";  // ß: Java's toUpperCase (so Neo4j) writes SS; utf8proc alone gives U+1E9E
    } else {
      append(out, static_cast<char32_t>(utf8proc_toupper(cp)));
    }
  });
}

std::string to_lower(std::string_view s) {
  return map_code_points(s, [](std::int32_t cp, std::string& out) { append(out, static_cast<char32_t>(utf8proc_tolower(cp))); });
}

std::string_view trim(std::string_view s, bool leading, bool trailing) {
  std::size_t begin = 0;
  if (leading) {
    while (begin < s.size()) {
      Unit u = decode(s, begin);
      if (!is_whitespace(u.code_point)) break;
      begin += u.length;
    }
  }
  std::size_t end = s.size();
  if (trailing) {
    end = begin;
    for (std::size_t pos = begin; pos < s.size();) {
      Unit u = decode(s, pos);
      pos += u.length;
      if (!is_whitespace(u.code_point)) end = pos;
    }
  }
  return s.substr(begin, end - begin);
}

bool is_whitespace(std::int32_t cp) {
  if ((cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F)) return true;
  if (cp < 0 || cp == 0xA0 || cp == 0x2007 || cp == 0x202F) return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

}  // namespace ergo::text::utf8
