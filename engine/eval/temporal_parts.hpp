// The maps temporal constructors read (private to engine/eval):
// date({year: 2019, month: 7, day: 22}), datetime({date: d, hour: 9,
// timezone: 'Asia/Seoul'}), ... Each key is checked once; unknown keys,
// values of the wrong type and combinations Neo4j refuses (a day without a
// month, calendar and week fields together) are errors naming the function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ergo/value.hpp"

namespace ergo::eval::temporal {

struct Parts {
  std::optional<Value> date, time, datetime;  // bases: other temporal values
  std::optional<std::int64_t> year, month, day, week, day_of_week, ordinal_day, quarter, day_of_quarter;
  std::optional<std::int64_t> hour, minute, second, millisecond, microsecond, nanosecond;
  std::optional<std::int64_t> epoch_seconds, epoch_millis;
  std::optional<std::string> timezone;
  bool date_fields() const;
  bool time_fields() const;
};

// Reads `m` for `function` ("date", "datetime", ...); `keys` lists the keys
// the function takes.
Parts read_parts(std::string_view function, const Map& m);

// A zone as written: Z, +09:00, -0330 or an IANA name.
struct Zone {
  std::int32_t offset = 0;  // for a fixed offset
  std::string name;         // empty for a fixed offset
};
Zone read_zone(std::string_view function, std::string_view text);
// The zone of a zoned value (ZONED TIME, ZONED DATETIME); nullopt otherwise.
std::optional<Zone> zone_of(const Value& v);

// The parts of a temporal value, when it has them.
std::optional<Date> date_of(const Value& v);
std::optional<LocalTime> local_time_of(const Value& v);

// The date or time the parts describe on top of `base` (fields not given
// come from it, or are the first: month 1, day 1, hour 0, ...).
Date build_date(std::string_view function, const Parts& p, std::optional<Date> base);
LocalTime build_time(std::string_view function, const Parts& p, std::optional<LocalTime> base);

// The local reading placed in a zone (a named zone's ambiguous hour takes
// `preferred` when it is one of its offsets, else the earlier).
DateTime place(std::string_view function, LocalDateTime local, const Zone& zone,
               std::optional<std::int32_t> preferred = std::nullopt);

// The same instant seen in another zone.
DateTime in_zone(std::string_view function, const DateTime& d, const Zone& zone);

}  // namespace ergo::eval::temporal
