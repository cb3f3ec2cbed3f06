// BreadthFirstReach: each node at the end of some trail of min..max hops,
// once, from ReachSearch; one row per reached node.
#include "engine/exec/cursors.hpp"
#include "engine/exec/reach_search.hpp"

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
    if (search_.run(ctx.graph, *from, op_.direction, *types_, op_.min_hops, op_.max_hops, ctx, reached_)) {
      reached_.insert(reached_.begin(), *from);
    }
  }

  const plan::BreadthFirstReach& op_;
  CursorPtr input_;
  std::optional<TypeFilter> types_;
  ReachSearch search_;
  std::vector<store::NodeId> reached_;
  std::size_t next_reached_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::BreadthFirstReach& op) { return std::make_unique<BreadthFirstReachCursor>(op); }

}  // namespace ergo::exec
