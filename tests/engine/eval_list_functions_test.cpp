// engine/eval list and scalar functions: coalesce, head, last, tail, size,
// length, reverse, range, keys, properties, isEmpty, nullIf.
#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <functional>
#include <limits>

#include "engine/eval/functions.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

TEST(EvalListFunctions, Coalesce) {
  EXPECT_EQ(cy(call("coalesce", {null, "CEO", "Nobody"})), "'CEO'");  // Conditional1.feature [1]
  EXPECT_EQ(cy(call("coalesce", {null, null, 3})), "3");
  EXPECT_EQ(cy(call("coalesce", {L({})})), "[]");
  EXPECT_TRUE(call("coalesce", {null}).is_null());
  EXPECT_TRUE(call("coalesce", {null, null}).is_null());
  EXPECT_EQ(find_function("coalesce")->max_args, any_number_of_args);
}

TEST(EvalListFunctions, HeadLastTail) {
  EXPECT_EQ(cy(call("head", {L({1, 2, 3})})), "1");
  EXPECT_EQ(cy(call("last", {L({1, 2, 3})})), "3");
  EXPECT_EQ(cy(call("tail", {L({1, 2, 3})})), "[2, 3]");
  EXPECT_EQ(cy(call("tail", {call("tail", {L({1, 2, 3, 4, 5})})})), "[3, 4, 5]");  // List9.feature [1]
  EXPECT_TRUE(call("head", {L({})}).is_null());
  EXPECT_TRUE(call("last", {L({})}).is_null());
  EXPECT_EQ(cy(call("tail", {L({})})), "[]");
  EXPECT_TRUE(call("head", {L({null, 1})}).is_null());
  for (const char* f : {"head", "last", "tail"}) {
    EXPECT_TRUE(call(f, {null}).is_null()) << f;
    EXPECT_ERROR(call(f, {"abc"}), type_error);
    EXPECT_ERROR(call(f, {M({})}), type_error);
  }
}

TEST(EvalListFunctions, SizeAndLength) {
  EXPECT_EQ(cy(call("size", {L({1, 2, 3})})), "3");  // List6.feature [1]
  EXPECT_EQ(cy(call("size", {L({L({}), L({}), L({})})})), "3");  // List6 [3]
  EXPECT_EQ(cy(call("size", {L({})})), "0");
  EXPECT_TRUE(call("size", {null}).is_null());  // List6 [4]
  EXPECT_ERROR(call("size", {M({})}), type_error);
  EXPECT_ERROR(call("size", {1}), type_error);
  PathRef p{{NodeRef{1}, NodeRef{2}, NodeRef{3}}, {RelationshipRef{1}, RelationshipRef{2}}};
  EXPECT_ERROR(call("size", {Value(p)}), type_error);  // List6 [5]: size() of a path fails
  EXPECT_EQ(cy(call("length", {Value(p)})), "2");
  EXPECT_EQ(cy(call("length", {L({1, 2})})), "2");
  EXPECT_TRUE(call("length", {null}).is_null());
  EXPECT_ERROR(call("length", {Value(NodeRef{1})}), type_error);  // Path3.feature [2]
  EXPECT_ERROR(call("length", {Value(RelationshipRef{1})}), type_error);  // Path3.feature [3]
}

TEST(EvalListFunctions, Reverse) {
  EXPECT_EQ(cy(call("reverse", {L({1, null, "a", L({2})})})), "[[2], 'a', null, 1]");
  EXPECT_EQ(cy(call("reverse", {L({})})), "[]");
  EXPECT_TRUE(call("reverse", {null}).is_null());
  EXPECT_ERROR(call("reverse", {1}), type_error);
  EXPECT_ERROR(call("reverse", {M({})}), type_error);
}

