// Makes store::Graph a Boost.Graph graph in place, with no copy: it models
// VertexListGraph, IncidenceGraph, BidirectionalGraph and EdgeListGraph, with
// vertex_index and edge_index property maps. Private header: Boost stays out
// of the public API. Algorithms see the graph as of its last commit().
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include "engine/store/graph.hpp"

namespace ergo::store {

// A relationship as BGL sees it: its id and its endpoints, carried along so
// source(e, g) and target(e, g) need no lookup.
struct EdgeRef {
  RelId rel = no_rel;
  NodeId from = no_node;
  NodeId to = no_node;
  friend bool operator==(const EdgeRef& a, const EdgeRef& b) { return a.rel == b.rel; }
  friend bool operator!=(const EdgeRef& a, const EdgeRef& b) { return a.rel != b.rel; }
  friend bool operator<(const EdgeRef& a, const EdgeRef& b) { return a.rel < b.rel; }
};

// Walks one CSR slice; `outgoing` says whether the fixed node is the source.
class IncidentEdgeIterator
    : public boost::iterator_facade<IncidentEdgeIterator, EdgeRef, boost::random_access_traversal_tag,
                                    EdgeRef> {
 public:
  IncidentEdgeIterator() = default;
  IncidentEdgeIterator(const Adjacent* at, NodeId self, bool outgoing)
      : at_(at), self_(self), outgoing_(outgoing) {}

 private:
  friend class boost::iterator_core_access;
  EdgeRef dereference() const {
    return outgoing_ ? EdgeRef{at_->rel, self_, at_->neighbor} : EdgeRef{at_->rel, at_->neighbor, self_};
  }
  bool equal(const IncidentEdgeIterator& o) const { return at_ == o.at_; }
  void increment() { ++at_; }
  void decrement() { --at_; }
  void advance(std::ptrdiff_t n) { at_ += n; }
  std::ptrdiff_t distance_to(const IncidentEdgeIterator& o) const { return o.at_ - at_; }

  const Adjacent* at_ = nullptr;
  NodeId self_ = no_node;
  bool outgoing_ = true;
};

// Walks all relationships in id order.
class AllEdgesIterator
    : public boost::iterator_facade<AllEdgesIterator, EdgeRef, boost::random_access_traversal_tag, EdgeRef> {
 public:
  AllEdgesIterator() = default;
  AllEdgesIterator(const Graph* g, RelId r) : g_(g), r_(r) {}

 private:
  friend class boost::iterator_core_access;
  EdgeRef dereference() const { return {r_, g_->source(r_), g_->target(r_)}; }
  bool equal(const AllEdgesIterator& o) const { return r_ == o.r_; }
  void increment() { ++r_; }
  void decrement() { --r_; }
  void advance(std::ptrdiff_t n) { r_ = static_cast<RelId>(r_ + n); }
  std::ptrdiff_t distance_to(const AllEdgesIterator& o) const {
    return static_cast<std::ptrdiff_t>(o.r_) - static_cast<std::ptrdiff_t>(r_);
  }

  const Graph* g_ = nullptr;
  RelId r_ = 0;
};

struct GraphTraversalCategory : virtual boost::vertex_list_graph_tag,
                                virtual boost::bidirectional_graph_tag,
                                virtual boost::edge_list_graph_tag {};

}  // namespace ergo::store

namespace boost {

template <>
struct graph_traits<ergo::store::Graph> {
  using vertex_descriptor = ergo::store::NodeId;
  using edge_descriptor = ergo::store::EdgeRef;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = ergo::store::GraphTraversalCategory;

  using vertex_iterator = counting_iterator<ergo::store::NodeId>;
  using out_edge_iterator = ergo::store::IncidentEdgeIterator;
  using in_edge_iterator = ergo::store::IncidentEdgeIterator;
  using edge_iterator = ergo::store::AllEdgesIterator;
  using adjacency_iterator = void;

  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;

  static vertex_descriptor null_vertex() { return ergo::store::no_node; }
};

template <>
struct property_map<ergo::store::Graph, vertex_index_t> {
  using type = typed_identity_property_map<ergo::store::NodeId>;
  using const_type = type;
};

// Edge ids are dense (0..num_edges-1), so they index per-edge arrays.
struct ergo_edge_index_map {
  using key_type = ergo::store::EdgeRef;
  using value_type = ergo::store::RelId;
  using reference = ergo::store::RelId;
  using category = readable_property_map_tag;
};
inline ergo::store::RelId get(ergo_edge_index_map, const ergo::store::EdgeRef& e) { return e.rel; }

template <>
struct property_map<ergo::store::Graph, edge_index_t> {
  using type = ergo_edge_index_map;
  using const_type = type;
};

}  // namespace boost

namespace ergo::store {

using BglTraits = boost::graph_traits<Graph>;

inline std::pair<BglTraits::vertex_iterator, BglTraits::vertex_iterator> vertices(const Graph& g) {
  return {BglTraits::vertex_iterator(0), BglTraits::vertex_iterator(static_cast<NodeId>(g.node_count()))};
}
inline std::size_t num_vertices(const Graph& g) { return g.node_count(); }

inline std::pair<IncidentEdgeIterator, IncidentEdgeIterator> out_edges(NodeId v, const Graph& g) {
  auto s = g.out(v);
  return {IncidentEdgeIterator(s.data(), v, true), IncidentEdgeIterator(s.data() + s.size(), v, true)};
}
inline std::size_t out_degree(NodeId v, const Graph& g) { return g.out(v).size(); }

inline std::pair<IncidentEdgeIterator, IncidentEdgeIterator> in_edges(NodeId v, const Graph& g) {
  auto s = g.in(v);
  return {IncidentEdgeIterator(s.data(), v, false), IncidentEdgeIterator(s.data() + s.size(), v, false)};
}
inline std::size_t in_degree(NodeId v, const Graph& g) { return g.in(v).size(); }
inline std::size_t degree(NodeId v, const Graph& g) { return g.out(v).size() + g.in(v).size(); }

inline NodeId source(const EdgeRef& e, const Graph&) { return e.from; }
inline NodeId target(const EdgeRef& e, const Graph&) { return e.to; }

inline std::pair<AllEdgesIterator, AllEdgesIterator> edges(const Graph& g) {
  return {AllEdgesIterator(&g, 0), AllEdgesIterator(&g, static_cast<RelId>(g.relationship_count()))};
}
inline std::size_t num_edges(const Graph& g) { return g.relationship_count(); }

inline boost::typed_identity_property_map<NodeId> get(boost::vertex_index_t, const Graph&) { return {}; }
inline NodeId get(boost::vertex_index_t, const Graph&, NodeId v) { return v; }
inline boost::ergo_edge_index_map get(boost::edge_index_t, const Graph&) { return {}; }

}  // namespace ergo::store
