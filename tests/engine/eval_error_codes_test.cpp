// engine/eval errors carry the openCypher detail codes the TCK names
// (InvalidArgumentType, InvalidArgumentValue, NumberOutOfRange, ...), so a
// TCK runner can match "TypeError ... InvalidArgumentValue" exactly.
#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <functional>
#include <limits>

#include "engine/eval/aggregates.hpp"
#include "engine/eval/arithmetic.hpp"
#include "engine/eval/functions.hpp"
#include "engine/eval/ternary.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

// "<kind> <code>" of the ergo::Error `f` throws, or "none".
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + " " + e.code();
  }
  return "none";
}

constexpr std::int64_t int_max = std::numeric_limits<std::int64_t>::max();

TEST(EvalErrorCodes, Operators) {
  // Boolean1.feature [8]: non-booleans in logic are InvalidArgumentType.
  EXPECT_EQ(error_of([] { ternary_from_value(Value(123)); }), "TypeError InvalidArgumentType");
  EXPECT_EQ(error_of([] { add(Value(1), Value(true)); }), "TypeError InvalidArgumentType");
  EXPECT_EQ(error_of([] { negate(Value("a")); }), "TypeError InvalidArgumentType");
  EXPECT_EQ(error_of([] { add(Value(int_max), Value(1)); }), "ArgumentError IntegerOverflow");
  EXPECT_EQ(error_of([] { negate(Value(-int_max - 1)); }), "ArgumentError IntegerOverflow");
  EXPECT_EQ(error_of([] { divide(Value(1), Value(0)); }), "ArgumentError DivisionByZero");
  EXPECT_EQ(error_of([] { modulo(Value(1), Value(0)); }), "ArgumentError DivisionByZero");
}

TEST(EvalErrorCodes, Functions) {
  // TypeConversion1-4: TypeError at runtime, InvalidArgumentValue.
  EXPECT_EQ(error_of([] { call("toBoolean", {1.0}); }), "TypeError InvalidArgumentValue");
  EXPECT_EQ(error_of([] { call("toInteger", {Value(List{})}); }), "TypeError InvalidArgumentValue");
  EXPECT_EQ(error_of([] { call("toFloat", {true}); }), "TypeError InvalidArgumentValue");
  EXPECT_EQ(error_of([] { call("toString", {Value(Map{})}); }), "TypeError InvalidArgumentValue");
  // List11.feature [4]: step 0 is NumberOutOfRange; [5]: bad types are
  // ArgumentError InvalidArgumentType.
  EXPECT_EQ(error_of([] { call("range", {2, 8, 0}); }), "ArgumentError NumberOutOfRange");
  EXPECT_EQ(error_of([] { call("range", {0.0, 1, 1}); }), "ArgumentError InvalidArgumentType");
  EXPECT_EQ(error_of([] { call("substring", {"abc", -1}); }), "ArgumentError NumberOutOfRange");
  EXPECT_EQ(error_of([] { call("left", {"abc", -1}); }), "ArgumentError NumberOutOfRange");
  EXPECT_EQ(error_of([] { call("round", {1.5, 1, "SIDEWAYS"}); }), "ArgumentError InvalidArgumentValue");
  EXPECT_EQ(error_of([] { call("date", {"2015-13-01"}); }), "ArgumentError InvalidArgumentValue");
  EXPECT_EQ(error_of([] { call("toUpper", {1}); }), "TypeError InvalidArgumentValue");
}

TEST(EvalErrorCodes, Aggregates) {
  // Aggregation6.feature [3]-[5]: ArgumentError NumberOutOfRange.
  EXPECT_EQ(error_of([] { make_aggregator("percentileDisc", false, Value(1.1)); }),
            "ArgumentError NumberOutOfRange");
  EXPECT_EQ(error_of([] { make_aggregator("percentileCont", false, Value(-1)); }),
            "ArgumentError NumberOutOfRange");
  EXPECT_EQ(error_of([] { make_aggregator("sum", false)->add(Value("a")); }), "TypeError InvalidArgumentValue");
  EXPECT_EQ(error_of([] {
              auto a = make_aggregator("sum", false);
              a->add(Value(int_max));
              a->add(Value(1));
            }),
            "ArgumentError IntegerOverflow");
  EXPECT_EQ(error_of([] { make_aggregator("median", false); }), "SemanticError UnknownFunction");
  EXPECT_EQ(error_of([] { make_aggregator("percentileDisc", false); }), "SemanticError InvalidNumberOfArguments");
}

}  // namespace
}  // namespace ergo::eval
