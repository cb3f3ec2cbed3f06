// Expand: one hop from a bound node, per input row.
#include "engine/exec/cursors.hpp"
#include "engine/exec/steps.hpp"

namespace ergo::exec {
namespace {

using plan::Expand;

class ExpandCursor : public Cursor {
 public:
  ExpandCursor(const Expand& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (op_.count_only) return pull_count(frame, ctx);
    while (true) {
      while (next_ < steps_.size()) {
        const Step& s = steps_[next_++];
        if (op_.into && s.neighbor != target_) continue;
        if (already_bound(op_.distinct, frame, s.rel)) continue;
        frame[op_.rel_slot] = RelationshipRef{s.rel};
        if (!op_.into) frame[op_.to_slot] = NodeRef{s.neighbor};
        return true;
      }
      if (!input_->pull(frame, ctx)) return false;
      ctx.check_cancelled();
      start(frame, ctx);
    }
  }

  // One row per input row with hops, the number of hops in rel_slot.
  bool pull_count(Frame& frame, ExecContext& ctx) {
    while (input_->pull(frame, ctx)) {
      ctx.check_cancelled();
      auto from = runtime::node_in(frame[op_.from_slot]);
      if (!from) continue;
      if (!types_) types_ = runtime::find_types(ctx.graph, op_.types);
      std::size_t hops = count_steps(ctx.graph, *from, op_.direction, *types_);
      if (hops == 0) continue;
      frame[op_.rel_slot] = static_cast<std::int64_t>(hops);
      return true;
    }
    return false;
  }

  void reset() override {
    input_->reset();
    steps_.clear();
    next_ = 0;
  }

 private:
  void start(const Frame& frame, ExecContext& ctx) {
    steps_.clear();
    next_ = 0;
    auto from = runtime::node_in(frame[op_.from_slot]);
    if (!from) return;
    if (op_.into) {
      auto to = runtime::node_in(frame[op_.to_slot]);
      if (!to) return;
      target_ = *to;
    }
    if (!types_) types_ = runtime::find_types(ctx.graph, op_.types);
    collect_steps(ctx.graph, *from, op_.direction, *types_, steps_);
  }

  const Expand& op_;
  CursorPtr input_;
  std::optional<runtime::TypeFilter> types_;
  std::vector<Step> steps_;
  std::size_t next_ = 0;
  store::NodeId target_ = store::no_node;
};

}  // namespace

CursorPtr open_cursor(const plan::Expand& op) { return std::make_unique<ExpandCursor>(op); }

}  // namespace ergo::exec
