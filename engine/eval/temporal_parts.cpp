// Reading temporal constructor maps and building dates, times and
// date-times from their parts (see temporal_parts.hpp).
#include "engine/eval/temporal_parts.hpp"

#include <algorithm>
#include <chrono>

#include "engine/eval/function_support.hpp"
#include "engine/value/calendar.hpp"
#include "engine/value/time_zone.hpp"

namespace ergo::eval::temporal {
namespace {

using fn::out_of_domain;
using fn::wrong_type;

constexpr std::string_view known_keys[] = {
    "date", "time", "datetime", "year", "month", "day", "week", "dayOfWeek", "ordinalDay", "quarter", "dayOfQuarter",
    "hour", "minute", "second", "millisecond", "microsecond", "nanosecond", "epochSeconds", "epochMillis", "timezone"};

const Value* find(const Map& m, std::string_view key) {
  for (const auto& [k, v] : m) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::optional<std::int64_t> integer(std::string_view function, const Map& m, std::string_view key) {
  const Value* v = find(m, key);
  if (!v || v->is_null()) return std::nullopt;
  return fn::integer_arg(function, *v, "an INTEGER " + std::string(key));
}

std::optional<Value> temporal_base(std::string_view function, const Map& m, std::string_view key) {
  const Value* v = find(m, key);
  if (!v || v->is_null()) return std::nullopt;
  switch (v->type()) {
    case Value::Type::date:
    case Value::Type::local_time:
    case Value::Type::time:
    case Value::Type::local_datetime:
    case Value::Type::datetime: return *v;
    default: wrong_type(function, "a temporal value for '" + std::string(key) + "'", *v);
  }
}

int in_range(std::string_view function, std::string_view what, std::int64_t v, std::int64_t low, std::int64_t high) {
  if (v < low || v > high) {
    out_of_domain(function, std::string(what) + " " + std::to_string(v) + " is out of range (" + std::to_string(low) +
                                " to " + std::to_string(high) + ")",
                  "InvalidArgumentValue");
  }
  return static_cast<int>(v);
}

}  // namespace

bool Parts::date_fields() const {
  return year || month || day || week || day_of_week || ordinal_day || quarter || day_of_quarter;
}
bool Parts::time_fields() const { return hour || minute || second || millisecond || microsecond || nanosecond; }

Parts read_parts(std::string_view function, const Map& m) {
  for (const auto& [k, v] : m) {
    if (std::find(std::begin(known_keys), std::end(known_keys), k) == std::end(known_keys)) {
      out_of_domain(function, "unknown field '" + k + "'; the fields are year, month, day, week, dayOfWeek, "
                    "ordinalDay, quarter, dayOfQuarter, hour, minute, second, millisecond, microsecond, nanosecond, "
                    "timezone, epochSeconds, epochMillis, date, time and datetime", "InvalidArgumentValue");
    }
  }
  Parts p;
  p.date = temporal_base(function, m, "date");
  p.time = temporal_base(function, m, "time");
  p.datetime = temporal_base(function, m, "datetime");
  p.year = integer(function, m, "year");
  p.month = integer(function, m, "month");
  p.day = integer(function, m, "day");
  p.week = integer(function, m, "week");
  p.day_of_week = integer(function, m, "dayOfWeek");
  p.ordinal_day = integer(function, m, "ordinalDay");
  p.quarter = integer(function, m, "quarter");
  p.day_of_quarter = integer(function, m, "dayOfQuarter");
  p.hour = integer(function, m, "hour");
  p.minute = integer(function, m, "minute");
  p.second = integer(function, m, "second");
  p.millisecond = integer(function, m, "millisecond");
  p.microsecond = integer(function, m, "microsecond");
  p.nanosecond = integer(function, m, "nanosecond");
  p.epoch_seconds = integer(function, m, "epochSeconds");
  p.epoch_millis = integer(function, m, "epochMillis");
  if (const Value* z = find(m, "timezone"); z && !z->is_null()) {
    p.timezone = fn::string_arg(function, *z, "a STRING timezone");
  }
  return p;
}

Zone read_zone(std::string_view function, std::string_view text) {
  Zone z;
  if (text == "Z" || text == "z") return z;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    // Reuse the offset reader through Time's text form.
    std::optional<Time> t = Time::parse("00:00" + std::string(text));
    if (!t) {
      out_of_domain(function, "cannot read '" + std::string(text) + "' as a UTC offset; write it as +09:00, -0330 or Z",
                    "InvalidArgumentValue");
    }
    z.offset = t->offset_seconds();
    return z;
  }
  if (!time_zone::exists(text)) {
    out_of_domain(function, "unknown time zone '" + std::string(text) +
                                "'; use a name from the tz database such as 'Asia/Seoul', or an offset such as '+09:00'",
                  "InvalidArgumentValue");
  }
  z.name = std::string(text);
  return z;
}

std::optional<Zone> zone_of(const Value& v) {
  if (const Time* t = v.get_if<Time>()) return Zone{t->offset_seconds(), ""};
  if (const DateTime* d = v.get_if<DateTime>()) return Zone{d->offset_seconds(), d->zone()};
  return std::nullopt;
}

std::optional<Date> date_of(const Value& v) {
  if (const Date* d = v.get_if<Date>()) return *d;
  if (const LocalDateTime* l = v.get_if<LocalDateTime>()) return l->date();
  if (const DateTime* d = v.get_if<DateTime>()) return d->local().date();
  return std::nullopt;
}

std::optional<LocalTime> local_time_of(const Value& v) {
  if (const LocalTime* t = v.get_if<LocalTime>()) return *t;
  if (const Time* t = v.get_if<Time>()) return t->local();
  if (const LocalDateTime* l = v.get_if<LocalDateTime>()) return l->time();
  if (const DateTime* d = v.get_if<DateTime>()) return d->local().time();
  return std::nullopt;
}

Date build_date(std::string_view function, const Parts& p, std::optional<Date> b) {
  bool calendar = p.month || p.day;
  bool week = p.week || p.day_of_week;
  bool ordinal = p.ordinal_day.has_value();
  bool quarter = p.quarter || p.day_of_quarter;
  if (calendar + week + ordinal + quarter > 1) {
    out_of_domain(function, "cannot mix fields of calendar, week, ordinal and quarter dates", "InvalidArgumentValue");
  }
  if (!b && !p.year) out_of_domain(function, "needs a year (or a date to start from)", "InvalidArgumentValue");
  auto field = [&](const std::optional<std::int64_t>& v, std::string_view name, int fallback) {
    return v ? in_range(function, name, *v, -999'999'999, 999'999'999) : fallback;
  };
  int year = field(p.year, "year", b ? b->year() : 0);
  std::optional<Date> d;
  if (week) {
    if (!b && !p.week) out_of_domain(function, "dayOfWeek needs a week", "InvalidArgumentValue");
    int wy = field(p.year, "year", b ? calendar::iso_week_year(*b) : 0);
    d = calendar::from_week(wy, field(p.week, "week", b ? calendar::iso_week(*b) : 1),
                            field(p.day_of_week, "dayOfWeek", b ? calendar::day_of_week(*b) : 1));
  } else if (ordinal) {
    d = calendar::from_ordinal(year, field(p.ordinal_day, "ordinalDay", 1));
  } else if (quarter) {
    if (!b && !p.quarter) out_of_domain(function, "dayOfQuarter needs a quarter", "InvalidArgumentValue");
    d = calendar::from_quarter(year, field(p.quarter, "quarter", b ? calendar::quarter(*b) : 1),
                               field(p.day_of_quarter, "dayOfQuarter", b ? calendar::day_of_quarter(*b) : 1));
  } else {
    if (!b && p.day && !p.month) out_of_domain(function, "day needs a month", "InvalidArgumentValue");
    d = Date::from_ymd(year, field(p.month, "month", b ? b->month() : 1), field(p.day, "day", b ? b->day() : 1));
  }
  if (!d) {
    out_of_domain(function, "no such day (year " + std::to_string(year) + ")", "InvalidArgumentValue");
  }
  return *d;
}

LocalTime build_time(std::string_view function, const Parts& p, std::optional<LocalTime> b) {
  // A smaller unit needs the larger ones above it, unless a base gives them.
  if (!b) {
    if (p.minute && !p.hour) out_of_domain(function, "minute needs an hour", "InvalidArgumentValue");
    if (p.second && !p.minute) out_of_domain(function, "second needs a minute", "InvalidArgumentValue");
    if ((p.millisecond || p.microsecond || p.nanosecond) && !p.second) {
      out_of_domain(function, "a fraction of a second needs a second", "InvalidArgumentValue");
    }
  }
  int hour = p.hour ? in_range(function, "hour", *p.hour, 0, 23) : b ? b->hour() : 0;
  int minute = p.minute ? in_range(function, "minute", *p.minute, 0, 59) : b ? b->minute() : 0;
  int second = p.second ? in_range(function, "second", *p.second, 0, 59) : b ? b->second() : 0;
  std::int64_t nanos = b && !(p.millisecond || p.microsecond || p.nanosecond) ? b->nanosecond() : 0;
  if (p.millisecond || p.microsecond || p.nanosecond) {
    std::int64_t ms = p.millisecond ? in_range(function, "millisecond", *p.millisecond, 0, 999) : 0;
    std::int64_t us = p.microsecond ? in_range(function, "microsecond", *p.microsecond, 0, p.millisecond ? 999 : 999'999) : 0;
    std::int64_t ns = p.nanosecond ? in_range(function, "nanosecond", *p.nanosecond, 0,
                                              p.microsecond ? 999 : p.millisecond ? 999'999 : 999'999'999)
                                   : 0;
    nanos = ms * 1'000'000 + us * 1'000 + ns;
  }
  return *LocalTime::from_hms(hour, minute, second, nanos);
}

DateTime place(std::string_view function, LocalDateTime local, const Zone& zone, std::optional<std::int32_t> preferred) {
  if (zone.name.empty()) {
    return DateTime::at_offset(local.epoch_seconds() - zone.offset, local.nanosecond(), zone.offset);
  }
  std::optional<std::int64_t> s = time_zone::resolve_local(zone.name, local.epoch_seconds(), preferred);
  std::optional<DateTime> d = s ? DateTime::in_zone(*s, local.nanosecond(), zone.name) : std::nullopt;
  if (!d) out_of_domain(function, "unknown time zone '" + zone.name + "'", "InvalidArgumentValue");
  return *d;
}

DateTime in_zone(std::string_view function, const DateTime& d, const Zone& zone) {
  if (zone.name.empty()) return DateTime::at_offset(d.epoch_seconds(), d.nanosecond(), zone.offset);
  std::optional<DateTime> out = DateTime::in_zone(d.epoch_seconds(), d.nanosecond(), zone.name);
  if (!out) out_of_domain(function, "unknown time zone '" + zone.name + "'", "InvalidArgumentValue");
  return *out;
}

}  // namespace ergo::eval::temporal
