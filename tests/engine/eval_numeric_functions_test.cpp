// engine/eval numeric functions: abs, sign, rounding (with precision and
// modes), logarithms, trigonometry, constants, rand; null and wrong types.
#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <numbers>

#include "engine/eval/functions.hpp"
#include "engine/eval/number.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

double num(std::string_view name, std::vector<Value> args) { return call(name, std::move(args)).as_double(); }

TEST(EvalNumericFunctions, AbsKeepsTheType) {
  EXPECT_EQ(cy(call("abs", {-1})), "1");  // Mathematical11.feature [1]
  EXPECT_EQ(cy(call("abs", {3})), "3");
  EXPECT_EQ(cy(call("abs", {-2.5})), "2.5");
  EXPECT_EQ(cy(call("abs", {-0.0})), "0.0");
  EXPECT_ERROR(call("abs", {std::numeric_limits<std::int64_t>::min()}), argument_error);
}

TEST(EvalNumericFunctions, SignIsAnInteger) {
  EXPECT_EQ(cy(call("sign", {-17})), "-1");
  EXPECT_EQ(cy(call("sign", {0})), "0");
  EXPECT_EQ(cy(call("sign", {0.1})), "1");
  EXPECT_EQ(cy(call("sign", {-0.0})), "0");
  EXPECT_EQ(cy(call("sign", {std::nan("")})), "0");
}

TEST(EvalNumericFunctions, RoundLikeJavaMathRound) {
  EXPECT_EQ(cy(call("round", {3.141592})), "3.0");
  EXPECT_EQ(cy(call("round", {-1.5})), "-1.0");  // ties toward +Infinity
  EXPECT_EQ(cy(call("round", {2.5})), "3.0");
  EXPECT_EQ(cy(call("round", {-2.5})), "-2.0");
  EXPECT_EQ(cy(call("round", {-0.4})), "0.0");
  EXPECT_EQ(cy(call("round", {7})), "7.0");
  EXPECT_EQ(cy(call("round", {0.49999999999999994})), "0.0");
  EXPECT_EQ(cy(call("round", {-1.5, 0})), "-1.0");
}

TEST(EvalNumericFunctions, RoundWithPrecisionAndMode) {
  EXPECT_EQ(cy(call("round", {3.141592, 3})), "3.142");
  EXPECT_EQ(cy(call("round", {-1.55, 1})), "-1.6");  // ties away from zero
  EXPECT_EQ(cy(call("round", {2.675, 2})), "2.68");  // on the decimal text, not the binary value
  EXPECT_EQ(cy(call("round", {1.5, 5})), "1.5");
  EXPECT_EQ(cy(call("round", {0.004, 1})), "0.0");
  EXPECT_EQ(cy(call("round", {1e20, 2})), "1.0E20");
  EXPECT_EQ(cy(call("round", {9.99, 1})), "10.0");
  // The documented examples for each mode: 1.249, -1.251, 1.25, -1.35 at precision 1.
  struct Row {
    const char* mode;
    const char* expected[4];
  } rows[] = {
      {"UP", {"1.3", "-1.3", "1.3", "-1.4"}},
      {"DOWN", {"1.2", "-1.2", "1.2", "-1.3"}},
      {"CEILING", {"1.3", "-1.2", "1.3", "-1.3"}},
      {"FLOOR", {"1.2", "-1.3", "1.2", "-1.4"}},
      {"HALF_UP", {"1.2", "-1.3", "1.3", "-1.4"}},
      {"HALF_DOWN", {"1.2", "-1.3", "1.2", "-1.3"}},
      {"HALF_EVEN", {"1.2", "-1.3", "1.2", "-1.4"}},
  };
  double inputs[] = {1.249, -1.251, 1.25, -1.35};
  for (const Row& r : rows) {
    for (int i = 0; i < 4; ++i) {
      EXPECT_EQ(cy(call("round", {inputs[i], 1, r.mode})), r.expected[i]) << r.mode << " " << inputs[i];
    }
  }
  EXPECT_EQ(cy(call("round", {2.5, 0, "HALF_EVEN"})), "2.0");
  EXPECT_EQ(cy(call("round", {-2.5, 0, "HALF_UP"})), "-3.0");
  EXPECT_EQ(cy(call("round", {0.05, 1, "UP"})), "0.1");
  EXPECT_EQ(cy(call("round", {0.001, 1, "UP"})), "0.1");
  EXPECT_TRUE(call("round", {null}).is_null());
  EXPECT_TRUE(call("round", {1.5, null}).is_null());
  EXPECT_TRUE(call("round", {1.5, 1, null}).is_null());
  EXPECT_ERROR(call("round", {1.5, -1}), argument_error);
  EXPECT_ERROR(call("round", {1.5, 1, "SIDEWAYS"}), argument_error);
  EXPECT_ERROR(call("round", {1.5, 1, 3}), type_error);
  EXPECT_ERROR(call("round", {"1.5"}), type_error);
}

