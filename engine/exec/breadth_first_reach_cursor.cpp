// BreadthFirstReach: each node at the end of some trail of min..max hops,
// once (see plan::optimize for why a breadth-first search finds exactly
// those). The buffers are kept across input rows, so a row costs no
// allocation once they have grown.
#include <algorithm>

#include "engine/exec/cursors.hpp"
#include "engine/exec/steps.hpp"

namespace ergo::exec {
namespace {

class BreadthFirstReachCursor : public Cursor {
 public:
  BreadthFirstReachCursor(const plan::BreadthFirstReach& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (next_reached_ == reached_.size()) {
      if (!input_->pull(frame, ctx)) return false;
      search(frame, ctx);
    }
    frame[op_.list_slot] = Value();
    frame[op_.to_slot] = NodeRef{reached_[next_reached_++]};
    return true;
  }

  void reset() override {
    input_->reset();
    reached_.clear();
    next_reached_ = 0;
  }

 private:
  void search(const Frame& frame, ExecContext& ctx) {
    reached_.clear();
    next_reached_ = 0;
    auto from = runtime::node_in(frame[op_.from_slot]);
    if (!from) return;
    if (!types_ || !runtime::complete(*types_, op_.types)) types_ = runtime::find_types(ctx.graph, op_.types);
    const std::size_t nodes = ctx.graph.node_count();
    if (seen_.size() != nodes) seen_.assign(nodes, 0);
    if (++epoch_ == 0) {  // wrapped: forget every old mark
      std::fill(seen_.begin(), seen_.end(), 0);
      epoch_ = 1;
    }
    bool start_reached = op_.min_hops == 0;
    seen_[*from] = epoch_;
    std::vector<store::NodeId>& frontier = frontier_;
    std::vector<store::NodeId>& next = next_;
    frontier.assign(1, *from);
    for (std::int64_t depth = 0; !frontier.empty() && (!op_.max_hops || depth < *op_.max_hops); ++depth) {
      next.clear();
      for (store::NodeId n : frontier) {
        steps_.clear();
        collect_steps(ctx.graph, n, op_.direction, *types_, steps_);
        for (const Step& s : steps_) {
          if (s.neighbor == *from) start_reached = true;
          if (seen_[s.neighbor] == epoch_) continue;
          seen_[s.neighbor] = epoch_;
          next.push_back(s.neighbor);
        }
      }
      ctx.check_cancelled();
      reached_.insert(reached_.end(), next.begin(), next.end());
      frontier.swap(next);
    }
    if (start_reached) reached_.insert(reached_.begin(), *from);
  }

  const plan::BreadthFirstReach& op_;
  CursorPtr input_;
  std::optional<TypeFilter> types_;
  std::vector<store::NodeId> reached_;
  std::size_t next_reached_ = 0;
  std::vector<std::uint32_t> seen_;  // == epoch_: reached in this search
  std::uint32_t epoch_ = 0;
  std::vector<Step> steps_;
  std::vector<store::NodeId> frontier_, next_;
};

}  // namespace

CursorPtr open_cursor(const plan::BreadthFirstReach& op) { return std::make_unique<BreadthFirstReachCursor>(op); }

}  // namespace ergo::exec
