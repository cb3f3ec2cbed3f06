// Temporal arithmetic and order (private to engine/eval), as Neo4j 5 does
// them on java.time: a duration's months move the calendar (the day of the
// month clamped: 2019-01-31 + P1M is 2019-02-28), its days the local date,
// its seconds and nanoseconds the instant; a named zone re-resolves its
// offset after each step. Errors are ergo::Error (argument_error, code
// InvalidArgumentValue) for results outside the representable range.
#pragma once

#include <cstdint>
#include <optional>

#include "ergo/value.hpp"

namespace ergo::eval::temporal {

// DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME, ZONED DATETIME or DURATION.
bool is_temporal(Value::Type t);
// One of the first five: a point in time rather than an amount.
bool is_instant_like(Value::Type t);

// `temporal + duration` (either order for +); nullopt when the operand
// types are not a temporal and a duration.
std::optional<Value> plus(const Value& a, const Value& b);
// `temporal - duration` and `duration - duration`; nullopt for other types.
std::optional<Value> minus(const Value& a, const Value& b);
// `duration * number`, `number * duration`, `duration / number`; nullopt
// for other types. Fractions cascade (P1M * 0.5 is P15DT5H14M33S).
std::optional<Value> multiply(const Value& a, const Value& b);
std::optional<Value> divide(const Value& a, const Value& b);
// -duration.
Duration negate(Duration d);

// Comparability of two values of the same temporal type (`<`): negative,
// zero, positive; nullopt for durations, which Cypher does not compare.
// Times and date-times compare by instant, then offset, then zone name, so
// zero means equal.
std::optional<int> compare(const Value& a, const Value& b);
// ORDER BY within one temporal type (durations too: by their average length
// in seconds, then field by field); zero exactly when the values are equal.
int order(const Value& a, const Value& b);

// duration.between(a, b) and its inMonths / inDays / inSeconds forms: the
// difference from a to b, calendar parts first (whole months, then days,
// then the time left), as java.time's until() measures it.
enum class Between { all, months, days, seconds };
Value between(const Value& from, const Value& to, Between what);

}  // namespace ergo::eval::temporal
