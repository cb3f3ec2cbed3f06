// Temporal components (see temporal_fields.hpp). A duration's components
// are its fields converted within their group (months: years, quarters,
// months; days: weeks, days; seconds: hours, minutes, seconds, ...), and the
// "...Of..." forms the remainder within the next larger unit.
#include "engine/eval/temporal_fields.hpp"

#include <optional>
#include <string>

#include "engine/value/calendar.hpp"
#include "ergo/error.hpp"

namespace ergo::eval::temporal {
namespace {

Value integer(std::int64_t v) { return Value(v); }

std::optional<Value> date_field(Date d, std::string_view key) {
  if (key == "year") return integer(d.year());
  if (key == "quarter") return integer(calendar::quarter(d));
  if (key == "month") return integer(d.month());
  if (key == "week") return integer(calendar::iso_week(d));
  if (key == "weekYear") return integer(calendar::iso_week_year(d));
  if (key == "day") return integer(d.day());
  if (key == "ordinalDay") return integer(calendar::ordinal_day(d));
  if (key == "dayOfWeek" || key == "weekDay") return integer(calendar::day_of_week(d));
  if (key == "dayOfQuarter") return integer(calendar::day_of_quarter(d));
  return std::nullopt;
}

std::optional<Value> time_field(LocalTime t, std::string_view key) {
  if (key == "hour") return integer(t.hour());
  if (key == "minute") return integer(t.minute());
  if (key == "second") return integer(t.second());
  if (key == "millisecond") return integer(t.nanosecond() / 1'000'000);
  if (key == "microsecond") return integer(t.nanosecond() / 1'000);
  if (key == "nanosecond") return integer(t.nanosecond());
  return std::nullopt;
}

std::string offset_text(std::int32_t offset) {
  // Time's printer already writes offsets as Neo4j does (Z, +09:00).
  std::string s = Time(LocalTime(), offset).to_string();
  return s.substr(8);
}

std::optional<Value> zone_field(std::int32_t offset, const std::string& zone, std::string_view key) {
  if (key == "timezone") return Value(zone.empty() ? offset_text(offset) : zone);
  if (key == "offset") return Value(offset_text(offset));
  if (key == "offsetMinutes") return integer(offset / 60);
  if (key == "offsetSeconds") return integer(offset);
  return std::nullopt;
}

std::optional<Value> duration_field(Duration d, std::string_view key) {
  const std::int64_t m = d.months(), days = d.days(), s = d.seconds(), n = d.nanoseconds();
  if (key == "years") return integer(m / 12);
  if (key == "quarters") return integer(m / 3);
  if (key == "months") return integer(m);
  if (key == "weeks") return integer(days / 7);
  if (key == "days") return integer(days);
  if (key == "hours") return integer(s / 3600);
  if (key == "minutes") return integer(s / 60);
  if (key == "seconds") return integer(s);
  if (key == "milliseconds") return integer(s * 1000 + n / 1'000'000);
  if (key == "microseconds") return integer(s * 1'000'000 + n / 1000);
  if (key == "nanoseconds") return integer(s * 1'000'000'000 + n);
  if (key == "quartersOfYear") return integer(m / 3 % 4);
  if (key == "monthsOfQuarter") return integer(m % 3);
  if (key == "monthsOfYear") return integer(m % 12);
  if (key == "daysOfWeek") return integer(days % 7);
  if (key == "minutesOfHour") return integer(s / 60 % 60);
  if (key == "secondsOfMinute") return integer(s % 60);
  if (key == "millisecondsOfSecond") return integer(n / 1'000'000);
  if (key == "microsecondsOfSecond") return integer(n / 1000);
  if (key == "nanosecondsOfSecond") return integer(n);
  return std::nullopt;
}

const char* fields_of(Value::Type t) {
  switch (t) {
    case Value::Type::date: return "year, quarter, month, week, weekYear, day, ordinalDay, dayOfWeek, dayOfQuarter";
    case Value::Type::local_time: return "hour, minute, second, millisecond, microsecond, nanosecond";
    case Value::Type::time:
      return "hour, minute, second, millisecond, microsecond, nanosecond, timezone, offset, offsetMinutes, "
             "offsetSeconds";
    case Value::Type::local_datetime: return "the fields of a date and of a time";
    case Value::Type::datetime:
      return "the fields of a date and of a time, timezone, offset, offsetMinutes, offsetSeconds, epochSeconds, "
             "epochMillis";
    default:
      return "years, quarters, months, weeks, days, hours, minutes, seconds, milliseconds, microseconds, "
             "nanoseconds, and quartersOfYear, monthsOfQuarter, monthsOfYear, daysOfWeek, minutesOfHour, "
             "secondsOfMinute, millisecondsOfSecond, microsecondsOfSecond, nanosecondsOfSecond";
  }
}

std::optional<Value> lookup(const Value& v, std::string_view key) {
  switch (v.type()) {
    case Value::Type::date: return date_field(v.as_date(), key);
    case Value::Type::local_time: return time_field(v.as_local_time(), key);
    case Value::Type::time: {
      Time t = v.as_time();
      if (auto f = time_field(t.local(), key)) return f;
      return zone_field(t.offset_seconds(), "", key);
    }
    case Value::Type::local_datetime: {
      LocalDateTime l = v.as_local_datetime();
      if (auto f = date_field(l.date(), key)) return f;
      return time_field(l.time(), key);
    }
    case Value::Type::datetime: {
      const DateTime& d = v.as_datetime();
      LocalDateTime l = d.local();
      if (auto f = date_field(l.date(), key)) return f;
      if (auto f = time_field(l.time(), key)) return f;
      if (auto f = zone_field(d.offset_seconds(), d.zone(), key)) return f;
      if (key == "epochSeconds") return integer(d.epoch_seconds());
      if (key == "epochMillis") return integer(d.epoch_seconds() * 1000 + d.nanosecond() / 1'000'000);
      return std::nullopt;
    }
    case Value::Type::duration: return duration_field(v.as_duration(), key);
    default: return std::nullopt;
  }
}

}  // namespace

Value field(const Value& v, std::string_view key) {
  if (std::optional<Value> f = lookup(v, key)) return *f;
  throw Error(ErrorKind::argument_error, std::string("a ") + type_name(v.type()) + " has no component '" +
                                             std::string(key) + "'; it has " + fields_of(v.type()))
      .with_code("NoSuchField");
}

}  // namespace ergo::eval::temporal
