// Values as text for the exported formats (see literals.hpp).
#include "engine/export/literals.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace ergo::dump {
namespace {

void append_code_unit_escape(std::string& out, unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04X", c);
  out += buf;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string float_text(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string text(buf, end);
  if (auto e = text.find('e'); e != std::string::npos) {
    if (text[e + 1] == '+') text.erase(e + 1, 1);
    // 1e-300 reads as a float already; .kg and Cypher both accept it.
    return text;
  }
  if (text.find('.') == std::string::npos) text += ".0";
  return text;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || !(is_ascii_letter(s[0]) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

namespace {

// .kg and Cypher quote alike: a backslash before the quote and before a
// backslash, \n and \t by name, other control characters as code units.
// Cypher also names \r; the .kg grammar has no \r escape, so there it is a
// code unit like the rest.
std::string quoted(std::string_view s, char quote, bool name_cr) {
  std::string out(1, quote);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == quote || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (ch == '\r' && name_cr) {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      append_code_unit_escape(out, c);
    } else {
      out += ch;
    }
  }
  return out + quote;
}

}  // namespace

std::string kg_string(std::string_view s) { return quoted(s, '"', false); }

std::string cypher_string(std::string_view s) { return quoted(s, '\'', true); }

std::string cypher_name(std::string_view s) {
  if (is_identifier(s)) return std::string(s);
  std::string out = "`";
  for (char c : s) {
    out += c;
    if (c == '`') out += '`';
  }
  return out + "`";
}

std::string cypher_value(const Value& v) {
  switch (v.type()) {
    case Value::Type::null: return "null";
    case Value::Type::boolean: return v.as_bool() ? "true" : "false";
    case Value::Type::integer: {
      const std::int64_t i = v.as_int();
      // The literal 9223372036854775808 does not fit before its minus sign
      // applies, in some readers.
      if (i == std::numeric_limits<std::int64_t>::min()) return "(-9223372036854775807 - 1)";
      return std::to_string(i);
    }
    case Value::Type::floating: {
      const double d = v.as_double();
      if (std::isnan(d)) return "(0.0 / 0.0)";
      if (std::isinf(d)) return d > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)";
      return float_text(d);
    }
    case Value::Type::string: return cypher_string(v.as_string());
    case Value::Type::date: return "date('" + v.as_date().to_string() + "')";
    case Value::Type::list: {
      std::string out = "[";
      for (const Value& item : v.as_list()) out += (out.size() > 1 ? ", " : "") + cypher_value(item);
      return out + "]";
    }
    case Value::Type::map: {
      std::string out = "{";
      for (const auto& [key, item] : v.as_map()) {
        out += (out.size() > 1 ? ", " : "") + cypher_name(key) + ": " + cypher_value(item);
      }
      return out + "}";
    }
    default:
      // Nodes, relationships and paths are never property values.
      return "null";
  }
}

}  // namespace ergo::dump
