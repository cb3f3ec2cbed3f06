// CountReach: count(DISTINCT b) over a breadth-first reach, one row. Each
// reached node is put in the frame, the filters that stood between the
// Aggregate and the search are evaluated on it (as Filter would), and a
// bitmap over the graph's nodes counts it once however many input rows
// reach it — no row per node, no hashed set of distinct values.
#include "engine/exec/cursors.hpp"
#include "engine/exec/reach_search.hpp"

namespace ergo::exec {
namespace {

class CountReachCursor : public Cursor {
 public:
  CountReachCursor(const plan::CountReach& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (done_) return false;
    done_ = true;
    const store::Graph& g = ctx.graph;
    counted_.assign((g.node_count() + 63) / 64, 0);
    std::int64_t count = 0;
    while (input_->pull(frame, ctx)) {
      auto from = runtime::node_in(frame[op_.from_slot]);
      if (!from) continue;
      if (!types_ || !runtime::complete(*types_, op_.types)) types_ = runtime::find_types(g, op_.types);
      if (search_.run(g, *from, op_.direction, *types_, op_.min_hops, op_.max_hops, ctx, reached_)) {
        reached_.insert(reached_.begin(), *from);  // first, as BreadthFirstReach lists it
      }
      frame[op_.list_slot] = Value();
      for (store::NodeId n : reached_) {
        if (!op_.filters.empty()) {
          frame[op_.to_slot] = NodeRef{n};
          if (!passes(frame, ctx)) continue;
        }
        std::uint64_t& word = counted_[n / 64];
        const std::uint64_t bit = std::uint64_t{1} << (n % 64);
        count += (word & bit) == 0;
        word |= bit;
      }
    }
    for (std::size_t slot : op_.count_slots) frame[slot] = count;
    return true;
  }

  void reset() override {
    input_->reset();
    done_ = false;
  }

 private:
  // Every filter true; null is false, anything else an error (FilterCursor).
  bool passes(Frame& frame, ExecContext& ctx) const {
    for (const auto& predicate : op_.filters) {
      Value v = predicate->eval(frame, ctx);
      if (auto* b = v.get_if<bool>()) {
        if (*b) continue;
        return false;
      }
      if (v.is_null()) return false;
      throw error_at(ctx, predicate->span(), ErrorKind::type_error,
                     std::string("a predicate must be a boolean, got ") + type_name(v.type()));
    }
    return true;
  }

  const plan::CountReach& op_;
  CursorPtr input_;
  std::optional<TypeFilter> types_;
  ReachSearch search_;
  std::vector<store::NodeId> reached_;
  std::vector<std::uint64_t> counted_;  // bit n: node n counted
  bool done_ = false;
};

}  // namespace

CursorPtr open_cursor(const plan::CountReach& op) { return std::make_unique<CountReachCursor>(op); }

}  // namespace ergo::exec
