// Cypher's arithmetic operators on Values: + - * / % ^ and unary minus.
// Every operator returns null when an operand is null. INTEGER op INTEGER
// stays INTEGER and fails on overflow; any FLOAT operand makes the result a
// FLOAT (IEEE rules: 1.0 / 0 is Infinity, 0.0 / 0.0 is NaN).
//
// Errors: ergo::Error with kind type_error (code InvalidArgumentType) for
// operand types the operator does not take ("cannot add INTEGER and
// BOOLEAN"), and kind argument_error for integer overflow (IntegerOverflow)
// and integer division or modulo by zero (DivisionByZero).
#pragma once

#include "ergo/value.hpp"

namespace ergo::eval {

// Numbers: their sum. Lists: list + list concatenates, list + x appends x,
// x + list prepends x. Temporal values: temporal + duration, duration +
// duration (temporal_math.hpp). Strings: concatenation, and a string + an
// INTEGER, FLOAT, BOOLEAN or temporal value (either order) appends that value's text ('a' + 1
// is 'a1', 'a' + 1.0 is 'a1.0'; floats print as toString() prints them).
Value add(const Value& a, const Value& b);

// Numbers; temporal - duration and duration - duration (two temporal
// values are a type_error pointing at duration.between).
Value subtract(const Value& a, const Value& b);
// Numbers; duration * number in either order.
Value multiply(const Value& a, const Value& b);

// INTEGER / INTEGER truncates toward zero (7 / -2 is -3); division of
// integers by 0 is an argument_error. duration / number divides each field,
// fractions cascading (duration / 0 is an argument_error).
Value divide(const Value& a, const Value& b);

// The remainder of truncating division, with the sign of the dividend
// (-7 % 2 is -1); FLOAT operands use fmod. Integer modulo 0 is an error.
Value modulo(const Value& a, const Value& b);

// a ^ b: always a FLOAT (2 ^ 3 is 8.0), as Java's Math.pow computes it.
Value power(const Value& a, const Value& b);

// Unary minus on a number or a duration; -(INTEGER minimum) is an overflow error.
Value negate(const Value& a);

// Unary plus: a number (or null) unchanged; any other type is a type_error.
Value unary_plus(const Value& a);

}  // namespace ergo::eval
