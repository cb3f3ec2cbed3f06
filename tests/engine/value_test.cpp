// ergo::Value and ergo::Date: construction, typed access, literal notation.
#include "ergo/value.hpp"

#include <gtest/gtest.h>

#include "ergo/error.hpp"

namespace ergo {
namespace {

TEST(Date, RoundTripsThroughCivilCalendar) {
  auto d = Date::from_ymd(2019, 7, 22);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year(), 2019);
  EXPECT_EQ(d->month(), 7);
  EXPECT_EQ(d->day(), 22);
  EXPECT_EQ(d->to_string(), "2019-07-22");
  EXPECT_EQ(Date::from_ymd(1970, 1, 1)->days_since_epoch(), 0);
  EXPECT_EQ(Date::from_ymd(1969, 12, 31)->days_since_epoch(), -1);
  EXPECT_EQ(Date::parse("2024-02-29")->to_string(), "2024-02-29");
  EXPECT_LT(*Date::parse("2023-12-31"), *Date::parse("2024-01-01"));
}

TEST(Date, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(Date::from_ymd(2023, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2023, 13, 1));
  EXPECT_FALSE(Date::from_ymd(2023, 4, 31));
  EXPECT_FALSE(Date::parse("2023-1-05"));
  EXPECT_FALSE(Date::parse("2023-01-05x"));
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29));
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29));
}

TEST(Value, TypedAccessThrowsTypeErrorOnMismatch) {
  Value v(42);
  EXPECT_EQ(v.type(), Value::Type::integer);
  EXPECT_EQ(v.as_int(), 42);
  EXPECT_EQ(v.as_double(), 42.0);
  try {
    (void)v.as_string();
    FAIL() << "expected a type error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::type_error);
    EXPECT_EQ(e.message(), "expected a value of type STRING, got INTEGER");
  }
}

TEST(Value, MapsAreSortedWithTheLastValueOfARepeatedKey) {
  Value m(Map{{"b", Value(1)}, {"a", Value(2)}, {"b", Value(3)}});
  EXPECT_EQ(m.as_map(), (Map{{"a", Value(2)}, {"b", Value(3)}}));
}

TEST(Value, PrintsCypherLiterals) {
  EXPECT_EQ(Value().to_cypher(), "null");
  EXPECT_EQ(Value(true).to_cypher(), "true");
  EXPECT_EQ(Value(-7).to_cypher(), "-7");
  EXPECT_EQ(Value(1.0).to_cypher(), "1.0");
  EXPECT_EQ(Value(0.1).to_cypher(), "0.1");
  EXPECT_EQ(Value(1e100).to_cypher(), "1e+100");
  EXPECT_EQ(Value(10.0).to_cypher(), "10.0");
  EXPECT_EQ(Value(180.0).to_cypher(), "180.0");
  EXPECT_EQ(Value(-0.5).to_cypher(), "-0.5");
  EXPECT_EQ(Value("it's \\ 오픈AI").to_cypher(), "'it\\'s \\\\ 오픈AI'");
  EXPECT_EQ(Value(*Date::from_ymd(2023, 12, 5)).to_cypher(), "date('2023-12-05')");
  EXPECT_EQ(Value(List{Value(1), Value("a"), Value()}).to_cypher(), "[1, 'a', null]");
  EXPECT_EQ(Value(Map{{"k", Value(List{})}}).to_cypher(), "{k: []}");
}

}  // namespace
}  // namespace ergo
