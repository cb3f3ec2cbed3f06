// engine/eval orderability (ORDER BY across types) and equivalence (DISTINCT
// and grouping) with its hash, checked against the TCK's ReturnOrderBy1,
// WithOrderBy1 and CIP2016-06-14.
#include "engine/eval/comparison.hpp"

#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ergo::eval {
namespace {

using namespace test_support;

const Value nan = std::nan("");
constexpr Ternary T = Ternary::true_value;

Value date(const char* iso) { return Value(*Date::parse(iso)); }
Value path(std::vector<std::uint32_t> nodes, std::vector<std::uint32_t> rels) {
  PathRef p;
  for (auto n : nodes) p.nodes.push_back(NodeRef{n});
  for (auto r : rels) p.relationships.push_back(RelationshipRef{r});
  return Value(std::move(p));
}

// ---- orderability (ReturnOrderBy1, WithOrderBy1, Aggregation2)

bool sorts_before(const Value& a, const Value& b) { return order(a, b) < 0; }

TEST(EvalOrder, DistinctTypes) {
  // ReturnOrderBy1.feature [11]: {a: 'map'}, (:N), [:REL], ['list'], path,
  // 'text', false, 1.5, NaN, null; [12] is the reverse.
  std::vector<Value> expected = {M({{"a", "map"}}), Value(NodeRef{0}), Value(RelationshipRef{0}), L({"list"}),
                                 path({0, 1}, {0}), Value("text"), Value(false), Value(1.5), nan, null};
  std::vector<Value> shuffled = {expected[1], expected[2], expected[4], expected[7], expected[3],
                                 expected[5], expected[9], expected[6], expected[8], expected[0]};
  std::stable_sort(shuffled.begin(), shuffled.end(), sorts_before);
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_TRUE(equivalent(shuffled[i], expected[i])) << i;
  std::stable_sort(shuffled.begin(), shuffled.end(), [](const Value& a, const Value& b) { return order(a, b) > 0; });
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_TRUE(equivalent(shuffled[i], expected[expected.size() - 1 - i])) << i;
  }
  // Dates sit between paths and strings (CIP's temporal position).
  EXPECT_TRUE(sorts_before(path({0}, {}), date("2024-01-01")));
  EXPECT_TRUE(sorts_before(date("2024-01-01"), Value("")));
}

TEST(EvalOrder, Lists) {
  // ReturnOrderBy1.feature [9].
  std::vector<Value> expected = {L({}), L({"a"}), L({"a", 1}), L({1}), L({1, "a"}), L({1, null}), L({null, 1}),
                                 L({null, 2})};
  std::vector<Value> input = {expected[7], expected[3], expected[0], expected[5],
                              expected[2], expected[6], expected[1], expected[4]};
  std::stable_sort(input.begin(), input.end(), sorts_before);
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(input[i], expected[i]) << i;
  // CIP: [1, 'foo', 3] before [1, 2, 'bar'] since 'foo' orders before 2.
  EXPECT_TRUE(sorts_before(L({1, "foo", 3}), L({1, 2, "bar"})));
  // CIP: [null, 1] after [1, 2] and before [null, 2].
  EXPECT_TRUE(sorts_before(L({1, 2}), L({null, 1})));
  EXPECT_TRUE(sorts_before(L({null, 1}), L({null, 2})));
}

TEST(EvalOrder, ScalarsWithinTypes) {
  // ReturnOrderBy1.feature [1], [3], [5], [7].
  EXPECT_TRUE(sorts_before(Value(false), Value(true)));
  EXPECT_TRUE(sorts_before(Value(""), Value(" ")));
  EXPECT_TRUE(sorts_before(Value(" "), Value(".*")));
  EXPECT_TRUE(sorts_before(Value(".*"), Value("one")));
  EXPECT_TRUE(sorts_before(Value(1), Value(2)));
  EXPECT_TRUE(sorts_before(Value(1.3), Value(1.5)));
  EXPECT_TRUE(sorts_before(Value(1.5), Value(999.99)));
  EXPECT_TRUE(sorts_before(Value(1), Value(1.5)));
  EXPECT_TRUE(sorts_before(Value(-std::numeric_limits<double>::infinity()), Value(-5)));
  EXPECT_TRUE(sorts_before(Value(std::numeric_limits<double>::infinity()), nan));
  EXPECT_TRUE(sorts_before(nan, null));
  EXPECT_EQ(order(Value(1), Value(1.0)), 0);
  EXPECT_EQ(order(nan, nan), 0);
  EXPECT_EQ(order(null, null), 0);
  EXPECT_TRUE(sorts_before(Value(NodeRef{1}), Value(NodeRef{2})));
  EXPECT_TRUE(sorts_before(date("1910-05-06"), date("1980-10-24")));
}

