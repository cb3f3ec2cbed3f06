// engine/eval type conversion: toString, toInteger, toFloat, toBoolean, the
// ...OrNull and ...List forms (TCK expressions/typeConversion).
#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <cmath>
#include <functional>
#include <limits>

#include "engine/eval/functions.hpp"
#include "engine/eval/number.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

// The values every conversion's "invalid types" examples use.
std::vector<Value> graph_values() {
  return {Value(NodeRef{0}), Value(RelationshipRef{0}), Value(PathRef{{NodeRef{0}, NodeRef{1}}, {RelationshipRef{0}}})};
}

TEST(EvalToBoolean, FromBooleansAndStrings) {
  // TypeConversion1.feature [1]-[4].
  EXPECT_EQ(cy(call("toBoolean", {true})), "true");
  EXPECT_EQ(cy(call("toBoolean", {false})), "false");
  EXPECT_EQ(cy(call("toBoolean", {"true"})), "true");
  EXPECT_EQ(cy(call("toBoolean", {"false"})), "false");
  for (const Value& s : {null, Value(""), Value(" tru "), Value("f alse")}) {
    EXPECT_TRUE(call("toBoolean", {s}).is_null()) << s.to_cypher();
  }
  // CIP2016-07-07: any letter case; Neo4j also ignores surrounding spaces.
  EXPECT_EQ(cy(call("toBoolean", {"TRUE"})), "true");
  EXPECT_EQ(cy(call("toBoolean", {"False"})), "false");
  EXPECT_EQ(cy(call("toBoolean", {" true "})), "true");
  EXPECT_EQ(cy(call("toBoolean", {"\u3000false\n"})), "false");  // Unicode whitespace, as trim()
  // INTEGER: 0 is false, others true.
  EXPECT_EQ(cy(call("toBoolean", {0})), "false");
  EXPECT_EQ(cy(call("toBoolean", {-7})), "true");
}

TEST(EvalToBoolean, InvalidTypes) {
  // TypeConversion1.feature [5]: list, map, float, node, relationship, path.
  std::vector<Value> bad = {L({}), M({}), Value(1.0)};
  for (const Value& g : graph_values()) bad.push_back(g);
  for (const Value& b : bad) {
    EXPECT_ERROR(call("toBoolean", {b}), type_error);
    EXPECT_TRUE(call("toBooleanOrNull", {b}).is_null()) << b.to_cypher();
  }
  EXPECT_EQ(cy(call("toBooleanOrNull", {"true"})), "true");
  EXPECT_EQ(cy(call("toBooleanOrNull", {1})), "true");
  EXPECT_TRUE(call("toBooleanOrNull", {"yes"}).is_null());
}

TEST(EvalToInteger, FromNumbersAndStrings) {
  EXPECT_EQ(cy(call("toInteger", {82.9})), "82");  // TypeConversion2.feature [1]
  EXPECT_TRUE(call("toInteger", {"foo"}).is_null());  // [2]
  EXPECT_TRUE(call("toInteger", {""}).is_null());
  EXPECT_EQ(cy(call("toInteger", {2})), "2");  // [3], [4]
  EXPECT_EQ(cy(call("toInteger", {2.9})), "2");
  EXPECT_EQ(cy(call("toInteger", {"1.7"})), "1");
  EXPECT_EQ(cy(call("toInteger", {"2"})), "2");  // [5]
  EXPECT_EQ(cy(call("toInteger", {"2.9"})), "2");
  EXPECT_EQ(cy(call("toInteger", {0})), "0");  // [6]
  EXPECT_EQ(cy(call("toInteger", {"42"})), "42");  // [7]
  EXPECT_EQ(cy(call("toInteger", {-2.9})), "-2");  // truncates toward zero
  EXPECT_EQ(cy(call("toInteger", {"-2.9"})), "-2");
  EXPECT_EQ(cy(call("toInteger", {"+5"})), "5");
  EXPECT_EQ(cy(call("toInteger", {"2e3"})), "2000");
  EXPECT_EQ(cy(call("toInteger", {".5"})), "0");
  EXPECT_EQ(cy(call("toInteger", {"9223372036854775807"})), "9223372036854775807");
  EXPECT_EQ(cy(call("toInteger", {"-9223372036854775808"})), "-9223372036854775808");
  EXPECT_EQ(cy(call("toInteger", {"9223372036854775807.9"})), "9223372036854775807");
  EXPECT_EQ(cy(call("toInteger", {true})), "1");
  EXPECT_EQ(cy(call("toInteger", {false})), "0");
  EXPECT_TRUE(call("toInteger", {null}).is_null());
  for (const char* s : {" 42", "42 ", "0x1F", "1e", "--1", "1.2.3", "NaN", "Infinity", "٣"}) {
    EXPECT_TRUE(call("toInteger", {s}).is_null()) << s;
  }
}

TEST(EvalToInteger, OutOfRangeAndInvalidTypes) {
  EXPECT_ERROR(call("toInteger", {"9223372036854775808"}), argument_error);
  EXPECT_ERROR(call("toInteger", {"1e30"}), argument_error);
  EXPECT_ERROR(call("toInteger", {1e30}), argument_error);
  EXPECT_ERROR(call("toInteger", {std::nan("")}), argument_error);
  EXPECT_TRUE(call("toIntegerOrNull", {"1e30"}).is_null());
  EXPECT_TRUE(call("toIntegerOrNull", {std::nan("")}).is_null());
  // TypeConversion2.feature [8]: list, map, node, relationship, path.
  std::vector<Value> bad = {L({}), M({})};
  for (const Value& g : graph_values()) bad.push_back(g);
  for (const Value& b : bad) {
    EXPECT_ERROR(call("toInteger", {b}), type_error);
    EXPECT_TRUE(call("toIntegerOrNull", {b}).is_null());
  }
  EXPECT_EQ(cy(call("toIntegerOrNull", {"7"})), "7");
}

