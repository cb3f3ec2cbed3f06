// ISO week dates, ordinal and quarter days, and ISO date text, over
// ergo::Date's days since 1970-01-01.
#include "engine/value/calendar.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace ergo::calendar {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::int64_t days_of(int year, int month, int day) {
  // Only called with a valid month and day; from_ymd also checks the year.
  std::optional<Date> d = Date::from_ymd(year, month, day);
  return d ? d->days_since_epoch() : 0;
}

bool in_range(int year) { return year >= Date::min_year && year <= Date::max_year; }

// The Monday that starts ISO week 1 of `week_year`: the week with January 4.
std::int64_t week_one_monday(int week_year) {
  std::int64_t jan4 = days_of(week_year, 1, 4);
  return jan4 - (day_of_week(Date::from_days(static_cast<std::int64_t>(jan4))) - 1);
}

int weeks_in(int week_year) {
  return static_cast<int>((week_one_monday(week_year + 1) - week_one_monday(week_year)) / 7);
}

// Reads exactly `n` ASCII digits at text[pos]; -1 when they are not there.
int digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

}  // namespace

int day_of_week(Date d) {
  // 1970-01-01 was a Thursday (4).
  std::int64_t z = d.days_since_epoch();
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

int iso_week_year(Date d) {
  int y = d.year();
  if (in_range(y + 1) && d.days_since_epoch() >= week_one_monday(y + 1)) return y + 1;
  if (d.days_since_epoch() < week_one_monday(y)) return y - 1;
  return y;
}

int iso_week(Date d) { return static_cast<int>((d.days_since_epoch() - week_one_monday(iso_week_year(d))) / 7) + 1; }

int ordinal_day(Date d) { return static_cast<int>(d.days_since_epoch() - days_of(d.year(), 1, 1)) + 1; }

int quarter(Date d) { return (d.month() - 1) / 3 + 1; }

int day_of_quarter(Date d) {
  return static_cast<int>(d.days_since_epoch() - days_of(d.year(), (quarter(d) - 1) * 3 + 1, 1)) + 1;
}

std::optional<Date> from_week(int week_year, int week, int dow) {
  if (!in_range(week_year) || !in_range(week_year + 1) || week < 1 || dow < 1 || dow > 7 ||
      week > weeks_in(week_year)) {
    return std::nullopt;
  }
  auto days = week_one_monday(week_year) + (week - 1) * 7 + (dow - 1);
  return Date::from_days(static_cast<std::int64_t>(days));
}

std::optional<Date> from_ordinal(int year, int ordinal) {
  if (!in_range(year) || ordinal < 1 || ordinal > (is_leap(year) ? 366 : 365)) return std::nullopt;
  return Date::from_days(static_cast<std::int64_t>(days_of(year, 1, 1) + ordinal - 1));
}

std::optional<Date> from_quarter(int year, int q, int day) {
  if (!in_range(year) || q < 1 || q > 4 || day < 1) return std::nullopt;
  std::int64_t first = days_of(year, (q - 1) * 3 + 1, 1);
  std::int64_t next = q < 4 ? days_of(year, q * 3 + 1, 1) : first + 92;  // Q4 always has 92 days
  if (first + day - 1 >= next) return std::nullopt;
  return Date::from_days(static_cast<std::int64_t>(first + day - 1));
}

std::optional<Date> parse(std::string_view text) {
  int year = 0;
  std::string_view rest;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    // A signed year (as java.time writes years past 9999 and before 0, and
    // as Neo4j reads them): a sign, then one to nine digits up to the first
    // '-' or 'W' — the basic forms cannot tell where such a year ends.
    const std::size_t end = std::min(text.find_first_of("-W", 1), text.size());
    if (end < 2 || end > 10) return std::nullopt;
    year = digits(text, 1, end - 1);
    if (year < 0) return std::nullopt;
    if (text[0] == '-') year = -year;
    rest = text.substr(end);
    if (!rest.empty() && rest[0] != '-' && !(rest[0] == 'W' && rest.size() == 3)) return std::nullopt;
  } else {
    year = digits(text, 0, 4);
    if (year < 0) return std::nullopt;
    rest = text.substr(4);
  }
  bool extended = !rest.empty() && rest[0] == '-';
  if (extended) rest.remove_prefix(1);
  auto is = [&](std::size_t n) { return rest.size() == n; };

  if (rest.empty()) return extended ? std::nullopt : Date::from_ymd(year, 1, 1);
  if (rest[0] == 'W') {  // week date: Www or Www-D (extended), Www or WwwD (basic)
    int week = digits(rest, 1, 2);
    if (week < 0) return std::nullopt;
    int dow = 1;
    if (extended && is(5) && rest[3] == '-') {
      dow = digits(rest, 4, 1);
    } else if (!extended && is(4)) {
      dow = digits(rest, 3, 1);
    } else if (!is(3)) {
      return std::nullopt;
    }
    return dow < 0 ? std::nullopt : from_week(year, week, dow);
  }
  if (is(3)) {  // ordinal day
    int ordinal = digits(rest, 0, 3);
    return ordinal < 0 ? std::nullopt : from_ordinal(year, ordinal);
  }
  int month = digits(rest, 0, 2);
  if (month < 0) return std::nullopt;
  if (is(2)) return Date::from_ymd(year, month, 1);
  if (extended && is(5) && rest[2] == '-') {
    int day = digits(rest, 3, 2);
    return day < 0 ? std::nullopt : Date::from_ymd(year, month, day);
  }
  if (!extended && is(4)) {
    int day = digits(rest, 2, 2);
    return day < 0 ? std::nullopt : Date::from_ymd(year, month, day);
  }
  return std::nullopt;
}

Date today() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(static_cast<std::int64_t>(days.time_since_epoch().count()));
}

}  // namespace ergo::calendar
