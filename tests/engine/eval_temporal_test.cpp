// engine/eval's temporal semantics (functions_temporal.cpp, temporal_math,
// temporal_parts, temporal_fields): the constructors from text, maps and
// other values; arithmetic with durations as Neo4j 5 does it on java.time;
// duration.between and its in* forms; truncation; components; comparison,
// ORDER BY and equality; the statement clock. Expected values are the
// Neo4j Cypher manual's examples where it has them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "engine/eval/arithmetic.hpp"
#include "engine/eval/comparison.hpp"
#include "engine/eval/temporal_fields.hpp"
#include "tests/engine/eval_test_support.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

// toString() of a function's answer.
std::string str(std::string_view fn, std::vector<Value> args) {
  Value v = call(fn, std::move(args));
  return call("toString", {v}).as_string();
}
std::string text(const Value& v) { return call("toString", {v}).as_string(); }
Value dt(const char* s) { return call("datetime", {Value(s)}); }
Value ldt(const char* s) { return call("localdatetime", {Value(s)}); }
Value d(const char* s) { return call("date", {Value(s)}); }
Value dur(const char* s) { return call("duration", {Value(s)}); }
Value t(const char* s) { return call("time", {Value(s)}); }
Value lt(const char* s) { return call("localtime", {Value(s)}); }

TEST(EvalTemporal, ConstructorsFromText) {
  EXPECT_EQ(text(dt("2019-07-22T09:30:00+09:00")), "2019-07-22T09:30:00+09:00");
  EXPECT_EQ(text(dt("2019-07-22T09:30[Asia/Seoul]")), "2019-07-22T09:30:00+09:00[Asia/Seoul]");
  EXPECT_EQ(text(ldt("2015-W30-2T214032.142")), "2015-07-21T21:40:32.142");
  EXPECT_EQ(text(t("21:40:32.142+0100")), "21:40:32.142+01:00");
  EXPECT_EQ(text(lt("12:50:35.556")), "12:50:35.556");
  EXPECT_EQ(text(dur("P1Y2M3DT4H")), "P1Y2M3DT4H");
  EXPECT_TRUE(call("datetime", {null}).is_null());
  EXPECT_TRUE(call("duration", {null}).is_null());
}

TEST(EvalTemporal, UnreadableTextSaysHowToWriteIt) {
  try {
    (void)dt("2019-07-22 09:30");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "datetime(): cannot read '2019-07-22 09:30' as a datetime; write it as "
                           "2019-07-22T09:30:00+09:00 or 2019-07-22T09:30[Asia/Seoul]");
    EXPECT_EQ(e.code(), "InvalidArgumentValue");
  }
  try {
    (void)dt("2019-07-22T09:30[Asia/Sequl]");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "datetime(): unknown time zone 'Asia/Sequl'; use a name from the tz database such as "
                           "'Asia/Seoul', or an offset such as '+09:00'");
  }
  EXPECT_ERROR(dur("P1H"), argument_error);
  EXPECT_ERROR(call("duration", {Value(1)}), type_error);
}

