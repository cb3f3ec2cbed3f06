// engine/eval function table: every function's answer to null arguments and
// to a value of no type it takes (a node), in one table that must list every
// function in the library, so a new function cannot skip the question.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "engine/eval/functions.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

// "null", "value", or the ErrorKind name of what calling `f` with `args`
// gives.
std::string outcome(const FunctionInfo& f, const std::vector<Value>& args) {
  try {
    Value v = f.call(args);
    return v.is_null() ? "null" : "value";
  } catch (const Error& e) {
    return kind_name(e.kind());
  }
}

struct Expected {
  const char* with_nulls;  // every argument null
  const char* with_nodes;  // every argument a node
};

// Functions without arguments (pi, e, rand) have no entry.
const std::map<std::string, Expected> expected = {
    // strings
    {"toLower", {"null", "TypeError"}},
    {"lower", {"null", "TypeError"}},
    {"toUpper", {"null", "TypeError"}},
    {"upper", {"null", "TypeError"}},
    {"trim", {"null", "TypeError"}},
    {"ltrim", {"null", "TypeError"}},
    {"rtrim", {"null", "TypeError"}},
    {"substring", {"null", "TypeError"}},
    {"left", {"null", "TypeError"}},
    {"right", {"null", "TypeError"}},
    {"replace", {"null", "TypeError"}},
    {"split", {"null", "TypeError"}},
    {"char_length", {"null", "TypeError"}},
    {"character_length", {"null", "TypeError"}},
    // numbers
    {"abs", {"null", "TypeError"}},
    {"sign", {"null", "TypeError"}},
    {"round", {"null", "TypeError"}},
    {"ceil", {"null", "TypeError"}},
    {"floor", {"null", "TypeError"}},
    {"isNaN", {"null", "TypeError"}},
    {"sqrt", {"null", "TypeError"}},
    {"exp", {"null", "TypeError"}},
    {"log", {"null", "TypeError"}},
    {"log10", {"null", "TypeError"}},
    {"sin", {"null", "TypeError"}},
    {"cos", {"null", "TypeError"}},
    {"tan", {"null", "TypeError"}},
    {"cot", {"null", "TypeError"}},
    {"asin", {"null", "TypeError"}},
    {"acos", {"null", "TypeError"}},
    {"atan", {"null", "TypeError"}},
    {"atan2", {"null", "TypeError"}},
    {"haversin", {"null", "TypeError"}},
    {"degrees", {"null", "TypeError"}},
    {"radians", {"null", "TypeError"}},
    // lists and scalars
    {"coalesce", {"null", "value"}},
    {"head", {"null", "TypeError"}},
    {"last", {"null", "TypeError"}},
    {"tail", {"null", "TypeError"}},
    {"size", {"null", "TypeError"}},
    {"length", {"null", "TypeError"}},
    {"reverse", {"null", "TypeError"}},
    {"range", {"ArgumentError", "ArgumentError"}},  // List11.feature [5]
    {"keys", {"null", "TypeError"}},  // nodes' keys are the executor's
    {"properties", {"null", "TypeError"}},
    {"isEmpty", {"null", "TypeError"}},
    {"nullIf", {"null", "null"}},
    // conversions
    {"toString", {"null", "TypeError"}},
    {"toStringOrNull", {"null", "null"}},
    {"toStringList", {"null", "TypeError"}},
    {"toInteger", {"null", "TypeError"}},
    {"toIntegerOrNull", {"null", "null"}},
    {"toIntegerList", {"null", "TypeError"}},
    {"toFloat", {"null", "TypeError"}},
    {"toFloatOrNull", {"null", "null"}},
    {"toFloatList", {"null", "TypeError"}},
    {"toBoolean", {"null", "TypeError"}},
    {"toBooleanOrNull", {"null", "null"}},
    {"toBooleanList", {"null", "TypeError"}},
    // temporal: constructors, clocks (a zone argument), truncation
    {"date", {"null", "TypeError"}},
    {"date.realtime", {"null", "TypeError"}},
    {"date.statement", {"null", "TypeError"}},
    {"date.transaction", {"null", "TypeError"}},
    {"date.truncate", {"null", "TypeError"}},
    {"localtime", {"null", "TypeError"}},
    {"localtime.realtime", {"null", "TypeError"}},
    {"localtime.statement", {"null", "TypeError"}},
    {"localtime.transaction", {"null", "TypeError"}},
    {"localtime.truncate", {"null", "TypeError"}},
    {"time", {"null", "TypeError"}},
    {"time.realtime", {"null", "TypeError"}},
    {"time.statement", {"null", "TypeError"}},
    {"time.transaction", {"null", "TypeError"}},
    {"time.truncate", {"null", "TypeError"}},
    {"localdatetime", {"null", "TypeError"}},
    {"localdatetime.realtime", {"null", "TypeError"}},
    {"localdatetime.statement", {"null", "TypeError"}},
    {"localdatetime.transaction", {"null", "TypeError"}},
    {"localdatetime.truncate", {"null", "TypeError"}},
    {"datetime", {"null", "TypeError"}},
    {"datetime.realtime", {"null", "TypeError"}},
    {"datetime.statement", {"null", "TypeError"}},
    {"datetime.transaction", {"null", "TypeError"}},
    {"datetime.truncate", {"null", "TypeError"}},
    {"datetime.fromepoch", {"null", "TypeError"}},
    {"datetime.fromepochmillis", {"null", "TypeError"}},
    {"duration", {"null", "TypeError"}},
    {"duration.between", {"null", "TypeError"}},
    {"duration.inMonths", {"null", "TypeError"}},
    {"duration.inDays", {"null", "TypeError"}},
    {"duration.inSeconds", {"null", "TypeError"}},
};

TEST(EvalFunctionTable, EveryFunctionOnNullsAndOnAWrongType) {
  for (const std::string& name : function_names()) {
    const FunctionInfo* f = find_function(name);
    ASSERT_NE(f, nullptr) << name;
    int arity = std::max(f->min_args, 1);
    if (f->max_args != any_number_of_args && arity > f->max_args) {
      EXPECT_EQ(expected.count(name), 0u) << name;  // takes no arguments
      continue;
    }
    auto it = expected.find(name);
    ASSERT_NE(it, expected.end()) << name << " has no entry in this table";
    std::vector<Value> nulls(static_cast<std::size_t>(arity));
    std::vector<Value> nodes(static_cast<std::size_t>(arity), Value(NodeRef{7}));
    EXPECT_EQ(outcome(*f, nulls), it->second.with_nulls) << name << " on nulls";
    EXPECT_EQ(outcome(*f, nodes), it->second.with_nodes) << name << " on nodes";
  }
}

TEST(EvalFunctionTable, NoEntryForAMissingFunction) {
  for (const auto& [name, e] : expected) EXPECT_NE(find_function(name), nullptr) << name;
}

TEST(EvalFunctionTable, ArityBounds) {
  for (const std::string& name : function_names()) {
    const FunctionInfo* f = find_function(name);
    EXPECT_GE(f->min_args, 0) << name;
    if (f->max_args != any_number_of_args) {
      EXPECT_GE(f->max_args, f->min_args) << name;
    }
    EXPECT_NE(f->call, nullptr) << name;
  }
}

}  // namespace
}  // namespace ergo::eval
