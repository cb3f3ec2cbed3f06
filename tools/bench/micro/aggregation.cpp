// Micro-benchmarks: aggregation over every relationship. Out-degree per
// node (`MATCH (a)-->() RETURN a.name, count(*)`, and the peer kit's top-10
// form with ORDER BY ... LIMIT), and relationships per type
// (`MATCH ()-[r]->() RETURN type(r), count(*)`), each through the public API
// and as a plain loop over the store (the floor). Items are relationships.
#include <algorithm>
#include <string>
#include <vector>

#include "tools/bench/micro/fixture.hpp"

namespace ergo::microbench {
namespace {

std::size_t nodes_with_out_edges() {
  const auto& degrees = workload().out_degree;
  return static_cast<std::size_t>(std::count_if(degrees.begin(), degrees.end(), [](auto d) { return d > 0; }));
}

void run_query(benchmark::State& state, const std::string& text, std::size_t expected_rows) {
  Database& db = database();
  if (!verified(state, [&] {
        std::size_t rows = db.execute(text).size();
        return rows == expected_rows ? "" : std::to_string(rows) + " rows, expected " + std::to_string(expected_rows);
      }))
    return;
  for (auto _ : state) {
    Result r = db.execute(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * workload().edges.size()));
  state.counters["rows"] = static_cast<double>(expected_rows);
}

void out_degree_query(benchmark::State& state) {
  run_query(state, "MATCH (a)-->() RETURN a.name, count(*)", nodes_with_out_edges());
}
BENCHMARK(out_degree_query)->Unit(benchmark::kMicrosecond);

void out_degree_top10_query(benchmark::State& state) {
  run_query(state, "MATCH (a)-->() RETURN a.name AS name, count(*) AS deg ORDER BY deg DESC, name LIMIT 10", 10);
}
BENCHMARK(out_degree_top10_query)->Unit(benchmark::kMicrosecond);

// Grouped by the node itself: NodeDegree feeds the top-k heap with no group
// table (grouped by a.name above, nodes sharing a name would share a group).
void out_degree_top10_by_node_query(benchmark::State& state) {
  run_query(state, "MATCH (a)-->() RETURN a AS node, count(*) AS deg ORDER BY deg DESC LIMIT 10", 10);
}
BENCHMARK(out_degree_top10_by_node_query)->Unit(benchmark::kMicrosecond);

void type_count_query(benchmark::State& state) {
  run_query(state, "MATCH ()-[r]->() RETURN type(r), count(*)", std::size(relationship_types));
}
BENCHMARK(type_count_query)->Unit(benchmark::kMicrosecond);

// The floor of out_degree_query: each node's adjacency size, and its name
// for those that have any.
void out_degree_store(benchmark::State& state) {
  const store::Graph& g = graph();
  for (auto _ : state) {
    std::size_t groups = 0;
    for (store::NodeId n = 0; n < g.node_count(); ++n) {
      std::size_t degree = g.out(n).size();
      if (degree == 0) continue;
      Value name = g.node_property(n, g.name_key());
      benchmark::DoNotOptimize(name);
      benchmark::DoNotOptimize(degree);
      ++groups;
    }
    benchmark::DoNotOptimize(groups);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * g.relationship_count()));
}
BENCHMARK(out_degree_store)->Unit(benchmark::kMicrosecond);

// The floor of type_count_query: one counter per type id.
void type_count_store(benchmark::State& state) {
  const store::Graph& g = graph();
  std::vector<std::size_t> counts(g.types().size());
  for (auto _ : state) {
    std::fill(counts.begin(), counts.end(), 0);
    for (store::RelId r = 0; r < g.relationship_count(); ++r) ++counts[g.type_of(r)];
    benchmark::DoNotOptimize(counts.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * g.relationship_count()));
}
BENCHMARK(type_count_store)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ergo::microbench
