// Micro-benchmarks: a one-hop expansion from a named node, for the hub (the
// highest out-degree) and for a mid-degree node (out-degree closest to the
// mean). The query through the public API, and the store's CSR adjacency:
// the slice alone, the slice with each neighbour's name read (what the
// query returns), and the per-type sub-slices. Items are neighbours.
#include <string>

#include "tools/bench/micro/fixture.hpp"

namespace ergo::microbench {
namespace {

enum class Start { hub, mid };

std::uint32_t start_node(Start start) { return start == Start::hub ? workload().hub : workload().mid; }

void describe(benchmark::State& state, std::uint32_t node) {
  state.SetLabel(node_name(node) + " out-degree " + std::to_string(workload().out_degree[node]));
}

constexpr const char* expand_query_text = "MATCH (a {name: $n})-->(b) RETURN b.name";

void expand_query(benchmark::State& state, Start start) {
  Database& db = database();
  const std::uint32_t node = start_node(start);
  const std::size_t degree = workload().out_degree[node];
  const Params params{{"n", node_name(node)}};
  if (!verified(state, [&] {
        std::size_t rows = db.execute(expand_query_text, params).size();
        return rows == degree ? "" : std::to_string(rows) + " rows, expected " + std::to_string(degree);
      }))
    return;
  for (auto _ : state) {
    Result r = db.execute(expand_query_text, params);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * degree));
  describe(state, node);
}
BENCHMARK_CAPTURE(expand_query, hub, Start::hub)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(expand_query, mid, Start::mid)->Unit(benchmark::kMicrosecond);

// The floor: walking the node's adjacency slice.
void expand_store(benchmark::State& state, Start start) {
  const store::Graph& g = graph();
  const store::NodeId node = node_named(g, node_name(start_node(start)));
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (const store::Adjacent& a : g.out(node)) sum += a.neighbor;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * g.out(node).size()));
  describe(state, start_node(start));
}
BENCHMARK_CAPTURE(expand_store, hub, Start::hub)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(expand_store, mid, Start::mid)->Unit(benchmark::kMicrosecond);

// The adjacency slice plus each neighbour's `name`, as the query returns it.
void expand_store_names(benchmark::State& state, Start start) {
  const store::Graph& g = graph();
  const store::NodeId node = node_named(g, node_name(start_node(start)));
  for (auto _ : state) {
    for (const store::Adjacent& a : g.out(node)) {
      Value name = g.node_property(a.neighbor, g.name_key());
      benchmark::DoNotOptimize(name);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * g.out(node).size()));
  describe(state, start_node(start));
}
BENCHMARK_CAPTURE(expand_store_names, hub, Start::hub)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(expand_store_names, mid, Start::mid)->Unit(benchmark::kMicrosecond);

// Graph::out(n, type) for each of the 8 relationship types: 8 binary
// searches, then the same neighbours as expand_store.
void expand_store_typed(benchmark::State& state, Start start) {
  const store::Graph& g = graph();
  const store::NodeId node = node_named(g, node_name(start_node(start)));
  std::vector<store::TypeId> types;
  for (std::string_view t : relationship_types) types.push_back(*g.types().find(t));
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (store::TypeId t : types)
      for (const store::Adjacent& a : g.out(node, t)) sum += a.neighbor;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * g.out(node).size()));
  describe(state, start_node(start));
}
BENCHMARK_CAPTURE(expand_store_typed, hub, Start::hub)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(expand_store_typed, mid, Start::mid)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ergo::microbench