TEST(EvalTemporal, ConstructorsFromMaps) {
  EXPECT_EQ(str("datetime", {M({{"year", 1984}, {"month", 10}, {"day", 11}, {"hour", 12}, {"minute", 31},
                               {"second", 14}, {"millisecond", 123}, {"microsecond", 456}, {"nanosecond", 789},
                               {"timezone", "Europe/Stockholm"}})}),
            "1984-10-11T12:31:14.123456789+01:00[Europe/Stockholm]");
  EXPECT_EQ(str("datetime", {M({{"year", 1984}, {"week", 10}, {"dayOfWeek", 3}, {"hour", 12}, {"minute", 31},
                               {"second", 14}, {"timezone", "+01:00"}})}),
            "1984-03-07T12:31:14+01:00");
  EXPECT_EQ(str("datetime", {M({{"epochSeconds", std::int64_t{1563755400}}, {"timezone", "Asia/Seoul"}})}),
            "2019-07-22T09:30:00+09:00[Asia/Seoul]");
  EXPECT_EQ(str("datetime", {M({{"epochMillis", std::int64_t{424797300000}}})}), "1983-06-18T15:15:00Z");
  EXPECT_EQ(str("localdatetime", {M({{"year", 1984}, {"quarter", 3}, {"dayOfQuarter", 45}, {"hour", 12}})}),
            "1984-08-14T12:00:00");
  EXPECT_EQ(str("localtime", {M({{"hour", 12}, {"minute", 31}, {"second", 14}, {"nanosecond", 789},
                                 {"millisecond", 123}, {"microsecond", 456}})}),
            "12:31:14.123456789");
  EXPECT_EQ(str("time", {M({{"hour", 12}, {"minute", 31}, {"timezone", "-01:00"}})}), "12:31:00-01:00");
  // From other values, fields overriding.
  Value base = dt("2019-07-22T09:30[Asia/Seoul]");
  EXPECT_EQ(str("datetime", {M({{"datetime", base}, {"timezone", "Europe/London"}})}),
            "2019-07-22T01:30:00+01:00[Europe/London]");
  EXPECT_EQ(str("datetime", {M({{"date", d("2019-07-22")}, {"time", lt("09:30")}, {"timezone", "Asia/Seoul"}})}),
            "2019-07-22T09:30:00+09:00[Asia/Seoul]");
  EXPECT_EQ(str("date", {M({{"date", base}, {"day", 1}})}), "2019-07-01");
  EXPECT_EQ(str("localtime", {M({{"time", base}, {"second", 5}})}), "09:30:05");
  EXPECT_EQ(str("date", {base}), "2019-07-22");
  EXPECT_EQ(str("localdatetime", {base}), "2019-07-22T09:30:00");
  EXPECT_EQ(str("time", {base}), "09:30:00+09:00");
  EXPECT_EQ(str("datetime", {d("2019-07-22")}), "2019-07-22T00:00:00Z");
  EXPECT_EQ(str("datetime.fromepoch", {Value(std::int64_t{1563755400}), Value(5)}), "2019-07-22T00:30:00.000000005Z");
  EXPECT_EQ(str("datetime.fromepochmillis", {Value(std::int64_t{1563755400123})}), "2019-07-22T00:30:00.123Z");
}

TEST(EvalTemporal, BadMaps) {
  EXPECT_ERROR(call("datetime", {M({{"year", 2019}, {"hour", 25}})}), argument_error);
  EXPECT_ERROR(call("localtime", {M({{"minute", 5}})}), argument_error);  // minute without hour
  EXPECT_ERROR(call("date", {M({{"year", 2019}, {"hour", 1}})}), argument_error);
  EXPECT_ERROR(call("datetime", {M({{"year", 2019}, {"timezone", "Nowhere/City"}})}), argument_error);
  EXPECT_ERROR(call("datetime", {M({{"year", 2019}, {"colour", 1}})}), argument_error);
  EXPECT_ERROR(call("datetime", {M({{"year", "2019"}})}), type_error);
}

TEST(EvalTemporal, DurationsFromMaps) {
  EXPECT_EQ(str("duration", {M({{"days", 14}, {"hours", 16}, {"minutes", 12}})}), "P14DT16H12M");
  EXPECT_EQ(str("duration", {M({{"months", 5}, {"days", 1.5}})}), "P5M1DT12H");
  EXPECT_EQ(str("duration", {M({{"months", 0.75}})}), "P22DT19H51M49.5S");
  EXPECT_EQ(str("duration", {M({{"weeks", 2.5}})}), "P17DT12H");
  EXPECT_EQ(str("duration", {M({{"years", 12}, {"months", 5}, {"days", 14}, {"hours", 16}, {"minutes", 12},
                               {"seconds", 70}})}),
            "P12Y5M14DT16H13M10S");
  EXPECT_EQ(str("duration", {M({{"days", 14}, {"seconds", 70}, {"milliseconds", 1}})}), "P14DT1M10.001S");
  EXPECT_EQ(str("duration", {M({{"days", 14}, {"seconds", 70}, {"microseconds", 1}})}), "P14DT1M10.000001S");
  EXPECT_EQ(str("duration", {M({{"minutes", 1.5}, {"seconds", 1}, {"milliseconds", 123}, {"microseconds", 456},
                               {"nanoseconds", 789}})}),
            "PT1M31.123456789S");
  EXPECT_EQ(str("duration", {M({{"days", 3}, {"hours", 2}})}), "P3DT2H");
}

