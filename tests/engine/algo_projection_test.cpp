// The projection adaptor (engine/algo/projected_graph.hpp): it models the
// BGL concepts, lists exactly the hops the pattern matcher lists and in the
// same order (so the shortestPath() pattern gives the same answers on the
// shared search), filters labels and types, and keeps one relationship per
// pair when simple.
#include "engine/algo/projected_graph.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include <boost/graph/graph_concepts.hpp>

#include "engine/exec/steps.hpp"

namespace ergo::algo {
namespace {

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<ProjectedGraph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<ProjectedGraph>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<ProjectedGraph>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<ProjectedGraph>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<UndirectedView>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<UndirectedView>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<UndirectedView>));

// 40 nodes (labels A or B), 300 relationships of types X, Y, Z with parallel
// ones and self-loops.
store::Graph random_graph() {
  store::Graph g;
  store::LabelId a = g.labels().intern("A"), b = g.labels().intern("B");
  store::TypeId types[] = {g.types().intern("X"), g.types().intern("Y"), g.types().intern("Z")};
  for (int i = 0; i < 40; ++i) g.add_node({i % 3 ? a : b});
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    NodeId from = rng() % 40, to = rng() % 12 == 0 ? from : rng() % 40;
    g.add_relationship(from, types[rng() % 3], to);
  }
  g.commit();
  return g;
}

std::vector<std::pair<NodeId, RelId>> hops(const ProjectedGraph& g, NodeId v) {
  std::vector<std::pair<NodeId, RelId>> out;
  for (auto [it, end] = out_edges(v, g); it != end; ++it) {
    EXPECT_EQ(source(*it, g), v);
    out.emplace_back(target(*it, g), it->rel);
  }
  return out;
}

TEST(AlgoProjection, ListsThePatternMatchersHopsInItsOrder) {
  store::Graph g = random_graph();
  const std::vector<std::vector<std::string>> type_lists = {{}, {"Z", "X"}, {"Y"}, {"W"}};
  for (store::Direction dir : {store::Direction::out, store::Direction::in, store::Direction::both}) {
    for (const auto& names : type_lists) {
      runtime::TypeFilter types = runtime::find_types(g, names);
      ProjectionSpec spec;
      spec.all_types = types.any;
      spec.types = types.ids;
      spec.direction = dir == store::Direction::out  ? Direction::out
                         : dir == store::Direction::in ? Direction::in
                                                      : Direction::both;
      ProjectedGraph view(g, spec);
      for (NodeId v = 0; v < 40; ++v) {
        std::vector<exec::Step> steps;
        exec::collect_steps(g, v, dir, types, steps);
        std::vector<std::pair<NodeId, RelId>> expected;
        for (const exec::Step& s : steps) expected.emplace_back(s.neighbor, s.rel);
        EXPECT_EQ(hops(view, v), expected) << "node " << v;
        EXPECT_EQ(out_degree(v, view), expected.size());
      }
    }
  }
}

TEST(AlgoProjection, FiltersLabelsAndKeepsIdsDense) {
  store::Graph g = random_graph();
  ProjectionSpec spec;
  spec.all_labels = false;
  spec.labels = {*g.labels().find("B")};
  ProjectedGraph view(g, spec);
  EXPECT_EQ(view.node_count(), 14u);  // ids 0, 3, ..., 39
  EXPECT_EQ(num_vertices(view), 40u);  // the id bound, as filtered_graph reports it
  std::size_t seen = 0;
  for (auto [it, end] = vertices(view); it != end; ++it, ++seen) {
    EXPECT_EQ(*it % 3, 0u);
    for (auto [e, e_end] = out_edges(*it, view); e != e_end; ++e) EXPECT_EQ(target(*e, view) % 3, 0u);
    for (auto [e, e_end] = in_edges(*it, view); e != e_end; ++e) EXPECT_EQ(source(*e, view) % 3, 0u);
  }
  EXPECT_EQ(seen, 14u);
  std::size_t listed = 0;
  for (auto [e, end] = edges(view); e != end; ++e, ++listed) {
    EXPECT_TRUE(view.contains(source(*e, view)) && view.contains(target(*e, view)));
  }
  EXPECT_EQ(listed, num_edges(view));
  // The same edges in and out, degrees cached or counted.
  std::size_t out_total = 0, in_total = 0;
  for (auto [it, end] = vertices(view); it != end; ++it) out_total += out_degree(*it, view), in_total += in_degree(*it, view);
  EXPECT_EQ(out_total, listed);
  EXPECT_EQ(in_total, listed);
  view.cache_degrees();
  std::size_t cached = 0;
  for (auto [it, end] = vertices(view); it != end; ++it) cached += out_degree(*it, view);
  EXPECT_EQ(cached, listed);
}

TEST(AlgoProjection, SimpleKeepsOneRelationshipPerPair) {
  store::Graph g = random_graph();
  for (Direction o : {Direction::out, Direction::in, Direction::both}) {
    ProjectionSpec spec;
    spec.direction = o;
    spec.simple = true;
    ProjectedGraph view(g, spec);
    ProjectionSpec plain_spec;
    plain_spec.direction = o;
    ProjectedGraph plain(g, plain_spec);
    for (NodeId v = 0; v < 40; ++v) {
      std::set<NodeId> neighbours, distinct;
      for (auto [n, r] : hops(view, v)) {
        EXPECT_NE(n, v) << "no self-loops";
        EXPECT_TRUE(distinct.insert(n).second) << "one edge per neighbour";
      }
      for (auto [n, r] : hops(plain, v)) {
        if (n != v) neighbours.insert(n);
      }
      EXPECT_EQ(distinct, neighbours);
      // Both ends agree on the relationship that stands for their pair.
      for (auto [n, r] : hops(view, v)) {
        bool back = false;
        for (auto [m, q] : hops(view, n)) back |= m == v && q == r;
        if (o == Direction::both) {
          EXPECT_TRUE(back);
        }
      }
    }
  }
}

}  // namespace
}  // namespace ergo::algo
