// engine/eval aggregates: null skipping, DISTINCT under equivalence, empty
// input defaults, INTEGER/FLOAT sums, overflow, mixed-type min and max, and
// percentiles (TCK expressions/aggregation).
#include "engine/eval/aggregates.hpp"

#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <cmath>
#include <functional>
#include <limits>

#include "engine/eval/number.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

const Value nan = std::nan("");

// Feeds `values` to a fresh aggregator and returns the result.
Value aggregate(std::string_view name, std::vector<Value> values, bool distinct = false,
                std::optional<Value> percentile = std::nullopt) {
  std::unique_ptr<Aggregator> a = make_aggregator(name, distinct, percentile);
  for (const Value& v : values) a->add(v);
  return a->result();
}

TEST(EvalAggregates, Names) {
  for (const char* n : {"count", "sum", "avg", "min", "max", "collect", "stDev", "stDevP", "percentileDisc",
                        "percentileCont", "COUNT", "Collect", "stdev", "PERCENTILEDISC"}) {
    EXPECT_TRUE(is_aggregate(n)) << n;
  }
  for (const char* n : {"size", "coalesce", "count(*)", "", "sums"}) EXPECT_FALSE(is_aggregate(n)) << n;
  EXPECT_TRUE(takes_percentile("percentileCont"));
  EXPECT_TRUE(takes_percentile("percentiledisc"));
  EXPECT_FALSE(takes_percentile("avg"));
  EXPECT_ERROR(make_aggregator("median", false), semantic_error);
  EXPECT_ERROR(make_aggregator("percentileDisc", false), semantic_error);
  EXPECT_ERROR(make_aggregator("sum", false, Value(0.5)), semantic_error);
}

TEST(EvalAggregates, CountSkipsNulls) {
  // Aggregation1.feature [1]: count(n.num) over 33, null → 1.
  EXPECT_EQ(cy(aggregate("count", {33, null})), "1");
  EXPECT_EQ(cy(aggregate("count", {})), "0");
  EXPECT_EQ(cy(aggregate("count", {null, null})), "0");
  EXPECT_EQ(cy(aggregate("count", {1, "a", L({}), 1.5})), "4");
  auto star = make_count_star();
  for (const Value& v : {Value(1), null, null}) star->add(v);
  EXPECT_EQ(cy(star->result()), "3");
  EXPECT_EQ(cy(make_count_star()->result()), "0");
}

TEST(EvalAggregates, CountDistinct) {
  // Aggregation8.feature [1], [2]: count(DISTINCT null...) is 0.
  EXPECT_EQ(cy(aggregate("count", {null}, true)), "0");
  EXPECT_EQ(cy(aggregate("count", {}, true)), "0");
  EXPECT_EQ(cy(aggregate("count", {1, 1.0, 2, null, 2, "2", nan, nan}, true)), "4");
  EXPECT_EQ(cy(aggregate("count", {L({1, null}), L({1.0, null}), L({null, 1})}, true)), "2");
}

TEST(EvalAggregates, Collect) {
  // Aggregation5.feature [1]: collect of only nulls is [].
  EXPECT_EQ(cy(aggregate("collect", {null})), "[]");
  EXPECT_EQ(cy(aggregate("collect", {})), "[]");
  EXPECT_EQ(cy(aggregate("collect", {3, null, "a", 3})), "[3, 'a', 3]");
  // Aggregation5.feature [2] and Aggregation8.feature [3], [4].
  EXPECT_EQ(cy(aggregate("collect", {null, null}, true)), "[]");
  EXPECT_EQ(cy(aggregate("collect", {null, 1, null}, true)), "[1]");
  EXPECT_EQ(cy(aggregate("collect", {42, 43, 42, 44, 43}, true)), "[42, 43, 44]");
  EXPECT_EQ(cy(aggregate("collect", {1, 1.0, L({null}), L({null})}, true)), "[1, [null]]");  // first one kept
}

