// Micro-benchmarks: variable-length expansion and shortest paths. The
// k-hop neighbourhood `-[*1..k]->(b) WHERE b <> a RETURN count(DISTINCT b)`
// of the mid-degree node (3 hops) and of the hub (2 hops), and
// shortestPath() from the mid node to a node at the most common distance,
// each as a query through the public API and as a breadth-first search with
// a visited bitmap over the store's adjacency (the floor: the same set; for
// shortest paths both the one-way BFS and a bidirectional one). Items are
// the nodes reached (k-hop) or the paths found.
#include <string>
#include <vector>

#include "tools/bench/micro/fixture.hpp"

namespace ergo::microbench {
namespace {

enum class Start { hub, mid };

std::uint32_t start_node(Start start) { return start == Start::hub ? workload().hub : workload().mid; }

struct Bfs {
  std::size_t reached = 0;
  int stop_depth = -1;  // the depth at which `stop` was reached, or -1
};
// Counts the nodes within 1..max_depth hops of `start`, start excluded;
// when it reaches `stop` it ends there.
Bfs bfs(const store::Graph& g, store::NodeId start, int max_depth, store::NodeId stop = store::no_node) {
  std::vector<char> seen(g.node_count(), 0);
  std::vector<store::NodeId> frontier{start}, next;
  seen[start] = 1;
  Bfs result;
  for (int depth = 1; depth <= max_depth && !frontier.empty(); ++depth) {
    next.clear();
    for (store::NodeId u : frontier)
      for (const store::Adjacent& a : g.out(u)) {
        if (seen[a.neighbor]) continue;
        seen[a.neighbor] = 1;
        next.push_back(a.neighbor);
        if (a.neighbor == stop) return {result.reached + next.size(), depth};
      }
    result.reached += next.size();
    frontier.swap(next);
  }
  return result;
}

std::string k_hop_query_text(int hops) {
  return "MATCH (a {name: $n})-[*1.." + std::to_string(hops) + "]->(b) WHERE b <> a RETURN count(DISTINCT b)";
}

void k_hop_query(benchmark::State& state, Start start, int hops) {
  Database& db = database();
  const std::uint32_t node = start_node(start);
  const std::string text = k_hop_query_text(hops);
  const Params params{{"n", node_name(node)}};
  const std::size_t expected = bfs(graph(), node_named(graph(), node_name(node)), hops).reached;
  if (!verified(state, [&] {
        std::int64_t count = single_int(db.execute(text, params));
        return count == static_cast<std::int64_t>(expected)
                   ? ""
                   : "count " + std::to_string(count) + ", the BFS reaches " + std::to_string(expected);
      }))
    return;
  for (auto _ : state) {
    Result r = db.execute(text, params);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * expected));
  state.SetLabel(node_name(node) + " reaches " + std::to_string(expected));
}
BENCHMARK_CAPTURE(k_hop_query, mid_3_hops, Start::mid, 3)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(k_hop_query, hub_2_hops, Start::hub, 2)->Unit(benchmark::kMicrosecond);

void k_hop_store_bfs(benchmark::State& state, Start start, int hops) {
  const store::Graph& g = graph();
  const store::NodeId node = node_named(g, node_name(start_node(start)));
  std::size_t reached = 0;
  for (auto _ : state) {
    reached = bfs(g, node, hops).reached;
    benchmark::DoNotOptimize(reached);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * reached));
  state.SetLabel(node_name(start_node(start)) + " reaches " + std::to_string(reached));
}
BENCHMARK_CAPTURE(k_hop_store_bfs, mid_3_hops, Start::mid, 3)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(k_hop_store_bfs, hub_2_hops, Start::hub, 2)->Unit(benchmark::kMicrosecond);

constexpr const char* shortest_path_text =
    "MATCH p = shortestPath((a {name: $src})-[*..10]->(b {name: $dst})) RETURN length(p)";

void shortest_path_query(benchmark::State& state) {
  Database& db = database();
  const Workload& w = workload();
  const Params params{{"src", node_name(w.mid)}, {"dst", node_name(w.dst)}};
  if (!verified(state, [&] {
        std::int64_t length = single_int(db.execute(shortest_path_text, params));
        return length == w.dst_distance ? "" : "length " + std::to_string(length) + ", expected " +
                                                   std::to_string(w.dst_distance);
      }))
    return;
  for (auto _ : state) {
    Result r = db.execute(shortest_path_text, params);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(node_name(w.mid) + " -> " + node_name(w.dst) + ", " + std::to_string(w.dst_distance) + " hops");
}
BENCHMARK(shortest_path_query)->Unit(benchmark::kMicrosecond);

// A one-way BFS from the source that stops when it reaches the target.
void shortest_path_store_bfs(benchmark::State& state) {
  const store::Graph& g = graph();
  const Workload& w = workload();
  const store::NodeId src = node_named(g, node_name(w.mid)), dst = node_named(g, node_name(w.dst));
  if (!verified(state, [&] {
        return bfs(g, src, 10, dst).stop_depth == static_cast<int>(w.dst_distance) ? "" : "wrong distance";
      }))
    return;
  for (auto _ : state) {
    Bfs b = bfs(g, src, 10, dst);
    benchmark::DoNotOptimize(b);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(node_name(w.mid) + " -> " + node_name(w.dst) + ", " + std::to_string(w.dst_distance) + " hops");
}
BENCHMARK(shortest_path_store_bfs)->Unit(benchmark::kMicrosecond);

// The length of a shortest path from src to dst of at most max_hops, or -1:
// a BFS from both ends, each round expanding the smaller frontier one level
// (out-edges from the source side, in-edges from the target side).
int bidirectional_distance(const store::Graph& g, store::NodeId src, store::NodeId dst, int max_hops) {
  if (src == dst) return 0;
  std::vector<std::uint8_t> side(g.node_count(), 0);  // 1: reached from src, 2: from dst
  std::vector<store::NodeId> forward{src}, backward{dst}, next;
  side[src] = 1;
  side[dst] = 2;
  for (int hops = 1; hops <= max_hops && !forward.empty() && !backward.empty(); ++hops) {
    const bool from_src = forward.size() <= backward.size();
    std::vector<store::NodeId>& frontier = from_src ? forward : backward;
    const std::uint8_t mine = from_src ? 1 : 2, other = from_src ? 2 : 1;
    next.clear();
    for (store::NodeId u : frontier)
      for (const store::Adjacent& a : from_src ? g.out(u) : g.in(u)) {
        if (side[a.neighbor] == other) return hops;
        if (side[a.neighbor] == 0) {
          side[a.neighbor] = mine;
          next.push_back(a.neighbor);
        }
      }
    frontier.swap(next);
  }
  return -1;
}

// The floor of what the engine's shortestPath() does: a bidirectional BFS.
void shortest_path_store_bidirectional(benchmark::State& state) {
  const store::Graph& g = graph();
  const Workload& w = workload();
  const store::NodeId src = node_named(g, node_name(w.mid)), dst = node_named(g, node_name(w.dst));
  if (!verified(state, [&] {
        return bidirectional_distance(g, src, dst, 10) == static_cast<int>(w.dst_distance) ? "" : "wrong distance";
      }))
    return;
  for (auto _ : state) {
    int d = bidirectional_distance(g, src, dst, 10);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(node_name(w.mid) + " -> " + node_name(w.dst) + ", " + std::to_string(w.dst_distance) + " hops");
}
BENCHMARK(shortest_path_store_bidirectional)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ergo::microbench
