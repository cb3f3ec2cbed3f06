// Boost.Graph runs on the store in place through its one view, the
// projection (here the default: the whole store as stored): the concept
// checks compile, and breadth_first_search and dijkstra_shortest_paths give
// hand-checked answers.
#include "engine/algo/projected_graph.hpp"

#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/property_map/function_property_map.hpp>

namespace ergo::algo {
namespace {

using namespace ergo::store;
using Graph = ProjectedGraph;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<boost::property_map<Graph, boost::vertex_index_t>::type, NodeId>));

// a -1-> b -1-> c -1-> d, plus a shortcut a -5-> d and a dangling e -> a.
struct Fixture {
  store::Graph stored;
  NodeId a, b, c, d, e;
  KeyId weight;
  Fixture() {
    LabelId city = stored.labels().intern("City");
    TypeId road = stored.types().intern("ROAD");
    weight = stored.keys().intern("km");
    a = stored.add_node({city});
    b = stored.add_node({city});
    c = stored.add_node({city});
    d = stored.add_node({city});
    e = stored.add_node({});
    auto link = [&](NodeId from, NodeId to, std::int64_t km) {
      stored.set_relationship_property(stored.add_relationship(from, road, to), weight, Value(km));
    };
    link(a, b, 1);
    link(b, c, 1);
    link(c, d, 1);
    link(a, d, 5);
    link(e, a, 2);
    stored.commit();
  }
  ProjectedGraph view() const { return ProjectedGraph(stored, ProjectionSpec{}); }
};

TEST(BglGraph, BreadthFirstSearchGivesHopDistances) {
  Fixture f;
  const ProjectedGraph g = f.view();
  std::vector<int> hops(num_vertices(g), -1);
  hops[f.a] = 0;
  struct Recorder : boost::default_bfs_visitor {
    std::vector<int>* hops;
    void tree_edge(EdgeRef e, const Graph& g) { (*hops)[target(e, g)] = (*hops)[source(e, g)] + 1; }
  } recorder;
  recorder.hops = &hops;
  boost::breadth_first_search(g, f.a, boost::visitor(recorder));
  EXPECT_EQ(hops, (std::vector<int>{0, 1, 2, 1, -1}));
}

TEST(BglGraph, DijkstraFollowsPropertyWeights) {
  Fixture f;
  const ProjectedGraph g = f.view();
  auto km = boost::make_function_property_map<EdgeRef, double>(
      [&](const EdgeRef& e) { return f.stored.relationship_property(e.rel, f.weight).as_double(); });
  std::vector<double> distance(num_vertices(g));
  std::vector<NodeId> predecessor(num_vertices(g));
  boost::dijkstra_shortest_paths(g, f.a,
                                 boost::weight_map(km)
                                     .distance_map(distance.data())
                                     .predecessor_map(predecessor.data()));
  EXPECT_EQ(distance[f.d], 3.0);  // a-b-c-d beats the 5 km shortcut
  EXPECT_EQ(predecessor[f.d], f.c);
  EXPECT_EQ(predecessor[f.c], f.b);
  EXPECT_EQ(distance[f.e], std::numeric_limits<double>::max());  // unreachable
}

TEST(BglGraph, InEdgesAndEdgeListAgree) {
  Fixture f;
  const ProjectedGraph g = f.view();
  EXPECT_EQ(in_degree(f.a, g), 1u);
  EXPECT_EQ(out_degree(f.a, g), 2u);
  auto [in_begin, in_end] = in_edges(f.d, g);
  std::vector<NodeId> sources;
  for (auto it = in_begin; it != in_end; ++it) sources.push_back(source(*it, g));
  EXPECT_EQ(sources, (std::vector<NodeId>{f.a, f.c}));
  EXPECT_EQ(num_edges(g), 5u);
  std::size_t n = 0;
  for (auto [it, end] = edges(g); it != end; ++it, ++n) {
    EXPECT_EQ(get(get(boost::edge_index, g), *it), n);
  }
  EXPECT_EQ(n, 5u);
}

}  // namespace
}  // namespace ergo::algo
