// ShortestPath: breadth-first search between two bound nodes, one path
// (shortestPath) or every path of the shortest length (allShortestPaths).
// The search itself is algo::breadth_first_tree, which the ergo.shortestPath
// procedures share.
#include "engine/algo/bfs.hpp"
#include "engine/exec/bidirectional_bfs.hpp"
#include "engine/exec/cursors.hpp"
#include "engine/exec/steps.hpp"

namespace ergo::exec {
namespace {

using plan::ShortestPath;
using plan::Direction;

class ShortestPathCursor : public Cursor {
 public:
  ShortestPathCursor(const ShortestPath& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      if (next_ < paths_.size()) {
        PathRef& p = paths_[next_++];
        List rels;
        for (RelationshipRef r : p.relationships) rels.emplace_back(r);
        frame[op_.list_slot] = std::move(rels);
        if (op_.path_slot) frame[*op_.path_slot] = std::move(p);
        return true;
      }
      if (!input_->pull(frame, ctx)) return false;
      search(frame, ctx);
    }
  }

  void reset() override {
    input_->reset();
    paths_.clear();
    next_ = 0;
  }

 private:
  void search(const Frame& frame, ExecContext& ctx) {
    paths_.clear();
    next_ = 0;
    auto from = runtime::node_in(frame[op_.from_slot]);
    auto to = runtime::node_in(frame[op_.to_slot]);
    if (!from || !to) return;
    if (*from == *to) {
      if (op_.min_hops == 0) paths_.push_back(PathRef{{NodeRef{*from}}, {}});
      return;
    }
    if (!types_ || !runtime::complete(*types_, op_.types)) types_ = runtime::find_types(ctx.graph, op_.types);
    ctx.check_cancelled();
    if (!op_.all && op_.min_hops <= 1) {
      auto path = BidirectionalSearch::for_this_thread(ctx.graph.node_count())
                      .find(ctx.graph, *from, *to, op_.direction, *types_, op_.max_hops,
                            [&ctx] { ctx.check_cancelled(); });
      if (path) paths_.push_back(std::move(*path));
      return;
    }
    // Every node, the pattern's types in the pattern's order, its direction:
    // the same hops, in the same order, as collect_steps lists.
    algo::ProjectionSpec spec;
    spec.all_types = types_->any;
    spec.types = types_->ids;
    spec.direction = op_.direction;
    algo::ProjectedGraph view(ctx.graph, std::move(spec));
    view.set_poll([&ctx] { ctx.check_cancelled(); });
    algo::BfsLimits limits{*to, op_.max_hops, op_.all};
    paths_ = algo::breadth_first_tree(view, *from, limits).paths_to(*to, op_.all);
  }

  const ShortestPath& op_;
  CursorPtr input_;
  std::optional<runtime::TypeFilter> types_;
  std::vector<PathRef> paths_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::ShortestPath& op) { return std::make_unique<ShortestPathCursor>(op); }

}  // namespace ergo::exec
