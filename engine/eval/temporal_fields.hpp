// The components of temporal values (private to engine/eval): d.year,
// dt.hour, dt.timezone, dt.epochSeconds, dur.months, dur.minutesOfHour, ...
// as Neo4j 5 names and computes them.
#pragma once

#include <string_view>

#include "ergo/value.hpp"

namespace ergo::eval::temporal {

// The component `key` of the temporal value `v`. Throws ergo::Error
// (argument_error, code NoSuchField) naming the components the value has
// when it has no such component. Precondition: v is a temporal value.
Value field(const Value& v, std::string_view key);

}  // namespace ergo::eval::temporal
