// The temporal constructors (see temporal_construct.hpp): text through the
// public types' readers, maps through temporal_parts, conversions between
// the types, and the current instant of a clock.
#include "engine/eval/temporal_construct.hpp"

#include <string>

#include "engine/eval/function_support.hpp"
#include "engine/value/calendar.hpp"
#include "engine/value/civil.hpp"

namespace ergo::eval::temporal {
namespace {

using fn::out_of_domain;
using fn::wrong_type;

}  // namespace

const char* name_of(Kind k) {
  switch (k) {
    case Kind::date: return "date";
    case Kind::local_time: return "localtime";
    case Kind::time: return "time";
    case Kind::local_datetime: return "localdatetime";
    case Kind::datetime: return "datetime";
  }
  return "";
}

bool has_date(Kind k) { return k == Kind::date || k == Kind::local_datetime || k == Kind::datetime; }
bool has_time(Kind k) { return k != Kind::date; }
bool has_zone(Kind k) { return k == Kind::time || k == Kind::datetime; }

namespace {

// The instant `now` seen in `zone`, as the kind asks.
Value project(Kind k, const DateTime& d) {
  switch (k) {
    case Kind::date: return d.local().date();
    case Kind::local_time: return d.local().time();
    case Kind::time: return Time(d.local().time(), d.offset_seconds());
    case Kind::local_datetime: return d.local();
    case Kind::datetime: return d;
  }
  return Value();
}

DateTime instant(const char* fn, TimePoint now, const Zone& zone) {
  auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
  std::int64_t s = nanos / nanos_per_second - (nanos % nanos_per_second < 0);
  auto n = static_cast<std::int32_t>(nanos - s * nanos_per_second);
  return temporal::in_zone(fn, DateTime::at_offset(s, n, 0), zone);
}

}  // namespace

Value now_as(Kind k, TimePoint now, const Zone& zone) { return project(k, instant(name_of(k), now, zone)); }

namespace {

// ---- from text

[[noreturn]] void unreadable(Kind k, const std::string& text) {
  static constexpr const char* examples[] = {"2019-07-22 (or 20190722, 2019-W30-1, 2019-203)", "09:30:00 (or 0930, 09:30:00.5)",
                                             "09:30:00+09:00 (or 09:30Z)", "2019-07-22T09:30:00",
                                             "2019-07-22T09:30:00+09:00 or 2019-07-22T09:30[Asia/Seoul]"};
  const std::string message = "cannot read '" + text + "' as a " + std::string(name_of(k)) + "; write it as " +
                              examples[static_cast<int>(k)];
  // An unknown zone is the likeliest reason a well-formed date-time fails.
  std::size_t open = text.rfind('[');
  if (k == Kind::datetime && open != std::string::npos && text.back() == ']') {
    std::string zone = text.substr(open + 1, text.size() - open - 2);
    (void)temporal::read_zone(name_of(k), zone);  // throws naming the zone when unknown
  }
  out_of_domain(name_of(k), message, "InvalidArgumentValue");
}

Value from_text(Kind k, const std::string& s) {
  switch (k) {
    case Kind::date:
      if (auto d = calendar::parse(s)) return *d;
      break;
    case Kind::local_time:
      if (auto t = LocalTime::parse(s)) return *t;
      break;
    case Kind::time:
      if (auto t = Time::parse(s)) return *t;
      break;
    case Kind::local_datetime:
      if (auto t = LocalDateTime::parse(s)) return *t;
      break;
    case Kind::datetime:
      if (auto t = DateTime::parse(s)) return *t;
      break;
  }
  unreadable(k, s);
}

// ---- from another temporal value

Value convert(Kind k, const Value& v) {
  const char* fn = name_of(k);
  std::optional<Date> d = temporal::date_of(v);
  std::optional<LocalTime> t = temporal::local_time_of(v);
  std::optional<Zone> z = temporal::zone_of(v);
  if (has_date(k) && !d) wrong_type(fn, "a value with a date", v);
  if (k != Kind::date && k != Kind::local_datetime && k != Kind::datetime && !t) wrong_type(fn, "a value with a time", v);
  LocalTime time = t.value_or(LocalTime());
  switch (k) {
    case Kind::date: return *d;
    case Kind::local_time: return time;
    case Kind::time: return Time(time, z ? z->offset : 0);
    case Kind::local_datetime: return LocalDateTime::from_parts(*d, time);
    case Kind::datetime:
      if (const DateTime* x = v.get_if<DateTime>()) return *x;
      return temporal::place(fn, LocalDateTime::from_parts(*d, time), z.value_or(Zone{}));
  }
  return Value();
}

// ---- from a map of parts

void refuse_fields(Kind k, const Parts& p) {
  const char* fn = name_of(k);
  if (!has_date(k) && p.date_fields()) out_of_domain(fn, "takes no date fields (year, month, day, ...)", "InvalidArgumentValue");
  if (!has_time(k) && p.time_fields()) out_of_domain(fn, "takes no time fields (hour, minute, ...)", "InvalidArgumentValue");
  if (!has_zone(k) && p.timezone && (p.date_fields() || p.time_fields() || p.date || p.time || p.datetime)) {
    out_of_domain(fn, "takes a timezone only to read the current time there", "InvalidArgumentValue");
  }
  if (k != Kind::datetime && (p.epoch_seconds || p.epoch_millis)) {
    out_of_domain(fn, "takes no epochSeconds or epochMillis; datetime() does", "InvalidArgumentValue");
  }
}

}  // namespace

Value from_map(Kind k, const Map& m, TimePoint now) {
  const char* fn = name_of(k);
  Parts p = temporal::read_parts(fn, m);
  refuse_fields(k, p);
  bool only_zone = p.timezone && !p.date_fields() && !p.time_fields() && !p.date && !p.time && !p.datetime &&
                   !p.epoch_seconds && !p.epoch_millis;
  if (m.empty() || only_zone) return now_as(k, now, p.timezone ? temporal::read_zone(fn, *p.timezone) : Zone{});

  if (p.epoch_seconds || p.epoch_millis) {
    if (p.date_fields() || p.hour || p.minute || p.second || p.date || p.time || p.datetime) {
      out_of_domain(fn, "epochSeconds and epochMillis take only nanosecond (or millisecond, microsecond) and timezone",
                    "InvalidArgumentValue");
    }
    __int128 nanos = p.epoch_seconds ? static_cast<__int128>(*p.epoch_seconds) * nanos_per_second
                                     : static_cast<__int128>(*p.epoch_millis) * 1'000'000;
    nanos += static_cast<__int128>(p.millisecond.value_or(0)) * 1'000'000 +
             static_cast<__int128>(p.microsecond.value_or(0)) * 1'000 + p.nanosecond.value_or(0);
    __int128 s = nanos / nanos_per_second - ((nanos % nanos_per_second) < 0);
    // Within the years -999999999 to 999999999 (a day's margin for any offset).
    constexpr std::int64_t first = (civil::days_from_civil(Date::min_year, 1, 1) + 1) * 86'400;
    constexpr std::int64_t last = civil::days_from_civil(Date::max_year, 12, 31) * 86'400;
    if (s > last || s < first) {
      out_of_domain(fn, "the instant is outside the years -999999999 to 999999999", "InvalidArgumentValue");
    }
    DateTime d = DateTime::at_offset(static_cast<std::int64_t>(s), static_cast<std::int32_t>(nanos - s * nanos_per_second), 0);
    return temporal::in_zone(fn, d, p.timezone ? temporal::read_zone(fn, *p.timezone) : Zone{});
  }

  std::optional<Zone> zone = p.timezone ? std::optional(temporal::read_zone(fn, *p.timezone)) : std::nullopt;
  // A zoned base moves to the new zone first (same instant), then the
  // fields apply to its reading there.
  std::optional<Value> datetime_base = p.datetime;
  if (zone && datetime_base && datetime_base->get_if<DateTime>()) {
    datetime_base = temporal::in_zone(fn, datetime_base->as_datetime(), *zone);
  }
  std::optional<Value> time_base = p.time ? p.time : datetime_base;
  if (zone && time_base && zone->name.empty() && time_base->get_if<Time>()) {
    const Time& t = time_base->as_time();
    std::int64_t shifted = t.local().nanos_of_day() + std::int64_t{zone->offset - t.offset_seconds()} * nanos_per_second;
    time_base = Time(*LocalTime::from_nanos((shifted % nanos_per_day + nanos_per_day) % nanos_per_day), zone->offset);
  }
  std::optional<Value> date_base = p.date ? p.date : datetime_base;
  std::optional<Date> base_date = date_base ? temporal::date_of(*date_base) : std::nullopt;
  std::optional<LocalTime> base_time = time_base ? temporal::local_time_of(*time_base) : std::nullopt;
  if (date_base && !base_date && has_date(k)) wrong_type(fn, "a value with a date for 'date'", *date_base);
  if (p.time && !base_time) wrong_type(fn, "a value with a time for 'time'", *p.time);

  switch (k) {
    case Kind::date: return temporal::build_date(fn, p, base_date);
    case Kind::local_time: return temporal::build_time(fn, p, base_time);
    case Kind::time: {
      LocalTime t = temporal::build_time(fn, p, base_time);
      std::optional<Zone> base_zone = time_base ? temporal::zone_of(*time_base) : std::nullopt;
      std::int32_t offset = zone ? (zone->name.empty() ? zone->offset : instant(fn, now, *zone).offset_seconds())
                                 : base_zone ? base_zone->offset : 0;
      return Time(t, offset);
    }
    case Kind::local_datetime:
      return LocalDateTime::from_parts(temporal::build_date(fn, p, base_date), temporal::build_time(fn, p, base_time));
    case Kind::datetime: {
      LocalDateTime local =
          LocalDateTime::from_parts(temporal::build_date(fn, p, base_date), temporal::build_time(fn, p, base_time));
      std::optional<Zone> base_zone = time_base ? temporal::zone_of(*time_base) : std::nullopt;
      if (!base_zone && date_base) base_zone = temporal::zone_of(*date_base);
      Zone z = zone ? *zone : base_zone.value_or(Zone{});
      return temporal::place(fn, local, z, base_zone ? std::optional(base_zone->offset) : std::nullopt);
    }
  }
  return Value();
}

Value construct(Kind k, std::span<const Value> a, TimePoint now) {
  if (a.empty()) return now_as(k, now, Zone{});
  const Value& v = a[0];
  switch (v.type()) {
    case Value::Type::null: return Value();
    case Value::Type::string: return from_text(k, v.as_string());
    case Value::Type::map: return from_map(k, v.as_map(), now);
    case Value::Type::date:
    case Value::Type::local_time:
    case Value::Type::time:
    case Value::Type::local_datetime:
    case Value::Type::datetime: return convert(k, v);
    default: wrong_type(name_of(k), "a STRING, a MAP or a temporal value", v);
  }
}

}  // namespace ergo::eval::temporal
