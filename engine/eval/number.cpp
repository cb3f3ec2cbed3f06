// Exact int/float comparison, Java-style float text, and number parsing for
// the conversion functions.
#include "engine/eval/number.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace ergo::eval::number {
namespace {

constexpr double two_pow_63 = 9223372036854775808.0;

int compare_int_double(std::int64_t i, double d) {
  if (d >= two_pow_63) return -1;
  if (d < -two_pow_63) return 1;
  // Here d is in [-2^63, 2^63), so its integral part converts exactly.
  double whole = std::trunc(d);
  auto w = static_cast<std::int64_t>(whole);
  if (i != w) return i < w ? -1 : 1;
  double fraction = d - whole;
  return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The pieces of a decimal text: sign, all mantissa digits (integer part then
// fraction), how many of them precede the point, and the exponent.
struct Decimal {
  bool negative = false;
  std::string digits;
  std::int64_t point = 0;
  std::int64_t exponent = 0;
};

// Reads [+-]? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?
// from the front of `text`; returns the number of characters read (0 when
// there is no decimal there).
std::size_t read_decimal(std::string_view text, Decimal& out) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) out.negative = text[i++] == '-';
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < text.size() && is_digit(text[i])) out.digits += text[i++], ++int_digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) out.digits += text[i++], ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return 0;
  out.point = static_cast<std::int64_t>(int_digits);
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    bool negative_exponent = false;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) negative_exponent = text[j++] == '-';
    if (j >= text.size() || !is_digit(text[j])) return 0;
    std::int64_t e = 0;
    while (j < text.size() && is_digit(text[j])) {
      e = std::min<std::int64_t>(e * 10 + (text[j++] - '0'), 1'000'000'000);  // saturate
    }
    out.exponent = negative_exponent ? -e : e;
    i = j;
  }
  return i;
}

}  // namespace

std::optional<int> compare(const Value& a, const Value& b) {
  const std::int64_t* ai = a.get_if<std::int64_t>();
  const std::int64_t* bi = b.get_if<std::int64_t>();
  if (ai && bi) return *ai < *bi ? -1 : *ai > *bi ? 1 : 0;
  if (ai) {
    double bd = *b.get_if<double>();
    if (std::isnan(bd)) return std::nullopt;
    return compare_int_double(*ai, bd);
  }
  double ad = *a.get_if<double>();
  if (std::isnan(ad)) return std::nullopt;
  if (bi) return -compare_int_double(*bi, ad);
  double bd = *b.get_if<double>();
  if (std::isnan(bd)) return std::nullopt;
  return ad < bd ? -1 : ad > bd ? 1 : 0;
}

std::string format_float(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  double magnitude = std::fabs(d);
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, magnitude, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(end - buf));  // "1.25e+07"
  std::size_t e_at = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_at)) {
    if (is_digit(c)) digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int exponent = std::atoi(std::string(sci.substr(e_at + 1)).c_str());

  std::string out = d < 0 ? "-" : "";
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent >= 0) {
      auto int_len = static_cast<std::size_t>(exponent) + 1;
      std::string int_part = digits.substr(0, std::min(int_len, digits.size()));
      int_part.resize(int_len, '0');
      std::string frac_part = digits.size() > int_len ? digits.substr(int_len) : "0";
      out += int_part + "." + frac_part;
    } else {
      out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    }
  } else {
    out += digits[0];
    out += '.';
    out += digits.size() > 1 ? digits.substr(1) : "0";
    out += 'E';
    out += std::to_string(exponent);
  }
  return out;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  if (text.empty() || (text[0] != '-' && !is_digit(text[0]))) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

DecimalToInteger parse_decimal_truncated(std::string_view text) {
  Decimal dec;
  if (text.empty() || read_decimal(text, dec) != text.size()) return {};
  // Integer digits after applying the exponent: the first `point + exponent`
  // mantissa digits, padded with zeros when the exponent runs past them.
  std::int64_t whole_digits = dec.point + dec.exponent;
  std::string whole;
  if (whole_digits > 0) {
    auto n = static_cast<std::size_t>(std::min<std::int64_t>(whole_digits, 400));
    whole = dec.digits.substr(0, std::min(n, dec.digits.size()));
    if (std::any_of(dec.digits.begin(), dec.digits.end(), [](char c) { return c != '0'; })) {
      if (whole_digits > 400) return {DecimalToInteger::Status::out_of_range, 0};
      whole.resize(n, '0');
    }
  }
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  if (whole.size() > 19) return {DecimalToInteger::Status::out_of_range, 0};
  std::uint64_t magnitude = 0;
  for (char c : whole) magnitude = magnitude * 10 + static_cast<std::uint64_t>(c - '0');
  const std::uint64_t limit = dec.negative ? 9223372036854775808ull : 9223372036854775807ull;
  if (magnitude > limit) return {DecimalToInteger::Status::out_of_range, 0};
  std::int64_t value = dec.negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return {DecimalToInteger::Status::ok, value};
}

std::optional<double> parse_float(std::string_view text) {
  // Java's trim(): drop every character <= ' ' at both ends.
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ') text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;

  std::string_view unsigned_text = text;
  bool negative = false;
  if (unsigned_text[0] == '+' || unsigned_text[0] == '-') {
    negative = unsigned_text[0] == '-';
    unsigned_text.remove_prefix(1);
  }
  if (unsigned_text == "NaN") return std::nan("");
  if (unsigned_text == "Infinity") return negative ? -HUGE_VAL : HUGE_VAL;

  Decimal dec;
  std::size_t used = read_decimal(text, dec);
  if (used == 0) return std::nullopt;
  if (used + 1 == text.size() && std::string_view("fFdD").find(text.back()) != std::string_view::npos) {
    text.remove_suffix(1);
  } else if (used != text.size()) {
    return std::nullopt;
  }
  std::string number(text[0] == '+' ? text.substr(1) : text);
  double value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Overflow to infinity or underflow to zero, as Java does.
    value = std::strtod(number.c_str(), nullptr);
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace ergo::eval::number
