// The one Boost.Graph view of the store: a projection — the nodes with any
// of some labels, the relationships of some types between them, followed as
// stored, reversed or both ways — made a Boost.Graph graph in place, with no
// copy per call. The default ProjectionSpec is the whole store as stored.
// It models VertexListGraph, IncidenceGraph, BidirectionalGraph and
// EdgeListGraph with vertex_index and edge_index maps; algorithms see the
// graph as of its last commit(). Why an adaptor of our own and not
// boost::filtered_graph: docs/adr/0004-algorithm-projection.md.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include "engine/store/direction.hpp"
#include "engine/store/graph.hpp"

namespace ergo::algo {

using store::Direction;
using store::NodeId;
using store::RelId;

// A relationship as BGL sees it: its id and its endpoints (as followed),
// carried along so source(e, g) and target(e, g) need no lookup.
struct EdgeRef {
  RelId rel = store::no_rel;
  NodeId from = store::no_node;
  NodeId to = store::no_node;
  friend bool operator==(const EdgeRef& a, const EdgeRef& b) { return a.rel == b.rel; }
  friend bool operator!=(const EdgeRef& a, const EdgeRef& b) { return a.rel != b.rel; }
  friend bool operator<(const EdgeRef& a, const EdgeRef& b) { return a.rel < b.rel; }
};

// Relationship ids are dense (0..count-1), so they index per-edge arrays.
struct EdgeIndexMap {
  using key_type = EdgeRef;
  using value_type = RelId;
  using reference = RelId;
  using category = boost::readable_property_map_tag;
};
inline RelId get(EdgeIndexMap, const EdgeRef& e) { return e.rel; }

struct ProjectionSpec {
  bool all_labels = true;
  std::vector<store::LabelId> labels;  // a node belongs when it has any of them
  bool all_types = true;
  std::vector<store::TypeId> types;    // in this order: it orders each node's edges
  Direction direction = Direction::out;
  // For algorithms defined on simple graphs (betweenness, triangles): one
  // edge per pair of nodes — per direction, unless undirected — carried by
  // the lowest-numbered relationship between them, and no self-loops.
  bool simple = false;
};

class ProjectedGraph {
 public:
  ProjectedGraph(const store::Graph& g, ProjectionSpec spec);

  const store::Graph& store() const { return *g_; }
  Direction direction() const { return spec_.direction; }
  bool contains(NodeId n) const { return n < bound_ && (member_mask_.empty() || member_mask_[n]); }
  // Nodes in the projection.
  std::size_t node_count() const { return member_mask_.empty() ? bound_ : members_.size(); }
  // One past the largest node id: what per-node arrays are sized by, and
  // what num_vertices() returns (as boost::filtered_graph does).
  std::size_t id_bound() const { return bound_; }
  // The members in id order, or null when every node is one.
  const NodeId* member_list() const { return member_mask_.empty() ? nullptr : members_.data(); }

  // Counts every member's degree once, so out_degree() is O(1) afterwards
  // (PageRank asks for it once per edge).
  void cache_degrees();
  // Called every few thousand vertex visits, to let a long run be cancelled.
  void set_poll(std::function<void()> poll) { poll_ = std::move(poll); }
  void visited() const {
    if (poll_ && (++visits_ & 0xfff) == 0) poll_();
  }

  // Out- or in-edges of v are read as `segments()` CSR slices (one per store
  // side and type) with some entries hidden; the edge iterator walks them.
  std::size_t segments() const { return sides_ * type_slots_; }
  std::span<const store::Adjacent> segment(NodeId v, bool out, std::size_t k) const;
  bool hides(NodeId v, std::size_t k, const store::Adjacent& a) const {
    if (!member_mask_.empty() && !member_mask_[a.neighbor]) return true;
    if (a.neighbor == v && (spec_.simple || k >= type_slots_)) return true;  // self-loops: once, or never
    return spec_.simple && !keep_[a.rel];
  }
  // Whether relationship r is an edge of the projection (edges() walks these).
  bool has_relationship(RelId r) const;

  std::size_t cached_out_degree(NodeId v) const { return out_degree_[v]; }
  std::size_t cached_in_degree(NodeId v) const { return in_degree_[v]; }
  bool degrees_cached() const { return !out_degree_.empty(); }

 private:
  void keep_one_relationship_per_pair();

