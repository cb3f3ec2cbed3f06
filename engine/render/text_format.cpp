// How values read in a diagram (see text_format.hpp).
#include "engine/value/temporal_text.hpp"
#include "engine/render/text_format.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "grammar/text/unicode.hpp"

namespace ergo::diagram {
namespace {

// "1.50" → "1.5", "10.0" → "10".
std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Three significant digits: 1.18, 13.5, 250.
std::string three_digits(double v) {
  char buf[32];
  int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return trim_zeros(buf);
}

// The amount scaled to K/M/B/T ("1.18T"), or written out below 10,000.
std::string scaled(double v) {
  struct Unit {
    double size;
    const char* suffix;
  };
  static constexpr std::array<Unit, 4> units{{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}}};
  if (v < 1e4) {
    if (v == std::floor(v)) return format_count(static_cast<std::size_t>(v));
    return three_digits(v);
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (v < units[i].size) continue;
    std::string digits = three_digits(v / units[i].size);
    // 999.6B rounds to "1000": say 1T instead.
    if (digits == "1000" && i > 0) return "1" + std::string(units[i - 1].suffix);
    return digits + units[i].suffix;
  }
  return three_digits(v);
}

std::uint32_t decode(std::string_view s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  std::uint32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

}  // namespace

std::string format_money(double amount, std::string_view currency) {
  std::string sign = amount < 0 ? "-" : "";
  std::string number = scaled(std::fabs(amount));
  if (currency == "USD") return sign + "$" + number;
  if (currency == "EUR") return sign + "€" + number;
  if (currency == "GBP") return sign + "£" + number;
  if (currency.empty()) return sign + number;
  return sign + number + " " + std::string(currency);
}

std::string format_count(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string display_value(const Value& v) {
  if (const auto* s = v.get_if<std::string>()) return *s;
  if (std::optional<std::string> t = temporal_text(v)) return *t;
  return v.to_cypher();
}

const Value* find_property(const Map& properties, std::string_view key) {
  for (const auto& [k, v] : properties) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string display_date(const Map& properties, std::string_view key) {
  const Value* v = find_property(properties, key);
  if (!v || v->is_null()) return {};
  std::string text = display_value(*v);
  const Value* precision = find_property(properties, std::string(key) + "_precision");
  if (v->get_if<Date>() && precision && precision->get_if<std::string>() &&
      *precision->get_if<std::string>() == "month") {
    text = text.substr(0, 7);
  }
  return text;
}

std::string truncate_text(std::string_view s, std::size_t columns) {
  if (columns == 0) return {};
  if (text::display_width(s) <= columns) return std::string(s);
  std::size_t keep = text::prefix_fitting(s, columns - 1);
  return std::string(s.substr(0, keep)) + "…";
}

bool contains_hangul(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = decode(s, i);
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
        (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF)) {
      return true;
    }
  }
  return false;
}

}  // namespace ergo::diagram