TEST(EvalAggregates, MinAndMax) {
  // Aggregation2.feature [1]-[12].
  EXPECT_EQ(cy(aggregate("max", {1, 2, 0, null, -1})), "2");
  EXPECT_EQ(cy(aggregate("min", {1, 2, 0, null, -1})), "-1");
  EXPECT_EQ(cy(aggregate("max", {1.0, 2.0, 0.5, null})), "2.0");
  EXPECT_EQ(cy(aggregate("min", {1.0, 2.0, 0.5, null})), "0.5");
  EXPECT_EQ(cy(aggregate("max", {1, 2.0, 5, null, 3.2, 0.1})), "5");
  EXPECT_EQ(cy(aggregate("min", {1, 2.0, 5, null, 3.2, 0.1})), "0.1");
  EXPECT_EQ(cy(aggregate("max", {"a", "b", "B", null, "abc", "abc1"})), "'b'");
  EXPECT_EQ(cy(aggregate("min", {"a", "b", "B", null, "abc", "abc1"})), "'B'");
  EXPECT_EQ(cy(aggregate("max", {L({1}), L({2}), L({2, 1})})), "[2, 1]");
  EXPECT_EQ(cy(aggregate("min", {L({1}), L({2}), L({2, 1})})), "[1]");
  EXPECT_EQ(cy(aggregate("max", {1, "a", null, L({1, 2}), 0.2, "b"})), "1");
  EXPECT_EQ(cy(aggregate("min", {1, "a", null, L({1, 2}), 0.2, "b"})), "[1, 2]");
  // Empty or all null: null (ReturnOrderBy2 [3] sorts on max()).
  EXPECT_TRUE(aggregate("max", {}).is_null());
  EXPECT_TRUE(aggregate("min", {null}).is_null());
  // NaN orders above every other number.
  EXPECT_EQ(cy(aggregate("max", {1, nan, 2})), "NaN");
  EXPECT_EQ(cy(aggregate("min", {1, nan, 2})), "1");
  EXPECT_EQ(cy(aggregate("max", {1, 1.0})), "1");  // the first of equivalent extremes
}

TEST(EvalAggregates, Sum) {
  EXPECT_EQ(cy(aggregate("sum", {33, null, 42})), "75");  // Aggregation3.feature [1]
  EXPECT_EQ(cy(aggregate("sum", {})), "0");
  EXPECT_EQ(cy(aggregate("sum", {null})), "0");
  EXPECT_EQ(cy(aggregate("sum", {1, 2.5})), "3.5");
  EXPECT_EQ(cy(aggregate("sum", {2.5, 1})), "3.5");
  EXPECT_EQ(cy(aggregate("sum", {1.0, 2.0})), "3.0");
  EXPECT_EQ(cy(aggregate("sum", {1, 2, 2}, true)), "3");
  // Aggregation3.feature [2]: the first 3000 of range(1000000, 2000000).
  std::vector<Value> values;
  for (std::int64_t i = 1000000; i < 1003000; ++i) values.emplace_back(i);
  EXPECT_EQ(cy(aggregate("sum", values)), "3004498500");
  EXPECT_ERROR(aggregate("sum", {std::numeric_limits<std::int64_t>::max(), 1}), argument_error);
  EXPECT_EQ(cy(aggregate("sum", {std::numeric_limits<std::int64_t>::max(), 1.0})), "9.223372036854776E18");
  EXPECT_ERROR(aggregate("sum", {1, "a"}), type_error);
  EXPECT_ERROR(aggregate("sum", {true}), type_error);
}

TEST(EvalAggregates, Avg) {
  EXPECT_EQ(cy(aggregate("avg", {1, 2})), "1.5");
  EXPECT_EQ(cy(aggregate("avg", {1, 2, 3})), "2.0");
  EXPECT_EQ(cy(aggregate("avg", {1, null, 2.5})), "1.75");
  EXPECT_TRUE(aggregate("avg", {}).is_null());  // ReturnOrderBy6.feature [1]
  EXPECT_TRUE(aggregate("avg", {null}).is_null());
  EXPECT_EQ(cy(aggregate("avg", {2, 2, 4}, true)), "3.0");
  // No overflow on the way: the mean of two huge integers.
  std::int64_t big = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(aggregate("avg", {big, big}).as_double(), static_cast<double>(big));
  EXPECT_ERROR(aggregate("avg", {"a"}), type_error);
}