TEST(EvalToFloat, FromNumbersAndStrings) {
  EXPECT_EQ(cy(call("toFloat", {3.4})), "3.4");  // TypeConversion3.feature [1]
  EXPECT_EQ(cy(call("toFloat", {3})), "3.0");
  EXPECT_TRUE(call("toFloat", {"foo"}).is_null());  // [2]
  EXPECT_TRUE(call("toFloat", {""}).is_null());
  EXPECT_EQ(cy(call("toFloat", {"5"})), "5.0");  // [3]
  EXPECT_EQ(cy(call("toFloat", {"1"})), "1.0");  // [4]
  EXPECT_EQ(cy(call("toFloat", {4})), "4.0");  // [5]
  EXPECT_EQ(cy(call("toFloat", {" 2.5 "})), "2.5");  // Java's parseDouble trims
  EXPECT_EQ(cy(call("toFloat", {"-1e3"})), "-1000.0");
  EXPECT_EQ(cy(call("toFloat", {"1.5f"})), "1.5");
  EXPECT_EQ(cy(call("toFloat", {".5"})), "0.5");
  EXPECT_EQ(cy(call("toFloat", {"NaN"})), "NaN");
  EXPECT_EQ(cy(call("toFloat", {"-Infinity"})), "-Infinity");
  EXPECT_EQ(cy(call("toFloat", {"1e400"})), "Infinity");
  EXPECT_EQ(cy(call("toFloat", {"1e-400"})), "0.0");
  for (const char* s : {"inf", "nan", "0x10", "1,5", "1e", "e5", "."}) {
    EXPECT_TRUE(call("toFloat", {s}).is_null()) << s;
  }
  EXPECT_TRUE(call("toFloat", {null}).is_null());
}

TEST(EvalToFloat, InvalidTypes) {
  // TypeConversion3.feature [6]: boolean, list, map, node, relationship, path.
  std::vector<Value> bad = {Value(true), L({}), M({})};
  for (const Value& g : graph_values()) bad.push_back(g);
  for (const Value& b : bad) {
    EXPECT_ERROR(call("toFloat", {b}), type_error);
    EXPECT_TRUE(call("toFloatOrNull", {b}).is_null());
  }
  EXPECT_EQ(cy(call("toFloatOrNull", {"2"})), "2.0");
}

TEST(EvalToString, FromScalars) {
  EXPECT_EQ(cy(call("toString", {42})), "'42'");  // TypeConversion4.feature [1]
  EXPECT_EQ(cy(call("toString", {true})), "'true'");  // [2]
  EXPECT_EQ(cy(call("toString", {false})), "'false'");  // [3]
  EXPECT_EQ(cy(call("toString", {2.3})), "'2.3'");  // [5]
  EXPECT_EQ(cy(call("toString", {"apa"})), "'apa'");
  EXPECT_TRUE(call("toString", {null}).is_null());  // [8]
  // Floats print as Java's Double.toString (Neo4j's toString()).
  EXPECT_EQ(cy(call("toString", {1.0})), "'1.0'");
  EXPECT_EQ(cy(call("toString", {-0.0})), "'-0.0'");
  EXPECT_EQ(cy(call("toString", {0.001})), "'0.001'");
  EXPECT_EQ(cy(call("toString", {0.0001})), "'1.0E-4'");
  EXPECT_EQ(cy(call("toString", {1234567.0})), "'1234567.0'");
  EXPECT_EQ(cy(call("toString", {12345678.0})), "'1.2345678E7'");
  EXPECT_EQ(cy(call("toString", {1e20})), "'1.0E20'");
  EXPECT_EQ(cy(call("toString", {0.1 + 0.2})), "'0.30000000000000004'");
  EXPECT_EQ(cy(call("toString", {std::nan("")})), "'NaN'");
  EXPECT_EQ(cy(call("toString", {-std::numeric_limits<double>::infinity()})), "'-Infinity'");
  EXPECT_EQ(cy(call("toString", {-9223372036854775807 - 1})), "'-9223372036854775808'");
  EXPECT_EQ(cy(call("toString", {Value(*Date::parse("2024-01-31"))})), "'2024-01-31'");
}

TEST(EvalToString, InvalidTypes) {
  // TypeConversion4.feature [10]: list, map, node, relationship, path.
  std::vector<Value> bad = {L({}), M({})};
  for (const Value& g : graph_values()) bad.push_back(g);
  for (const Value& b : bad) {
    EXPECT_ERROR(call("toString", {b}), type_error);
    EXPECT_TRUE(call("toStringOrNull", {b}).is_null());
  }
  EXPECT_EQ(cy(call("toStringOrNull", {1.5})), "'1.5'");
}

TEST(EvalConversionLists, ConvertEachElement) {
  EXPECT_EQ(cy(call("toStringList", {L({1, 2.5, null, L({}), "x"})})), "['1', '2.5', null, null, 'x']");
  EXPECT_EQ(cy(call("toIntegerList", {L({"2", 2.9, "foo", null, true})})), "[2, 2, null, null, 1]");
  EXPECT_EQ(cy(call("toFloatList", {L({3.4, 3, "5", "x", true})})), "[3.4, 3.0, 5.0, null, null]");
  EXPECT_EQ(cy(call("toBooleanList", {L({"true", 0, 1.5, null})})), "[true, false, null, null]");
  for (const char* f : {"toStringList", "toIntegerList", "toFloatList", "toBooleanList"}) {
    EXPECT_TRUE(call(f, {null}).is_null()) << f;
    EXPECT_ERROR(call(f, {"x"}), type_error);
  }
}

}  // namespace
}  // namespace ergo::eval
