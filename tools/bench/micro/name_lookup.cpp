// Micro-benchmarks: finding a node by name. The whole query through the
// public API (parse, bind, plan, run, rows), Database::find_by_name, and the
// store's name index alone with the property read the query returns.
// Each iteration asks for a different Person, cycling through 1,024 of them.
#include <algorithm>
#include <string>
#include <vector>

#include "tools/bench/micro/fixture.hpp"

namespace ergo::microbench {
namespace {

// Up to 1,024 Person nodes spread over the id range.
const std::vector<std::uint32_t>& persons() {
  static const std::vector<std::uint32_t> ids = [] {
    const Workload& w = workload();
    std::vector<std::uint32_t> all;
    for (std::uint32_t i = 0; i < w.node_count; ++i)
      if (w.label_of(i) == "Person") all.push_back(i);
    std::vector<std::uint32_t> some;
    const std::size_t step = std::max<std::size_t>(1, all.size() / 1024);
    for (std::size_t i = 0; i < all.size() && some.size() < 1024; i += step) some.push_back(all[i]);
    return some;
  }();
  return ids;
}

constexpr const char* lookup_query = "MATCH (a:Person {name: $name}) RETURN a.founded";

void name_lookup_query(benchmark::State& state) {
  Database& db = database();
  const Workload& w = workload();
  std::vector<Params> params;
  for (std::uint32_t id : persons()) params.push_back({{"name", node_name(id)}});
  if (!verified(state, [&] {
        std::uint32_t id = persons().back();
        std::int64_t founded = single_int(db.execute(lookup_query, params.back()));
        return founded == w.founded[id] ? "" : "wrong founded for " + node_name(id);
      }))
    return;
  std::size_t i = 0;
  for (auto _ : state) {
    Result r = db.execute(lookup_query, params[i]);
    benchmark::DoNotOptimize(r);
    if (++i == params.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(name_lookup_query)->Unit(benchmark::kMicrosecond);

// The public API's name lookup without a query: a Result of node rows.
void name_lookup_api_find_by_name(benchmark::State& state) {
  Database& db = database();
  std::vector<std::string> names;
  for (std::uint32_t id : persons()) names.push_back(node_name(id));
  if (!verified(state, [&] { return db.find_by_name(names.front()).size() == 1 ? "" : "not found"; })) return;
  std::size_t i = 0;
  for (auto _ : state) {
    Result r = db.find_by_name(names[i]);
    benchmark::DoNotOptimize(r);
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(name_lookup_api_find_by_name)->Unit(benchmark::kMicrosecond);

// The floor: the name index (NFC + case folding of the key, hash lookup)
// and the `founded` property read, as the query does — minus the label check.
void name_lookup_store(benchmark::State& state) {
  const store::Graph& g = graph();
  const store::KeyId founded = *g.keys().find("founded");
  std::vector<std::string> names;
  for (std::uint32_t id : persons()) names.push_back(node_name(id));
  if (!verified(state, [&] {
        std::uint32_t id = persons().front();
        return g.node_property(node_named(g, names.front()), founded).as_int() == workload().founded[id]
                   ? ""
                   : "wrong founded";
      }))
    return;
  std::size_t i = 0;
  for (auto _ : state) {
    std::vector<store::NodeId> found = g.find_by_name(names[i]);
    Value v = g.node_property(found.front(), founded);
    benchmark::DoNotOptimize(v);
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(name_lookup_store)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ergo::microbench