TEST(EvalAggregates, StandardDeviation) {
  // Sample and population deviation of 2, 4, 4, 4, 5, 5, 7, 9.
  std::vector<Value> v = {2, 4, 4, 4, 5, 5, 7, 9, null};
  EXPECT_DOUBLE_EQ(aggregate("stDevP", v).as_double(), 2.0);
  EXPECT_DOUBLE_EQ(aggregate("stDev", v).as_double(), std::sqrt(32.0 / 7.0));
  EXPECT_EQ(cy(aggregate("stDev", {})), "0.0");
  EXPECT_EQ(cy(aggregate("stDevP", {})), "0.0");
  EXPECT_EQ(cy(aggregate("stDev", {5})), "0.0");
  EXPECT_EQ(cy(aggregate("stDevP", {5})), "0.0");
  EXPECT_EQ(cy(aggregate("stDev", {2, 2, 4}, true)), cy(Value(std::sqrt(2.0))));
  EXPECT_ERROR(aggregate("stDev", {L({})}), type_error);
}

TEST(EvalAggregates, Percentiles) {
  // Aggregation6.feature [1], [2]: prices 10.0, 20.0, 30.0.
  std::vector<Value> prices = {10.0, 30.0, 20.0};
  EXPECT_EQ(cy(aggregate("percentileDisc", prices, false, Value(0.0))), "10.0");
  EXPECT_EQ(cy(aggregate("percentileDisc", prices, false, Value(0.5))), "20.0");
  EXPECT_EQ(cy(aggregate("percentileDisc", prices, false, Value(1.0))), "30.0");
  EXPECT_EQ(cy(aggregate("percentileCont", prices, false, Value(0.0))), "10.0");
  EXPECT_EQ(cy(aggregate("percentileCont", prices, false, Value(0.5))), "20.0");
  EXPECT_EQ(cy(aggregate("percentileCont", prices, false, Value(1.0))), "30.0");
  // Interpolation, integer results for Disc, nulls skipped, DISTINCT.
  EXPECT_EQ(cy(aggregate("percentileCont", {1, 2, 3, 4}, false, Value(0.5))), "2.5");
  EXPECT_EQ(cy(aggregate("percentileCont", {10, 20}, false, Value(0.25))), "12.5");
  EXPECT_EQ(cy(aggregate("percentileDisc", {1, 2, 3, 4}, false, Value(0.5))), "2");
  EXPECT_EQ(cy(aggregate("percentileDisc", {1, 2, 3, 4}, false, Value(0.51))), "3");
  EXPECT_EQ(cy(aggregate("percentileDisc", {3, null, 1}, false, Value(0))), "1");
  EXPECT_EQ(cy(aggregate("percentileDisc", {1, 1, 1, 5}, true, Value(0.5))), "1");
  EXPECT_EQ(cy(aggregate("percentileCont", {7}, false, Value(0.3))), "7.0");
  EXPECT_TRUE(aggregate("percentileDisc", {}, false, Value(0.5)).is_null());
  EXPECT_TRUE(aggregate("percentileCont", {null}, false, Value(0.5)).is_null());
  EXPECT_ERROR(aggregate("percentileCont", {"a"}, false, Value(0.5)), type_error);
}

TEST(EvalAggregates, PercentileOutOfRange) {
  // Aggregation6.feature [3], [4]: 1000, -1, 1.1 are NumberOutOfRange.
  for (const char* f : {"percentileCont", "percentileDisc"}) {
    for (const Value& p : {Value(1000), Value(-1), Value(1.1), nan}) {
      EXPECT_ERROR(make_aggregator(f, false, p), argument_error);
    }
    // Aggregation6.feature [5]: a degree (3 and up) passed as the percentile.
    EXPECT_ERROR(make_aggregator(f, false, Value(3)), argument_error);
    EXPECT_ERROR(make_aggregator(f, false, Value("0.5")), type_error);
    // A null percentile only fails once there is a value to place.
    auto a = make_aggregator(f, false, null);
    EXPECT_TRUE(a->result().is_null());
    EXPECT_NO_THROW(a->add(null));
    EXPECT_ERROR(a->add(Value(1)), type_error);
  }
  EXPECT_NO_THROW(make_aggregator("percentileDisc", false, Value(0)));
  EXPECT_NO_THROW(make_aggregator("percentileDisc", false, Value(1)));
}

TEST(EvalAggregates, ResultCanBeReadRepeatedly) {
  auto a = make_aggregator("collect", false);
  a->add(Value(1));
  EXPECT_EQ(cy(a->result()), "[1]");
  a->add(Value(2));
  EXPECT_EQ(cy(a->result()), "[1, 2]");
  EXPECT_EQ(cy(a->result()), "[1, 2]");
}

}  // namespace
}  // namespace ergo::eval
