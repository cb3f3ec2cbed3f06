// engine/eval equality and comparability: `=`, `<>`, `<`, `<=`, `>`, `>=` with
// null, NaN, mixed numbers, lists, maps and graph elements, checked against
// the TCK (features cited per test) and CIP2016-06-14.
#include "engine/eval/comparison.hpp"

#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <cmath>
#include <limits>

namespace ergo::eval {
namespace {

using namespace test_support;

const Value nan = std::nan("");
constexpr Ternary T = Ternary::true_value;
constexpr Ternary F = Ternary::false_value;
constexpr Ternary U = Ternary::unknown;

Value date(const char* iso) { return Value(*Date::parse(iso)); }
Value path(std::vector<std::uint32_t> nodes, std::vector<std::uint32_t> rels) {
  PathRef p;
  for (auto n : nodes) p.nodes.push_back(NodeRef{n});
  for (auto r : rels) p.relationships.push_back(RelationshipRef{r});
  return Value(std::move(p));
}

// ---- equality (TCK expressions/comparison/Comparison1, list/List3)

TEST(EvalEquals, NullIsNeverEqual) {
  // Comparison1.feature [15], [16]; Null3.feature [2], [3].
  EXPECT_EQ(equals(null, null), U);
  EXPECT_EQ(not_equals(null, null), U);
  EXPECT_EQ(equals(Value(1), null), U);
  EXPECT_EQ(equals(null, L({})), U);
}

TEST(EvalEquals, NumbersAcrossTypes) {
  // Comparison1.feature [9].
  EXPECT_EQ(equals(Value(1.0), Value(1.0)), T);
  EXPECT_EQ(equals(Value(1), Value(1.0)), T);
  EXPECT_EQ(equals(Value("1.0"), Value(1.0)), F);
  EXPECT_EQ(equals(Value("1"), Value(1)), F);
  // Comparison1.feature [1], [2]: 0 = 0.0, 0 <> 0.5.
  EXPECT_EQ(equals(Value(0), Value(0.0)), T);
  EXPECT_EQ(equals(Value(0), Value(0.5)), F);
  EXPECT_EQ(equals(Value(0.0), Value(-0.0)), T);
  // Exact, not via double: 2^53 + 1 differs from the float 2^53.
  EXPECT_EQ(equals(Value(std::int64_t{9007199254740993}), Value(9007199254740992.0)), F);
  EXPECT_EQ(equals(Value(std::int64_t{9007199254740992}), Value(9007199254740992.0)), T);
  // Comparison1.feature [10]-[13]: large integers compare exactly.
  EXPECT_EQ(equals(Value(std::int64_t{4611686018427387905}), Value(std::int64_t{4611686018427387905})), T);
  EXPECT_EQ(equals(Value(std::int64_t{4611686018427387905}), Value(std::int64_t{4611686018427387900})), F);
  EXPECT_EQ(equals(Value(std::numeric_limits<std::int64_t>::max()), Value(9223372036854775807.0)), F);
}

TEST(EvalEquals, NaNEqualsNothing) {
  // Comparison1.feature [8]: isEqual false, isNotEqual true.
  for (const Value& rhs : {Value(1), Value(1.0), nan, Value("a")}) {
    EXPECT_EQ(equals(nan, rhs), F) << rhs.to_cypher();
    EXPECT_EQ(not_equals(nan, rhs), T) << rhs.to_cypher();
  }
  EXPECT_EQ(equals(L({nan}), L({nan})), F);
}

TEST(EvalEquals, DifferentTypesAreFalse) {
  EXPECT_EQ(equals(Value(true), Value(1)), F);
  EXPECT_EQ(equals(Value("true"), Value(true)), F);
  EXPECT_EQ(equals(L({1, 2}), Value("foo")), F);  // List3.feature [1]
  EXPECT_EQ(equals(M({}), L({})), F);
  EXPECT_EQ(equals(Value(NodeRef{1}), Value(RelationshipRef{1})), F);
  EXPECT_EQ(equals(date("2024-01-31"), Value("2024-01-31")), F);
}

TEST(EvalEquals, ListsWithNulls) {
  // Comparison1.feature [6].
  EXPECT_EQ(equals(L({1, 2}), L({1})), F);
  EXPECT_EQ(equals(L({null}), L({1})), U);
  EXPECT_EQ(equals(L({"a"}), L({1})), F);
  EXPECT_EQ(equals(L({L({1})}), L({L({1}), L({null})})), F);
  EXPECT_EQ(equals(L({L({1}), L({2})}), L({L({1}), L({null})})), U);
  EXPECT_EQ(equals(L({L({1}), L({2, 3})}), L({L({1}), L({null})})), F);
  // List3.feature [2]-[7].
  EXPECT_EQ(equals(L({1}), L({1, null})), F);
  EXPECT_EQ(equals(L({1, 2}), L({null, "foo"})), F);
  EXPECT_EQ(equals(L({1, 2}), L({null, 2})), U);
  EXPECT_EQ(equals(L({L({1, 2}), L({1, 3})}), L({L({1, 2}), L({null, "foo"})})), F);
  EXPECT_EQ(equals(L({L({1, 2}), L({"foo", "bar"})}), L({L({1, 2}), L({null, "bar"})})), U);
  // The brief's examples.
  EXPECT_EQ(equals(L({1, null}), L({1, null})), U);
  EXPECT_EQ(equals(L({1, 2}), L({1, null})), U);
  EXPECT_EQ(equals(L({1, 2}), L({3, null})), F);
  EXPECT_EQ(equals(L({1, 2.0}), L({1.0, 2})), T);
  EXPECT_EQ(equals(L({}), L({})), T);
}

TEST(EvalEquals, MapsWithNulls) {
  // Comparison1.feature [7], every row.
  struct Row {
    Value lhs, rhs;
    Ternary result;
  } rows[] = {
      {M({}), M({}), T},
      {M({{"k", true}}), M({{"k", true}}), T},
      {M({{"k", 1}}), M({{"k", 1}}), T},
      {M({{"k", 1.0}}), M({{"k", 1.0}}), T},
      {M({{"k", "abc"}}), M({{"k", "abc"}}), T},
      {M({{"k", "a"}, {"l", 2}}), M({{"k", "a"}, {"l", 2}}), T},
      {M({}), M({{"k", null}}), F},
      {M({{"k", null}}), M({}), F},
      {M({{"k", 1}}), M({{"k", 1}, {"l", null}}), F},
      {M({{"k", null}, {"l", 1}}), M({{"l", 1}}), F},
      {M({{"k", null}}), M({{"k", null}, {"l", null}}), F},
      {M({{"k", null}}), M({{"k", null}}), U},
      {M({{"k", 1}}), M({{"k", null}}), U},
      {M({{"k", 1}, {"l", null}}), M({{"k", null}, {"l", null}}), U},
      {M({{"k", 1}, {"l", null}}), M({{"k", null}, {"l", 1}}), U},
      {M({{"k", 1}, {"l", null}}), M({{"k", 1}, {"l", 1}}), U},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(equals(r.lhs, r.rhs), r.result) << r.lhs.to_cypher() << " = " << r.rhs.to_cypher();
  }
  EXPECT_EQ(equals(M({{"k", 1}}), M({{"k", 1.0}})), T);
  EXPECT_EQ(equals(M({{"k", 1}}), M({{"j", 1}})), F);
}

TEST(EvalEquals, GraphElementsAndPaths) {
  // Comparison1.feature [4], [5]: by identity.
  EXPECT_EQ(equals(Value(NodeRef{3}), Value(NodeRef{3})), T);
  EXPECT_EQ(equals(Value(NodeRef{3}), Value(NodeRef{4})), F);
  EXPECT_EQ(equals(Value(RelationshipRef{7}), Value(RelationshipRef{7})), T);
  // Comparison1.feature [14]: a self-loop traversed either way is the same
  // node/relationship sequence.
  EXPECT_EQ(equals(path({0, 0}, {5}), path({0, 0}, {5})), T);
  EXPECT_EQ(equals(path({0, 1}, {5}), path({1, 0}, {5})), F);
  EXPECT_EQ(equals(path({0}, {}), path({0, 1}, {5})), F);
}

TEST(EvalEquals, ScalarsOfOneType) {
  EXPECT_EQ(equals(Value("오픈AI"), Value("오픈AI")), T);
  EXPECT_EQ(equals(Value("a"), Value("A")), F);
  EXPECT_EQ(equals(Value(true), Value(true)), T);
  EXPECT_EQ(equals(Value(false), Value(true)), F);
  EXPECT_EQ(equals(date("2024-01-31"), date("2024-01-31")), T);
  EXPECT_EQ(equals(date("2024-01-31"), date("2024-02-01")), F);
}

// ---- comparability (Comparison2, Comparison3)

TEST(EvalCompare, AcrossTypesIsNullExceptNumbers) {
  // Comparison2.feature [3]: of [n, r, p, '', 1, 3.14, true, null, [], {}],
  // only the pair (1, 3.14) is ordered by < <= > >=.
  Value types[] = {Value(NodeRef{0}), Value(RelationshipRef{0}), path({0, 1}, {0}), Value(""), Value(1),
                   Value(3.14), Value(true), null, L({}), M({})};
  for (std::size_t i = 0; i < std::size(types); ++i) {
    for (std::size_t j = 0; j < std::size(types); ++j) {
      if (i == j) continue;
      bool numbers = (i == 4 && j == 5) || (i == 5 && j == 4);
      const Value& a = types[i];
      const Value& b = types[j];
      if (numbers) {
        EXPECT_EQ(less(a, b), i == 4 ? T : F);
        EXPECT_EQ(less_equal(a, b), i == 4 ? T : F);
        EXPECT_EQ(greater(a, b), i == 5 ? T : F);
        EXPECT_EQ(greater_equal(a, b), i == 5 ? T : F);
      } else {
        for (auto op : {less, less_equal, greater, greater_equal}) {
          EXPECT_EQ(op(a, b), U) << a.to_cypher() << " vs " << b.to_cypher();
        }
        EXPECT_FALSE(compare(a, b).has_value());
      }
    }
  }
}

TEST(EvalCompare, ListsLexicographically) {
  // Comparison2.feature [4]: lhs >= rhs.
  EXPECT_EQ(greater_equal(L({1, 0}), L({1})), T);
  EXPECT_EQ(greater_equal(L({1, null}), L({1})), T);
  EXPECT_EQ(greater_equal(L({1, 2}), L({1, null})), U);
  EXPECT_EQ(greater_equal(L({1, "a"}), L({1, null})), U);
  EXPECT_EQ(greater_equal(L({1, 2}), L({3, null})), F);
  // CIP: [1] < [1, 0] and [1] < [1, null] are true.
  EXPECT_EQ(less(L({1}), L({1, 0})), T);
  EXPECT_EQ(less(L({1}), L({1, null})), T);
  EXPECT_EQ(less(L({}), L({null})), T);
  EXPECT_EQ(less_equal(L({1, 2}), L({1, 2.0})), T);
  EXPECT_EQ(less(L({1, 2}), L({1, 2.0})), F);
  EXPECT_EQ(less(L({1, "a"}), L({1, 2})), U);
  EXPECT_EQ(compare(L({1, 2}), L({1, 3})), -1);
}

TEST(EvalCompare, NaNMakesEveryComparisonFalse) {
  // Comparison2.feature [5].
  for (const Value& rhs : {Value(1), Value(1.0), nan}) {
    EXPECT_EQ(greater(nan, rhs), F);
    EXPECT_EQ(greater_equal(nan, rhs), F);
    EXPECT_EQ(less(nan, rhs), F);
    EXPECT_EQ(less_equal(nan, rhs), F);
    EXPECT_EQ(less(rhs, nan), F);
  }
  EXPECT_EQ(greater(nan, Value("a")), U);
  EXPECT_EQ(less(L({nan}), L({1})), F);
  // compare() cannot say "false for every operator": it reports nullopt.
  EXPECT_FALSE(compare(nan, Value(1)).has_value());
}

TEST(EvalCompare, NumbersAndStrings) {
  // Comparison2.feature [6].
  EXPECT_EQ(less(Value(1.0), Value(1.0)), F);
  EXPECT_EQ(less(Value(1), Value(1.0)), F);
  EXPECT_EQ(less(Value("1.0"), Value(1.0)), U);
  EXPECT_EQ(less(Value("1"), Value(1)), U);
  // Comparison3.feature [1]-[8]: range predicates.
  EXPECT_EQ(ternary_and(less(Value(1), Value(2)), less(Value(2), Value(3))), T);
  EXPECT_EQ(ternary_and(less(Value("a"), Value("b")), less_equal(Value("b"), Value("c"))), T);
  EXPECT_EQ(less(Value(10), Value(3)), F);  // Comparison3 [9]
  // Mixed numbers compare exactly at the edge of double precision.
  EXPECT_EQ(less(Value(9007199254740992.0), Value(std::int64_t{9007199254740993})), T);
  EXPECT_EQ(less(Value(std::numeric_limits<std::int64_t>::max()), Value(9223372036854775807.0)), T);
  EXPECT_EQ(less(Value(-std::numeric_limits<double>::infinity()), Value(std::numeric_limits<std::int64_t>::min())), T);
  EXPECT_EQ(greater(Value(std::numeric_limits<double>::infinity()), Value(std::numeric_limits<std::int64_t>::max())), T);
  EXPECT_EQ(less(Value(-1.5), Value(-1)), T);
  EXPECT_EQ(less(Value(-0.5), Value(0)), T);
}

TEST(EvalCompare, StringsByCodePoint) {
  // CIP: 'a' < 'aa'; ReturnOrderBy1 [3]: '' < ' ' < '.*' < 'one'.
  EXPECT_EQ(less(Value("a"), Value("aa")), T);
  EXPECT_EQ(less(Value(""), Value(" ")), T);
  EXPECT_EQ(less(Value(" "), Value(".*")), T);
  EXPECT_EQ(less(Value(".*"), Value("one")), T);
  EXPECT_EQ(less(Value("B"), Value("a")), T);
  // U+00E9 (2 bytes) < U+D55C '한' (3 bytes) < U+1F600 (4 bytes).
  EXPECT_EQ(less(Value("\u00e9"), Value("\ud55c")), T);
  EXPECT_EQ(less(Value("\ud55c"), Value("\U0001F600")), T);
  EXPECT_EQ(less(Value("z"), Value("\u00e9")), T);
}

TEST(EvalCompare, BooleansDatesAndGraphElements) {
  EXPECT_EQ(less(Value(false), Value(true)), T);  // ReturnOrderBy1 [1]
  EXPECT_EQ(less(Value(true), Value(false)), F);
  EXPECT_EQ(less(date("1910-05-06"), date("1980-10-24")), T);  // WithOrderBy1 [11]
  EXPECT_EQ(less_equal(date("1980-10-24"), date("1980-10-24")), T);
  // CIP: nodes and relationships by identity, paths as node/relationship lists.
  EXPECT_EQ(less(Value(NodeRef{1}), Value(NodeRef{2})), T);
  EXPECT_EQ(greater(Value(RelationshipRef{9}), Value(RelationshipRef{2})), T);
  EXPECT_EQ(less(path({1, 3}, {1}), path({1, 2}, {2})), T);  // the CIP's p1 < p2
  EXPECT_EQ(less(path({1}, {}), path({1, 2}, {1})), T);
}

TEST(EvalCompare, MapsComparableUnlessTheyHoldNull) {
  // CIP: {a: 1} <= {a: 1, b: null} is null; other maps have an order.
  EXPECT_EQ(less_equal(M({{"a", 1}}), M({{"a", 1}, {"b", null}})), U);
  EXPECT_EQ(less_equal(M({{"a", 1}}), M({{"a", 1}})), T);
  EXPECT_EQ(less(M({{"a", 1}}), M({{"a", 2}})), T);
  EXPECT_EQ(less(M({{"a", 1}}), M({{"a", "x"}})), U);
  EXPECT_EQ(less(M({}), M({{"a", 1}})), T);
}

}  // namespace
}  // namespace ergo::eval
