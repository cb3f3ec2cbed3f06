// Numeric functions: abs, sign, rounding, logarithms, trigonometry and the
// constants, with Java's (Neo4j's) results at the edges: log(0) is
// -Infinity, sqrt(-1) is NaN, round(-1.5) is -1.0.
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include "engine/eval/function_support.hpp"

namespace ergo::eval::fn {
namespace {

// A FLOAT function of one number; null in, null out.
Value unary(Args a, std::string_view name, double (*f)(double)) {
  if (a[0].is_null()) return Value();
  return f(number_arg(name, a[0]));
}

Value abs(Args a) {
  if (a[0].is_null()) return Value();
  if (const std::int64_t* i = a[0].get_if<std::int64_t>()) {
    if (*i == std::numeric_limits<std::int64_t>::min()) out_of_domain("abs", "integer overflow", "IntegerOverflow");
    return *i < 0 ? -*i : *i;
  }
  return std::fabs(number_arg("abs", a[0]));
}

// sign(): an INTEGER -1, 0 or 1 for INTEGER and FLOAT alike (0 for NaN).
Value sign(Args a) {
  if (a[0].is_null()) return Value();
  double d = number_arg("sign", a[0]);
  return std::int64_t{d > 0 ? 1 : d < 0 ? -1 : 0};
}

// Java's Math.round: nearest integer, ties toward positive infinity.
double java_round(double x) {
  if (!std::isfinite(x)) return x;
  double below = std::floor(x);
  return (x - below >= 0.5 ? below + 1 : below) + 0.0;  // + 0.0 turns -0.0 into 0.0
}

enum class Mode { up, down, ceiling, floor, half_up, half_down, half_even };

Mode rounding_mode(const Value& v) {
  const std::string& s = string_arg("round", v, "a STRING rounding mode");
  if (s == "UP") return Mode::up;
  if (s == "DOWN") return Mode::down;
  if (s == "CEILING") return Mode::ceiling;
  if (s == "FLOOR") return Mode::floor;
  if (s == "HALF_UP") return Mode::half_up;
  if (s == "HALF_DOWN") return Mode::half_down;
  if (s == "HALF_EVEN") return Mode::half_even;
  out_of_domain("round",
                "unknown rounding mode '" + s + "'; use UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN",
                "InvalidArgumentValue");
}

// Rounds x to `precision` decimal places the way Java's
// BigDecimal.valueOf(x).setScale(precision, mode) does: on the shortest
// decimal text of x, so round(2.675, 2) is 2.68 although the double 2.675 is
// slightly below it.
double decimal_round(double x, std::int64_t precision, Mode mode) {
  if (!std::isfinite(x) || x == 0) return x + 0.0;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(end - buf));
  std::size_t e_at = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_at)) {
    if (c != '.') digits += c;
  }
  int exponent = 0;
  std::string_view exp_text = sci.substr(e_at + 1);
  if (exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);

  // x = 0.digits... as digits × 10^(exponent + 1 - size); keep the digits
  // down to the 10^-precision place.
  auto size = static_cast<std::int64_t>(digits.size());
  std::int64_t fraction_digits = size - 1 - exponent;
  if (fraction_digits <= precision) return x;
  std::int64_t keep = exponent + 1 + precision;  // < size here
  int first_dropped = keep >= 0 ? digits[static_cast<std::size_t>(keep)] - '0' : 0;
  bool rest_nonzero = keep < 0 || digits.find_first_not_of('0', static_cast<std::size_t>(keep) + 1) != std::string::npos;
  std::string kept = keep > 0 ? digits.substr(0, static_cast<std::size_t>(keep)) : "0";
  bool odd = (kept.back() - '0') % 2 == 1;
  bool negative = x < 0;
  bool increment = false;
  switch (mode) {
    case Mode::up: increment = true; break;
    case Mode::down: increment = false; break;
    case Mode::ceiling: increment = !negative; break;
    case Mode::floor: increment = negative; break;
    case Mode::half_up: increment = first_dropped >= 5; break;
    case Mode::half_down: increment = first_dropped > 5 || (first_dropped == 5 && rest_nonzero); break;
    case Mode::half_even: increment = first_dropped > 5 || (first_dropped == 5 && (rest_nonzero || odd)); break;
  }
  if (increment) {
    std::size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
    if (i == 0) kept.insert(kept.begin(), '1'); else ++kept[i - 1];
  }
  std::string text = kept + "e-" + std::to_string(precision);
  double magnitude = 0;
  std::from_chars(text.data(), text.data() + text.size(), magnitude);
  return (negative ? -magnitude : magnitude) + 0.0;
}

