// The shortest-path tree from one source: every node reached with its hop
// distance and its predecessors on shortest paths. allShortestPaths()
// patterns (exec/shortest_path_cursor.cpp) and the ergo.shortestPath,
// ergo.allShortestPaths and ergo.khop procedures read paths off it. (A
// single shortestPath() between two bound nodes needs no tree: it runs the
// bidirectional search of exec/bidirectional_bfs.hpp; var-length patterns
// that only need which nodes are reached run the level-by-level reach of
// exec's BreadthFirstReach.) It is boost::breadth_first_visit over a
// ProjectedGraph with its state kept per node reached, so a search that
// stays local costs what it touches, not the size of the graph.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/algo/projected_graph.hpp"
#include "ergo/value.hpp"

namespace ergo::algo {

// A step back along a shortest path: the node before, and the relationship
// from it.
struct Hop {
  NodeId node;
  RelId rel;
};

struct BfsLimits {
  // Stop once every shortest path to this node is known.
  std::optional<NodeId> target;
  // Reach nothing further than this many hops.
  std::optional<std::int64_t> max_depth;
  // Keep every shortest-path predecessor (allShortestPaths), not just the
  // first one found.
  bool all_parents = false;
};

// What a search found: each node reached, its hop distance from the source
// and its predecessors on shortest paths, in the order edges were examined.
class ShortestPathTree {
 public:
  struct Entry {
    std::uint32_t depth = 0;
    std::uint8_t color = 0;  // boost::default_color_type, while searching
    std::vector<Hop> parents;
  };

  NodeId source() const { return source_; }
  bool reached(NodeId n) const { return entries_.count(n) != 0; }
  std::uint32_t depth(NodeId n) const { return entries_.at(n).depth; }
  // Nodes in the order they were reached: the source, then by distance.
  const std::vector<NodeId>& order() const { return order_; }

  // The shortest paths from the source to `to`: every one (when the search
  // kept all parents and `all` is set) or the first. The order is fixed:
  // depth-first over each node's parents in the order they were found.
  std::vector<PathRef> paths_to(NodeId to, bool all) const;

 private:
  friend class BreadthFirstSearch;
  void collect(NodeId at, bool all, std::vector<Hop>& chain, NodeId to, std::vector<PathRef>& out) const;

  NodeId source_ = store::no_node;
  std::unordered_map<NodeId, Entry> entries_;
  std::vector<NodeId> order_;
};

// Searches `g` from `source` (which must be in the projection).
ShortestPathTree breadth_first_tree(const ProjectedGraph& g, NodeId source, const BfsLimits& limits);

}  // namespace ergo::algo
