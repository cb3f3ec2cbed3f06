// ergo::Date: civil-calendar conversions (days since 1970-01-01 <-> y/m/d)
// using the standard era-based arithmetic, valid for the whole int32 range.
#include <charconv>

#include "ergo/value.hpp"

namespace ergo {
namespace {

struct Ymd {
  int year;
  int month;
  int day;
};

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

constexpr std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr Ymd civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_days(11017).month == 3);

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < -999999 || year > 999999 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date(static_cast<std::int32_t>(days_from_civil(year, month, day)));
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
              : std::snprintf(buf, sizeof buf, "%+d-%02d-%02d", c.year, c.month, c.day);
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace ergo
