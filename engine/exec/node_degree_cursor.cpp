// NodeDegree: each scanned node with its number of hops, taken from the
// sizes of its adjacency slices (count_steps), so the cost is per node, not
// per relationship.
#include "engine/exec/cursors.hpp"
#include "engine/exec/node_range.hpp"
#include "engine/exec/steps.hpp"

namespace ergo::exec {
namespace {

class NodeDegreeCursor : public Cursor, public DegreeRows {
 public:
  NodeDegreeCursor(const plan::NodeDegree& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    store::NodeId n;
    std::int64_t hops;
    if (next_degrees(frame, ctx, {&n, 1}, {&hops, 1}) == 0) return false;
    frame[op_.slot] = NodeRef{n};
    frame[op_.count_slot] = hops;
    return true;
  }

  std::size_t next_degrees(Frame& frame, ExecContext& ctx, std::span<store::NodeId> nodes,
                           std::span<std::int64_t> degrees) override {
    const store::Graph& g = ctx.graph;
    while (true) {
      std::size_t filled = 0;
      store::NodeId n;
      // Any type one way (Q6): the slice's size, no call per node.
      const bool whole_slice = active_ && types_->any && op_.direction != store::Direction::both;
      const bool out = op_.direction == store::Direction::out;
      while (filled < nodes.size() && active_ && nodes_.next(g, n)) {
        // Nodes without a hop have no row, as with Expand.
        const std::size_t hops = whole_slice ? (out ? g.out(n).size() : g.in(n).size())
                                             : count_steps(g, n, op_.direction, *types_);
        if (hops == 0) continue;
        nodes[filled] = n;
        degrees[filled++] = static_cast<std::int64_t>(hops);
      }
      if (filled > 0) return filled;
      active_ = false;
      if (!input_->pull(frame, ctx)) return 0;
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
