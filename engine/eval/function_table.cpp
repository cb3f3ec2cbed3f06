// The function table (see function_table.hpp), built once from the scalar
// library and the graph and aggregate lists below.
#include "engine/eval/function_table.hpp"

#include <algorithm>
#include <vector>

namespace ergo::eval {
namespace {

struct GraphName {
  std::string_view name;
  GraphFunction function;
};

constexpr GraphName graph_functions[] = {
    {"id", GraphFunction::id},
    {"elementId", GraphFunction::element_id},
    {"labels", GraphFunction::labels},
    {"type", GraphFunction::type},
    {"properties", GraphFunction::properties},
    {"keys", GraphFunction::keys},
    {"startNode", GraphFunction::start_node},
    {"endNode", GraphFunction::end_node},
    {"nodes", GraphFunction::nodes},
    {"relationships", GraphFunction::relationships},
    {"length", GraphFunction::length},
    {"exists", GraphFunction::exists},
};

struct AggregateName {
  std::string_view name;
  std::string_view spelling;
  AggregateFunction function;
};

constexpr AggregateName aggregates[] = {
    {"count", "count", AggregateFunction::count},
    {"sum", "sum", AggregateFunction::sum},
    {"avg", "avg", AggregateFunction::avg},
    {"min", "min", AggregateFunction::min},
    {"max", "max", AggregateFunction::max},
    {"collect", "collect", AggregateFunction::collect},
    {"stDev", "stdev", AggregateFunction::st_dev},
    {"stDevP", "stdevp", AggregateFunction::st_dev_p},
    {"percentileDisc", "percentiledisc", AggregateFunction::percentile_disc},
    {"percentileCont", "percentilecont", AggregateFunction::percentile_cont},
};

// Function names are ASCII; Cypher matches them in any letter case.
bool same_name(std::string_view a, std::string_view b) {
  auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return std::ranges::equal(a, b, [&](char x, char y) { return fold(x) == fold(y); });
}

std::vector<FunctionEntry> build() {
  std::vector<FunctionEntry> table;
  for (const std::string& name : function_names()) {
    const FunctionInfo* f = find_function(name);
    table.push_back({f->name, FunctionKind::scalar, f->min_args, f->max_args, f});
  }
  auto find = [&](std::string_view name) {
    return std::ranges::find_if(table, [&](const FunctionEntry& e) { return same_name(e.name, name); });
  };
  // A graph function or an aggregate takes the place of a scalar function of
  // the same name (a graph function keeps it as its fallback), and the name
  // keeps its place in the order.
  for (const GraphName& g : graph_functions) {
    FunctionEntry entry{g.name, FunctionKind::graph, 1, 1, find_function(g.name), g.function};
    if (auto it = find(g.name); it != table.end()) {
      *it = entry;
    } else {
      table.push_back(entry);
    }
  }
  for (const AggregateName& a : aggregates) {
    bool percentile = a.function == AggregateFunction::percentile_disc || a.function == AggregateFunction::percentile_cont;
    FunctionEntry entry{a.name, FunctionKind::aggregate, 1, percentile ? 2 : 1, nullptr, {}, a.function};
    if (auto it = find(a.name); it != table.end()) {
      *it = entry;
    } else {
      table.push_back(entry);
    }
  }
  return table;
}

}  // namespace

std::span<const FunctionEntry> function_table() {
  static const std::vector<FunctionEntry> table = build();
  return table;
}

const FunctionEntry* lookup_function(std::string_view name) {
  for (const FunctionEntry& e : function_table()) {
    if (same_name(e.name, name)) return &e;
  }
  return nullptr;
}

std::string_view aggregate_spelling(AggregateFunction f) {
  if (f == AggregateFunction::count_star) return "count(*)";
  for (const AggregateName& a : aggregates) {
    if (a.function == f) return a.spelling;
  }
  return "";
}

}  // namespace ergo::eval