TEST(EvalOrder, ConsistentWithComparisonsWhereDefined) {
  // WithOrderBy1.feature [45]: sorting by orderability puts each value after
  // exactly the values that compare less than it.
  std::vector<std::vector<Value>> examples = {
      {Value(true), Value(false)},
      {Value(351), Value(-3974856), Value(93), Value(-3), Value(123), Value(0), Value(3), Value(-2), Value(20934587),
       Value(1), Value(20934585), Value(20934586), Value(-10)},
      {Value(351.5), Value(-3974856.01), Value(-3.203957), Value(123.0002), Value(123.0001), Value(123.00013),
       Value(123.00011), Value(0.0100000), Value(0.0999999), Value(0.00000001), Value(3.0), Value(209345.87),
       Value(-10.654)},
      {Value("Sort"), Value("order"), Value(" "), Value("should"), Value("be"), Value(""), Value("consistent"),
       Value("with"), Value("comparisons"), Value(", "), Value("where"), Value("comparisons are"),
       Value("defined"), Value("!")},
      {L({2, 2}), L({2, -2}), L({1, 2}), L({}), L({1}), L({300, 0}), L({1, -20}), L({2, -2, 100})},
      {date("1910-05-06"), date("1980-12-24"), date("1984-10-12"), date("1985-05-06"), date("1980-10-24"),
       date("1984-10-11")},
  };
  for (std::vector<Value> values : examples) {
    std::stable_sort(values.begin(), values.end(), sorts_before);
    for (std::size_t i = 0; i < values.size(); ++i) {
      std::size_t smaller = 0;
      for (const Value& x : values) smaller += less(x, values[i]) == T;
      EXPECT_EQ(smaller, i) << values[i].to_cypher();
    }
  }
}

TEST(EvalOrder, MapsAndPaths) {
  EXPECT_TRUE(sorts_before(M({}), M({{"a", 1}})));
  EXPECT_TRUE(sorts_before(M({{"a", 1}}), M({{"b", 0}})));
  EXPECT_TRUE(sorts_before(M({{"a", 1}}), M({{"a", 2}})));
  EXPECT_TRUE(sorts_before(M({{"a", 1}}), M({{"a", null}})));
  EXPECT_EQ(order(M({{"a", 1}}), M({{"a", 1.0}})), 0);
  EXPECT_TRUE(sorts_before(path({0}, {}), path({0, 1}, {0})));
  EXPECT_TRUE(sorts_before(path({0, 1}, {0}), path({0, 1}, {1})));
}

// ---- equivalence and its hash (Aggregation8, CIP)

TEST(EvalEquivalent, NullAndNaNAreEquivalentToThemselves) {
  EXPECT_TRUE(equivalent(null, null));
  EXPECT_TRUE(equivalent(nan, nan));
  EXPECT_FALSE(equivalent(null, nan));
  EXPECT_TRUE(equivalent(L({null}), L({null})));  // CIP: DISTINCT [[null], [null]] is one row
  EXPECT_TRUE(equivalent(M({{"k", null}}), M({{"k", null}})));
  EXPECT_TRUE(equivalent(L({nan, 1}), L({nan, 1.0})));
  EXPECT_FALSE(equivalent(L({null}), L({nan})));
}

TEST(EvalEquivalent, LikeEqualityOtherwise) {
  EXPECT_TRUE(equivalent(Value(1), Value(1.0)));
  EXPECT_TRUE(equivalent(Value(0.0), Value(-0.0)));
  EXPECT_FALSE(equivalent(Value(1), Value("1")));
  EXPECT_FALSE(equivalent(Value(1), Value(true)));
  EXPECT_FALSE(equivalent(L({1, 2}), L({2, 1})));
  EXPECT_FALSE(equivalent(L({1}), L({1, null})));
  EXPECT_FALSE(equivalent(M({{"a", 1}}), M({{"b", 1}})));
  EXPECT_FALSE(equivalent(M({}), L({})));
  EXPECT_TRUE(equivalent(Value(NodeRef{2}), Value(NodeRef{2})));
  EXPECT_FALSE(equivalent(Value(NodeRef{2}), Value(RelationshipRef{2})));
  EXPECT_FALSE(equivalent(Value(std::int64_t{9007199254740993}), Value(9007199254740992.0)));
}

TEST(EvalEquivalent, AgreesWithOrderAndHash) {
  std::vector<Value> values = {null, nan, Value(0), Value(-0.0), Value(0.0), Value(1), Value(1.0), Value(1.5),
                               Value(std::int64_t{1} << 62), Value(4611686018427387904.0), Value(1e300),
                               Value(std::numeric_limits<double>::infinity()), Value("1"), Value(""),
                               Value("오픈AI"), Value(true), Value(false), date("2024-01-31"), L({}), L({null}),
                               L({1, 2}), L({1.0, 2.0}), L({nan}), M({}), M({{"a", 1}}), M({{"a", 1.0}}),
                               M({{"a", null}}), Value(NodeRef{1}), Value(RelationshipRef{1}), path({1, 2}, {3})};
  for (const Value& a : values) {
    for (const Value& b : values) {
      bool eq = equivalent(a, b);
      EXPECT_EQ(eq, order(a, b) == 0) << a.to_cypher() << " vs " << b.to_cypher();
      EXPECT_EQ(eq, equivalent(b, a));
      if (eq) {
        EXPECT_EQ(hash_equivalent(a), hash_equivalent(b)) << a.to_cypher() << " vs " << b.to_cypher();
      }
    }
  }
  // Different values should (practically always) hash apart.
  EXPECT_NE(hash_equivalent(Value(1)), hash_equivalent(Value(2)));
  EXPECT_NE(hash_equivalent(L({})), hash_equivalent(M({})));
  EXPECT_NE(hash_equivalent(null), hash_equivalent(nan));
  EXPECT_NE(hash_equivalent(L({1, 2})), hash_equivalent(L({2, 1})));
}

TEST(EvalEquivalent, RowAdaptors) {
  EquivalentHash hash;
  EquivalentEqual equal;
  std::vector<Value> a = {Value(1), null, L({nan})};
  std::vector<Value> b = {Value(1.0), null, L({nan})};
  EXPECT_TRUE(equal(a, b));
  EXPECT_EQ(hash(a), hash(b));
  EXPECT_FALSE(equal(a, std::vector<Value>{Value(1), null}));
}

}  // namespace
}  // namespace ergo::eval
