// Reading the temporal types' ISO 8601 text (ergo/temporal.hpp): times of
// day in extended (09:30:00.5) and basic (093000.5) form, offsets (Z, +09,
// +09:00, +0900), named zones in brackets, dates in every form date()
// reads, and durations in unit (P1Y2M3DT4H) and date-time (P0001-02-03T04:00)
// form. Every reader returns nullopt on anything it does not fully consume.
#include <cstdint>
#include <string_view>

#include "engine/value/calendar.hpp"
#include "engine/value/time_zone.hpp"
#include "ergo/temporal.hpp"
#include "ergo/value.hpp"

namespace ergo {
namespace {

constexpr std::int32_t max_offset = 18 * 3600;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Exactly `n` digits at s[pos]; -1 when they are not there.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// A fraction's digits after the separator, as nanoseconds (at most nine digits).
std::optional<std::int64_t> fraction_nanos(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  std::int64_t v = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    if (i < s.size() && !is_digit(s[i])) return std::nullopt;
    v = v * 10 + (i < s.size() ? s[i] - '0' : 0);
  }
  return v;
}

// HH, HH:MM, HH:MM:SS, HH:MM:SS.f (extended) or HHMM, HHMMSS, HHMMSS.f
// (basic), the whole of `s`.
std::optional<LocalTime> read_time(std::string_view s) {
  int hour = digits(s, 0, 2);
  if (hour < 0) return std::nullopt;
  if (s.size() == 2) return LocalTime::from_hms(hour, 0, 0);
  bool extended = s[2] == ':';
  std::size_t at = extended ? 3 : 2;
  int minute = digits(s, at, 2);
  if (minute < 0) return std::nullopt;
  at += 2;
  if (at == s.size()) return LocalTime::from_hms(hour, minute, 0);
  if (extended) {
    if (s[at] != ':') return std::nullopt;
    ++at;
  }
  int second = digits(s, at, 2);
  if (second < 0) return std::nullopt;
  at += 2;
  std::int64_t nanos = 0;
  if (at < s.size()) {
    if (s[at] != '.' && s[at] != ',') return std::nullopt;
    std::optional<std::int64_t> f = fraction_nanos(s.substr(at + 1));
    if (!f) return std::nullopt;
    nanos = *f;
  }
  return LocalTime::from_hms(hour, minute, second, nanos);
}

// Z, ±HH, ±HH:MM, ±HHMM, ±HH:MM:SS: seconds east of UTC, within ±18:00.
std::optional<std::int32_t> read_offset(std::string_view s) {
  if (s == "Z" || s == "z") return 0;
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  int h = digits(s, 1, 2), m = 0, sec = 0;
  if (h < 0) return std::nullopt;
  std::string_view rest = s.substr(3);
  if (rest.size() == 2) {
    m = digits(rest, 0, 2);
  } else if (rest.size() == 3 && rest[0] == ':') {
    m = digits(rest, 1, 2);
  } else if (rest.size() == 6 && rest[0] == ':' && rest[3] == ':') {
    m = digits(rest, 1, 2);
    sec = digits(rest, 4, 2);
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  if (m < 0 || sec < 0 || m > 59 || sec > 59) return std::nullopt;
  std::int32_t total = h * 3600 + m * 60 + sec;
  if (total > max_offset) return std::nullopt;
  return s[0] == '-' ? -total : total;
}

// Where a time of day ends and its offset begins: the first Z, + or - after
// the hour.
std::size_t offset_start(std::string_view s) {
  for (std::size_t i = 2; i < s.size(); ++i) {
    if (s[i] == 'Z' || s[i] == 'z' || s[i] == '+' || s[i] == '-') return i;
  }
  return s.size();
}

struct Split {
  std::string_view date, time, offset, zone;
  bool has_time = false;
};

// 2019-07-22T09:30:00+09:00[Asia/Seoul] into its four parts.
std::optional<Split> split_date_time(std::string_view s) {
  Split out;
  if (!s.empty() && s.back() == ']') {
    std::size_t open = s.rfind('[');
    if (open == std::string_view::npos) return std::nullopt;
    out.zone = s.substr(open + 1, s.size() - open - 2);
    if (out.zone.empty()) return std::nullopt;
    s = s.substr(0, open);
  }
  std::size_t t = s.find_first_of("Tt");
  if (t == std::string_view::npos) {
    out.date = s;
    return out;
  }
  out.date = s.substr(0, t);
  std::string_view rest = s.substr(t + 1);
  std::size_t o = offset_start(rest);
  out.time = rest.substr(0, o);
  out.offset = rest.substr(o);
  out.has_time = true;
  return out;
}

std::optional<LocalDateTime> read_local(const Split& p) {
  std::optional<Date> d = calendar::parse(p.date);
  if (!d) return std::nullopt;
  LocalTime t;
  if (p.has_time) {
    std::optional<LocalTime> read = read_time(p.time);
    if (!read) return std::nullopt;
    t = *read;
  }
  return LocalDateTime::from_parts(*d, t);
}

}  // namespace

std::optional<LocalTime> LocalTime::parse(std::string_view iso) { return read_time(iso); }

std::optional<Time> Time::parse(std::string_view iso) {
  std::size_t o = offset_start(iso);
  std::optional<LocalTime> t = read_time(iso.substr(0, o));
  if (!t) return std::nullopt;
  std::int32_t offset = 0;
  if (o < iso.size()) {
    std::optional<std::int32_t> read = read_offset(iso.substr(o));
    if (!read) return std::nullopt;
    offset = *read;
  }
  return Time(*t, offset);
}

std::optional<LocalDateTime> LocalDateTime::parse(std::string_view iso) {
  std::optional<Split> p = split_date_time(iso);
  if (!p || !p->offset.empty() || !p->zone.empty()) return std::nullopt;
  return read_local(*p);
}

std::optional<DateTime> DateTime::parse(std::string_view iso) {
  std::optional<Split> p = split_date_time(iso);
  if (!p) return std::nullopt;
  std::optional<LocalDateTime> local = read_local(*p);
  if (!local) return std::nullopt;
  std::optional<std::int32_t> offset;
  if (!p->offset.empty()) {
    offset = read_offset(p->offset);
    if (!offset) return std::nullopt;
  }
  if (!p->zone.empty()) {
    // The zone decides; a written offset only picks between the two
    // readings of an hour the clocks fall back through.
    std::optional<std::int64_t> instant = time_zone::resolve_local(p->zone, local->epoch_seconds(), offset);
    if (!instant) return std::nullopt;
    return DateTime::in_zone(*instant, local->nanosecond(), p->zone);
  }
  std::int32_t off = offset.value_or(0);
  return DateTime::at_offset(local->epoch_seconds() - off, local->nanosecond(), off);
}

}  // namespace ergo