TEST(EvalNumericFunctions, CeilFloorAreFloats) {
  EXPECT_EQ(cy(call("ceil", {0.1})), "1.0");
  EXPECT_EQ(cy(call("floor", {0.9})), "0.0");
  EXPECT_EQ(cy(call("ceil", {-0.5})), "-0.0");
  EXPECT_EQ(cy(call("floor", {-0.5})), "-1.0");
  EXPECT_EQ(cy(call("ceil", {3})), "3.0");
}

TEST(EvalNumericFunctions, LogarithmsAndRoots) {
  EXPECT_EQ(cy(call("sqrt", {12.96})), "3.6");  // Mathematical13.feature [1]
  EXPECT_EQ(cy(call("sqrt", {16})), "4.0");
  EXPECT_EQ(cy(call("sqrt", {-1})), "NaN");
  EXPECT_DOUBLE_EQ(num("exp", {2}), std::exp(2.0));
  EXPECT_DOUBLE_EQ(num("log", {27}), std::log(27.0));
  EXPECT_EQ(cy(call("log", {0})), "-Infinity");
  EXPECT_EQ(cy(call("log", {-1})), "NaN");
  EXPECT_EQ(cy(call("log10", {27})), cy(Value(std::log10(27.0))));
  EXPECT_EQ(cy(call("log10", {0})), "-Infinity");
  EXPECT_EQ(cy(call("exp", {1000})), "Infinity");
}

TEST(EvalNumericFunctions, Trigonometry) {
  EXPECT_DOUBLE_EQ(num("sin", {0.5}), std::sin(0.5));
  EXPECT_DOUBLE_EQ(num("cos", {0.5}), std::cos(0.5));
  EXPECT_DOUBLE_EQ(num("tan", {0.5}), std::tan(0.5));
  EXPECT_DOUBLE_EQ(num("cot", {0.5}), 1.0 / std::tan(0.5));
  EXPECT_EQ(cy(call("cot", {0})), "Infinity");
  EXPECT_DOUBLE_EQ(num("asin", {0.5}), std::asin(0.5));
  EXPECT_DOUBLE_EQ(num("acos", {0.5}), std::acos(0.5));
  EXPECT_DOUBLE_EQ(num("atan", {0.5}), std::atan(0.5));
  EXPECT_DOUBLE_EQ(num("atan2", {0.5, 0.6}), std::atan2(0.5, 0.6));
  EXPECT_EQ(cy(call("asin", {2})), "NaN");
  EXPECT_DOUBLE_EQ(num("haversin", {0.5}), (1 - std::cos(0.5)) / 2);
  EXPECT_EQ(cy(call("degrees", {std::numbers::pi})), "180.0");
  EXPECT_EQ(cy(call("radians", {180})), cy(Value(std::numbers::pi)));
  EXPECT_TRUE(call("atan2", {null, 1}).is_null());
  EXPECT_TRUE(call("atan2", {1, null}).is_null());
  EXPECT_ERROR(call("atan2", {1, "x"}), type_error);
}

TEST(EvalNumericFunctions, ConstantsAndRand) {
  EXPECT_EQ(call("pi", {}), Value(std::numbers::pi));
  EXPECT_EQ(call("e", {}), Value(std::numbers::e));
  for (int i = 0; i < 100; ++i) {
    double r = num("rand", {});
    EXPECT_GE(r, 0.0);
    EXPECT_LT(r, 1.0);
  }
  EXPECT_FALSE(find_function("rand")->deterministic);
  EXPECT_TRUE(find_function("pi")->deterministic);
}

TEST(EvalNumericFunctions, IsNaN) {
  EXPECT_EQ(cy(call("isNaN", {std::nan("")})), "true");
  EXPECT_EQ(cy(call("isNaN", {1.0})), "false");
  EXPECT_EQ(cy(call("isNaN", {1})), "false");
  EXPECT_TRUE(call("isNaN", {null}).is_null());
}

TEST(EvalNumericFunctions, NullInNullOutAndWrongTypes) {
  for (const char* f : {"abs", "sign", "ceil", "floor", "sqrt", "exp", "log", "log10", "sin", "cos", "tan", "cot",
                        "asin", "acos", "atan", "haversin", "degrees", "radians", "isNaN"}) {
    EXPECT_TRUE(call(f, {null}).is_null()) << f;
    EXPECT_ERROR(call(f, {"1"}), type_error);
    EXPECT_ERROR(call(f, {true}), type_error);
    EXPECT_ERROR(call(f, {Value(List{})}), type_error);
  }
}

}  // namespace
}  // namespace ergo::eval
