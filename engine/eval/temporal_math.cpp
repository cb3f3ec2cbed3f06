// Temporal arithmetic, order and duration.between (see temporal_math.hpp).
#include "engine/eval/temporal_math.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "engine/value/civil.hpp"
#include "engine/value/duration_units.hpp"
#include "engine/value/time_zone.hpp"
#include "ergo/error.hpp"

namespace ergo::eval::temporal {
namespace {

constexpr std::int64_t seconds_per_day = 86'400;
constexpr std::int64_t max_year = Date::max_year;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

[[noreturn]] void out_of_range(const std::string& what) {
  throw Error(ErrorKind::argument_error, what + " is outside the range of temporal values (years -999999999 to 999999999)")
      .with_code("InvalidArgumentValue");
}

// ---- local date-times as (seconds, nanos) on the local clock

std::int64_t nanos_of_day(LocalDateTime t) { return t.time().nanos_of_day(); }

LocalDateTime make_local(std::int64_t days, std::int64_t nanos_of_day) {
  if (days < civil::days_from_civil(-max_year, 1, 1) || days > civil::days_from_civil(max_year, 12, 31)) {
    out_of_range("the date");
  }
  return LocalDateTime::from_parts(Date::from_days(days), *LocalTime::from_nanos(nanos_of_day));
}

std::int64_t days_of(LocalDateTime t) { return t.date().days_since_epoch(); }

LocalDateTime plus_months(LocalDateTime t, std::int64_t months) {
  if (months == 0) return t;
  Date d = t.date();
  if (months > 12 * 2 * (max_year + 1) || months < -12 * 2 * (max_year + 1)) out_of_range("the date");
  std::int64_t index = std::int64_t{d.year()} * 12 + (d.month() - 1) + months;
  std::int64_t year = floor_div(index, 12);
  int month = static_cast<int>(floor_mod(index, 12)) + 1;
  if (year < -max_year || year > max_year) out_of_range("the date");
  int day = std::min(d.day(), civil::days_in_month(static_cast<int>(year), month));
  return make_local(civil::days_from_civil(static_cast<int>(year), month, day), nanos_of_day(t));
}

LocalDateTime plus_days(LocalDateTime t, std::int64_t days) {
  if (days == 0) return t;
  // Wider than any two dates apart, narrow enough not to overflow.
  if (days > 1'000'000'000'000 || days < -1'000'000'000'000) out_of_range("the date");
  return make_local(days_of(t) + days, nanos_of_day(t));
}

LocalDateTime plus_nanos(LocalDateTime t, std::int64_t seconds, std::int64_t nanos) {
  __int128 total = (static_cast<__int128>(t.epoch_seconds()) + seconds) * nanos_per_second + t.nanosecond() + nanos;
  __int128 per_day = static_cast<__int128>(nanos_per_day);
  __int128 days = total / per_day - ((total % per_day != 0) && total < 0);
  if (days > 1'000'000'000'000 || days < -1'000'000'000'000) out_of_range("the date");
  return make_local(static_cast<std::int64_t>(days), static_cast<std::int64_t>(total - days * per_day));
}

// ---- date-times with zones

// The instant (seconds, nanos) of a local reading in the zone of `like`,
// preferring its offset when the reading is ambiguous.
std::int64_t instant_of(LocalDateTime local, const DateTime& like) {
  if (like.zone().empty()) return local.epoch_seconds() - like.offset_seconds();
  std::optional<std::int64_t> s = time_zone::resolve_local(like.zone(), local.epoch_seconds(), like.offset_seconds());
  if (!s) out_of_range("the time zone '" + like.zone() + "'");
  return *s;
}

DateTime at_instant_like(std::int64_t seconds, std::int32_t nanos, const DateTime& like) {
  if (like.zone().empty()) return DateTime::at_offset(seconds, nanos, like.offset_seconds());
  std::optional<DateTime> d = DateTime::in_zone(seconds, nanos, like.zone());
  if (!d) out_of_range("the time zone '" + like.zone() + "'");
  return *d;
}

// ---- plus: Neo4j's order — months, days, seconds (whole days of them on a
// DATE), nanoseconds.

Value plus_duration(const Value& t, Duration d) {
  switch (t.type()) {
    case Value::Type::date: {
      LocalDateTime l = LocalDateTime::from_parts(t.as_date(), LocalTime());
      l = plus_days(plus_days(plus_months(l, d.months()), d.days()), d.seconds() / seconds_per_day);
      return l.date();
    }
    case Value::Type::local_time: {
      std::int64_t n = floor_mod(t.as_local_time().nanos_of_day() + (d.seconds() % seconds_per_day) * nanos_per_second +
                                     d.nanoseconds(), nanos_per_day);
      return *LocalTime::from_nanos(n);
    }
    case Value::Type::time: {
      Time x = t.as_time();
      std::int64_t n = floor_mod(x.local().nanos_of_day() + (d.seconds() % seconds_per_day) * nanos_per_second +
                                     d.nanoseconds(), nanos_per_day);
      return Time(*LocalTime::from_nanos(n), x.offset_seconds());
    }
    case Value::Type::local_datetime:
      return plus_nanos(plus_days(plus_months(t.as_local_datetime(), d.months()), d.days()), d.seconds(), d.nanoseconds());
    case Value::Type::datetime: {
      const DateTime& x = t.as_datetime();
      std::int64_t seconds = x.epoch_seconds();
      if (d.months() != 0 || d.days() != 0) {
        seconds = instant_of(plus_days(plus_months(x.local(), d.months()), d.days()), x);
      }
      __int128 total = (static_cast<__int128>(seconds) + d.seconds()) * nanos_per_second + x.nanosecond() + d.nanoseconds();
      __int128 s = total / nanos_per_second - ((total % nanos_per_second != 0) && total < 0);
      // Within the years -999999999 to 999999999, with a day's margin for any offset.
      constexpr std::int64_t first = (civil::days_from_civil(-max_year, 1, 1) + 1) * seconds_per_day;
      constexpr std::int64_t last = civil::days_from_civil(max_year, 12, 31) * seconds_per_day;
      if (s > last || s < first) out_of_range("the date-time");
      return at_instant_like(static_cast<std::int64_t>(s), static_cast<std::int32_t>(total - s * nanos_per_second), x);
    }
    default: return Value();
  }
}

Duration checked(std::optional<Duration> d) {
  if (!d) {
    throw Error(ErrorKind::argument_error, "the duration does not fit in 64-bit months, days and seconds")
        .with_code("InvalidArgumentValue");
  }
  return *d;
}

Duration sum(Duration a, Duration b, int sign) {
  __int128 months = static_cast<__int128>(a.months()) + sign * static_cast<__int128>(b.months());
  __int128 days = static_cast<__int128>(a.days()) + sign * static_cast<__int128>(b.days());
  __int128 nanos = (static_cast<__int128>(a.seconds()) + sign * static_cast<__int128>(b.seconds())) * nanos_per_second +
                   a.nanoseconds() + sign * b.nanoseconds();
  duration_units::Builder builder;
  builder.add(duration_units::Unit::months, months * 1'000'000'000);
  builder.add(duration_units::Unit::days, days * 1'000'000'000);
  builder.add(duration_units::Unit::nanoseconds, nanos * 1'000'000'000);
  return checked(builder.build());
}

// Each field times `factor`, fractions cascading as Neo4j's approximate().
Duration scaled(Duration d, long double factor) {
  auto billionths = [&](std::int64_t field) -> __int128 {
    long double v = static_cast<long double>(field) * factor * 1e9L;
    if (!std::isfinite(v) || std::fabs(v) > 1e28L) {  // beyond 64-bit fields anyway; keeps the sums in 128 bits
      throw Error(ErrorKind::argument_error, "the duration does not fit in 64-bit months, days and seconds")
          .with_code("InvalidArgumentValue");
    }
    // The whole units exactly, then the fraction rounded to a billionth.
    const long double whole = std::trunc(v / 1e9L);
    return static_cast<__int128>(whole) * 1'000'000'000 + static_cast<__int128>(std::llround(v - whole * 1e9L));
  };
  duration_units::Builder b;
  b.add(duration_units::Unit::months, billionths(d.months()));
  b.add(duration_units::Unit::days, billionths(d.days()));
  b.add(duration_units::Unit::seconds, billionths(d.seconds()));
  b.add(duration_units::Unit::nanoseconds, billionths(d.nanoseconds()));
  return checked(b.build());
}

bool is_number(const Value& v) { return v.type() == Value::Type::integer || v.type() == Value::Type::floating; }

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

// ---- between

// A value as between() sees it: its local reading in a common zone.
struct Point {
  bool has_date = false;
  LocalDateTime local;
  std::optional<std::int32_t> offset;  // ZONED TIME and ZONED DATETIME
  std::string zone;                    // a named zone's name
  std::optional<std::int64_t> instant; // ZONED DATETIME: seconds since the epoch
};

Point point_of(const Value& v) {
  Point p;
  switch (v.type()) {
    case Value::Type::date: p.has_date = true; p.local = LocalDateTime::from_parts(v.as_date(), LocalTime()); break;
    case Value::Type::local_time: p.local = LocalDateTime::from_parts(Date(), v.as_local_time()); break;
    case Value::Type::time:
      p.local = LocalDateTime::from_parts(Date(), v.as_time().local());
      p.offset = v.as_time().offset_seconds();
      break;
    case Value::Type::local_datetime: p.has_date = true; p.local = v.as_local_datetime(); break;
    case Value::Type::datetime:
      p.has_date = true;
      p.local = v.as_datetime().local();
      p.offset = v.as_datetime().offset_seconds();
      p.zone = v.as_datetime().zone();
      p.instant = v.as_datetime().epoch_seconds();
      break;
    default:
      throw Error(ErrorKind::type_error, std::string("duration.between() expects two temporal values, got ") +
                                             type_name(v.type()))
          .with_code("InvalidArgumentValue");
  }
  return p;
}

// java.time's LocalDateTime.until in MONTHS and DAYS: the end date moves a
// day toward the start when its time of day has not yet reached the start's.
std::int64_t adjusted_end_day(LocalDateTime from, LocalDateTime to) {
  std::int64_t end = days_of(to);
  if (end > days_of(from) && nanos_of_day(to) < nanos_of_day(from)) return end - 1;
  if (end < days_of(from) && nanos_of_day(to) > nanos_of_day(from)) return end + 1;
  return end;
}

std::int64_t months_until(LocalDateTime from, LocalDateTime to) {
  civil::Ymd s = civil::civil_from_days(days_of(from));
  civil::Ymd e = civil::civil_from_days(adjusted_end_day(from, to));
  std::int64_t total = (std::int64_t{e.year} * 12 + e.month) - (std::int64_t{s.year} * 12 + s.month);
  int day_difference = e.day - s.day;
  if (total > 0 && day_difference < 0) --total;
  if (total < 0 && day_difference > 0) ++total;
  return total;
}

std::int64_t days_until(LocalDateTime from, LocalDateTime to) { return adjusted_end_day(from, to) - days_of(from); }

__int128 local_nanos(LocalDateTime t) { return static_cast<__int128>(t.epoch_seconds()) * nanos_per_second + t.nanosecond(); }

Duration from_nanos(std::int64_t months, std::int64_t days, __int128 nanos) {
  duration_units::Builder b;
  b.add(duration_units::Unit::months, static_cast<__int128>(months) * 1'000'000'000);
  b.add(duration_units::Unit::days, static_cast<__int128>(days) * 1'000'000'000);
  b.add(duration_units::Unit::nanoseconds, nanos * 1'000'000'000);
  return checked(b.build());
}

}  // namespace

bool is_temporal(Value::Type t) {
  switch (t) {
    case Value::Type::date:
    case Value::Type::local_time:
    case Value::Type::time:
    case Value::Type::local_datetime:
    case Value::Type::datetime:
    case Value::Type::duration: return true;
    default: return false;
  }
}

bool is_instant_like(Value::Type t) { return is_temporal(t) && t != Value::Type::duration; }

Duration negate(Duration d) { return sum(Duration(), d, -1); }

std::optional<Value> plus(const Value& a, const Value& b) {
  if (a.type() == Value::Type::duration && b.type() == Value::Type::duration) {
    return Value(sum(a.as_duration(), b.as_duration(), 1));
  }
  if (is_instant_like(a.type()) && b.type() == Value::Type::duration) return plus_duration(a, b.as_duration());
  if (a.type() == Value::Type::duration && is_instant_like(b.type())) return plus_duration(b, a.as_duration());
  return std::nullopt;
}

std::optional<Value> minus(const Value& a, const Value& b) {
  if (a.type() == Value::Type::duration && b.type() == Value::Type::duration) {
    return Value(sum(a.as_duration(), b.as_duration(), -1));
  }
  if (is_instant_like(a.type()) && b.type() == Value::Type::duration) return plus_duration(a, negate(b.as_duration()));
  return std::nullopt;
}

std::optional<Value> multiply(const Value& a, const Value& b) {
  const Value* d = a.type() == Value::Type::duration ? &a : b.type() == Value::Type::duration ? &b : nullptr;
  const Value* n = d == &a ? &b : &a;
  if (!d || !is_number(*n)) return std::nullopt;
  Duration x = d->as_duration();
  if (const std::int64_t* i = n->get_if<std::int64_t>()) {
    std::int64_t m = 0, dd = 0, s = 0, ns = 0;
    if (__builtin_mul_overflow(x.months(), *i, &m) || __builtin_mul_overflow(x.days(), *i, &dd) ||
        __builtin_mul_overflow(x.seconds(), *i, &s) || __builtin_mul_overflow(std::int64_t{x.nanoseconds()}, *i, &ns)) {
      checked(std::nullopt);
    }
    return Value(checked(Duration::from_parts(m, dd, s, ns)));
  }
  return Value(scaled(x, n->as_double()));
}

std::optional<Value> divide(const Value& a, const Value& b) {
  if (a.type() != Value::Type::duration || !is_number(b)) return std::nullopt;
  double divisor = b.as_double();
  if (divisor == 0) throw Error(ErrorKind::argument_error, "division of a duration by zero").with_code("DivisionByZero");
  return Value(scaled(a.as_duration(), 1.0L / static_cast<long double>(divisor)));
}

std::optional<int> compare(const Value& a, const Value& b) {
  if (a.type() == Value::Type::duration) return std::nullopt;
  return order(a, b);
}

int order(const Value& a, const Value& b) {
  switch (a.type()) {
    case Value::Type::date: return three_way(a.as_date(), b.as_date());
    case Value::Type::local_time: return three_way(a.as_local_time(), b.as_local_time());
    case Value::Type::local_datetime: return three_way(a.as_local_datetime(), b.as_local_datetime());
    case Value::Type::time: {
      Time x = a.as_time(), y = b.as_time();
      auto utc = [](Time t) { return t.local().nanos_of_day() - std::int64_t{t.offset_seconds()} * nanos_per_second; };
      if (int c = three_way(utc(x), utc(y))) return c;
      return three_way(x.offset_seconds(), y.offset_seconds());
    }
    case Value::Type::datetime: {
      const DateTime& x = a.as_datetime();
      const DateTime& y = b.as_datetime();
      if (int c = three_way(x.epoch_seconds(), y.epoch_seconds())) return c;
      if (int c = three_way(x.nanosecond(), y.nanosecond())) return c;
      if (int c = three_way(x.offset_seconds(), y.offset_seconds())) return c;
      return three_way(x.zone(), y.zone());
    }
    case Value::Type::duration: {
      Duration x = a.as_duration(), y = b.as_duration();
      auto average = [](Duration d) {
        return (static_cast<__int128>(d.months()) * 2'629'746 + static_cast<__int128>(d.days()) * seconds_per_day +
                d.seconds()) * nanos_per_second + d.nanoseconds();
      };
      if (int c = three_way(average(x), average(y))) return c;
      if (int c = three_way(x.months(), y.months())) return c;
      if (int c = three_way(x.days(), y.days())) return c;
      if (int c = three_way(x.seconds(), y.seconds())) return c;
      return three_way(x.nanoseconds(), y.nanoseconds());
    }
    default: return 0;
  }
}

Value between(const Value& from_value, const Value& to_value, Between what) {
  if (from_value.is_null() || to_value.is_null()) return Value();
  Point from = point_of(from_value), to = point_of(to_value);
  if (!from.has_date || !to.has_date) {
    // Times of day only; with both offsets known, compared in UTC.
    __int128 f = nanos_of_day(from.local), t = nanos_of_day(to.local);
    if (from.offset && to.offset) {
      f -= static_cast<__int128>(*from.offset) * nanos_per_second;
      t -= static_cast<__int128>(*to.offset) * nanos_per_second;
    }
    if (what == Between::months || what == Between::days) return Duration();
    return from_nanos(0, 0, t - f);
  }
  // A zoned end seen in the zone of a zoned start; a local one taken to be
  // in the other's zone.
  if (to.instant && from.instant) {
    if (from.zone.empty()) {
      to.local = LocalDateTime::from_epoch(*to.instant + *from.offset, to.local.nanosecond());
    } else {
      to.local = DateTime::in_zone(*to.instant, to.local.nanosecond(), from.zone)->local();
    }
  }
  const Point& zoned = from.instant ? from : to;
  std::int64_t months = 0, days = 0;
  LocalDateTime moved = from.local;
  if (what == Between::all || what == Between::months) {
    months = months_until(moved, to.local);
    moved = plus_months(moved, months);
  }
  if (what == Between::all || what == Between::days) {
    days = days_until(moved, to.local);
    moved = plus_days(moved, days);
  }
  if (what == Between::months || what == Between::days) return from_nanos(months, days, 0);
  __int128 nanos = local_nanos(to.local) - local_nanos(moved);
  if (zoned.instant && !zoned.zone.empty()) {
    // A named zone: the time left is measured between instants, so a
    // daylight-saving change in between counts.
    auto instant = [&](LocalDateTime l, std::optional<std::int64_t> known, bool is_to) -> __int128 {
      if (is_to && known) return static_cast<__int128>(*known) * nanos_per_second + l.nanosecond();
      std::optional<std::int64_t> s = time_zone::resolve_local(zoned.zone, l.epoch_seconds(), zoned.offset);
      return static_cast<__int128>(s.value_or(l.epoch_seconds())) * nanos_per_second + l.nanosecond();
    };
    nanos = instant(to.local, to.instant, true) - instant(moved, std::nullopt, false);
  }
  return from_nanos(months, days, nanos);
}

}  // namespace ergo::eval::temporal
