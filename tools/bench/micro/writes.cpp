// Micro-benchmarks: single writes, each its own auto-commit statement run
// from text through Database::execute (parse, bind, plan, run, commit), on
// a copy of the graph of its own (writable_database()): a CREATE of a node
// (the kit's W1), a CREATE of a relationship between two nodes found by
// name (W2), a SET of one property (W3) and a DETACH DELETE of a node with
// two relationships (W4). Items are statements.
#include <string>

#include "tools/bench/micro/fixture.hpp"

namespace ergo::microbench {
namespace {

// A name no node of the workload has, different on every call.
std::string fresh_name(const char* prefix) {
  static std::uint64_t next = 0;
  return prefix + std::to_string(next++);
}

std::string check_stats(const Result& r, std::size_t nodes_created, std::size_t relationships_created,
                        std::size_t properties_set, std::size_t nodes_deleted, std::size_t relationships_deleted) {
  const QueryStats& s = r.stats();
  if (s.nodes_created != nodes_created || s.relationships_created != relationships_created ||
      s.properties_set != properties_set || s.nodes_deleted != nodes_deleted ||
      s.relationships_deleted != relationships_deleted) {
    return "unexpected statistics: " + std::to_string(s.nodes_created) + " nodes and " +
           std::to_string(s.relationships_created) + " relationships created, " + std::to_string(s.properties_set) +
           " properties set, " + std::to_string(s.nodes_deleted) + " nodes and " +
           std::to_string(s.relationships_deleted) + " relationships deleted";
  }
  return "";
}

void create_node(benchmark::State& state) {
  Database& db = writable_database();
  const std::string text = "CREATE (:Person {name: $name, founded: 2024})";
  if (!verified(state, [&] { return check_stats(db.execute(text, {{"name", fresh_name("c")}}), 1, 0, 2, 0, 0); }))
    return;
  for (auto _ : state) {
    Result r = db.execute(text, {{"name", fresh_name("c")}});
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(create_node)->Unit(benchmark::kMicrosecond);

// Between the lookup node and the mid node, a new relationship every time
// (the graph keeps the parallel ones).
void create_relationship(benchmark::State& state) {
  Database& db = writable_database();
  const Workload& w = workload();
  const std::string text = "MATCH (a:" + std::string(w.label_of(w.lookup)) + " {name: $a}), (b:" +
                           std::string(w.label_of(w.mid)) + " {name: $b}) CREATE (a)-[:INVESTS {since: 2024}]->(b)";
  const Params params{{"a", node_name(w.lookup)}, {"b", node_name(w.mid)}};
  if (!verified(state, [&] { return check_stats(db.execute(text, params), 0, 1, 1, 0, 0); })) return;
  for (auto _ : state) {
    Result r = db.execute(text, params);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(create_relationship)->Unit(benchmark::kMicrosecond);

void set_property(benchmark::State& state) {
  Database& db = writable_database();
  const Workload& w = workload();
  const std::string text = "MATCH (a:" + std::string(w.label_of(w.lookup)) + " {name: $name}) SET a.founded = $year";
  const Value name = node_name(w.lookup);
  if (!verified(state, [&] { return check_stats(db.execute(text, {{"name", name}, {"year", 1999}}), 0, 0, 1, 0, 0); }))
    return;
  std::int64_t year = 1900;
  for (auto _ : state) {
    Result r = db.execute(text, {{"name", name}, {"year", year}});
    benchmark::DoNotOptimize(r);
    year = year == 2024 ? 1900 : year + 1;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(set_property)->Unit(benchmark::kMicrosecond);

// Each iteration deletes a node made for it (untimed): linked to the lookup
// node and from the mid node, so the delete removes two relationships.
void detach_delete(benchmark::State& state) {
  Database& db = writable_database();
  const Workload& w = workload();
  const std::string make = "MATCH (a:" + std::string(w.label_of(w.lookup)) + " {name: $a}), (b:" +
                           std::string(w.label_of(w.mid)) +
                           " {name: $b}) CREATE (a)<-[:INVESTS]-(:Victim {name: $name})<-[:INVESTS]-(b)";
  const std::string text = "MATCH (v:Victim {name: $name}) DETACH DELETE v";
  auto victim = [&] {
    std::string name = fresh_name("v");
    db.execute(make, {{"a", node_name(w.lookup)}, {"b", node_name(w.mid)}, {"name", name}});
    return name;
  };
  if (!verified(state, [&] { return check_stats(db.execute(text, {{"name", victim()}}), 0, 0, 0, 1, 2); })) return;
  for (auto _ : state) {
    state.PauseTiming();
    const Params params{{"name", victim()}};
    state.ResumeTiming();
    Result r = db.execute(text, params);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(detach_delete)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ergo::microbench