  const store::Graph* g_;
  ProjectionSpec spec_;
  std::size_t bound_;
  std::size_t sides_;       // 2 when undirected: the stored out- and in-slices
  std::size_t type_slots_;  // 1 for all types, else one slice per listed type
  std::vector<bool> member_mask_;  // empty: every node
  std::vector<NodeId> members_;
  std::vector<bool> type_mask_;    // by TypeId; empty: every type
  std::vector<bool> keep_;         // by RelId, when simple
  std::vector<std::uint32_t> out_degree_, in_degree_;
  std::function<void()> poll_;
  mutable std::uint32_t visits_ = 0;
};

// The out- (or in-) edges of one vertex: the entries of its segments that
// the projection does not hide.
class ProjectedEdgeIterator
    : public boost::iterator_facade<ProjectedEdgeIterator, EdgeRef, boost::forward_traversal_tag, EdgeRef> {
 public:
  ProjectedEdgeIterator() = default;
  // The first edge (or the end when there is none).
  ProjectedEdgeIterator(const ProjectedGraph* g, NodeId v, bool out) : g_(g), v_(v), out_(out) {
    load(0);
    settle();
  }

 private:
  friend class boost::iterator_core_access;
  EdgeRef dereference() const { return out_ ? EdgeRef{at_->rel, v_, at_->neighbor} : EdgeRef{at_->rel, at_->neighbor, v_}; }
  bool equal(const ProjectedEdgeIterator& o) const { return at_ == o.at_; }
  void increment() {
    ++at_;
    settle();
  }
  void load(std::size_t k) {
    segment_ = k;
    if (k >= g_->segments()) {
      at_ = end_ = nullptr;
      return;
    }
    auto s = g_->segment(v_, out_, k);
    at_ = s.data();
    end_ = s.data() + s.size();
  }
  // Moves to the first visible entry at or after at_.
  void settle() {
    while (at_) {
      if (at_ == end_) {
        load(segment_ + 1);
      } else if (g_->hides(v_, segment_, *at_)) {
        ++at_;
      } else {
        return;
      }
    }
  }

  const ProjectedGraph* g_ = nullptr;
  NodeId v_ = store::no_node;
  bool out_ = true;
  std::size_t segment_ = 0;
  const store::Adjacent* at_ = nullptr;  // null: the end
  const store::Adjacent* end_ = nullptr;
};

// The projection's vertices: its member list, or every id below the bound.
class ProjectedVertexIterator
    : public boost::iterator_facade<ProjectedVertexIterator, NodeId, boost::random_access_traversal_tag, NodeId> {
 public:
  ProjectedVertexIterator() = default;
  ProjectedVertexIterator(const NodeId* list, std::size_t i) : list_(list), i_(i) {}

 private:
  friend class boost::iterator_core_access;
  NodeId dereference() const { return list_ ? list_[i_] : static_cast<NodeId>(i_); }
  bool equal(const ProjectedVertexIterator& o) const { return i_ == o.i_; }
  void increment() { ++i_; }
  void decrement() { --i_; }
  void advance(std::ptrdiff_t n) { i_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i_) + n); }
  std::ptrdiff_t distance_to(const ProjectedVertexIterator& o) const {
    return static_cast<std::ptrdiff_t>(o.i_) - static_cast<std::ptrdiff_t>(i_);
  }

  const NodeId* list_ = nullptr;
  std::size_t i_ = 0;
};

// Every relationship of the projection once, in id order, oriented as the
// projection follows it.
class ProjectedRelationshipIterator
    : public boost::iterator_facade<ProjectedRelationshipIterator, EdgeRef, boost::forward_traversal_tag, EdgeRef> {
 public:
  ProjectedRelationshipIterator() = default;
  ProjectedRelationshipIterator(const ProjectedGraph* g, RelId r) : g_(g), r_(r) { settle(); }

 private:
  friend class boost::iterator_core_access;
  EdgeRef dereference() const {
    const store::Graph& s = g_->store();
    return g_->direction() == Direction::in ? EdgeRef{r_, s.target(r_), s.source(r_)}
                                                     : EdgeRef{r_, s.source(r_), s.target(r_)};
  }
  bool equal(const ProjectedRelationshipIterator& o) const { return r_ == o.r_; }
  void increment() {
    ++r_;
    settle();
  }
  void settle() {
    const RelId end = static_cast<RelId>(g_->store().relationship_count());
    while (r_ < end && !g_->has_relationship(r_)) ++r_;
  }

  const ProjectedGraph* g_ = nullptr;
  RelId r_ = 0;
};

// The same projection seen as an undirected graph (BGL's undirected_tag), for
// algorithms that require one (connected_components) or treat one specially
// (brandes_betweenness_centrality halves its counts). Its projection must be
// Direction::both.
struct UndirectedView {
  const ProjectedGraph* graph;
};

struct ProjectedTraversal : virtual boost::vertex_list_graph_tag,
                            virtual boost::bidirectional_graph_tag,
                            virtual boost::edge_list_graph_tag {};
struct UndirectedTraversal : virtual boost::vertex_list_graph_tag,
                             virtual boost::incidence_graph_tag,
                             virtual boost::edge_list_graph_tag {};

}  // namespace ergo::algo

namespace boost {

template <>
struct graph_traits<ergo::algo::ProjectedGraph> {
  using vertex_descriptor = ergo::store::NodeId;
  using edge_descriptor = ergo::algo::EdgeRef;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = ergo::algo::ProjectedTraversal;
  using vertex_iterator = ergo::algo::ProjectedVertexIterator;
  using out_edge_iterator = ergo::algo::ProjectedEdgeIterator;
  using in_edge_iterator = ergo::algo::ProjectedEdgeIterator;
  using edge_iterator = ergo::algo::ProjectedRelationshipIterator;
  using adjacency_iterator = void;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return ergo::store::no_node; }
};