TEST(EvalTemporal, Arithmetic) {
  EXPECT_EQ(text(add(d("2021-01-31"), dur("P1M"))), "2021-02-28");  // the day clamps
  EXPECT_EQ(text(add(d("2020-02-29"), dur("P1Y"))), "2021-02-28");
  EXPECT_EQ(text(add(d("2019-07-22"), dur("PT47H"))), "2019-07-23");  // whole days of the seconds
  EXPECT_EQ(text(add(ldt("2015-07-21T21:40:32.142"), call("duration", {M({{"days", 1}, {"hours", 12}})}))),
            "2015-07-23T09:40:32.142");
  EXPECT_EQ(text(add(dur("P1D"), dt("2019-07-22T09:30+09:00"))), "2019-07-23T09:30:00+09:00");
  EXPECT_EQ(text(subtract(dt("2019-07-22T09:30+09:00"), dur("PT10H"))), "2019-07-21T23:30:00+09:00");
  EXPECT_EQ(text(add(lt("23:30"), dur("PT1H"))), "00:30:00");  // times wrap
  EXPECT_EQ(text(add(t("23:30+01:00"), dur("P1DT1H"))), "00:30:00+01:00");
  // Across London's spring-forward night: a day is a calendar day, 24 hours
  // are 24 hours.
  Value before = dt("2019-03-30T12:00[Europe/London]");
  EXPECT_EQ(text(add(before, dur("P1D"))), "2019-03-31T12:00:00+01:00[Europe/London]");
  EXPECT_EQ(text(add(before, dur("PT24H"))), "2019-03-31T13:00:00+01:00[Europe/London]");
  // Durations with durations and numbers.
  EXPECT_EQ(text(add(dur("P1Y2M"), dur("P11M3D"))), "P2Y1M3D");
  EXPECT_EQ(text(subtract(dur("PT1H"), dur("PT90M"))), "PT-30M");
  EXPECT_EQ(text(multiply(dur("P1DT1H"), Value(3))), "P3DT3H");
  EXPECT_EQ(text(multiply(Value(0.5), dur("P1M"))), "P15DT5H14M33S");
  EXPECT_EQ(text(divide(dur("P1D"), Value(2))), "PT12H");
  EXPECT_EQ(text(negate(dur("P1DT2H"))), "P-1DT-2H");
  EXPECT_ERROR(divide(dur("P1D"), Value(0)), argument_error);
  EXPECT_ERROR(subtract(d("2019-07-22"), d("2019-07-21")), type_error);
  EXPECT_ERROR(add(d("2019-07-22"), d("2019-07-21")), type_error);
  EXPECT_ERROR(add(d("2019-07-22"), dur("P999999999Y")), argument_error);
  EXPECT_TRUE(add(null, dur("P1D")).is_null());
  EXPECT_EQ(add(Value("at "), d("2019-07-22")).as_string(), "at 2019-07-22");
}

TEST(EvalTemporal, Between) {
  EXPECT_EQ(str("duration.between", {d("1984-10-11"), d("2015-06-24")}), "P30Y8M13D");
  EXPECT_EQ(str("duration.between", {d("1984-10-11"), dt("1984-10-12T21:40:32.142+0100")}), "P1DT21H40M32.142S");
  EXPECT_EQ(str("duration.between", {ldt("2015-07-21T21:40:32.142"), ldt("2016-07-21T21:45:22.142")}), "P1YT4M50S");
  EXPECT_EQ(str("duration.between", {dt("2017-10-29T00:00[Europe/Stockholm]"), dt("2017-10-29T00:00[Europe/London]")}),
            "PT1H");
  EXPECT_EQ(str("duration.between", {d("2015-06-24"), d("1984-10-11")}), "P-30Y-8M-13D");
  EXPECT_EQ(str("duration.between", {lt("14:30"), lt("16:45:10")}), "PT2H15M10S");
  EXPECT_EQ(str("duration.inMonths", {d("1984-10-11"), d("2015-06-24")}), "P30Y8M");
  EXPECT_EQ(str("duration.inDays", {d("1984-10-11"), d("2015-06-24")}), "P11213D");
  EXPECT_EQ(str("duration.inSeconds", {d("1984-10-11"), ldt("1984-10-12T01:00:32.142")}), "PT25H32.142S");
  // Around a daylight-saving change the seconds are real seconds.
  EXPECT_EQ(str("duration.inSeconds", {dt("2019-03-31T00:00[Europe/London]"), dt("2019-03-31T03:00[Europe/London]")}),
            "PT2H");
  EXPECT_TRUE(call("duration.between", {null, d("2015-06-24")}).is_null());
  EXPECT_ERROR(call("duration.between", {Value(1), d("2015-06-24")}), type_error);
}

