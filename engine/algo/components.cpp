// Component procedures: ergo.wcc (weakly connected components, by
// boost::connected_components on the projection seen undirected) and ergo.scc
// (strongly connected components, by boost::strong_components, Tarjan's).
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>

#include "engine/algo/families.hpp"
#include "engine/algo/projection.hpp"

namespace ergo::algo {
namespace {

// Rows in node id order; components renumbered 0, 1, ... in the order of
// their lowest node id, so ids do not depend on how BGL happened to number
// them.
Rows rows_of(const ProjectedGraph& g, const std::vector<std::size_t>& component) {
  std::vector<std::int64_t> renumbered(g.id_bound(), -1);
  std::int64_t next = 0;
  Rows rows;
  for (auto [it, end] = vertices(g); it != end; ++it) {
    std::int64_t& id = renumbered[component[*it]];
    if (id < 0) id = next++;
    rows.push_back({node_value(*it), Value(id)});
  }
  return rows;
}

Rows wcc(const CallContext& c, const Arguments& a) {
  ProjectionSpec spec = projection_spec(c.graph, a);
  // Weak connectivity ignores direction: every relationship joins its ends.
  spec.direction = Direction::both;
  ProjectedGraph g(c.graph, std::move(spec));
  g.set_poll(c.check_cancelled);
  if (g.node_count() == 0) return {};
  std::vector<std::size_t> component(g.id_bound());
  UndirectedView view{&g};
  boost::connected_components(view, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, view)));
  return rows_of(g, component);
}

Rows scc(const CallContext& c, const Arguments& a) {
  ProjectedGraph g(c.graph, projection_spec(c.graph, a));
  g.set_poll(c.check_cancelled);
  if (g.node_count() == 0) return {};
  std::vector<std::size_t> component(g.id_bound());
  boost::strong_components(g, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, g)));
  return rows_of(g, component);
}

}  // namespace

std::vector<Procedure> component_procedures() {
  Procedure weak;
  weak.name = "ergo.wcc";
  weak.description =
      "Weakly connected components: nodes joined by relationships in either direction share a componentId "
      "(numbered from 0 in the order of each component's lowest node id).";
  weak.arguments = {{"config", Type::map, Value(Map{})}};
  weak.options = projection_options(false);
  weak.fields = {{"node", Type::node}, {"componentId", Type::integer}};
  weak.run = wcc;

  Procedure strong = weak;
  strong.name = "ergo.scc";
  strong.description =
      "Strongly connected components: nodes that reach each other following relationship direction share a "
      "componentId (numbered from 0 in the order of each component's lowest node id).";
  strong.run = scc;
  return {weak, strong};
}

}  // namespace ergo::algo