template <>
struct graph_traits<ergo::algo::UndirectedView> : graph_traits<ergo::algo::ProjectedGraph> {
  using directed_category = undirected_tag;
  using traversal_category = ergo::algo::UndirectedTraversal;
};

// BGL instantiates some traits on `const Graph` (brandes_betweenness_centrality does).
template <>
struct graph_traits<const ergo::algo::ProjectedGraph> : graph_traits<ergo::algo::ProjectedGraph> {};
template <>
struct graph_traits<const ergo::algo::UndirectedView> : graph_traits<ergo::algo::UndirectedView> {};

template <>
struct property_map<ergo::algo::ProjectedGraph, vertex_index_t> {
  using type = typed_identity_property_map<ergo::store::NodeId>;
  using const_type = type;
};
template <>
struct property_map<ergo::algo::UndirectedView, vertex_index_t> : property_map<ergo::algo::ProjectedGraph, vertex_index_t> {};
template <>
struct property_map<ergo::algo::ProjectedGraph, edge_index_t> {
  using type = ergo::algo::EdgeIndexMap;
  using const_type = type;
};
template <>
struct property_map<ergo::algo::UndirectedView, edge_index_t> : property_map<ergo::algo::ProjectedGraph, edge_index_t> {};

}  // namespace boost

namespace ergo::algo {

// ---- ProjectedGraph: VertexListGraph, IncidenceGraph, BidirectionalGraph, EdgeListGraph

inline std::pair<ProjectedVertexIterator, ProjectedVertexIterator> vertices(const ProjectedGraph& g) {
  return {ProjectedVertexIterator(g.member_list(), 0), ProjectedVertexIterator(g.member_list(), g.node_count())};
}
inline std::size_t num_vertices(const ProjectedGraph& g) { return g.id_bound(); }

inline std::pair<ProjectedEdgeIterator, ProjectedEdgeIterator> out_edges(NodeId v, const ProjectedGraph& g) {
  g.visited();
  return {ProjectedEdgeIterator(&g, v, true), ProjectedEdgeIterator()};
}
inline std::pair<ProjectedEdgeIterator, ProjectedEdgeIterator> in_edges(NodeId v, const ProjectedGraph& g) {
  g.visited();
  return {ProjectedEdgeIterator(&g, v, false), ProjectedEdgeIterator()};
}
inline std::size_t out_degree(NodeId v, const ProjectedGraph& g) {
  if (g.degrees_cached()) return g.cached_out_degree(v);
  std::size_t n = 0;
  for (ProjectedEdgeIterator it(&g, v, true), end; it != end; ++it) ++n;
  return n;
}
inline std::size_t in_degree(NodeId v, const ProjectedGraph& g) {
  if (g.degrees_cached()) return g.cached_in_degree(v);
  std::size_t n = 0;
  for (ProjectedEdgeIterator it(&g, v, false), end; it != end; ++it) ++n;
  return n;
}
inline std::size_t degree(NodeId v, const ProjectedGraph& g) { return out_degree(v, g) + in_degree(v, g); }

inline NodeId source(const EdgeRef& e, const ProjectedGraph&) { return e.from; }
inline NodeId target(const EdgeRef& e, const ProjectedGraph&) { return e.to; }

inline std::pair<ProjectedRelationshipIterator, ProjectedRelationshipIterator> edges(const ProjectedGraph& g) {
  return {ProjectedRelationshipIterator(&g, 0),
          ProjectedRelationshipIterator(&g, static_cast<RelId>(g.store().relationship_count()))};
}
inline std::size_t num_edges(const ProjectedGraph& g) {
  auto [it, end] = edges(g);
  return static_cast<std::size_t>(std::distance(it, end));
}

inline boost::typed_identity_property_map<NodeId> get(boost::vertex_index_t, const ProjectedGraph&) { return {}; }
inline EdgeIndexMap get(boost::edge_index_t, const ProjectedGraph&) { return {}; }

// ---- UndirectedView: VertexListGraph, IncidenceGraph, EdgeListGraph

inline auto vertices(const UndirectedView& u) { return vertices(*u.graph); }
inline std::size_t num_vertices(const UndirectedView& u) { return num_vertices(*u.graph); }
inline auto out_edges(NodeId v, const UndirectedView& u) { return out_edges(v, *u.graph); }
inline std::size_t out_degree(NodeId v, const UndirectedView& u) { return out_degree(v, *u.graph); }
inline NodeId source(const EdgeRef& e, const UndirectedView&) { return e.from; }
inline NodeId target(const EdgeRef& e, const UndirectedView&) { return e.to; }
inline auto edges(const UndirectedView& u) { return edges(*u.graph); }
inline std::size_t num_edges(const UndirectedView& u) { return num_edges(*u.graph); }
inline boost::typed_identity_property_map<NodeId> get(boost::vertex_index_t, const UndirectedView&) { return {}; }
inline EdgeIndexMap get(boost::edge_index_t, const UndirectedView&) { return {}; }

}  // namespace ergo::algo
