// The public temporal types (ergo/temporal.hpp) on their own: ISO text read
// and printed exactly as Neo4j 5 prints it, the parts, named zones from the
// tz database (including daylight-saving gaps and overlaps), Duration's
// normalization, and the values inside ergo::Value.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "ergo/error.hpp"
#include "ergo/value.hpp"

namespace ergo {
namespace {

template <class T>
std::string round_trip(std::string_view text) {
  std::optional<T> v = T::parse(text);
  return v ? v->to_string() : "<unreadable>";
}

TEST(TemporalValue, LocalTimeText) {
  EXPECT_EQ(round_trip<LocalTime>("09:30"), "09:30:00");
  EXPECT_EQ(round_trip<LocalTime>("09"), "09:00:00");
  EXPECT_EQ(round_trip<LocalTime>("0930"), "09:30:00");
  EXPECT_EQ(round_trip<LocalTime>("214032.142"), "21:40:32.142");
  EXPECT_EQ(round_trip<LocalTime>("12:31:14.123456789"), "12:31:14.123456789");
  EXPECT_EQ(round_trip<LocalTime>("12:31:14.5000"), "12:31:14.5");
  EXPECT_EQ(round_trip<LocalTime>("23:59:59.999999999"), "23:59:59.999999999");
  for (const char* bad : {"24:00", "12:60", "12:30:60", "1230:00", "12:3", "12:30:00.1234567891", "", "ab:cd", "12:30+01:00"}) {
    EXPECT_FALSE(LocalTime::parse(bad)) << bad;
  }
  LocalTime t = *LocalTime::parse("21:40:32.142");
  EXPECT_EQ(t.hour(), 21);
  EXPECT_EQ(t.minute(), 40);
  EXPECT_EQ(t.second(), 32);
  EXPECT_EQ(t.nanosecond(), 142000000);
}

TEST(TemporalValue, TimeText) {
  EXPECT_EQ(round_trip<Time>("09:30+09:00"), "09:30:00+09:00");
  EXPECT_EQ(round_trip<Time>("09:30Z"), "09:30:00Z");
  EXPECT_EQ(round_trip<Time>("09:30"), "09:30:00Z");  // no offset: UTC
  EXPECT_EQ(round_trip<Time>("214032.142-0330"), "21:40:32.142-03:30");
  EXPECT_EQ(round_trip<Time>("12:00+01"), "12:00:00+01:00");
  EXPECT_EQ(round_trip<Time>("12:00-00:00"), "12:00:00Z");
  EXPECT_FALSE(Time::parse("12:00+19:00"));  // beyond ±18:00
  EXPECT_FALSE(Time::parse("12:00+01:60"));
}

TEST(TemporalValue, LocalDateTimeText) {
  EXPECT_EQ(round_trip<LocalDateTime>("2019-07-22T09:30"), "2019-07-22T09:30:00");
  EXPECT_EQ(round_trip<LocalDateTime>("20150721T214032.142"), "2015-07-21T21:40:32.142");
  EXPECT_EQ(round_trip<LocalDateTime>("2015-W30-2T21:40"), "2015-07-21T21:40:00");
  EXPECT_EQ(round_trip<LocalDateTime>("2015-202T21:40"), "2015-07-21T21:40:00");
  EXPECT_EQ(round_trip<LocalDateTime>("1969-12-31T23:59:59.5"), "1969-12-31T23:59:59.5");
  EXPECT_FALSE(LocalDateTime::parse("2019-07-22T09:30+01:00"));  // an offset makes it a DateTime
  EXPECT_FALSE(LocalDateTime::parse("2019-02-29T09:30"));
  LocalDateTime l = *LocalDateTime::parse("1969-12-31T23:59:59.5");
  EXPECT_EQ(l.epoch_seconds(), -1);
  EXPECT_EQ(l.nanosecond(), 500000000);
  EXPECT_EQ(l.date().to_string(), "1969-12-31");
  EXPECT_EQ(l.time().to_string(), "23:59:59.5");
}

TEST(TemporalValue, DateTimeWithOffsets) {
  EXPECT_EQ(round_trip<DateTime>("2019-07-22T09:30:00+09:00"), "2019-07-22T09:30:00+09:00");
  EXPECT_EQ(round_trip<DateTime>("2019-07-22T09:30Z"), "2019-07-22T09:30:00Z");
  EXPECT_EQ(round_trip<DateTime>("2019-07-22T09:30"), "2019-07-22T09:30:00Z");
  EXPECT_EQ(round_trip<DateTime>("2015-07-21T21:40:32.142+0100"), "2015-07-21T21:40:32.142+01:00");
  EXPECT_EQ(round_trip<DateTime>("2015-07-21"), "2015-07-21T00:00:00Z");
  DateTime d = *DateTime::parse("2019-07-22T09:30:00+09:00");
  EXPECT_EQ(d.epoch_seconds(), 1563755400);  // 2019-07-22T00:30:00Z
  EXPECT_EQ(d.offset_seconds(), 9 * 3600);
  EXPECT_EQ(d.zone(), "");
  EXPECT_EQ(d.local().to_string(), "2019-07-22T09:30:00");
}

TEST(TemporalValue, DateTimeInNamedZones) {
  EXPECT_EQ(round_trip<DateTime>("2019-07-22T09:30[Asia/Seoul]"), "2019-07-22T09:30:00+09:00[Asia/Seoul]");
  EXPECT_EQ(round_trip<DateTime>("2019-01-15T12:00[Europe/London]"), "2019-01-15T12:00:00Z[Europe/London]");
  EXPECT_EQ(round_trip<DateTime>("2019-07-15T12:00[Europe/London]"), "2019-07-15T12:00:00+01:00[Europe/London]");
  EXPECT_EQ(round_trip<DateTime>("2019-07-15T12:00+01:00[Europe/London]"), "2019-07-15T12:00:00+01:00[Europe/London]");
  // Spring forward in London, 2019-03-31 01:00 → 02:00: 01:30 does not
  // exist and moves an hour later, as java.time moves it.
  EXPECT_EQ(round_trip<DateTime>("2019-03-31T01:30[Europe/London]"), "2019-03-31T02:30:00+01:00[Europe/London]");
  // Fall back, 2019-10-27 02:00 → 01:00: 01:30 happens twice; the earlier
  // offset wins unless the text names the later.
  EXPECT_EQ(round_trip<DateTime>("2019-10-27T01:30[Europe/London]"), "2019-10-27T01:30:00+01:00[Europe/London]");
  EXPECT_EQ(round_trip<DateTime>("2019-10-27T01:30Z[Europe/London]"), "2019-10-27T01:30:00Z[Europe/London]");
  EXPECT_FALSE(DateTime::parse("2019-07-22T09:30[Mars/Olympus_Mons]"));
  EXPECT_FALSE(DateTime::parse("2019-07-22T09:30[../../etc/passwd]"));
  EXPECT_FALSE(DateTime::parse("2019-07-22T09:30[]"));
  std::optional<DateTime> seoul = DateTime::in_zone(1563755400, 0, "Asia/Seoul");
  ASSERT_TRUE(seoul);
  EXPECT_EQ(seoul->to_string(), "2019-07-22T09:30:00+09:00[Asia/Seoul]");
  EXPECT_FALSE(DateTime::in_zone(0, 0, "Nowhere/Special"));
}

TEST(TemporalValue, DurationText) {
  EXPECT_EQ(round_trip<Duration>("P1Y2M3DT4H"), "P1Y2M3DT4H");
  EXPECT_EQ(round_trip<Duration>("P14DT16H12M"), "P14DT16H12M");
  EXPECT_EQ(round_trip<Duration>("PT0S"), "PT0S");
  EXPECT_EQ(round_trip<Duration>("P0D"), "PT0S");
  EXPECT_EQ(round_trip<Duration>("P2W"), "P14D");
  EXPECT_EQ(round_trip<Duration>("PT90M"), "PT1H30M");
  EXPECT_EQ(round_trip<Duration>("PT48H"), "PT48H");  // hours stay hours
  EXPECT_EQ(round_trip<Duration>("P13M"), "P1Y1M");
  EXPECT_EQ(round_trip<Duration>("P1.5D"), "P1DT12H");
  EXPECT_EQ(round_trip<Duration>("P0.75M"), "P22DT19H51M49.5S");
  EXPECT_EQ(round_trip<Duration>("P1.5Y"), "P1Y6M");
  EXPECT_EQ(round_trip<Duration>("PT0.5S"), "PT0.5S");
  EXPECT_EQ(round_trip<Duration>("PT-0.5S"), "PT-0.5S");
  EXPECT_EQ(round_trip<Duration>("-P1DT1H"), "P-1DT-1H");
  EXPECT_EQ(round_trip<Duration>("PT1M-30S"), "PT30S");
  EXPECT_EQ(round_trip<Duration>("P-22M-131DT-170930S"), "P-1Y-10M-131DT-47H-28M-50S");
  EXPECT_EQ(round_trip<Duration>("P2012-02-02T14:37:21.545"), "P2012Y2M2DT14H37M21.545S");
  for (const char* bad : {"P", "PT", "1Y", "P1H", "PT1Y", "P1D2Y", "P1.1234567891D", "PX", "P1Y1Y"}) {
    EXPECT_FALSE(Duration::parse(bad)) << bad;
  }
}

TEST(TemporalValue, DurationKeepsNanosecondsWithTheSignOfSeconds) {
  Duration d = *Duration::from_parts(0, 0, -1, 500'000'000);
  EXPECT_EQ(d.seconds(), 0);
  EXPECT_EQ(d.nanoseconds(), -500'000'000);
  EXPECT_EQ(d.to_string(), "PT-0.5S");
  Duration e = *Duration::from_parts(1, 2, 3, 2'500'000'000);
  EXPECT_EQ(e.seconds(), 5);
  EXPECT_EQ(e.nanoseconds(), 500'000'000);
  EXPECT_EQ(e.to_string(), "P1M2DT5.5S");
  EXPECT_FALSE(Duration::from_parts(0, 0, std::numeric_limits<std::int64_t>::max(), 2'000'000'000));
}

TEST(TemporalValue, InsideValue) {
  Value t(*DateTime::parse("2019-07-22T09:30[Asia/Seoul]"));
  EXPECT_EQ(t.type(), Value::Type::datetime);
  EXPECT_STREQ(type_name(t.type()), "ZONED DATETIME");
  EXPECT_EQ(t.to_cypher(), "datetime('2019-07-22T09:30:00+09:00[Asia/Seoul]')");
  EXPECT_EQ(Value(*Duration::parse("P1D")).to_cypher(), "duration('P1D')");
  EXPECT_EQ(Value(*LocalTime::parse("09:30")).to_cypher(), "localtime('09:30:00')");
  EXPECT_EQ(Value(*Time::parse("09:30Z")).to_cypher(), "time('09:30:00Z')");
  EXPECT_EQ(Value(*LocalDateTime::parse("2019-07-22T09:30")).to_cypher(), "localdatetime('2019-07-22T09:30:00')");
  EXPECT_STREQ(type_name(Value::Type::local_time), "LOCAL TIME");
  EXPECT_STREQ(type_name(Value::Type::time), "ZONED TIME");
  EXPECT_STREQ(type_name(Value::Type::local_datetime), "LOCAL DATETIME");
  EXPECT_STREQ(type_name(Value::Type::duration), "DURATION");
  EXPECT_EQ(t.as_datetime().zone(), "Asia/Seoul");
  try {
    (void)Value(1).as_duration();
    FAIL() << "as_duration() on an INTEGER";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "expected a value of type DURATION, got INTEGER");
  }
  // Structural equality: the same instant in another zone is another value.
  EXPECT_NE(Value(*DateTime::parse("2019-07-22T00:30Z")), Value(*DateTime::parse("2019-07-22T09:30+09:00")));
}

}  // namespace
}  // namespace ergo
