// ShortestPath: breadth-first search between two bound nodes, one path
// (shortestPath) or every path of the shortest length (allShortestPaths).
#include <deque>
#include <unordered_map>

#include "engine/exec/steps.hpp"

namespace ergo::plan {
namespace {

using exec::Cursor;
using exec::ExecContext;
using exec::Frame;

class ShortestPathCursor : public Cursor {
 public:
  ShortestPathCursor(const ShortestPath& op) : op_(op), input_(op.input->open()) {}

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
  struct Parent {
    store::NodeId node;
    store::RelId rel;
  };

  void search(const Frame& frame, ExecContext& ctx) {
    paths_.clear();
    next_ = 0;
    auto from = exec::node_in(frame[op_.from_slot]);
    auto to = exec::node_in(frame[op_.to_slot]);
    if (!from || !to) return;
    if (*from == *to) {
      if (op_.min_hops == 0) paths_.push_back(PathRef{{NodeRef{*from}}, {}});
      return;
    }
    if (!types_) types_ = exec::find_types(ctx.graph, op_.types);

    std::unordered_map<store::NodeId, std::uint32_t> depth{{*from, 0}};
    std::unordered_map<store::NodeId, std::vector<Parent>> parents;
    std::vector<store::NodeId> frontier{*from}, next;
    std::vector<exec::Step> steps;
    bool found = false;
    for (std::uint32_t d = 1; !frontier.empty() && !found; ++d) {
      if (op_.max_hops && d > *op_.max_hops) break;
      ctx.check_cancelled();
      next.clear();
      for (store::NodeId n : frontier) {
        steps.clear();
        exec::collect_steps(ctx.graph, n, op_.direction, *types_, steps);
        for (const exec::Step& s : steps) {
          auto [it, inserted] = depth.try_emplace(s.neighbor, d);
          if (inserted) next.push_back(s.neighbor);
          if (it->second != d) continue;  // reached earlier by a shorter path
          auto& ps = parents[s.neighbor];
          if (op_.all || ps.empty()) ps.push_back({n, s.rel});
          if (s.neighbor == *to) found = true;
        }
      }
      frontier.swap(next);
    }
    if (!found) return;
    target_ = *to;
    std::vector<Parent> chain;
    collect(*from, *to, parents, chain);
  }

  // Every chain of parents from `at` back to `from`. chain[0] is the hop
  // into the target, chain.back() the hop out of `from`.
  void collect(store::NodeId from, store::NodeId at,
               const std::unordered_map<store::NodeId, std::vector<Parent>>& parents, std::vector<Parent>& chain) {
    if (at == from) {
      PathRef p;
      p.nodes.push_back(NodeRef{from});
      for (std::size_t i = chain.size(); i-- > 0;) {
        p.relationships.push_back(RelationshipRef{chain[i].rel});
        p.nodes.push_back(NodeRef{i == 0 ? target_ : chain[i - 1].node});
      }
      paths_.push_back(std::move(p));
      return;
    }
    for (const Parent& parent : parents.at(at)) {
      chain.push_back(parent);
      collect(from, parent.node, parents, chain);
      chain.pop_back();
      if (!op_.all && !paths_.empty()) return;
    }
  }

  const ShortestPath& op_;
  exec::CursorPtr input_;
  std::optional<exec::TypeFilter> types_;
  std::vector<PathRef> paths_;
  std::size_t next_ = 0;
  store::NodeId target_ = store::no_node;
};

}  // namespace

CursorPtr ShortestPath::open() const { return std::make_unique<ShortestPathCursor>(*this); }

}  // namespace ergo::plan
