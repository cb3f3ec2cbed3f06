// CountByType: relationship counts per type, read off the adjacency runs.
#include <algorithm>

#include "engine/exec/cursors.hpp"
#include "engine/runtime/lookup.hpp"

namespace ergo::exec {
namespace {

using plan::CountByType;
using plan::Direction;

class CountByTypeCursor : public Cursor {
 public:
  CountByTypeCursor(const CountByType& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (next_ == order_.size()) {
      if (!input_->pull(frame, ctx)) return false;
      count(ctx);
    }
    store::TypeId t = order_[next_++];
    frame[op_.type_slot] = ctx.graph.types().name(t);
    for (std::size_t slot : op_.count_slots) frame[slot] = static_cast<std::int64_t>(counts_[t]);
    return true;
  }

  void reset() override {
    input_->reset();
    order_.clear();
    next_ = 0;
  }

 private:
  // Types in the order a scan of every node's relationships meets them,
  // which is the order the Aggregate this replaces would list its groups.
  void count(ExecContext& ctx) {
    const store::Graph& g = ctx.graph;
    runtime::TypeFilter wanted = runtime::find_types(g, op_.types);
    counts_.assign(g.types().size(), 0);
    order_.clear();
    next_ = 0;
    for (store::NodeId n = 0; n < g.node_count(); ++n) {
      if ((n & 0xFFFF) == 0) ctx.check_cancelled();
      auto types = op_.direction == Direction::in ? g.in_types(n) : g.out_types(n);
      for (std::size_t i = 0; i < types.size();) {
        store::TypeId t = types[i];
        std::size_t run = i;
        while (run < types.size() && types[run] == t) ++run;
        if (wanted.any || std::find(wanted.ids.begin(), wanted.ids.end(), t) != wanted.ids.end()) {
          if (counts_[t] == 0) order_.push_back(t);
          counts_[t] += run - i;
        }
        i = run;
      }
    }
  }

  const CountByType& op_;
  CursorPtr input_;
  std::vector<std::size_t> counts_;  // by type id
  std::vector<store::TypeId> order_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::CountByType& op) { return std::make_unique<CountByTypeCursor>(op); }

}  // namespace ergo::exec
