// Three-valued logic (true, false, unknown) for Cypher predicates: the truth
// tables of NOT, AND, OR and XOR, and the conversion to and from the Value
// that carries a truth value (a boolean, or null for unknown).
#pragma once

#include <cstdint>

#include "ergo/value.hpp"

namespace ergo::eval {

enum class Ternary : std::uint8_t { false_value, true_value, unknown };

// true -> true_value, false -> false_value.
constexpr Ternary to_ternary(bool b) { return b ? Ternary::true_value : Ternary::false_value; }

// NOT: swaps true and false; unknown stays unknown.
constexpr Ternary ternary_not(Ternary a) {
  if (a == Ternary::unknown) return a;
  return a == Ternary::true_value ? Ternary::false_value : Ternary::true_value;
}

// AND: false if either is false, else unknown if either is unknown, else true.
constexpr Ternary ternary_and(Ternary a, Ternary b) {
  if (a == Ternary::false_value || b == Ternary::false_value) return Ternary::false_value;
  if (a == Ternary::unknown || b == Ternary::unknown) return Ternary::unknown;
  return Ternary::true_value;
}

// OR: true if either is true, else unknown if either is unknown, else false.
constexpr Ternary ternary_or(Ternary a, Ternary b) {
  if (a == Ternary::true_value || b == Ternary::true_value) return Ternary::true_value;
  if (a == Ternary::unknown || b == Ternary::unknown) return Ternary::unknown;
  return Ternary::false_value;
}

// XOR, defined as (a AND NOT b) OR (NOT a AND b): unknown if either is.
constexpr Ternary ternary_xor(Ternary a, Ternary b) {
  if (a == Ternary::unknown || b == Ternary::unknown) return Ternary::unknown;
  return to_ternary(a != b);
}

// The Value of a truth value: true, false, or null for unknown.
// (Named ternary_* rather than to_value so that argument-dependent lookup
// never makes it collide with a caller's own helper of that name.)
Value ternary_to_value(Ternary t);

// The truth value a Value holds: a boolean, or unknown for null.
// Throws ergo::Error (type_error, code InvalidArgumentType) for any other
// type, as the TCK's Boolean1-4 [InvalidArgumentType] scenarios require.
Ternary ternary_from_value(const Value& v);

}  // namespace ergo::eval
