// The breadth-first search behind BreadthFirstReach and CountReach: every
// node at the end of some trail of min..max hops from a start node, once
// (plan::optimize says why a breadth-first search finds exactly those).
// Its buffers are kept across searches, so a search costs no allocation
// once they have grown. Visited nodes are bits (25 KB for 200 k nodes, so
// the marks stay in the nearest cache while the adjacency streams past),
// and a search clears only the bits it set, so many small searches do not
// each clear a bitmap the size of the graph.
#pragma once

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
    const std::size_t words = (g.node_count() + 63) / 64;
    // A search that ended in an error (cancelled) left its marks behind.
    if (seen_.size() != words || dirty_) seen_.assign(words, 0);
    dirty_ = true;
    bool start_reached = min_hops == 0;
    mark(from);
    frontier_.assign(1, from);
    // Each level reads the adjacency slices in place (no copy of the hops)
    // and appends to buffers kept across levels and searches.
    auto reach = [&](std::span<const store::Adjacent> slice) {
      for (const store::Adjacent& a : slice) {
        if (a.neighbor == from) start_reached = true;
        if (!mark(a.neighbor)) continue;
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
    for (store::NodeId n : reached) seen_[n / 64] = 0;  // whole words: every bit in them is this search's
    seen_[from / 64] = 0;
    dirty_ = false;
    return start_reached;
  }

 private:
  // Sets n's bit; false when it was set already.
  bool mark(store::NodeId n) {
    std::uint64_t& word = seen_[n / 64];
    const std::uint64_t bit = std::uint64_t{1} << (n % 64);
    if (word & bit) return false;
    word |= bit;
    return true;
  }

  std::vector<std::uint64_t> seen_;  // bit n: reached in this search; all clear between searches
  bool dirty_ = false;
  std::vector<store::NodeId> frontier_, next_;
};

}  // namespace ergo::exec
