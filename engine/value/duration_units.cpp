// Duration from unit amounts, fractions cascading (see duration_units.hpp),
// and Duration::parse, the ISO 8601 text forms read into those units.
#include "engine/value/duration_units.hpp"

#include <limits>
#include <string_view>

namespace ergo::duration_units {
namespace {

constexpr __int128 billion = 1'000'000'000;
constexpr __int128 seconds_per_average_month = 2'629'746;  // 365.2425 days / 12
constexpr __int128 nanos_per_day_wide = 86'400 * billion;

bool fits(__int128 v) {
  return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

}  // namespace

void Builder::add(Unit unit, __int128 b) {
  switch (unit) {
    case Unit::years: months_ += b * 12; return;
    case Unit::quarters: months_ += b * 3; return;
    case Unit::months: months_ += b; return;
    case Unit::weeks: days_ += b * 7; return;
    case Unit::days: days_ += b; return;
    case Unit::hours: nanos_ += b * 3600; return;
    case Unit::minutes: nanos_ += b * 60; return;
    case Unit::seconds: nanos_ += b; return;
    case Unit::milliseconds: nanos_ += b / 1000; return;
    case Unit::microseconds: nanos_ += b / 1'000'000; return;
    case Unit::nanoseconds: nanos_ += b / billion; return;
  }
}

std::optional<Duration> Builder::build() const {
  __int128 months = months_ / billion;
  __int128 month_nanos = months_ % billion * seconds_per_average_month;
  __int128 days = days_ / billion + month_nanos / nanos_per_day_wide;
  __int128 nanos = nanos_ + month_nanos % nanos_per_day_wide + days_ % billion * 86'400;
  __int128 seconds = nanos / billion;
  nanos %= billion;
  if (!fits(months) || !fits(days) || !fits(seconds)) return std::nullopt;
  return Duration::from_parts(static_cast<std::int64_t>(months), static_cast<std::int64_t>(days),
                              static_cast<std::int64_t>(seconds), static_cast<std::int64_t>(nanos));
}

}  // namespace ergo::duration_units

namespace ergo {
namespace {

using duration_units::Builder;
using duration_units::Unit;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A signed decimal number with up to nine fraction digits at s[at], as
// billionths; advances `at`. nullopt when there is none or it is too long.
std::optional<__int128> read_number(std::string_view s, std::size_t& at) {
  bool negative = false;
  if (at < s.size() && (s[at] == '-' || s[at] == '+')) negative = s[at++] == '-';
  std::size_t start = at;
  __int128 whole = 0;
  while (at < s.size() && is_digit(s[at])) {
    whole = whole * 10 + (s[at++] - '0');
    if (at - start > 19) return std::nullopt;
  }
  if (at == start) return std::nullopt;
  __int128 fraction = 0;
  if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
    ++at;
    int n = 0;
    while (at < s.size() && is_digit(s[at])) {
      if (++n > 9) return std::nullopt;
      fraction = fraction * 10 + (s[at++] - '0');
    }
    for (; n < 9; ++n) fraction *= 10;
  }
  __int128 v = whole * 1'000'000'000 + fraction;
  return negative ? -v : v;
}

// Units in the order ISO 8601 allows them, each at most once.
std::optional<Duration> read_units(std::string_view s, bool negative) {
  struct Letter {
    char letter;
    Unit unit;
    bool time;  // after T
  };
  static constexpr Letter order[] = {{'Y', Unit::years, false},  {'M', Unit::months, false}, {'W', Unit::weeks, false},
                                     {'D', Unit::days, false},   {'H', Unit::hours, true},   {'M', Unit::minutes, true},
                                     {'S', Unit::seconds, true}};
  Builder b;
  std::size_t at = 0, next = 0;
  bool in_time = false, any = false, time_any = false;
  while (at < s.size()) {
    if (s[at] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++at;
      while (next < std::size(order) && !order[next].time) ++next;
      continue;
    }
    std::optional<__int128> n = read_number(s, at);
    if (!n || at >= s.size()) return std::nullopt;
    char letter = s[at++];
    while (next < std::size(order) && (order[next].letter != letter || order[next].time != in_time)) ++next;
    if (next == std::size(order)) return std::nullopt;
    b.add(order[next].unit, negative ? -*n : *n);
    ++next;
    any = true;
    time_any |= in_time;
  }
  if (!any || (in_time && !time_any)) return std::nullopt;
  return b.build();
}

// P2012-02-02T14:37:21.545: the fields of a date and time as amounts.
std::optional<Duration> read_date_time_form(std::string_view s, bool negative) {
  auto field = [&](std::size_t pos, std::size_t n) -> __int128 {
    if (pos + n > s.size()) return -1;
    __int128 v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (!is_digit(s[i])) return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v * 1'000'000'000;
  };
  if (s.size() < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') {
    return std::nullopt;
  }
  __int128 parts[] = {field(0, 4), field(5, 2), field(8, 2), field(11, 2), field(14, 2), field(17, 2)};
  for (__int128 p : parts) {
    if (p < 0) return std::nullopt;
  }
  std::size_t at = 17;
  std::optional<__int128> seconds = read_number(s, at);
  if (!seconds || at != s.size() || s[17] == '-' || s[17] == '+') return std::nullopt;
  Builder b;
  int sign = negative ? -1 : 1;
  b.add(Unit::years, sign * parts[0]);
  b.add(Unit::months, sign * parts[1]);
  b.add(Unit::days, sign * parts[2]);
  b.add(Unit::hours, sign * parts[3]);
  b.add(Unit::minutes, sign * parts[4]);
  b.add(Unit::seconds, sign * *seconds);
  return b.build();
}

}  // namespace

std::optional<Duration> Duration::parse(std::string_view iso) {
  bool negative = false;
  if (!iso.empty() && (iso[0] == '-' || iso[0] == '+')) {
    negative = iso[0] == '-';
    iso.remove_prefix(1);
  }
  if (iso.empty() || (iso[0] != 'P' && iso[0] != 'p')) return std::nullopt;
  iso.remove_prefix(1);
  // P2012-02-02T...: four digits, then '-' (P-22M-1D is the unit form).
  if (iso.size() >= 5 && iso[4] == '-' && is_digit(iso[0]) && is_digit(iso[1]) && is_digit(iso[2]) &&
      is_digit(iso[3])) {
    return read_date_time_form(iso, negative);
  }
  return read_units(iso, negative);
}

}  // namespace ergo
