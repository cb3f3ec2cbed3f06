// ergo.khop: every node within k hops of a source, with its distance, by the
// shared breadth-first search (bfs.hpp) stopped at depth k. BGL has no
// bounded neighbourhood of its own; this is breadth_first_visit with a stop.
#include "engine/algo/bfs.hpp"
#include "engine/algo/families.hpp"
#include "engine/algo/projection.hpp"

namespace ergo::algo {
namespace {

Rows khop(const CallContext& c, const Arguments& a) {
  NodeId from = node_argument(c.graph, a, 0);
  std::int64_t k = a[1].as_int();
  if (k < 0) {
    throw ArgumentError(1, ErrorKind::argument_error, "k must be 0 or more, got " + std::to_string(k),
                        "NumberOutOfRange");
  }
  ProjectedGraph g(c.graph, projection_spec(c.graph, a));
  if (!g.contains(from)) return {};
  g.set_poll(c.check_cancelled);
  BfsLimits limits;
  limits.max_depth = k;
  ShortestPathTree tree = breadth_first_tree(g, from, limits);
  Rows rows;
  for (NodeId n : tree.order()) {
    if (n != from) rows.push_back({node_value(n), Value(static_cast<std::int64_t>(tree.depth(n)))});
  }
  return rows;
}

}  // namespace

std::vector<Procedure> khop_procedures() {
  Procedure p;
  p.name = "ergo.khop";
  p.description =
      "The k-hop neighbourhood of source: every other node reachable in at most k relationships, "
      "with its distance in hops, nearest first.";
  p.arguments = {{"source", Type::node, std::nullopt}, {"k", Type::integer, std::nullopt},
                 {"config", Type::map, Value(Map{})}};
  p.options = projection_options(true);
  p.fields = {{"node", Type::node}, {"distance", Type::integer}};
  p.run = khop;
  return {p};
}

}  // namespace ergo::algo
