// engine/eval date(): today, ISO text in every form the TCK parses, maps of
// calendar, week, ordinal and quarter parts (TCK expressions/temporal).
#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <chrono>
#include <functional>

#include "engine/eval/functions.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

Value date_of(Value arg) { return find_function("date")->call(std::vector<Value>{std::move(arg)}); }
std::string text(Value arg) { return date_of(std::move(arg)).as_date().to_string(); }
Value day(const char* iso) { return Value(*Date::parse(iso)); }

TEST(EvalDateFunction, Today) {
  const FunctionInfo* f = find_function("date");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->min_args, 0);
  EXPECT_FALSE(f->deterministic);
  auto before = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count();
  Date today = f->call({}).as_date();
  auto after = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count();
  EXPECT_GE(today.days_since_epoch(), before);
  EXPECT_LE(today.days_since_epoch(), after);
}

TEST(EvalDateFunction, ParsesIsoText) {
  // Temporal2.feature [1].
  struct Row {
    const char* in;
    const char* out;
  } rows[] = {
      {"2015-07-21", "2015-07-21"}, {"20150721", "2015-07-21"}, {"2015-07", "2015-07-01"},
      {"201507", "2015-07-01"},     {"2015-W30-2", "2015-07-21"}, {"2015W302", "2015-07-21"},
      {"2015-W30", "2015-07-20"},   {"2015W30", "2015-07-20"},   {"2015-202", "2015-07-21"},
      {"2015202", "2015-07-21"},    {"2015", "2015-01-01"},
  };
  for (const Row& r : rows) EXPECT_EQ(text(r.in), r.out) << r.in;
  EXPECT_EQ(text("2024-01-31"), "2024-01-31");
  EXPECT_EQ(text("2024-02-29"), "2024-02-29");
  // Signed years, to openCypher's ±999,999,999, written back as java.time
  // writes them.
  EXPECT_EQ(text("+10000-01-01"), "+10000-01-01");
  EXPECT_EQ(text("-0044-03-15"), "-0044-03-15");
  EXPECT_EQ(text("+2015-07-21"), "2015-07-21");
  EXPECT_EQ(text("-999999-12-31"), "-999999-12-31");
  EXPECT_EQ(text("+999999999-12-31"), "+999999999-12-31");
  EXPECT_EQ(text("-999999999-01-01"), "-999999999-01-01");
  EXPECT_EQ(text("-44-03-15"), "-0044-03-15");
  EXPECT_EQ(text("+123456-W01-1"), "+123455-12-31");  // week 1 starts in the year before
  EXPECT_EQ(text("+12345"), "+12345-01-01");
  EXPECT_EQ(text("-0001-365"), "-0001-12-31");
  EXPECT_EQ(text("0000-366"), "0000-12-31");  // year 0 is a leap year, -1 is not
}

TEST(EvalDateFunction, RejectsBadText) {
  for (const char* bad : {"2023-02-29", "2015-13-01", "2015-00-10", "2015-7-21", "15-07-21", "2015-07-21x",
                          "2015/07/21", "", "2015-", "2015-W54", "2015-W30-8", "2015-366", "2015W3", "abcd",
                          "+1234567890-01-01", "+-2015-01-01", "+2015-1-01", "-", "+", "+-"}) {
    EXPECT_ERROR(date_of(bad), argument_error);
  }
}

TEST(EvalDateFunction, FromCalendarWeekOrdinalAndQuarterMaps) {
  // Temporal1.feature [4].
  EXPECT_EQ(text(M({{"year", 1984}, {"month", 10}, {"day", 11}})), "1984-10-11");
  EXPECT_EQ(text(M({{"year", 1984}, {"month", 10}})), "1984-10-01");
  EXPECT_EQ(text(M({{"year", 1984}, {"week", 10}, {"dayOfWeek", 3}})), "1984-03-07");
  EXPECT_EQ(text(M({{"year", 1984}, {"week", 10}})), "1984-03-05");
  EXPECT_EQ(text(M({{"year", 1984}})), "1984-01-01");
  EXPECT_EQ(text(M({{"year", 1984}, {"ordinalDay", 202}})), "1984-07-20");
  EXPECT_EQ(text(M({{"year", 1984}, {"quarter", 3}, {"dayOfQuarter", 45}})), "1984-08-14");
  EXPECT_EQ(text(M({{"year", 1984}, {"quarter", 3}})), "1984-07-01");
}