// round(x), round(x, precision), round(x, precision, mode): always a FLOAT.
// Without a mode, precision 0 rounds like Java's Math.round (ties toward
// +Infinity: round(-1.5) is -1.0) and other precisions round HALF_UP.
Value round(Args a) {
  if (any_null(a)) return Value();
  double x = number_arg("round", a[0]);
  std::int64_t precision = a.size() > 1 ? integer_arg("round", a[1], "an INTEGER precision") : 0;
  if (precision < 0) out_of_domain("round", "precision must not be negative");
  if (a.size() < 3) return precision == 0 ? java_round(x) : decimal_round(x, precision, Mode::half_up);
  return decimal_round(x, precision, rounding_mode(a[2]));
}

Value is_nan(Args a) {
  if (a[0].is_null()) return Value();
  double d = number_arg("isNaN", a[0]);
  return std::isnan(d);
}

Value atan2(Args a) {
  if (any_null(a)) return Value();
  return std::atan2(number_arg("atan2", a[0]), number_arg("atan2", a[1]));
}

Value rand(Args) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

constexpr double degrees_per_radian = 180.0 / std::numbers::pi;
constexpr double radians_per_degree = std::numbers::pi / 180.0;

constexpr FunctionInfo table[] = {
    {"abs", 1, 1, abs},
    {"sign", 1, 1, sign},
    {"round", 1, 3, round},
    {"ceil", 1, 1, [](Args a) { return unary(a, "ceil", [](double x) { return std::ceil(x); }); }},
    {"floor", 1, 1, [](Args a) { return unary(a, "floor", [](double x) { return std::floor(x); }); }},
    {"isNaN", 1, 1, is_nan},
    {"sqrt", 1, 1, [](Args a) { return unary(a, "sqrt", [](double x) { return std::sqrt(x); }); }},
    {"exp", 1, 1, [](Args a) { return unary(a, "exp", [](double x) { return std::exp(x); }); }},
    {"log", 1, 1, [](Args a) { return unary(a, "log", [](double x) { return std::log(x); }); }},
    {"log10", 1, 1, [](Args a) { return unary(a, "log10", [](double x) { return std::log10(x); }); }},
    {"sin", 1, 1, [](Args a) { return unary(a, "sin", [](double x) { return std::sin(x); }); }},
    {"cos", 1, 1, [](Args a) { return unary(a, "cos", [](double x) { return std::cos(x); }); }},
    {"tan", 1, 1, [](Args a) { return unary(a, "tan", [](double x) { return std::tan(x); }); }},
    {"cot", 1, 1, [](Args a) { return unary(a, "cot", [](double x) { return 1.0 / std::tan(x); }); }},
    {"asin", 1, 1, [](Args a) { return unary(a, "asin", [](double x) { return std::asin(x); }); }},
    {"acos", 1, 1, [](Args a) { return unary(a, "acos", [](double x) { return std::acos(x); }); }},
    {"atan", 1, 1, [](Args a) { return unary(a, "atan", [](double x) { return std::atan(x); }); }},
    {"atan2", 2, 2, atan2},
    {"haversin", 1, 1, [](Args a) { return unary(a, "haversin", [](double x) { return (1.0 - std::cos(x)) / 2; }); }},
    {"degrees", 1, 1, [](Args a) { return unary(a, "degrees", [](double x) { return x * degrees_per_radian; }); }},
    {"radians", 1, 1, [](Args a) { return unary(a, "radians", [](double x) { return x * radians_per_degree; }); }},
    {"pi", 0, 0, [](Args) { return Value(std::numbers::pi); }},
    {"e", 0, 0, [](Args) { return Value(std::numbers::e); }},
    {"rand", 0, 0, rand, false},
};

}  // namespace

std::span<const FunctionInfo> numeric_functions() { return table; }

}  // namespace ergo::eval::fn
