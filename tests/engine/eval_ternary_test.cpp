// engine/eval three-valued logic: the AND, OR, XOR and NOT truth tables of
// the TCK's expressions/boolean features, and truth values as Values.
#include "engine/eval/ternary.hpp"

#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

constexpr Ternary T = Ternary::true_value;
constexpr Ternary F = Ternary::false_value;
constexpr Ternary U = Ternary::unknown;

// ---- three-valued logic (TCK expressions/boolean)

TEST(EvalTernary, AndTruthTable) {
  // Boolean1.feature [1]: tt tf tn ft ff fn nt nf nn.
  Ternary lhs[] = {T, T, T, F, F, F, U, U, U};
  Ternary rhs[] = {T, F, U, T, F, U, T, F, U};
  Ternary expected[] = {T, F, U, F, F, F, U, F, U};
  for (int i = 0; i < 9; ++i) EXPECT_EQ(ternary_and(lhs[i], rhs[i]), expected[i]) << i;
}

TEST(EvalTernary, OrTruthTable) {
  // Boolean2.feature [1].
  Ternary lhs[] = {T, T, T, F, F, F, U, U, U};
  Ternary rhs[] = {T, F, U, T, F, U, T, F, U};
  Ternary expected[] = {T, T, T, T, F, U, T, U, U};
  for (int i = 0; i < 9; ++i) EXPECT_EQ(ternary_or(lhs[i], rhs[i]), expected[i]) << i;
}

TEST(EvalTernary, XorTruthTable) {
  // Boolean3.feature [1].
  Ternary lhs[] = {T, T, T, F, F, F, U, U, U};
  Ternary rhs[] = {T, F, U, T, F, U, T, F, U};
  Ternary expected[] = {F, T, U, T, F, U, U, U, U};
  for (int i = 0; i < 9; ++i) EXPECT_EQ(ternary_xor(lhs[i], rhs[i]), expected[i]) << i;
}

TEST(EvalTernary, NotAndDoubleNot) {
  // Boolean4.feature [1] and [2]; Null3.feature [1]: NOT null is null.
  EXPECT_EQ(ternary_not(T), F);
  EXPECT_EQ(ternary_not(F), T);
  EXPECT_EQ(ternary_not(U), U);
  for (Ternary t : {T, F, U}) EXPECT_EQ(ternary_not(ternary_not(t)), t);
}

TEST(EvalTernary, ManyOperandsFoldLeft) {
  // Boolean1.feature [3] m3 and Boolean2.feature [3] m3.
  Ternary m3[] = {T, T, F, F, T, U, F, T, T, U, F};
  Ternary and_acc = T, or_acc = F;
  for (Ternary t : m3) and_acc = ternary_and(and_acc, t), or_acc = ternary_or(or_acc, t);
  EXPECT_EQ(and_acc, F);
  EXPECT_EQ(or_acc, T);
  // Boolean1 [3] nst: null AND ... true ... AND null is null.
  EXPECT_EQ(ternary_and(ternary_and(U, T), U), U);
}

TEST(EvalTernary, NotDistributiveOverXorOnNull) {
  // Boolean5.feature [6]: a = null, b = true, c = true is the one row where
  // (a AND (b XOR c)) IS NULL differs from ((a AND b) XOR (a AND c)) IS NULL.
  EXPECT_EQ(ternary_and(U, ternary_xor(T, T)), F);
  EXPECT_EQ(ternary_xor(ternary_and(U, T), ternary_and(U, T)), U);
}

TEST(EvalTernary, ValueConversion) {
  EXPECT_EQ(ternary_to_value(T), Value(true));
  EXPECT_EQ(ternary_to_value(F), Value(false));
  EXPECT_TRUE(ternary_to_value(U).is_null());
  EXPECT_EQ(ternary_from_value(Value(true)), T);
  EXPECT_EQ(ternary_from_value(Value(false)), F);
  EXPECT_EQ(ternary_from_value(null), U);
  // Boolean1.feature [8]: non-booleans are InvalidArgumentType.
  for (const Value& v : {Value(123), Value(123.4), Value("foo"), L({}), L({true}), M({})}) {
    try {
      ternary_from_value(v);
      ADD_FAILURE() << v.to_cypher();
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::type_error);
    }
  }
}

}  // namespace
}  // namespace ergo::eval
