// The graph every micro-benchmark runs on (tools/bench/micro/, docs/performance.md):
// the peer kit's workload (../shared/bench/README.md) generated in process by
// a port of its gen.py — same random sequence, so the CSVs are byte-identical
// to `gen.py --seed 42` — then loaded twice: into an ergo::Database through
// the public CSV import (what the query benchmarks run on), and straight into
// a store::Graph (what the store benchmarks use to show the floor).
//
// Scale: 10k nodes / 100k relationships, or 200k / 2M when the environment
// has ERGO_MICROBENCH_SCALE=large. ERGO_MICROBENCH_CSV_DIR=DIR keeps the
// generated CSVs in DIR instead of a temporary directory.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "engine/store/graph.hpp"
#include "ergo/database.hpp"

namespace ergo::microbench {

struct Edge {
  std::uint32_t src, dst;
  std::uint8_t type;  // index into relationship_types
  std::uint16_t since;
};

inline constexpr std::string_view node_labels[] = {"Company", "Person", "Product", "Organization"};
inline constexpr std::string_view relationship_types[] = {"INVESTS", "PARTNERS_WITH", "DEVELOPS", "COMPETES_WITH",
                                                          "MEMBER_OF", "FOUNDED",  "CEO_OF",        "RUNS_ON"};

// The generated graph and the start nodes gen.py would choose for it.
struct Workload {
  std::string scale;  // "small" or "large"
  std::uint32_t node_count = 0;
  std::vector<std::uint8_t> label;  // index into node_labels, by node id
  std::vector<std::uint16_t> founded;
  std::vector<Edge> edges;  // in generation (file) order
  std::vector<std::uint32_t> out_degree;

  std::uint32_t lookup = 0;  // node_count / 2
  std::uint32_t hub = 0;     // the highest out-degree, lowest id on ties
  std::uint32_t mid = 0;     // out-degree closest to the mean, lowest id on ties
  std::uint32_t dst = 0;     // lowest id at the most common BFS distance from mid
  std::uint32_t dst_distance = 0;

  std::string_view label_of(std::uint32_t node) const { return node_labels[label[node]]; }
};

// "n<id>", the `name` of node id.
std::string node_name(std::uint32_t id);

// Built on first use, then shared by every benchmark of the run.
const Workload& workload();
ergo::Database& database();
// A second copy of the graph, for the write benchmarks alone: what they
// change never reaches the answers the read benchmarks check.
ergo::Database& writable_database();
const store::Graph& graph();

// The node of store::Graph g named `name` (the first, if several).
store::NodeId node_named(const store::Graph& g, std::string_view name);

// Runs `verify` before the timed loop: it checks the benchmark's answer
// against the workload and returns what is wrong, or "" when nothing is.
// Something wrong, or an exception, ends the benchmark with an error
// ("ERROR OCCURRED" in the output, which fails the ctest smoke test) and
// returns false.
bool verified(benchmark::State& state, const std::function<std::string()>& verify);

// The one integer a query like `RETURN count(...)` answers; throws when the
// result is not one row of one integer.
std::int64_t single_int(const ergo::Result& result);

}  // namespace ergo::microbench
