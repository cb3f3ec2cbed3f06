// engine/eval arithmetic: null propagation, INTEGER/FLOAT mixing, overflow,
// division by zero, NaN and Infinity, and the list and string forms of `+`.
#include "engine/eval/arithmetic.hpp"

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

constexpr std::int64_t int_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int_min = std::numeric_limits<std::int64_t>::min();

// The kind of the ergo::Error `f` throws; fails the test when it throws none.

using Op = Value (*)(const Value&, const Value&);
const Op all_binary[] = {add, subtract, multiply, divide, modulo, power};

TEST(EvalArithmetic, NullOperandGivesNull) {
  for (Op op : all_binary) {
    EXPECT_TRUE(op(null, Value(1)).is_null());
    EXPECT_TRUE(op(Value(1.5), null).is_null());
    EXPECT_TRUE(op(null, null).is_null());
    EXPECT_TRUE(op(null, Value("a")).is_null());
  }
  EXPECT_TRUE(add(L({1}), null).is_null());
  EXPECT_TRUE(negate(null).is_null());
  EXPECT_TRUE(unary_plus(null).is_null());
  EXPECT_TRUE(divide(null, Value(0)).is_null());  // null wins over division by zero
}

TEST(EvalArithmetic, IntegerOperationsStayInteger) {
  EXPECT_EQ(cy(add(Value(99), Value(5))), "104");  // Mathematical2.feature [1]
  EXPECT_EQ(cy(subtract(Value(3), Value(10))), "-7");
  EXPECT_EQ(cy(multiply(Value(-4), Value(6))), "-24");
  // Mathematical8.feature [1], [2]: 12 / 4 * 3 - 2 * 4 = 1; 12 / 4 * (3 - 2 * 4) = -15.
  EXPECT_EQ(cy(subtract(multiply(divide(Value(12), Value(4)), Value(3)), multiply(Value(2), Value(4)))), "1");
  EXPECT_EQ(cy(multiply(divide(Value(12), Value(4)), subtract(Value(3), multiply(Value(2), Value(4))))), "-15");
}

TEST(EvalArithmetic, IntegerDivisionTruncatesTowardZero) {
  EXPECT_EQ(cy(divide(Value(7), Value(2))), "3");
  EXPECT_EQ(cy(divide(Value(-7), Value(2))), "-3");
  EXPECT_EQ(cy(divide(Value(7), Value(-2))), "-3");
  EXPECT_EQ(cy(divide(Value(1), Value(3))), "0");
  EXPECT_EQ(cy(modulo(Value(7), Value(3))), "1");
  EXPECT_EQ(cy(modulo(Value(-7), Value(3))), "-1");  // sign of the dividend, like Java
  EXPECT_EQ(cy(modulo(Value(7), Value(-3))), "1");
  EXPECT_EQ(cy(modulo(Value(int_min), Value(-1))), "0");
}

TEST(EvalArithmetic, MixingWithFloatGivesFloat) {
  EXPECT_EQ(cy(add(Value(1), Value(2.0))), "3.0");
  EXPECT_EQ(cy(add(Value(0.1), Value(0.2))), "0.30000000000000004");
  EXPECT_EQ(cy(subtract(Value(1.5), Value(1))), "0.5");
  EXPECT_EQ(cy(multiply(Value(2), Value(2.5))), "5.0");
  EXPECT_EQ(cy(divide(Value(7), Value(2.0))), "3.5");
  EXPECT_EQ(cy(divide(Value(7.0), Value(2))), "3.5");
  EXPECT_EQ(cy(modulo(Value(7.5), Value(2))), "1.5");
  EXPECT_EQ(cy(modulo(Value(-7.5), Value(2))), "-1.5");
}

TEST(EvalArithmetic, PowerIsAlwaysFloat) {
  EXPECT_EQ(cy(power(Value(2), Value(3))), "8.0");
  EXPECT_EQ(cy(power(Value(2), Value(-1))), "0.5");
  EXPECT_EQ(cy(power(Value(4), Value(0.5))), "2.0");
  EXPECT_EQ(cy(power(Value(0), Value(0))), "1.0");
  EXPECT_EQ(cy(power(Value(-8), Value(1.0 / 3))), "NaN");
  // Java's Math.pow: 1 ^ NaN is NaN (C's pow says 1.0).
  EXPECT_EQ(cy(power(Value(1), Value(std::nan("")))), "NaN");
  EXPECT_EQ(cy(power(Value(2), Value(1024))), "Infinity");
}

TEST(EvalArithmetic, IntegerOverflowIsAnError) {
  EXPECT_ERROR(add(Value(int_max), Value(1)), argument_error);
  EXPECT_ERROR(add(Value(int_min), Value(-1)), argument_error);
  EXPECT_ERROR(subtract(Value(int_min), Value(1)), argument_error);
  EXPECT_ERROR(multiply(Value(int_max), Value(2)), argument_error);
  EXPECT_ERROR(multiply(Value(std::int64_t{1} << 32), Value(std::int64_t{1} << 31)), argument_error);
  EXPECT_ERROR(divide(Value(int_min), Value(-1)), argument_error);
  EXPECT_ERROR(negate(Value(int_min)), argument_error);
  EXPECT_EQ(cy(add(Value(int_max - 1), Value(1))), std::to_string(int_max));
  EXPECT_EQ(cy(negate(Value(int_max))), std::to_string(-int_max));
  // As floats the same sums are fine.
  EXPECT_EQ(cy(add(Value(int_max), Value(1.0))), "9.223372036854776E18");
}

