// Building temporal values (private to engine/eval): the five
// constructors date(), localtime(), time(), localdatetime() and datetime()
// from ISO text, a map of parts, another temporal value or — with no
// argument — an instant of a clock, shared by the functions that construct,
// read clocks and truncate (functions_temporal.cpp).
#pragma once

#include <chrono>
#include <span>

#include "engine/eval/temporal_parts.hpp"
#include "ergo/value.hpp"

namespace ergo::eval::temporal {

using TimePoint = std::chrono::system_clock::time_point;

enum class Kind { date, local_time, time, local_datetime, datetime };

// "date", "localtime", ...: the function's name, for errors.
const char* name_of(Kind k);
bool has_date(Kind k);
bool has_time(Kind k);
bool has_zone(Kind k);

// The instant `now` seen in `zone`, as a value of the kind.
Value now_as(Kind k, TimePoint now, const Zone& zone);

// The kind's value from its argument (none: `now` in UTC; null: null; a
// STRING, a MAP or another temporal value). A map with only a timezone, or
// an empty map, reads `now` there. Throws ergo::Error as the functions do.
Value construct(Kind k, std::span<const Value> args, TimePoint now);
Value from_map(Kind k, const Map& m, TimePoint now);

}  // namespace ergo::eval::temporal