TEST(EvalTemporal, Truncate) {
  Value day = d("2017-11-11");
  const std::pair<const char*, const char*> rows[] = {
      {"millennium", "2000-01-01"}, {"century", "2000-01-01"}, {"decade", "2010-01-01"},
      {"year", "2017-01-01"},       {"weekYear", "2017-01-02"}, {"quarter", "2017-10-01"},
      {"month", "2017-11-01"},      {"week", "2017-11-06"},     {"day", "2017-11-11"}};
  for (const auto& [unit, expected] : rows) EXPECT_EQ(str("date.truncate", {Value(unit), day}), expected) << unit;
  Value x = call("datetime", {M({{"year", 2017}, {"month", 11}, {"day", 11}, {"hour", 12}, {"minute", 31},
                                 {"second", 14}, {"nanosecond", 645876123}, {"timezone", "+01:00"}})});
  EXPECT_EQ(str("datetime.truncate", {Value("day"), x}), "2017-11-11T00:00:00+01:00");
  EXPECT_EQ(str("datetime.truncate", {Value("millisecond"), x}), "2017-11-11T12:31:14.645+01:00");
  EXPECT_EQ(str("localdatetime.truncate", {Value("hour"), x}), "2017-11-11T12:00:00");
  EXPECT_EQ(str("time.truncate", {Value("minute"), x}), "12:31:00+01:00");
  EXPECT_EQ(str("localtime.truncate", {Value("second"), x}), "12:31:14");
  EXPECT_EQ(str("date.truncate", {Value("month"), x, M({{"day", 5}})}), "2017-11-05");
  EXPECT_EQ(str("datetime.truncate", {Value("month"), dt("2019-07-22T09:30[Asia/Seoul]")}),
            "2019-07-01T00:00:00+09:00[Asia/Seoul]");
  EXPECT_ERROR(call("date.truncate", {Value("hour"), day}), argument_error);
  EXPECT_ERROR(call("date.truncate", {Value("fortnight"), day}), argument_error);
}

TEST(EvalTemporal, Components) {
  Value day = call("date", {M({{"year", 1984}, {"month", 10}, {"day", 11}})});
  const std::pair<const char*, std::int64_t> date_rows[] = {
      {"year", 1984}, {"quarter", 4}, {"month", 10}, {"week", 41}, {"weekYear", 1984}, {"day", 11},
      {"ordinalDay", 285}, {"dayOfWeek", 4}, {"dayOfQuarter", 11}};
  for (const auto& [key, expected] : date_rows) EXPECT_EQ(temporal::field(day, key).as_int(), expected) << key;
  Value x = dt("2019-07-22T09:30:15.123456789[Asia/Seoul]");
  EXPECT_EQ(temporal::field(x, "hour").as_int(), 9);
  EXPECT_EQ(temporal::field(x, "millisecond").as_int(), 123);
  EXPECT_EQ(temporal::field(x, "microsecond").as_int(), 123456);
  EXPECT_EQ(temporal::field(x, "nanosecond").as_int(), 123456789);
  EXPECT_EQ(temporal::field(x, "timezone").as_string(), "Asia/Seoul");
  EXPECT_EQ(temporal::field(x, "offset").as_string(), "+09:00");
  EXPECT_EQ(temporal::field(x, "offsetMinutes").as_int(), 540);
  EXPECT_EQ(temporal::field(x, "epochSeconds").as_int(), 1563755415);
  EXPECT_EQ(temporal::field(x, "epochMillis").as_int(), 1563755415123);
  EXPECT_EQ(temporal::field(dt("2019-07-22T09:30Z"), "timezone").as_string(), "Z");
  EXPECT_EQ(temporal::field(dt("2019-07-22T09:30-03:30"), "timezone").as_string(), "-03:30");
  Value span = dur("P1Y14M3DT25H61M1.5S");
  const std::pair<const char*, std::int64_t> duration_rows[] = {
      {"years", 2},          {"months", 26},           {"monthsOfYear", 2},         {"quarters", 8},
      {"days", 3},           {"weeks", 0},             {"hours", 26},               {"minutes", 1561},
      {"seconds", 93661},    {"minutesOfHour", 1},     {"secondsOfMinute", 1},      {"milliseconds", 93661500},
      {"nanosecondsOfSecond", 500000000}};
  for (const auto& [key, expected] : duration_rows) EXPECT_EQ(temporal::field(span, key).as_int(), expected) << key;
  try {
    (void)temporal::field(day, "hour");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "a DATE has no component 'hour'; it has year, quarter, month, week, weekYear, day, "
                           "ordinalDay, dayOfWeek, dayOfQuarter");
  }
}

