// Building a projection (see projected_graph.hpp): which nodes and types
// belong, which relationship stands for each pair in a simple projection,
// and cached degrees.
#include "engine/algo/projected_graph.hpp"

#include <algorithm>

namespace ergo::algo {

ProjectedGraph::ProjectedGraph(const store::Graph& g, ProjectionSpec spec)
    : g_(&g),
      spec_(std::move(spec)),
      bound_(g.node_count()),
      sides_(spec_.direction == Direction::both ? 2 : 1),
      type_slots_(spec_.all_types ? 1 : spec_.types.size()) {
  // Deleted nodes have no labels, so a label projection never holds them;
  // the whole graph needs a member list once some are deleted (ADR 0006).
  if (!spec_.all_labels || g.has_deleted_nodes()) {
    member_mask_.assign(bound_, false);
    if (spec_.all_labels) {
      for (NodeId n = 0; n < bound_; ++n) member_mask_[n] = g.node_exists(n);
    }
    for (store::LabelId l : spec_.labels) {
      for (NodeId n : g.nodes_with_label(l)) member_mask_[n] = true;
    }
    for (NodeId n = 0; n < bound_; ++n) {
      if (member_mask_[n]) members_.push_back(n);
    }
  }
  if (!spec_.all_types) {
    type_mask_.assign(g.types().size(), false);
    for (store::TypeId t : spec_.types) {
      if (t < type_mask_.size()) type_mask_[t] = true;
    }
  }
  if (spec_.simple) keep_one_relationship_per_pair();
}

std::span<const store::Adjacent> ProjectedGraph::segment(NodeId v, bool out, std::size_t k) const {
  const std::size_t side = k / type_slots_;
  bool stored_out = out;
  if (spec_.direction == Direction::in) stored_out = !out;
  if (spec_.direction == Direction::both && side == 1) stored_out = !out;
  if (spec_.all_types) return stored_out ? g_->out(v) : g_->in(v);
  store::TypeId t = spec_.types[k % type_slots_];
  return stored_out ? g_->out(v, t) : g_->in(v, t);
}

bool ProjectedGraph::has_relationship(RelId r) const {
  if (!g_->relationship_exists(r)) return false;
  if (!spec_.all_types) {
    store::TypeId t = g_->type_of(r);
    if (t >= type_mask_.size() || !type_mask_[t]) return false;
  }
  NodeId from = g_->source(r), to = g_->target(r);
  if (!contains(from) || !contains(to)) return false;
  return !spec_.simple || (from != to && keep_[r]);
}

// For every pair of neighbours, keeps the lowest relationship id among the
// relationships joining them. Both ends see the same set of relationships
// for a pair, so they agree on which one stands for it.
void ProjectedGraph::keep_one_relationship_per_pair() {
  spec_.simple = false;  // hides() must not consult keep_ while it is built
  keep_.assign(g_->relationship_count(), false);
  std::vector<NodeId> seen_from(bound_, store::no_node);
  std::vector<RelId> lowest(bound_, store::no_rel);
  auto each_edge = [&](NodeId u, auto&& f) {
    for (ProjectedEdgeIterator it(this, u, true), end; it != end; ++it) {
      if (it->to != u) f(it->to, it->rel);
    }
  };
  for (auto [it, end] = vertices(*this); it != end; ++it) {
    NodeId u = *it;
    each_edge(u, [&](NodeId v, RelId r) {
      if (seen_from[v] != u) {
        seen_from[v] = u;
        lowest[v] = r;
      } else {
        lowest[v] = std::min(lowest[v], r);
      }
    });
    each_edge(u, [&](NodeId v, RelId r) {
      if (lowest[v] == r) keep_[r] = true;
    });
  }
  spec_.simple = true;
}

void ProjectedGraph::cache_degrees() {
  std::vector<std::uint32_t> out(bound_, 0), in(bound_, 0);
  for (auto [it, end] = vertices(*this); it != end; ++it) {
    for (ProjectedEdgeIterator e(this, *it, true), none; e != none; ++e) ++out[*it];
    for (ProjectedEdgeIterator e(this, *it, false), none; e != none; ++e) ++in[*it];
  }
  out_degree_ = std::move(out);
  in_degree_ = std::move(in);
}

}  // namespace ergo::algo
