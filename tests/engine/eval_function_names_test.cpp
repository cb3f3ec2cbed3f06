// engine/eval/function_table: the one list of function names the binder,
// ergo::cypher_functions() and the aggregate factory read. Each name is
// there once, found in any letter case, and each entry can be run as what it
// says it is.
#include "engine/eval/function_table.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "engine/eval/aggregates.hpp"

namespace ergo::eval {
namespace {

std::string with_case(std::string_view name, int (*change)(int)) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(change(static_cast<unsigned char>(c)));
  return out;
}

TEST(EvalFunctionNames, EachNameOnceInAnyLetterCase) {
  for (const FunctionEntry& f : function_table()) {
    EXPECT_EQ(lookup_function(f.name), &f) << f.name;
    EXPECT_EQ(lookup_function(with_case(f.name, std::toupper)), &f) << f.name;
    EXPECT_EQ(lookup_function(with_case(f.name, std::tolower)), &f) << f.name;
  }
  EXPECT_EQ(lookup_function("median"), nullptr);
  EXPECT_EQ(lookup_function("count(*)"), nullptr);
}

TEST(EvalFunctionNames, EachEntryRunsAsItsKindSays) {
  int scalars = 0, graphs = 0, aggregates = 0;
  for (const FunctionEntry& f : function_table()) {
    EXPECT_EQ(is_aggregate(f.name), f.kind == FunctionKind::aggregate) << f.name;
    switch (f.kind) {
      case FunctionKind::scalar:
        ++scalars;
        ASSERT_NE(f.scalar, nullptr) << f.name;
        EXPECT_EQ(f.scalar, find_function(f.name)) << f.name;
        EXPECT_EQ(f.min_args, f.scalar->min_args) << f.name;
        EXPECT_EQ(f.max_args, f.scalar->max_args) << f.name;
        break;
      case FunctionKind::graph:
        ++graphs;
        EXPECT_EQ(f.min_args, 1) << f.name;
        EXPECT_EQ(f.max_args, 1) << f.name;
        EXPECT_EQ(f.scalar, find_function(f.name)) << f.name;  // the fallback, if any
        break;
      case FunctionKind::aggregate: {
        ++aggregates;
        EXPECT_EQ(aggregate_spelling(f.aggregate), with_case(f.name, std::tolower)) << f.name;
        std::optional<Value> percentile;
        if (f.max_args == 2) percentile = Value(0.5);
        EXPECT_EQ(takes_percentile(f.name), percentile.has_value()) << f.name;
        EXPECT_NE(make_aggregator(f.aggregate, false, percentile), nullptr) << f.name;
        break;
      }
    }
  }
  EXPECT_EQ(graphs, 12);
  EXPECT_EQ(aggregates, 10);
  EXPECT_GT(scalars, 50);
  EXPECT_EQ(aggregate_spelling(AggregateFunction::count_star), "count(*)");
}

}  // namespace
}  // namespace ergo::eval
