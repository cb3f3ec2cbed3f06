// The temporal functions: the constructors date(), localtime(), time(),
// localdatetime(), datetime() and duration() (from ISO text, a map of parts,
// another temporal value, or — with no argument — the statement's clock),
// their .realtime() / .statement() / .transaction() clocks and .truncate(),
// datetime.fromepoch(), and duration.between() with its inMonths / inDays /
// inSeconds forms.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "engine/eval/function_support.hpp"
#include "engine/eval/temporal_math.hpp"
#include "engine/eval/temporal_parts.hpp"
#include "engine/value/calendar.hpp"
#include "engine/value/civil.hpp"
#include "engine/value/duration_units.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::eval::fn {
namespace {

using temporal::Parts;
using temporal::Zone;
using TimePoint = std::chrono::system_clock::time_point;

enum class Kind { date, local_time, time, local_datetime, datetime };

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

Value now_as(Kind k, TimePoint now, const Zone& zone) { return project(k, instant(name_of(k), now, zone)); }

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
    // Within the years -999999 to 999999 (a day's margin for any offset).
    constexpr std::int64_t first = (civil::days_from_civil(-999'999, 1, 1) + 1) * 86'400;
    constexpr std::int64_t last = civil::days_from_civil(999'999, 12, 31) * 86'400;
    if (s > last || s < first) out_of_domain(fn, "the instant is outside the years -999999 to 999999", "InvalidArgumentValue");
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

Value construct(Kind k, Args a, TimePoint now) {
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

// ---- clocks: realtime, statement, transaction

enum class Clock { statement, realtime, transaction };

TimePoint read(Clock c, const Clocks& clocks) {
  switch (c) {
    case Clock::statement: return clocks.statement;
    case Clock::transaction: return clocks.transaction;
    case Clock::realtime: return std::chrono::system_clock::now();
  }
  return clocks.statement;
}

Clocks real_clocks() {
  TimePoint now = std::chrono::system_clock::now();
  return {now, now};
}

template <Kind K>
Value constructor_at(Args a, const Clocks& c) {
  return construct(K, a, c.statement);
}
template <Kind K>
Value constructor(Args a) {
  return constructor_at<K>(a, real_clocks());
}

template <Kind K, Clock C>
Value clock_at(Args a, const Clocks& c) {
  const char* fn = name_of(K);
  if (!a.empty() && a[0].is_null()) return Value();
  Zone zone = a.empty() ? Zone{} : temporal::read_zone(fn, string_arg(fn, a[0], "a STRING time zone"));
  return now_as(K, read(C, c), zone);
}
template <Kind K, Clock C>
Value clock(Args a) {
  return clock_at<K, C>(a, real_clocks());
}

// ---- truncate

enum class Unit { millennium, century, decade, year, week_year, quarter, month, week, day, hour, minute, second,
                  millisecond, microsecond };

Unit read_unit(const char* fn, const std::string& s) {
  static constexpr std::pair<std::string_view, Unit> units[] = {
      {"millennium", Unit::millennium}, {"century", Unit::century},   {"decade", Unit::decade},
      {"year", Unit::year},             {"weekyear", Unit::week_year}, {"quarter", Unit::quarter},
      {"month", Unit::month},           {"week", Unit::week},         {"day", Unit::day},
      {"hour", Unit::hour},             {"minute", Unit::minute},     {"second", Unit::second},
      {"millisecond", Unit::millisecond}, {"microsecond", Unit::microsecond}};
  const std::string key = text::utf8::ascii_lower(s);
  for (const auto& [name, unit] : units) {
    if (name == key) return unit;
  }
  out_of_domain(fn, "unknown unit '" + s + "'; the units are millennium, century, decade, year, weekYear, quarter, "
                "month, week, day, hour, minute, second, millisecond and microsecond", "InvalidArgumentValue");
}

std::int64_t floor_to(std::int64_t v, std::int64_t step) { return v - ((v % step) + step) % step; }

Date truncate_date(Date d, Unit u) {
  switch (u) {
    case Unit::millennium: return *Date::from_ymd(static_cast<int>(floor_to(d.year(), 1000)), 1, 1);
    case Unit::century: return *Date::from_ymd(static_cast<int>(floor_to(d.year(), 100)), 1, 1);
    case Unit::decade: return *Date::from_ymd(static_cast<int>(floor_to(d.year(), 10)), 1, 1);
    case Unit::year: return *Date::from_ymd(d.year(), 1, 1);
    case Unit::week_year: return *calendar::from_week(calendar::iso_week_year(d), 1, 1);
    case Unit::quarter: return *Date::from_ymd(d.year(), (calendar::quarter(d) - 1) * 3 + 1, 1);
    case Unit::month: return *Date::from_ymd(d.year(), d.month(), 1);
    case Unit::week: return Date::from_days(d.days_since_epoch() - (calendar::day_of_week(d) - 1));
    default: return d;
  }
}

LocalTime truncate_time(LocalTime t, Unit u) {
  std::int64_t n = t.nanos_of_day();
  std::int64_t step = 0;
  switch (u) {
    case Unit::hour: step = 3600 * nanos_per_second; break;
    case Unit::minute: step = 60 * nanos_per_second; break;
    case Unit::second: step = nanos_per_second; break;
    case Unit::millisecond: step = 1'000'000; break;
    case Unit::microsecond: step = 1'000; break;
    default: return LocalTime();  // a date unit: midnight
  }
  return *LocalTime::from_nanos(n - n % step);
}

template <Kind K>
Value truncate_at(Args a, const Clocks& c) {
  const char* fn = K == Kind::date ? "date.truncate" : K == Kind::local_time ? "localtime.truncate"
                   : K == Kind::time ? "time.truncate" : K == Kind::local_datetime ? "localdatetime.truncate"
                                                         : "datetime.truncate";
  if (a[0].is_null() || a[1].is_null()) return Value();
  Unit unit = read_unit(fn, string_arg(fn, a[0], "a STRING unit"));
  const Value& v = a[1];
  if (!temporal::is_instant_like(v.type())) wrong_type(fn, "a date, time or date-time to truncate", v);
  bool time_unit = unit >= Unit::hour;
  if (K == Kind::date && time_unit) out_of_domain(fn, "a date cannot be truncated to a unit of time", "InvalidArgumentValue");
  if (!has_date(K) && !time_unit && unit != Unit::day) {
    out_of_domain(fn, "a time cannot be truncated to a unit of the calendar", "InvalidArgumentValue");
  }
  std::optional<Date> d = temporal::date_of(v);
  if (has_date(K) && !d) wrong_type(fn, "a value with a date", v);
  std::optional<LocalTime> t = temporal::local_time_of(v);
  std::optional<Zone> z = temporal::zone_of(v);
  Date date = d ? truncate_date(*d, unit) : Date();
  LocalTime time = truncate_time(t.value_or(LocalTime()), unit);
  Value out;
  switch (K) {
    case Kind::date: out = date; break;
    case Kind::local_time: out = time; break;
    case Kind::time: out = Time(time, z ? z->offset : 0); break;
    case Kind::local_datetime: out = LocalDateTime::from_parts(date, time); break;
    case Kind::datetime:
      out = temporal::place(fn, LocalDateTime::from_parts(date, time), z.value_or(Zone{}),
                            z ? std::optional(z->offset) : std::nullopt);
      break;
  }
  if (a.size() < 3 || a[2].is_null()) return out;
  // Fields to set on the truncated value: date.truncate('month', d, {day: 5}).
  const Map* fields = a[2].get_if<Map>();
  if (!fields) wrong_type(fn, "a MAP of fields to set", a[2]);
  Map m = *fields;
  m.emplace_back(K == Kind::date ? "date" : K == Kind::local_time || K == Kind::time ? "time" : "datetime", out);
  return construct(K, std::vector<Value>{Value(std::move(m))}, c.statement);
}
template <Kind K>
Value truncate(Args a) {
  return truncate_at<K>(a, real_clocks());
}

// ---- duration

Value duration(Args a) {
  const Value& v = a[0];
  switch (v.type()) {
    case Value::Type::null: return Value();
    case Value::Type::duration: return v;
    case Value::Type::string:
      if (auto d = Duration::parse(v.as_string())) return *d;
      out_of_domain("duration", "cannot read '" + v.as_string() +
                                    "' as a duration; write it as P1Y2M3DT4H5M6S (or P1W, PT0.5S, P0001-02-03T04:05:06)",
                    "InvalidArgumentValue");
    case Value::Type::map: {
      using duration_units::Unit;
      static constexpr std::pair<std::string_view, Unit> units[] = {
          {"years", Unit::years},     {"quarters", Unit::quarters}, {"months", Unit::months},
          {"weeks", Unit::weeks},     {"days", Unit::days},         {"hours", Unit::hours},
          {"minutes", Unit::minutes}, {"seconds", Unit::seconds},   {"milliseconds", Unit::milliseconds},
          {"microseconds", Unit::microseconds}, {"nanoseconds", Unit::nanoseconds}};
      duration_units::Builder b;
      for (const auto& [key, amount] : v.as_map()) {
        auto it = std::find_if(std::begin(units), std::end(units), [&](const auto& u) { return u.first == key; });
        if (it == std::end(units)) {
          out_of_domain("duration", "unknown field '" + key + "'; the fields are years, quarters, months, weeks, days, "
                        "hours, minutes, seconds, milliseconds, microseconds and nanoseconds", "InvalidArgumentValue");
        }
        if (amount.is_null()) continue;
        __int128 billionths;
        if (const std::int64_t* i = amount.get_if<std::int64_t>()) {
          billionths = static_cast<__int128>(*i) * 1'000'000'000;
        } else {
          double d = number_arg("duration", amount, "a number of " + key);
          if (!std::isfinite(d) || std::fabs(d) > 9.2e18) out_of_domain("duration", key + " is out of range");
          long double scaled = static_cast<long double>(d) * 1e9L;
          billionths = static_cast<__int128>(scaled);
          billionths += static_cast<__int128>(std::llround(static_cast<double>(scaled - static_cast<long double>(billionths))));
        }
        b.add(it->second, billionths);
      }
      if (auto d = b.build()) return *d;
      out_of_domain("duration", "the duration does not fit in 64-bit months, days and seconds");
    }
    default: wrong_type("duration", "a STRING or a MAP", v);
  }
}

template <temporal::Between W>
Value between(Args a) {
  return temporal::between(a[0], a[1], W);
}

Value from_epoch(Args a) {
  if (any_null(a)) return Value();
  Map m{{"epochSeconds", Value(integer_arg("datetime.fromepoch", a[0]))},
        {"nanosecond", Value(integer_arg("datetime.fromepoch", a[1]))}};
  return from_map(Kind::datetime, m, std::chrono::system_clock::now());
}

Value from_epoch_millis(Args a) {
  if (any_null(a)) return Value();
  Map m{{"epochMillis", Value(integer_arg("datetime.fromepochmillis", a[0]))}};
  return from_map(Kind::datetime, m, std::chrono::system_clock::now());
}

#define ERGO_TEMPORAL_KIND(prefix, K)                                                                      \
  {prefix, 0, 1, constructor<K>, false, constructor_at<K>},                                                \
      {prefix ".realtime", 0, 1, clock<K, Clock::realtime>, false, clock_at<K, Clock::realtime>},          \
      {prefix ".statement", 0, 1, clock<K, Clock::statement>, false, clock_at<K, Clock::statement>},       \
      {prefix ".transaction", 0, 1, clock<K, Clock::transaction>, false, clock_at<K, Clock::transaction>}, \
      {prefix ".truncate", 2, 3, truncate<K>, true, truncate_at<K>}

constexpr FunctionInfo table[] = {
    ERGO_TEMPORAL_KIND("date", Kind::date),
    ERGO_TEMPORAL_KIND("localtime", Kind::local_time),
    ERGO_TEMPORAL_KIND("time", Kind::time),
    ERGO_TEMPORAL_KIND("localdatetime", Kind::local_datetime),
    ERGO_TEMPORAL_KIND("datetime", Kind::datetime),
    {"datetime.fromepoch", 2, 2, from_epoch},
    {"datetime.fromepochmillis", 1, 1, from_epoch_millis},
    {"duration", 1, 1, duration},
    {"duration.between", 2, 2, between<temporal::Between::all>},
    {"duration.inMonths", 2, 2, between<temporal::Between::months>},
    {"duration.inDays", 2, 2, between<temporal::Between::days>},
    {"duration.inSeconds", 2, 2, between<temporal::Between::seconds>},
};

#undef ERGO_TEMPORAL_KIND

}  // namespace

std::span<const FunctionInfo> temporal_functions() { return table; }

}  // namespace ergo::eval::fn
