// ergo::Date: civil-calendar conversions (days since 1970-01-01 <-> y/m/d)
// using the standard era-based arithmetic, in 64-bit integers.
#include <charconv>

#include "engine/value/civil.hpp"
#include "ergo/value.hpp"

namespace ergo {

using civil::days_in_month;
using civil::days_from_civil;
using civil::civil_from_days;
using civil::Ymd;

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < min_year || year > max_year || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date(days_from_civil(year, month, day));
}

std::optional<Date> Date::parse(std::string_view iso) {
  // YYYY-MM-DD exactly.
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto number = [&](std::size_t pos, std::size_t len) -> int {
    int v = -1;
    auto [p, ec] = std::from_chars(iso.data() + pos, iso.data() + pos + len, v);
    return ec == std::errc() && p == iso.data() + pos + len ? v : -1;
  };
  int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return from_ymd(y, m, d);
}

int Date::year() const { return civil_from_days(days_).year; }
int Date::month() const { return civil_from_days(days_).month; }
int Date::day() const { return civil_from_days(days_).day; }

std::string Date::to_string() const {
  Ymd c = civil_from_days(days_);
  char buf[32];
  int n = c.year >= 0 && c.year <= 9999
              ? std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day)
              : std::snprintf(buf, sizeof buf, "%+05d-%02d-%02d", c.year, c.month, c.day);  // -0001, +10000
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace ergo
