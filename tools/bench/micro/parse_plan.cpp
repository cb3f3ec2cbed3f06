// Micro-benchmarks: the fixed cost of a query. The peer kit's point lookup
// (Q1) run with Database::execute (parse, bind, plan, run every time), with
// a PreparedQuery (parsed once; bound, planned and run every time), and
// prepare() alone (parse and check); plus `RETURN 1`, a query that reads no
// graph at all. Items are queries.
#include <string>

#include "tools/bench/micro/fixture.hpp"

namespace ergo::microbench {
namespace {

std::string point_lookup_text() {
  return "MATCH (a:" + std::string(workload().label_of(workload().lookup)) +
         " {name: $name}) RETURN a.name, a.founded";
}

Params point_lookup_params() { return {{"name", node_name(workload().lookup)}}; }

std::string check_point_lookup(const Result& r) {
  const Workload& w = workload();
  if (r.size() != 1) return std::to_string(r.size()) + " rows, expected 1";
  return r.row(0)[1].as_int() == w.founded[w.lookup] ? "" : "wrong founded";
}

void point_lookup_execute(benchmark::State& state) {
  Database& db = database();
  const std::string text = point_lookup_text();
  const Params params = point_lookup_params();
  if (!verified(state, [&] { return check_point_lookup(db.execute(text, params)); })) return;
  for (auto _ : state) {
    Result r = db.execute(text, params);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(point_lookup_execute)->Unit(benchmark::kMicrosecond);

void point_lookup_prepared(benchmark::State& state) {
  Database& db = database();
  const PreparedQuery query = db.prepare(point_lookup_text());
  const Params params = point_lookup_params();
  if (!verified(state, [&] { return check_point_lookup(query.execute(params)); })) return;
  for (auto _ : state) {
    Result r = query.execute(params);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(point_lookup_prepared)->Unit(benchmark::kMicrosecond);

void point_lookup_prepare_only(benchmark::State& state) {
  Database& db = database();
  const std::string text = point_lookup_text();
  for (auto _ : state) {
    PreparedQuery q = db.prepare(text);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(point_lookup_prepare_only)->Unit(benchmark::kMicrosecond);

void return_1_execute(benchmark::State& state) {
  Database& db = database();
  for (auto _ : state) {
    Result r = db.execute("RETURN 1");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(return_1_execute)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ergo::microbench
