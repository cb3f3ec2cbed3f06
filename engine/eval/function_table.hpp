// Every function a query can call, in one table: the scalar functions of the
// library (functions.hpp), the functions that read the graph (run by
// engine/expr) and the aggregates (aggregates.hpp). The binder resolves
// calls through it, ergo::cypher_functions() lists it, and the aggregate
// factory finds names in it, so a function exists in one place.
#pragma once

#include <span>
#include <string_view>

#include "engine/eval/functions.hpp"

namespace ergo::eval {

// What an Aggregate operator computes. count_star is count(*), which has no
// name of its own in the table (count(*) is count written with a star).
enum class AggregateFunction {
  count_star,
  count,
  sum,
  avg,
  min,
  max,
  collect,
  st_dev,
  st_dev_p,
  percentile_disc,
  percentile_cont,
};

// The functions that read the graph. On values that are not graph elements
// most fall back to the scalar function of the same name.
enum class GraphFunction { id, element_id, labels, type, properties, keys, start_node, end_node, nodes, relationships, length, exists };

enum class FunctionKind { scalar, graph, aggregate };

struct FunctionEntry {
  std::string_view name;  // canonical spelling: "toUpper", "startNode", "percentileDisc"
  FunctionKind kind;
  int min_args;
  int max_args;  // any_number_of_args for coalesce
  // scalar: the function. graph: the fallback for other values, or null.
  const FunctionInfo* scalar = nullptr;
  GraphFunction graph{};          // kind == graph
  AggregateFunction aggregate{};  // kind == aggregate
};

// Every function once: the scalar functions sorted case-insensitively, then
// the graph functions, then the aggregates. Suggestions for a misspelt name
// prefer the earlier of two equally close names, so the order is kept.
std::span<const FunctionEntry> function_table();

// The entry called `name` in any letter case, or nullptr.
const FunctionEntry* lookup_function(std::string_view name);

// How plans and messages spell an aggregate: lower case ("percentiledisc"),
// "count(*)" for count_star.
std::string_view aggregate_spelling(AggregateFunction f);

}  // namespace ergo::eval
