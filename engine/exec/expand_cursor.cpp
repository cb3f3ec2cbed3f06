// Expand and CountExpand: one hop from a bound node, per input row; Expand
// lists the hops, CountExpand only counts them.
#include "engine/exec/cursors.hpp"
#include "engine/exec/steps.hpp"

namespace ergo::exec {
namespace {

// What both cursors do the same way: pull input rows, find the near node of
// each, and resolve the relationship types once they all exist.
class OneHopCursor : public Cursor {
 public:
  void reset() override { input_->reset(); }

 protected:
  OneHopCursor(const plan::Operator& input, std::size_t from_slot, const std::vector<std::string>& types)
      : input_(open(input)), from_slot_(from_slot), type_names_(types) {}

  // The near node of the next input row that has one (rows holding null
  // have no hops); nullopt once the input is exhausted.
  std::optional<store::NodeId> next_start(Frame& frame, ExecContext& ctx) {
    while (input_->pull(frame, ctx)) {
      ctx.check_cancelled();
      if (auto from = runtime::node_in(frame[from_slot_])) return from;
    }
    return std::nullopt;
  }

  // Resolved once all the types exist: until then, looked up again, since
  // a MERGE or CREATE earlier in the statement may create one.
  const TypeFilter& types(const store::Graph& g) {
    if (!types_ || !runtime::complete(*types_, type_names_)) types_ = runtime::find_types(g, type_names_);
    return *types_;
  }

 private:
  CursorPtr input_;
  std::size_t from_slot_;
  const std::vector<std::string>& type_names_;
  std::optional<TypeFilter> types_;
};

class ExpandCursor : public OneHopCursor {
 public:
  ExpandCursor(const plan::Expand& op) : OneHopCursor(*op.input, op.from_slot, op.types), op_(op) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (ctx.seeded_expand == &op_) return next_start(frame, ctx).has_value();  // the hop is in the frame already
    while (true) {
      while (next_ < steps_.size()) {
        const Step& s = steps_[next_++];
        if (op_.into && s.neighbor != target_) continue;
        if (already_bound(op_.distinct, frame, s.rel)) continue;
        frame[op_.rel_slot] = RelationshipRef{s.rel};
        if (!op_.into) frame[op_.to_slot] = NodeRef{s.neighbor};
        return true;
      }
      steps_.clear();
      next_ = 0;
      auto from = next_start(frame, ctx);
      if (!from) return false;
      if (op_.into) {
        auto to = runtime::node_in(frame[op_.to_slot]);
        if (!to) continue;
        target_ = *to;
      }
      collect_steps(ctx.graph, *from, op_.direction, types(ctx.graph), steps_);
    }
  }

  void reset() override {
    OneHopCursor::reset();
    steps_.clear();
    next_ = 0;
  }

 private:
  const plan::Expand& op_;
  std::vector<Step> steps_;
  std::size_t next_ = 0;
  store::NodeId target_ = store::no_node;
};

// One row per input row with hops, the number of hops in count_slot.
class CountExpandCursor : public OneHopCursor {
 public:
  CountExpandCursor(const plan::CountExpand& op) : OneHopCursor(*op.input, op.from_slot, op.types), op_(op) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (auto from = next_start(frame, ctx)) {
      std::size_t hops = count_steps(ctx.graph, *from, op_.direction, types(ctx.graph));
      if (hops == 0) continue;
      frame[op_.count_slot] = static_cast<std::int64_t>(hops);
      return true;
    }
    return false;
  }

 private:
  const plan::CountExpand& op_;
};

}  // namespace

CursorPtr open_cursor(const plan::Expand& op) { return std::make_unique<ExpandCursor>(op); }
CursorPtr open_cursor(const plan::CountExpand& op) { return std::make_unique<CountExpandCursor>(op); }

}  // namespace ergo::exec
