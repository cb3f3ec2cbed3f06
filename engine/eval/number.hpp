// Numbers as Cypher sees them (private to engine/eval): exact comparison of
// integers with floats, the text form of a float (Java's Double.toString, as
// Neo4j prints it), and reading numbers from text the way toInteger() and
// toFloat() do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ergo/value.hpp"

namespace ergo::eval::number {

// True for INTEGER and FLOAT values.
inline bool is_number(const Value& v) {
  return v.type() == Value::Type::integer || v.type() == Value::Type::floating;
}

// Compares two numbers (each an INTEGER or a FLOAT) exactly, as if both were
// unlimited-precision decimals: -1, 0 or 1; nullopt when either is NaN.
// Precondition: is_number(a) && is_number(b).
std::optional<int> compare(const Value& a, const Value& b);

// Java's Double.toString: "1.0", "0.001", "1.0E7", "1.0E-4", "NaN",
// "Infinity", "-0.0"; the digits are the shortest that read back exactly.
std::string format_float(double d);

// Long.parseLong: an optional sign and decimal digits, nothing else; nullopt
// when malformed or outside the INTEGER range.
std::optional<std::int64_t> parse_integer(std::string_view text);

// What a decimal text (Java's BigDecimal syntax: "12", "-1.7", ".5", "2e3")
// truncates to as an INTEGER.
struct DecimalToInteger {
  enum class Status { ok, malformed, out_of_range } status = Status::malformed;
  std::int64_t value = 0;
};
DecimalToInteger parse_decimal_truncated(std::string_view text);

// Double.parseDouble: surrounding ASCII control characters and spaces are
// ignored; accepts "NaN", "[+-]Infinity", decimals with an optional exponent
// and an optional f/F/d/D suffix. nullopt when malformed.
std::optional<double> parse_float(std::string_view text);

}  // namespace ergo::eval::number