TEST(EvalTemporal, ComparisonOrderAndEquality) {
  // Same type: by instant for zoned values.
  EXPECT_EQ(less(dt("2019-07-22T09:00+09:00"), dt("2019-07-22T01:00Z")), Ternary::true_value);
  EXPECT_EQ(less(d("2019-07-21"), d("2019-07-22")), Ternary::true_value);
  EXPECT_EQ(greater(t("10:00+01:00"), t("09:30Z")), Ternary::false_value);  // 09:00Z < 09:30Z
  EXPECT_EQ(less(lt("09:00"), lt("09:00:00.000000001")), Ternary::true_value);
  // Different types, and durations, do not compare.
  EXPECT_EQ(less(d("2019-07-22"), ldt("2019-07-22T00:00")), Ternary::unknown);
  EXPECT_EQ(less(dur("P1D"), dur("P2D")), Ternary::unknown);
  // Equality: the same instant in another zone is not equal.
  EXPECT_EQ(equals(dt("2019-07-22T09:00+09:00"), dt("2019-07-22T00:00Z")), Ternary::false_value);
  EXPECT_EQ(equals(dt("2019-07-22T09:00+09:00"), dt("2019-07-22T09:00:00.000+09:00")), Ternary::true_value);
  EXPECT_EQ(equals(dur("PT1H"), dur("PT60M")), Ternary::true_value);
  EXPECT_EQ(equals(dur("P1D"), dur("PT24H")), Ternary::false_value);
  EXPECT_EQ(equals(d("2019-07-22"), dt("2019-07-22T00:00Z")), Ternary::false_value);
  // ORDER BY: zoned date-times, local date-times, dates, times, local
  // times, durations, then strings.
  std::vector<Value> sorted = {Value("s"), dur("P1D"), lt("09:00"), t("09:00Z"), d("2019-07-22"),
                               ldt("2019-07-22T09:00"), dt("2019-07-22T09:00Z")};
  std::sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) { return order(a, b) < 0; });
  std::string types;
  for (const Value& v : sorted) types += std::string(type_name(v.type())) + ";";
  EXPECT_EQ(types, "ZONED DATETIME;LOCAL DATETIME;DATE;ZONED TIME;LOCAL TIME;DURATION;STRING;");
  EXPECT_LT(order(dur("P1D"), dur("PT25H")), 0);
  EXPECT_LT(order(dur("P30D"), dur("P1M")), 0);  // a month averages 30.44 days
  EXPECT_TRUE(equivalent(dt("2019-07-22T09:00+09:00"), dt("2019-07-22T09:00+09:00")));
  EXPECT_EQ(hash_equivalent(dur("PT1H")), hash_equivalent(dur("PT60M")));
}

TEST(EvalTemporal, ClocksReadTheStatementTime) {
  const FunctionInfo* f = find_function("datetime");
  ASSERT_NE(f, nullptr);
  ASSERT_NE(f->call_at, nullptr);
  EXPECT_FALSE(f->deterministic);
  Clocks clocks{std::chrono::system_clock::time_point(std::chrono::seconds(1563755400)),
                std::chrono::system_clock::time_point(std::chrono::seconds(1563755400 - 3600))};
  EXPECT_EQ(text(f->call_at({}, clocks)), "2019-07-22T00:30:00Z");
  EXPECT_EQ(text(find_function("date.statement")->call_at({}, clocks)), "2019-07-22");
  EXPECT_EQ(text(find_function("localtime.transaction")->call_at({}, clocks)), "23:30:00");
  std::vector<Value> seoul{Value("Asia/Seoul")};
  EXPECT_EQ(text(find_function("datetime.statement")->call_at(seoul, clocks)), "2019-07-22T09:30:00+09:00[Asia/Seoul]");
  std::vector<Value> zone_map{M({{"timezone", "Asia/Seoul"}})};
  EXPECT_EQ(text(f->call_at(zone_map, clocks)), "2019-07-22T09:30:00+09:00[Asia/Seoul]");
  // realtime reads the clock itself.
  auto before = std::chrono::system_clock::now();
  Value now = find_function("datetime.realtime")->call_at({}, clocks);
  EXPECT_GE(now.as_datetime().epoch_seconds(), std::chrono::floor<std::chrono::seconds>(before).time_since_epoch().count());
}

}  // namespace
}  // namespace ergo::eval
