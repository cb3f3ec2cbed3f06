// The openCypher temporal value types: Date, LocalTime, Time,
// LocalDateTime, DateTime and Duration, kept the way Neo4j 5 keeps them
// (nanosecond precision; a DateTime remembers its offset and, when it has
// one, its named time zone; a Duration keeps months, days, seconds and
// nanoseconds apart because a month and a day have no fixed length).
//
// Each is a plain value type: copyable, comparable structurally with ==
// (the identity of values; Cypher's `=`, `<` and ORDER BY are the engine's),
// printable in the ISO 8601 form Neo4j prints, and readable from it with
// parse(), which returns nullopt for malformed text or a day, time or zone
// that does not exist.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ergo {

inline constexpr std::int64_t nanos_per_second = 1'000'000'000;
inline constexpr std::int64_t nanos_per_day = 86'400 * nanos_per_second;

// A calendar date (proleptic Gregorian), stored as days since 1970-01-01,
// in openCypher's range: the years -999,999,999 to 999,999,999.
class Date {
 public:
  static constexpr int min_year = -999'999'999;
  static constexpr int max_year = 999'999'999;

  // 1970-01-01.
  constexpr Date() = default;
  // The day `days` after (before, when negative) 1970-01-01.
  static constexpr Date from_days(std::int64_t days) { return Date(days); }
  // nullopt when the day does not exist (2023-02-30, month 13, ...).
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Parses YYYY-MM-DD; nullopt when malformed or not a real day.
  static std::optional<Date> parse(std::string_view iso);

  // Days since 1970-01-01 (negative before it).
  std::int64_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  std::string to_string() const;  // YYYY-MM-DD

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  constexpr explicit Date(std::int64_t days) : days_(days) {}
  std::int64_t days_ = 0;
};


// A time of day without a zone: 00:00 to 23:59:59.999999999.
class LocalTime {
 public:
  constexpr LocalTime() = default;
  // nullopt unless 0 <= nanos < nanos_per_day.
  static std::optional<LocalTime> from_nanos(std::int64_t nanos_of_day);
  // nullopt when a part is out of range (hour 24, minute 60, ...).
  static std::optional<LocalTime> from_hms(int hour, int minute, int second, std::int64_t nanosecond = 0);
  // HH:MM[:SS[.fffffffff]] or HHMM[SS[.f]] or HH.
  static std::optional<LocalTime> parse(std::string_view iso);

  std::int64_t nanos_of_day() const { return nanos_; }
  int hour() const;
  int minute() const;
  int second() const;
  int nanosecond() const;   // 0..999999999
  std::string to_string() const;  // 09:30:00, 09:30:00.5

  friend constexpr auto operator<=>(LocalTime, LocalTime) = default;

 private:
  constexpr explicit LocalTime(std::int64_t nanos) : nanos_(nanos) {}
  std::int64_t nanos_ = 0;
};

// A time of day at a fixed UTC offset (-18:00..+18:00, in seconds).
class Time {
 public:
  constexpr Time() = default;
  Time(LocalTime local, std::int32_t offset_seconds) : local_(local), offset_(offset_seconds) {}
  // A local time followed by Z, ±HH, ±HH:MM or ±HHMM; no offset means UTC.
  static std::optional<Time> parse(std::string_view iso);

  LocalTime local() const { return local_; }
  std::int32_t offset_seconds() const { return offset_; }
  std::string to_string() const;  // 09:30:00+09:00, 09:30:00Z

  friend bool operator==(const Time&, const Time&) = default;

 private:
  LocalTime local_;
  std::int32_t offset_ = 0;
};

// A date and a time of day without a zone.
class LocalDateTime {
 public:
  constexpr LocalDateTime() = default;
  // Seconds since 1970-01-01T00:00 on the local clock, and 0..999999999 nanoseconds.
  static constexpr LocalDateTime from_epoch(std::int64_t seconds, std::int32_t nanos) {
    return LocalDateTime(seconds, nanos);
  }
  static LocalDateTime from_parts(Date date, LocalTime time);
  // A date (Date::parse's forms and ISO week, ordinal and quarter-less
  // forms) then T and a local time: 2019-07-22T09:30, 2015-W30-2T214032.
  static std::optional<LocalDateTime> parse(std::string_view iso);

  std::int64_t epoch_seconds() const { return seconds_; }
  std::int32_t nanosecond() const { return nanos_; }
  Date date() const;
  LocalTime time() const;
  std::string to_string() const;  // 2019-07-22T09:30:00

  friend constexpr auto operator<=>(LocalDateTime, LocalDateTime) = default;

 private:
  constexpr LocalDateTime(std::int64_t s, std::int32_t n) : seconds_(s), nanos_(n) {}
  std::int64_t seconds_ = 0;
  std::int32_t nanos_ = 0;
};

// An instant with the offset it is seen at and, optionally, the named time
// zone (IANA: "Asia/Seoul", "Europe/London") that offset came from.
class DateTime {
 public:
  DateTime() = default;
  // The instant `seconds` (since 1970-01-01T00:00Z) + nanos, seen at a fixed offset.
  static DateTime at_offset(std::int64_t seconds, std::int32_t nanos, std::int32_t offset_seconds);
  // The instant seen in a named zone; nullopt when the zone is unknown.
  static std::optional<DateTime> in_zone(std::int64_t seconds, std::int32_t nanos, std::string_view zone);
  // A local date-time then Z, an offset and/or [Zone/Name]:
  // 2019-07-22T09:30:00+09:00, 2019-07-22T09:30[Asia/Seoul]. No zone means UTC.
  static std::optional<DateTime> parse(std::string_view iso);

  std::int64_t epoch_seconds() const { return seconds_; }
  std::int32_t nanosecond() const { return nanos_; }
  std::int32_t offset_seconds() const { return offset_; }
  // The named zone, or empty for a fixed offset.
  const std::string& zone() const { return zone_; }
  // The wall clock reading at that offset.
  LocalDateTime local() const;
  std::string to_string() const;  // 2019-07-22T09:30:00+09:00[Asia/Seoul]

  friend bool operator==(const DateTime&, const DateTime&) = default;

 private:
  std::int64_t seconds_ = 0;
  std::int32_t nanos_ = 0;
  std::int32_t offset_ = 0;
  std::string zone_;
};

// An amount of time as Neo4j keeps it: months, days, seconds and
// nanoseconds, each signed; nanoseconds have the sign of seconds and
// |nanoseconds| < 1e9.
class Duration {
 public:
  constexpr Duration() = default;
  // Normalizes nanoseconds into seconds; nullopt on overflow.
  static std::optional<Duration> from_parts(std::int64_t months, std::int64_t days, std::int64_t seconds,
                                            std::int64_t nanos);
  // P[nY][nM][nW][nD][T[nH][nM][nS]] with optional signs and a fraction on
  // any number (P1.5D), or the date-time form P2012-02-02T14:37:21.545.
  static std::optional<Duration> parse(std::string_view iso);

  std::int64_t months() const { return months_; }
  std::int64_t days() const { return days_; }
  std::int64_t seconds() const { return seconds_; }
  std::int32_t nanoseconds() const { return nanos_; }
  std::string to_string() const;  // P1Y2M3DT4H, PT0S, PT-0.5S

  friend constexpr bool operator==(const Duration&, const Duration&) = default;

 private:
  std::int64_t months_ = 0;
  std::int64_t days_ = 0;
  std::int64_t seconds_ = 0;
  std::int32_t nanos_ = 0;
};

}  // namespace ergo
