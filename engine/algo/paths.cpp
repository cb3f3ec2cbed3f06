// Path procedures: ergo.shortestPath and ergo.allShortestPaths (hop count, by
// the breadth-first search the shortestPath() pattern uses) and ergo.dijkstra
// (least total weight, by boost::dijkstra_shortest_paths).
#include <cmath>
#include <limits>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "engine/algo/bfs.hpp"
#include "engine/algo/families.hpp"
#include "engine/algo/projection.hpp"

namespace ergo::algo {
namespace {

constexpr std::size_t kConfig = 2;  // config's position in shortestPath and allShortestPaths
constexpr std::size_t kDijkstraConfig = 3;

Rows hop_paths(const CallContext& c, const Arguments& a, bool all) {
  NodeId from = node_argument(c.graph, a, 0), to = node_argument(c.graph, a, 1);
  ProjectedGraph g(c.graph, projection_spec(c.graph, a));
  if (!g.contains(from) || !g.contains(to)) return {};
  g.set_poll(c.check_cancelled);
  BfsLimits limits;
  limits.target = to;
  limits.all_parents = all;
  if (!a.option("maxDepth").is_null()) limits.max_depth = integer_option(a, kConfig, "maxDepth", 0);
  Rows rows;
  for (PathRef& p : breadth_first_tree(g, from, limits).paths_to(to, all)) {
    auto length = static_cast<std::int64_t>(p.relationships.size());
    rows.push_back({Value(std::move(p)), Value(length)});
  }
  return rows;
}

// Thrown by the visitor to end Dijkstra's search when the target is settled.
struct TargetSettled {};

struct StopAtTarget : boost::default_dijkstra_visitor {
  NodeId target;
  std::vector<RelId>* via;  // the relationship each node was last relaxed through
  void edge_relaxed(const EdgeRef& e, const ProjectedGraph&) const { (*via)[e.to] = e.rel; }
  void examine_vertex(NodeId n, const ProjectedGraph&) const {
    if (n == target) throw TargetSettled{};
  }
};

Rows dijkstra(const CallContext& c, const Arguments& a) {
  NodeId from = node_argument(c.graph, a, 0), to = node_argument(c.graph, a, 1);
  const std::string& property = a[2].as_string();
  std::optional<double> fallback;
  if (!a.option("defaultWeight").is_null()) {
    fallback = number_option(a, kDijkstraConfig, "defaultWeight", 0, std::numeric_limits<double>::max());
  }
  auto key = c.graph.keys().find(property);
  const store::PropertyColumn* column = key ? c.graph.relationship_column(*key) : nullptr;
  ProjectedGraph g(c.graph, projection_spec(c.graph, a));
  if (!g.contains(from) || !g.contains(to)) return {};
  g.set_poll(c.check_cancelled);

  // Weights are read from the store as edges are relaxed: a search that
  // ends early never looks at most of them.
  auto weight_of = [&](const EdgeRef& e) -> double {
    if (column && column->has(e.rel)) {
      Value v = column->get(e.rel);
      if (!v.get_if<std::int64_t>() && !v.get_if<double>()) {
        throw ArgumentError(2, ErrorKind::type_error,
                            "relationship " + std::to_string(e.rel) + " has " + property + " = " + v.to_cypher() +
                                ", which is not a number",
                            "InvalidArgumentType");
      }
      double w = v.as_double();
      if (!(w >= 0) || std::isinf(w)) {
        throw ArgumentError(2, ErrorKind::argument_error,
                            "relationship " + std::to_string(e.rel) + " has " + property + " = " + v.to_cypher() +
                                ": Dijkstra needs finite weights of 0 or more",
                            "NumberOutOfRange");
      }
      return w;
    }
    if (fallback) return *fallback;
    throw ArgumentError(2, ErrorKind::argument_error,
                        "relationship " + std::to_string(e.rel) + " (:" + c.graph.types().name(c.graph.type_of(e.rel)) +
                            ") has no " + property + "; set config defaultWeight to give such relationships a weight",
                        "InvalidArgumentValue");
  };

  std::vector<double> distance(g.id_bound(), std::numeric_limits<double>::max());
  std::vector<NodeId> predecessor(g.id_bound(), store::no_node);
  std::vector<RelId> via(g.id_bound(), store::no_rel);
  try {
    boost::dijkstra_shortest_paths(
        g, from,
        boost::weight_map(boost::make_function_property_map<EdgeRef, double>(weight_of))
            .distance_map(distance.data())
            .predecessor_map(predecessor.data())
            .visitor(StopAtTarget{{}, to, &via}));
  } catch (const TargetSettled&) {
  }
  if (from != to && via[to] == store::no_rel) return {};

  PathRef path;
  for (NodeId n = to; n != from; n = predecessor[n]) {
    path.nodes.push_back(NodeRef{n});
    path.relationships.push_back(RelationshipRef{via[n]});
  }
  path.nodes.push_back(NodeRef{from});
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.relationships.begin(), path.relationships.end());
  auto length = static_cast<std::int64_t>(path.relationships.size());
  return {{Value(std::move(path)), Value(length), Value(distance[to])}};
}

std::vector<Option> hop_options() {
  std::vector<Option> options = projection_options(true);
  options.push_back({"maxDepth", Type::integer, Value(), "give up beyond this many hops (default: no limit)", {}});
  return options;
}

}  // namespace

std::vector<Procedure> path_procedures() {
  const std::vector<Argument> ends = {{"source", Type::node, std::nullopt}, {"target", Type::node, std::nullopt}};
  std::vector<Procedure> out;

  Procedure shortest;
  shortest.name = "ergo.shortestPath";
  shortest.description = "One shortest path (fewest relationships) from source to target, by breadth-first search.";
  shortest.arguments = ends;
  shortest.arguments.push_back({"config", Type::map, Value(Map{})});
  shortest.options = hop_options();
  shortest.fields = {{"path", Type::path}, {"length", Type::integer}};
  shortest.run = [](const CallContext& c, const Arguments& a) { return hop_paths(c, a, false); };
  out.push_back(shortest);

  Procedure all = shortest;
  all.name = "ergo.allShortestPaths";
  all.description = "Every shortest path (fewest relationships) from source to target, one row each.";
  all.run = [](const CallContext& c, const Arguments& a) { return hop_paths(c, a, true); };
  out.push_back(all);

  Procedure weighted;
  weighted.name = "ergo.dijkstra";
  weighted.description =
      "The path from source to target with the least total of a numeric relationship property "
      "(Dijkstra's algorithm; weights must be 0 or more).";
  weighted.arguments = ends;
  weighted.arguments.push_back({"weightProperty", Type::string, std::nullopt});
  weighted.arguments.push_back({"config", Type::map, Value(Map{})});
  weighted.options = projection_options(true);
  weighted.options.push_back({"defaultWeight", Type::number, Value(),
                              "the weight of relationships without the property (default: they are an error)", {}});
  weighted.fields = {{"path", Type::path}, {"length", Type::integer}, {"cost", Type::number}};
  weighted.run = dijkstra;
  out.push_back(weighted);
  return out;
}

}  // namespace ergo::algo
