// The scalar function library: every pure Cypher function, found by name
// (case-insensitively) and called on already evaluated arguments. Functions
// that read the graph (id, labels, type, properties/keys of nodes and
// relationships, startNode, endNode, nodes, relationships, exists) belong to
// the executor; it falls back to these for non-graph values.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ergo/value.hpp"

namespace ergo::eval {

// max_args value for functions that take any number of arguments.
inline constexpr int any_number_of_args = -1;

// The clocks a statement reads the current time from: fixed at the start of
// the statement and of its transaction (Neo4j's statement and transaction
// clocks); realtime is read at each call.
struct Clocks {
  std::chrono::system_clock::time_point statement;
  std::chrono::system_clock::time_point transaction;
};

struct FunctionInfo {
  std::string_view name;  // canonical spelling: "toUpper", "percentileDisc", ...
  int min_args;
  int max_args;           // any_number_of_args for coalesce
  // Computes the function. Precondition: min_args <= args.size() <= max_args
  // (the binder checks arity). Null in gives null out unless the function
  // says otherwise. Throws ergo::Error: type_error for an argument of the
  // wrong type (code InvalidArgumentValue, as the TCK's TypeConversion
  // features expect), argument_error for a value outside the function's
  // domain (a negative substring length, range() with step 0: code
  // NumberOutOfRange; an unreadable date text: InvalidArgumentValue).
  Value (*call)(std::span<const Value> args);
  // False when two calls with the same arguments may differ (rand(), date()
  // with no argument reads the clock), so a planner must not fold them.
  bool deterministic = true;
  // Set for the functions that read a clock (date(), datetime.statement(),
  // ...): the executor calls this instead of `call`, with the statement's
  // clocks; `call` then reads the real time.
  Value (*call_at)(std::span<const Value> args, const Clocks& clocks) = nullptr;
};

// The function called `name` in any letter case, or nullptr when there is no
// such scalar function (aggregates are not in this table: see aggregates.hpp).
const FunctionInfo* find_function(std::string_view name);

// Canonical names of every function in the table, sorted case-insensitively
// (for error suggestions and documentation).
std::vector<std::string> function_names();

}  // namespace ergo::eval
