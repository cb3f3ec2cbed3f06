// One shortest path between two nodes by breadth-first search from both
// ends at once, always widening the smaller frontier: on graphs with hubs it
// touches a small fraction of what a one-sided search does. Its one job is
// shortestPath() between two bound nodes; allShortestPaths() and the
// procedures, which need every shortest path or distances from one source,
// use algo::breadth_first_tree.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/exec/steps.hpp"
#include "engine/store/direction.hpp"
#include "ergo/value.hpp"

namespace ergo::exec {

class BidirectionalSearch {
 public:
  explicit BidirectionalSearch(std::size_t node_count);

  // This thread's search for graphs of up to `node_count` nodes, kept from
  // one query to the next: each find() marks what it reaches with a new
  // epoch, so nothing needs clearing, while a search made per query faulted
  // in every page it touched of its eight arrays (32 bytes a node) — about
  // 6,700 faults, 90 ms, for the kit's Q7 at 20M relationships, whose search
  // itself takes 0.6 ms. find() runs to its end (or throws) before it
  // returns, so one search a thread is enough.
  static BidirectionalSearch& for_this_thread(std::size_t node_count);

  // A shortest path of 1..max_hops (unbounded when nullopt) relationships
  // from `from` to `to` (which differ), or nullopt. `poll` runs between
  // levels (cancellation).
  template <class Poll>
  std::optional<PathRef> find(const store::Graph& g, store::NodeId from, store::NodeId to, store::Direction dir,
                              const TypeFilter& types, std::optional<std::int64_t> max_hops, Poll poll);

 private:
  struct Side {
    std::unique_ptr<std::uint32_t[], void (*)(void*)> seen{nullptr, nullptr};  // == epoch: reached
    std::unique_ptr<std::uint32_t[]> depth, via_node, via_rel;
    std::vector<store::NodeId> frontier, next;
    std::uint32_t level = 0;
  };
  void prepare(Side& s, store::NodeId start);
  bool reached(const Side& s, store::NodeId n) const { return s.seen[n] == epoch_; }
  PathRef path(store::NodeId meet) const;

  std::size_t nodes_;
  std::uint32_t epoch_ = 0;
  Side forward_, backward_;
  std::vector<Step> steps_;
};

template <class Poll>
std::optional<PathRef> BidirectionalSearch::find(const store::Graph& g, store::NodeId from, store::NodeId to,
                                                 store::Direction dir, const TypeFilter& types,
                                                 std::optional<std::int64_t> max_hops, Poll poll) {
  if (++epoch_ == 0) {  // wrapped: forget every old mark
    std::fill(forward_.seen.get(), forward_.seen.get() + nodes_, 0);
    std::fill(backward_.seen.get(), backward_.seen.get() + nodes_, 0);
    epoch_ = 1;
  }
  prepare(forward_, from);
  prepare(backward_, to);
  const store::Direction reverse =
      dir == store::Direction::out ? store::Direction::in : dir == store::Direction::in ? store::Direction::out : dir;
  while (!forward_.frontier.empty() && !backward_.frontier.empty()) {
    if (max_hops && forward_.level + backward_.level >= *max_hops) return std::nullopt;
    poll();
    // Widen the smaller side by one whole level. Every meeting found in it
    // is a candidate; the one closest to the other end is a shortest path
    // (a shorter path would have met one level earlier).
    const bool go_forward = forward_.frontier.size() <= backward_.frontier.size();
    Side& side = go_forward ? forward_ : backward_;
    const Side& other = go_forward ? backward_ : forward_;
    std::optional<store::NodeId> best;
    side.next.clear();
    for (store::NodeId n : side.frontier) {
      steps_.clear();
      collect_steps(g, n, go_forward ? dir : reverse, types, steps_);
      for (const Step& s : steps_) {
        if (reached(side, s.neighbor)) continue;
        side.seen[s.neighbor] = epoch_;
        side.depth[s.neighbor] = side.level + 1;
        side.via_node[s.neighbor] = n;
        side.via_rel[s.neighbor] = s.rel;
        side.next.push_back(s.neighbor);
        if (reached(other, s.neighbor) && (!best || other.depth[s.neighbor] < other.depth[*best])) best = s.neighbor;
      }
    }
    ++side.level;
    side.frontier.swap(side.next);
    if (best) return path(*best);
  }
  return std::nullopt;
}

}  // namespace ergo::exec
