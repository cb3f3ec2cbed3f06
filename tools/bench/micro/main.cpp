// ergo-microbench: Google Benchmark micro-benchmarks of the hot paths (name
// lookup, expand, var-length and shortest paths, aggregation, per-query fixed
// cost) on the peer kit's graph, each through the public API and, where it
// means something, on the store alone (docs/performance.md). This main adds
// the workload (scale, start nodes) to the context printed before the table.
//
//   ergo-microbench [--benchmark_filter=REGEX] [--benchmark_min_time=SECONDS] ...
//   ERGO_MICROBENCH_SCALE=large ergo-microbench
#include <string>

#include "tools/bench/micro/fixture.hpp"

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  using ergo::microbench::node_name;
  const ergo::microbench::Workload& w = ergo::microbench::workload();
  benchmark::AddCustomContext("ergo_scale", w.scale + ": " + std::to_string(w.node_count) + " nodes, " +
                                                std::to_string(w.edges.size()) + " relationships, seed 42");
  benchmark::AddCustomContext(
      "ergo_start_nodes", "lookup " + node_name(w.lookup) + ", hub " + node_name(w.hub) + " (out-degree " +
                              std::to_string(w.out_degree[w.hub]) + "), mid " + node_name(w.mid) + " (out-degree " +
                              std::to_string(w.out_degree[w.mid]) + "), dst " + node_name(w.dst) + " (" +
                              std::to_string(w.dst_distance) + " hops from mid)");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
