// NodeDegree: each scanned node with its number of hops, taken from the
// sizes of its adjacency slices (count_steps), so the cost is per node, not
// per relationship.
#include "engine/exec/cursors.hpp"
#include "engine/exec/node_range.hpp"
#include "engine/exec/steps.hpp"

namespace ergo::exec {
namespace {

class NodeDegreeCursor : public Cursor {
 public:
  NodeDegreeCursor(const plan::NodeDegree& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    const store::Graph& g = ctx.graph;
    while (true) {
      store::NodeId n;
      while (active_ && nodes_.next(g, n)) {
        // Nodes without a hop have no row, as with Expand.
        const std::size_t hops = count_steps(g, n, op_.direction, *types_);
        if (hops == 0) continue;
        frame[op_.slot] = NodeRef{n};
        frame[op_.count_slot] = static_cast<std::int64_t>(hops);
        return true;
      }
      active_ = false;
      if (!input_->pull(frame, ctx)) return false;
      ctx.check_cancelled();
      if (!types_ || !runtime::complete(*types_, op_.types)) types_ = runtime::find_types(g, op_.types);
      nodes_ = NodeRange(g, op_.labels);
      active_ = true;
    }
  }

  void reset() override {
    input_->reset();
    active_ = false;
  }

 private:
  const plan::NodeDegree& op_;
  CursorPtr input_;
  std::optional<TypeFilter> types_;
  bool active_ = false;
  NodeRange nodes_;
};

}  // namespace

CursorPtr open_cursor(const plan::NodeDegree& op) { return std::make_unique<NodeDegreeCursor>(op); }

}  // namespace ergo::exec