TEST(EvalDateFunction, WeekDates) {
  // Temporal1.feature [1].
  struct Row {
    Value map;
    const char* out;
  } rows[] = {
      {M({{"year", 1816}, {"week", 1}}), "1816-01-01"},
      {M({{"year", 1816}, {"week", 52}}), "1816-12-23"},
      {M({{"year", 1817}, {"week", 1}}), "1816-12-30"},
      {M({{"year", 1817}, {"week", 10}}), "1817-03-03"},
      {M({{"year", 1817}, {"week", 30}}), "1817-07-21"},
      {M({{"year", 1817}, {"week", 52}}), "1817-12-22"},
      {M({{"year", 1818}, {"week", 1}}), "1817-12-29"},
      {M({{"year", 1818}, {"week", 52}}), "1818-12-21"},
      {M({{"year", 1818}, {"week", 53}}), "1818-12-28"},
      {M({{"year", 1819}, {"week", 1}}), "1819-01-04"},
      {M({{"year", 1819}, {"week", 52}}), "1819-12-27"},
      {M({{"dayOfWeek", 2}, {"year", 1817}, {"week", 1}}), "1816-12-31"},
      {M({{"date", day("1816-12-30")}, {"week", 2}, {"dayOfWeek", 3}}), "1817-01-08"},
      {M({{"date", day("1816-12-31")}, {"week", 2}}), "1817-01-07"},
      {M({{"date", day("1816-12-31")}, {"year", 1817}, {"week", 2}}), "1817-01-07"},
  };
  for (const Row& r : rows) EXPECT_EQ(text(r.map), r.out) << r.map.to_cypher();
  EXPECT_ERROR(date_of(M({{"year", 1817}, {"week", 53}})), argument_error);  // 1817 has 52 weeks
}

TEST(EvalDateFunction, FromAnotherDate) {
  // Temporal3.feature [1] (the date rows): {date: other, ...} overrides parts.
  Value other = day("1984-11-11");
  EXPECT_EQ(text(other), "1984-11-11");
  EXPECT_EQ(text(M({{"date", other}})), "1984-11-11");
  EXPECT_EQ(text(M({{"date", other}, {"year", 28}})), "0028-11-11");
  EXPECT_EQ(text(M({{"date", other}, {"day", 28}})), "1984-11-28");
  EXPECT_EQ(text(M({{"date", other}, {"week", 1}})), "1984-01-08");
  EXPECT_EQ(text(M({{"date", other}, {"ordinalDay", 28}})), "1984-01-28");
  EXPECT_EQ(text(M({{"date", other}, {"quarter", 3}})), "1984-08-11");
}

TEST(EvalDateFunction, BadMapsAndTypes) {
  EXPECT_ERROR(date_of(M({{"year", 2023}, {"month", 2}, {"day", 29}})), argument_error);
  EXPECT_ERROR(date_of(M({{"month", 2}})), argument_error);  // no year
  EXPECT_ERROR(date_of(M({{"year", 2023}, {"day", 5}})), argument_error);  // day without month
  EXPECT_ERROR(date_of(M({{"year", 2023}, {"month", 2}, {"week", 5}})), argument_error);  // mixed forms
  EXPECT_ERROR(date_of(M({{"year", 2023}, {"hour", 5}})), argument_error);  // not a date field
  EXPECT_ERROR(date_of(M({{"year", 2023}, {"ordinalDay", 366}})), argument_error);
  EXPECT_ERROR(date_of(M({{"year", 2023}, {"quarter", 5}})), argument_error);
  EXPECT_ERROR(date_of(M({{"year", "2023"}})), type_error);
  EXPECT_ERROR(date_of(M({{"year", 2023.0}})), type_error);
  EXPECT_ERROR(date_of(M({{"date", "1984-11-11"}})), type_error);
  EXPECT_ERROR(date_of(Value(20240131)), type_error);
  EXPECT_ERROR(date_of(Value(true)), type_error);
  EXPECT_TRUE(date_of(null).is_null());
}

TEST(EvalDateFunction, LeapYearsAndBoundaries) {
  EXPECT_EQ(text(M({{"year", 2024}, {"ordinalDay", 366}})), "2024-12-31");
  EXPECT_EQ(text(M({{"year", 2024}, {"quarter", 1}, {"dayOfQuarter", 91}})), "2024-03-31");
  EXPECT_ERROR(date_of(M({{"year", 2023}, {"quarter", 1}, {"dayOfQuarter", 91}})), argument_error);
  EXPECT_EQ(text(M({{"year", 2020}, {"week", 53}, {"dayOfWeek", 7}})), "2021-01-03");
  EXPECT_EQ(text("2000-02-29"), "2000-02-29");
  EXPECT_ERROR(date_of("1900-02-29"), argument_error);
}

}  // namespace
}  // namespace ergo::eval