TEST(EvalArithmetic, DivisionByZero) {
  EXPECT_ERROR(divide(Value(1), Value(0)), argument_error);
  EXPECT_ERROR(modulo(Value(1), Value(0)), argument_error);
  EXPECT_EQ(cy(divide(Value(1), Value(0.0))), "Infinity");
  EXPECT_EQ(cy(divide(Value(-1.0), Value(0))), "-Infinity");
  EXPECT_EQ(cy(divide(Value(0.0), Value(0.0))), "NaN");  // the TCK's way of making NaN
  EXPECT_EQ(cy(modulo(Value(1.0), Value(0))), "NaN");
  EXPECT_EQ(cy(modulo(Value(1), Value(0.0))), "NaN");
}

TEST(EvalArithmetic, NaNAndInfinityPropagate) {
  Value nan = divide(Value(0.0), Value(0.0));
  EXPECT_EQ(cy(add(nan, Value(1))), "NaN");
  EXPECT_EQ(cy(multiply(nan, Value(0))), "NaN");
  Value inf = Value(std::numeric_limits<double>::infinity());
  EXPECT_EQ(cy(subtract(inf, inf)), "NaN");
  EXPECT_EQ(cy(add(inf, Value(1))), "Infinity");
  EXPECT_EQ(cy(negate(inf)), "-Infinity");
}

TEST(EvalArithmetic, NegateAndUnaryPlus) {
  EXPECT_EQ(cy(negate(Value(5))), "-5");
  EXPECT_EQ(cy(negate(Value(-2.5))), "2.5");
  EXPECT_EQ(cy(negate(Value(0.0))), "-0.0");
  EXPECT_EQ(cy(unary_plus(Value(5))), "5");
  EXPECT_EQ(cy(unary_plus(Value(-2.5))), "-2.5");
  EXPECT_ERROR(negate(Value("a")), type_error);
  EXPECT_ERROR(negate(Value(true)), type_error);
  EXPECT_ERROR(unary_plus(L({})), type_error);
}

TEST(EvalArithmetic, ListConcatenation) {
  // List4.feature [1], [2].
  EXPECT_EQ(cy(add(L({1, 10, 100}), L({4, 5}))), "[1, 10, 100, 4, 5]");
  EXPECT_EQ(cy(add(L({false, true}), Value(false))), "[false, true, false]");
  EXPECT_EQ(cy(add(Value(0), L({1, 2}))), "[0, 1, 2]");
  EXPECT_EQ(cy(add(L({}), L({}))), "[]");
  EXPECT_EQ(cy(add(L({L({})}), L({L({})}))), "[[], []]");  // List6 [3]: size 3 after + [[]]
  EXPECT_EQ(cy(add(L({1}), L({L({2})}))), "[1, [2]]");
  EXPECT_EQ(cy(add(Value("a"), L({1}))), "['a', 1]");
  EXPECT_EQ(cy(add(L({1}), M({{"k", 1}}))), "[1, {k: 1}]");
}

TEST(EvalArithmetic, StringConcatenation) {
  EXPECT_EQ(cy(add(Value("Neo"), Value("4j"))), "'Neo4j'");
  EXPECT_EQ(cy(add(Value("오픈"), Value("AI"))), "'오픈AI'");
  EXPECT_EQ(cy(add(Value("a"), Value(1))), "'a1'");
  EXPECT_EQ(cy(add(Value(1), Value("a"))), "'1a'");
  EXPECT_EQ(cy(add(Value("a"), Value(1.0))), "'a1.0'");
  EXPECT_EQ(cy(add(Value("a"), Value(1e20))), "'a1.0E20'");
  EXPECT_EQ(cy(add(Value("a"), Value(true))), "'atrue'");
  EXPECT_EQ(cy(add(Value("d: "), Value(*Date::parse("2024-01-31")))), "'d: 2024-01-31'");
  EXPECT_EQ(cy(add(Value(""), Value(""))), "''");
}

TEST(EvalArithmetic, WrongTypesAreTypeErrors) {
  EXPECT_ERROR(add(Value(1), Value(true)), type_error);
  EXPECT_ERROR(add(Value(true), Value(true)), type_error);
  EXPECT_ERROR(add(Value("a"), M({})), type_error);
  EXPECT_ERROR(add(M({}), M({})), type_error);
  EXPECT_ERROR(add(Value(NodeRef{1}), Value("a")), type_error);
  EXPECT_ERROR(subtract(Value("a"), Value("a")), type_error);
  EXPECT_ERROR(subtract(L({1}), Value(1)), type_error);
  EXPECT_ERROR(multiply(Value("a"), Value(3)), type_error);
  EXPECT_ERROR(divide(Value(1), Value("2")), type_error);
  EXPECT_ERROR(modulo(Value(true), Value(2)), type_error);
  EXPECT_ERROR(power(Value(2), L({})), type_error);
  try {
    add(Value(1), Value(true));
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "cannot add INTEGER and BOOLEAN");
  }
}

}  // namespace
}  // namespace ergo::eval
