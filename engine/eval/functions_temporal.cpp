// The temporal functions: the constructors date(), localtime(), time(),
// localdatetime(), datetime() (temporal_construct.cpp builds the values) and
// duration(), their .realtime() / .statement() / .transaction() clocks and
// .truncate(), datetime.fromepoch(), and duration.between() with its
// inMonths / inDays / inSeconds forms.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "engine/eval/function_support.hpp"
#include "engine/eval/temporal_construct.hpp"
#include "engine/eval/temporal_math.hpp"
#include "engine/value/calendar.hpp"
#include "engine/value/duration_units.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::eval::fn {
namespace {

using temporal::Kind;
using temporal::TimePoint;
using temporal::Zone;
using temporal::construct;
using temporal::from_map;
using temporal::has_date;
using temporal::name_of;
using temporal::now_as;

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
        const std::string& field = key;  // clang 14 cannot capture a structured binding
        auto it = std::find_if(std::begin(units), std::end(units), [&](const auto& u) { return u.first == field; });
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

// timestamp(): milliseconds since 1970-01-01T00:00Z on the statement's
// clock, so every call in one statement answers the same (as in Neo4j).
Value timestamp_at(Args, const Clocks& c) {
  return static_cast<std::int64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(c.statement.time_since_epoch()).count());
}
Value timestamp(Args a) { return timestamp_at(a, real_clocks()); }

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
    {"timestamp", 0, 0, timestamp, false, timestamp_at},
};

#undef ERGO_TEMPORAL_KIND

}  // namespace

std::span<const FunctionInfo> temporal_functions() { return table; }

}  // namespace ergo::eval::fn
