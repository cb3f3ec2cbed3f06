// The temporal value types (ergo/temporal.hpp): construction from parts,
// components, and the ISO 8601 text Neo4j prints (seconds always shown, a
// fraction only when there is one, without trailing zeros; an offset of
// zero as Z; a named zone in brackets after the offset).
#include "ergo/temporal.hpp"

#include <cstdio>
#include <cstdlib>

#include "engine/value/civil.hpp"
#include "engine/value/time_zone.hpp"
#include "ergo/value.hpp"

namespace ergo {
namespace {

constexpr std::int64_t seconds_per_day = 86'400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

void append_two(std::string& out, std::int64_t v) {
  out += static_cast<char>('0' + v / 10);
  out += static_cast<char>('0' + v % 10);
}

// .5, .123456789: the nanoseconds as a fraction without trailing zeros.
void append_fraction(std::string& out, std::int64_t nanos) {
  if (nanos == 0) return;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%09lld", static_cast<long long>(nanos));
  std::string digits(buf);
  while (digits.back() == '0') digits.pop_back();
  out += '.';
  out += digits;
}

void append_time(std::string& out, std::int64_t nanos_of_day) {
  std::int64_t s = nanos_of_day / nanos_per_second;
  append_two(out, s / 3600);
  out += ':';
  append_two(out, s / 60 % 60);
  out += ':';
  append_two(out, s % 60);
  append_fraction(out, nanos_of_day % nanos_per_second);
}

// Z, +09:00, -03:30, +01:00:30.
void append_offset(std::string& out, std::int32_t offset) {
  if (offset == 0) {
    out += 'Z';
    return;
  }
  out += offset < 0 ? '-' : '+';
  std::int64_t a = std::llabs(offset);
  append_two(out, a / 3600);
  out += ':';
  append_two(out, a / 60 % 60);
  if (a % 60 != 0) {
    out += ':';
    append_two(out, a % 60);
  }
}

}  // namespace

// ---- LocalTime

std::optional<LocalTime> LocalTime::from_nanos(std::int64_t nanos) {
  if (nanos < 0 || nanos >= nanos_per_day) return std::nullopt;
  return LocalTime(nanos);
}

std::optional<LocalTime> LocalTime::from_hms(int hour, int minute, int second, std::int64_t nanosecond) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanosecond < 0 ||
      nanosecond >= nanos_per_second) {
    return std::nullopt;
  }
  return LocalTime((hour * 3600LL + minute * 60LL + second) * nanos_per_second + nanosecond);
}

int LocalTime::hour() const { return static_cast<int>(nanos_ / nanos_per_second / 3600); }
int LocalTime::minute() const { return static_cast<int>(nanos_ / nanos_per_second / 60 % 60); }
int LocalTime::second() const { return static_cast<int>(nanos_ / nanos_per_second % 60); }
int LocalTime::nanosecond() const { return static_cast<int>(nanos_ % nanos_per_second); }

std::string LocalTime::to_string() const {
  std::string out;
  append_time(out, nanos_);
  return out;
}

// ---- Time

std::string Time::to_string() const {
  std::string out = local_.to_string();
  append_offset(out, offset_);
  return out;
}

// ---- LocalDateTime

LocalDateTime LocalDateTime::from_parts(Date date, LocalTime time) {
  std::int64_t nanos = time.nanos_of_day();
  return LocalDateTime(date.days_since_epoch() * seconds_per_day + nanos / nanos_per_second,
                       static_cast<std::int32_t>(nanos % nanos_per_second));
}

Date LocalDateTime::date() const {
  return Date::from_days(floor_div(seconds_, seconds_per_day));
}

LocalTime LocalDateTime::time() const {
  return *LocalTime::from_nanos(floor_mod(seconds_, seconds_per_day) * nanos_per_second + nanos_);
}

std::string LocalDateTime::to_string() const { return date().to_string() + "T" + time().to_string(); }

// ---- DateTime

DateTime DateTime::at_offset(std::int64_t seconds, std::int32_t nanos, std::int32_t offset_seconds) {
  DateTime d;
  d.seconds_ = seconds;
  d.nanos_ = nanos;
  d.offset_ = offset_seconds;
  return d;
}

std::optional<DateTime> DateTime::in_zone(std::int64_t seconds, std::int32_t nanos, std::string_view zone) {
  std::optional<std::int32_t> offset = time_zone::offset_at(zone, seconds);
  if (!offset) return std::nullopt;
  DateTime d = at_offset(seconds, nanos, *offset);
  d.zone_ = std::string(zone);
  return d;
}

LocalDateTime DateTime::local() const { return LocalDateTime::from_epoch(seconds_ + offset_, nanos_); }

std::string DateTime::to_string() const {
  std::string out = local().to_string();
  append_offset(out, offset_);
  if (!zone_.empty()) out += "[" + zone_ + "]";
  return out;
}

// ---- Duration

std::optional<Duration> Duration::from_parts(std::int64_t months, std::int64_t days, std::int64_t seconds,
                                             std::int64_t nanos) {
  std::int64_t carry = nanos / nanos_per_second;
  nanos %= nanos_per_second;
  if (__builtin_add_overflow(seconds, carry, &seconds)) return std::nullopt;
  // Nanoseconds take the sign of the seconds, as Neo4j keeps them.
  if (seconds < 0 && nanos > 0) {
    seconds += 1;
    nanos -= nanos_per_second;
  } else if (seconds > 0 && nanos < 0) {
    seconds -= 1;
    nanos += nanos_per_second;
  }
  Duration d;
  d.months_ = months;
  d.days_ = days;
  d.seconds_ = seconds;
  d.nanos_ = static_cast<std::int32_t>(nanos);
  return d;
}

std::string Duration::to_string() const {
  std::string out = "P";
  auto part = [&](std::int64_t n, char unit) {
    if (n != 0) out += std::to_string(n) + unit;
  };
  part(months_ / 12, 'Y');
  part(months_ % 12, 'M');
  part(days_, 'D');
  if (seconds_ != 0 || nanos_ != 0) {
    out += 'T';
    part(seconds_ / 3600, 'H');
    part(seconds_ % 3600 / 60, 'M');
    std::int64_t s = seconds_ % 60;
    if (s != 0 || nanos_ != 0) {
      if (s == 0 && nanos_ < 0) out += '-';
      out += std::to_string(s);
      append_fraction(out, std::llabs(nanos_));
      out += 'S';
    }
  }
  if (out.size() == 1) out += "T0S";
  return out;
}

}  // namespace ergo