TEST(EvalListFunctions, RangeWithDefaultStep) {
  // List11.feature [1].
  struct Row {
    std::int64_t start, end;
    const char* list;
  } rows[] = {
      {-1236, -1234, "[-1236, -1235, -1234]"},
      {-1234, -1234, "[-1234]"},
      {-10, -3, "[-10, -9, -8, -7, -6, -5, -4, -3]"},
      {-10, 0, "[-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0]"},
      {-1, 0, "[-1, 0]"},
      {0, -123, "[]"},
      {0, -1, "[]"},
      {-1, 1, "[-1, 0, 1]"},
      {0, 0, "[0]"},
      {0, 1, "[0, 1]"},
      {0, 10, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"},
      {6, 10, "[6, 7, 8, 9, 10]"},
      {1234, 1234, "[1234]"},
      {1234, 1236, "[1234, 1235, 1236]"},
  };
  for (const Row& r : rows) EXPECT_EQ(cy(call("range", {r.start, r.end})), r.list) << r.start << ".." << r.end;
}

TEST(EvalListFunctions, RangeWithStep) {
  // List11.feature [2].
  struct Row {
    std::int64_t start, end, step;
    const char* list;
  } rows[] = {
      {1381, -3412, -1298, "[1381, 83, -1215, -2513]"},
      {0, -2000, -1298, "[0, -1298]"},
      {10, -10, -3, "[10, 7, 4, 1, -2, -5, -8]"},
      {0, -10, -3, "[0, -3, -6, -9]"},
      {0, -20, -2, "[0, -2, -4, -6, -8, -10, -12, -14, -16, -18, -20]"},
      {0, -10, -1, "[0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10]"},
      {0, -1, -1, "[0, -1]"},
      {-1236, -1234, 1, "[-1236, -1235, -1234]"},
      {-10, 0, 1, "[-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0]"},
      {-1, 0, 1, "[-1, 0]"},
      {0, 1, -123, "[]"},
      {0, 1, -1, "[]"},
      {0, -123, 1, "[]"},
      {0, -1, 1, "[]"},
      {0, 0, -1, "[0]"},
      {0, 0, 1, "[0]"},
      {0, 1, 2, "[0]"},
      {0, 1, 1, "[0, 1]"},
      {0, 10, 1, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"},
      {6, 10, 1, "[6, 7, 8, 9, 10]"},
      {1234, 1234, 1, "[1234]"},
      {1234, 1236, 1, "[1234, 1235, 1236]"},
      {-10, 0, 3, "[-10, -7, -4, -1]"},
      {-10, 10, 3, "[-10, -7, -4, -1, 2, 5, 8]"},
      {-2000, 0, 1298, "[-2000, -702]"},
      {-3412, 1381, 1298, "[-3412, -2114, -816, 482]"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(cy(call("range", {r.start, r.end, r.step})), r.list) << r.start << ".." << r.end << " by " << r.step;
  }
}

TEST(EvalListFunctions, RangeEmptyWhenDirectionAndStepDisagree) {
  // List11.feature [3].
  for (std::int64_t stop : {1, 2, 500, 1000, 1500}) {
    for (std::int64_t step : {-1000, -3, -2, -1, 1, 2, 3, 1000}) {
      bool empty = (stop > 0) != (step > 0);
      EXPECT_EQ(call("range", {0, stop, step}).as_list().empty(), empty) << stop << " " << step;
    }
  }
}

TEST(EvalListFunctions, RangeErrors) {
  // List11.feature [4]: step 0 is NumberOutOfRange.
  EXPECT_ERROR(call("range", {0, 0, 0}), argument_error);
  EXPECT_ERROR(call("range", {2, 8, 0}), argument_error);
  EXPECT_ERROR(call("range", {-2, 8, 0}), argument_error);
  EXPECT_ERROR(call("range", {2, -8, 0}), argument_error);
  // List11.feature [5]: non-integers are ArgumentError InvalidArgumentType.
  std::vector<Value> bad = {true, -1.1, -0.0, 0.0, 1.1, "xyz", L({0}), M({{"start", 0}}), null};
  for (const Value& b : bad) {
    EXPECT_ERROR(call("range", {b, 1, 1}), argument_error);
    EXPECT_ERROR(call("range", {0, b, 1}), argument_error);
    EXPECT_ERROR(call("range", {0, 1, b}), argument_error);
  }
  // Far too long a list is refused rather than built.
  EXPECT_ERROR(call("range", {0, std::numeric_limits<std::int64_t>::max()}), argument_error);
  EXPECT_ERROR(call("range", {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}),
               argument_error);
  // Near the INTEGER limits the steps do not overflow.
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(call("range", {max - 2, max}).as_list().size(), 3u);
  EXPECT_EQ(call("range", {max - 10, max, 7}).as_list().size(), 2u);
}

TEST(EvalListFunctions, RangeSizeForAggregation3) {
  // Aggregation3.feature [2] builds range(1000000, 2000000).
  Value r = call("range", {1000000, 2000000});
  EXPECT_EQ(r.as_list().size(), 1000001u);
  EXPECT_EQ(r.as_list().back(), Value(2000000));
}

TEST(EvalListFunctions, KeysAndPropertiesOfMaps) {
  // Graph9.feature [4]: properties(map) is the map.
  Value m = M({{"name", "Popeye"}, {"level", 9001}});
  EXPECT_EQ(call("properties", {m}), m);
  EXPECT_EQ(cy(call("keys", {m})), "['level', 'name']");
  EXPECT_EQ(cy(call("keys", {M({{"exists", 42}, {"missing", null}})})), "['exists', 'missing']");
  EXPECT_EQ(cy(call("keys", {M({})})), "[]");
  EXPECT_TRUE(call("keys", {null}).is_null());
  EXPECT_TRUE(call("properties", {null}).is_null());  // Graph9.feature [3]
  // Graph9.feature [5]-[7]: not on an integer, a string or a list.
  EXPECT_ERROR(call("properties", {1}), type_error);
  EXPECT_ERROR(call("properties", {"Cypher"}), type_error);
  EXPECT_ERROR(call("properties", {L({true, false})}), type_error);
  EXPECT_ERROR(call("keys", {1}), type_error);
  EXPECT_ERROR(call("keys", {L({})}), type_error);
}

TEST(EvalListFunctions, IsEmptyAndNullIf) {
  EXPECT_EQ(cy(call("isEmpty", {L({})})), "true");
  EXPECT_EQ(cy(call("isEmpty", {L({null})})), "false");
  EXPECT_EQ(cy(call("isEmpty", {M({})})), "true");
  EXPECT_EQ(cy(call("isEmpty", {""})), "true");
  EXPECT_EQ(cy(call("isEmpty", {"오"})), "false");
  EXPECT_TRUE(call("isEmpty", {null}).is_null());
  EXPECT_ERROR(call("isEmpty", {1}), type_error);
  EXPECT_TRUE(call("nullIf", {4, 4.0}).is_null());
  EXPECT_EQ(cy(call("nullIf", {4, 5})), "4");
  EXPECT_TRUE(call("nullIf", {null, null}).is_null());
  EXPECT_EQ(cy(call("nullIf", {"a", null})), "'a'");
}

}  // namespace
}  // namespace ergo::eval
