// The breadth-first search behind BreadthFirstReach and CountReach: every
// node at the end of some trail of min..max hops from a start node, once
// (plan::optimize says why a breadth-first search finds exactly those).
// Its buffers are kept across searches, so a search costs no allocation
// once they have grown; visited marks are epoch-stamped, so a search does
// not clear an array the size of the graph.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/exec/steps.hpp"
#include "engine/runtime/context.hpp"

namespace ergo::exec {

class ReachSearch {
 public:
  // Appends to `reached` (cleared first) every node other than `from` that
  // the search reaches within 1..max_hops hops (nullopt: unbounded), in
  // breadth-first order. Returns whether `from` itself is reached: always
  // with min_hops 0, otherwise when a closed trail returns to it.
  bool run(const store::Graph& g, store::NodeId from, store::Direction direction, const TypeFilter& types,
           std::int64_t min_hops, std::optional<std::int64_t> max_hops, runtime::ExecContext& ctx,
           std::vector<store::NodeId>& reached) {
    reached.clear();
    const std::size_t nodes = g.node_count();
    if (seen_.size() != nodes) seen_.assign(nodes, 0);
    if (++epoch_ == 0) {  // wrapped: forget every old mark
      std::fill(seen_.begin(), seen_.end(), 0);
      epoch_ = 1;
    }
    bool start_reached = min_hops == 0;
    seen_[from] = epoch_;
    frontier_.assign(1, from);
    // Each level reads the adjacency slices in place (no copy of the hops)
    // and appends to buffers kept across levels and searches.
    auto reach = [&](std::span<const store::Adjacent> slice) {
      for (const store::Adjacent& a : slice) {
        if (a.neighbor == from) start_reached = true;
        if (seen_[a.neighbor] == epoch_) continue;
        seen_[a.neighbor] = epoch_;
        next_.push_back(a.neighbor);
      }
    };
    for (std::int64_t depth = 0; !frontier_.empty() && (!max_hops || depth < *max_hops); ++depth) {
      next_.clear();
      for (store::NodeId n : frontier_) {
        // A self-loop's far end is the node itself, already seen, so both
        // directions need not skip it as collect_steps does.
        if (direction != store::Direction::in) {
          if (types.any) reach(g.out(n));
          else for (store::TypeId t : types.ids) reach(g.out(n, t));
        }
        if (direction != store::Direction::out) {
          if (types.any) reach(g.in(n));
          else for (store::TypeId t : types.ids) reach(g.in(n, t));
        }
      }
      ctx.check_cancelled();
      reached.insert(reached.end(), next_.begin(), next_.end());
      frontier_.swap(next_);
    }
    return start_reached;
  }

 private:
  std::vector<std::uint32_t> seen_;  // == epoch_: reached in this search
  std::uint32_t epoch_ = 0;
  std::vector<store::NodeId> frontier_, next_;
};

}  // namespace ergo::exec
