// VarExpand: variable-length patterns as a depth-first walk over trails
// (openCypher's relationship uniqueness: no relationship twice in a path).
#include <algorithm>

#include "engine/eval/comparison.hpp"
#include "engine/exec/cursors.hpp"
#include "engine/exec/steps.hpp"

namespace ergo::exec {
namespace {

using plan::VarExpand;

class VarExpandCursor : public Cursor {
 public:
  VarExpandCursor(const VarExpand& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      if (advance(frame, ctx)) return true;
      if (!input_->pull(frame, ctx)) return false;
      if (start(frame, ctx)) return true;
    }
  }

  void reset() override {
    input_->reset();
    stack_.clear();
    path_.clear();
  }

 private:
  struct Level {
    std::vector<Step> steps;
    std::size_t next = 0;
  };

  // Begins the walk for the current input row; true when the zero-length
  // path itself is a result.
  bool start(Frame& frame, ExecContext& ctx) {
    stack_.clear();
    path_.clear();
    auto from = runtime::node_in(frame[op_.from_slot]);
    if (!from) return false;
    if (op_.into) {
      auto to = runtime::node_in(frame[op_.to_slot]);
      if (!to) return false;
      target_ = *to;
    }
    if (!types_ || !runtime::complete(*types_, op_.types)) types_ = runtime::find_types(ctx.graph, op_.types);
    wanted_.clear();
    for (const auto& [key, e] : op_.properties) wanted_.emplace_back(key, e->eval(frame, ctx));
    push_level(*from, ctx);
    return op_.min_hops == 0 && emit(*from, frame);
  }

  bool advance(Frame& frame, ExecContext& ctx) {
    while (!stack_.empty()) {
      Level& top = stack_.back();
      if (top.next == top.steps.size()) {
        stack_.pop_back();
        if (!path_.empty()) path_.pop_back();
        continue;
      }
      Step s = top.steps[top.next++];
      if (std::find(path_.begin(), path_.end(), s.rel) != path_.end()) continue;
      if (already_bound(op_.distinct, frame, s.rel) || !matches(s.rel, ctx)) continue;
      path_.push_back(s.rel);
      ctx.check_cancelled();
      push_level(s.neighbor, ctx);
      if (static_cast<std::int64_t>(path_.size()) >= op_.min_hops && emit(s.neighbor, frame)) return true;
    }
    return false;
  }

  void push_level(store::NodeId n, ExecContext& ctx) {
    Level level;
    if (!op_.max_hops || static_cast<std::int64_t>(path_.size()) < *op_.max_hops) {
      collect_steps(ctx.graph, n, op_.direction, *types_, level.steps);
    }
    stack_.push_back(std::move(level));
  }

  bool matches(store::RelId r, ExecContext& ctx) const {
    for (const auto& [key, value] : wanted_) {
      auto k = ctx.graph.keys().find(key);
      Value actual = k ? ctx.graph.relationship_property(r, *k) : Value();
      if (eval::equals(actual, value) != eval::Ternary::true_value) return false;
    }
    return true;
  }

  bool emit(store::NodeId end, Frame& frame) {
    if (op_.into && end != target_) return false;
    List rels;
    rels.reserve(path_.size());
    for (store::RelId r : path_) rels.emplace_back(RelationshipRef{r});
    if (op_.reversed) std::reverse(rels.begin(), rels.end());
    frame[op_.list_slot] = std::move(rels);
    if (!op_.into) frame[op_.to_slot] = NodeRef{end};
    return true;
  }

  const VarExpand& op_;
  CursorPtr input_;
  std::optional<runtime::TypeFilter> types_;
  std::vector<std::pair<std::string, Value>> wanted_;
  std::vector<Level> stack_;
  std::vector<store::RelId> path_;
  store::NodeId target_ = store::no_node;
};

}  // namespace

CursorPtr open_cursor(const plan::VarExpand& op) { return std::make_unique<VarExpandCursor>(op); }

}  // namespace ergo::exec
