// Centrality procedures: ergo.pageRank (boost::graph::page_rank),
// ergo.betweenness (boost::brandes_betweenness_centrality) and ergo.degree
// (counted on the projection). Rows come in node id order.
#include <cmath>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>

#include "engine/algo/families.hpp"
#include "engine/algo/projection.hpp"

namespace ergo::algo {
namespace {

constexpr std::size_t kConfig = 0;

// page_rank's stopping rule: after maxIterations steps, or as soon as no
// score moved by more than tolerance in the last step.
class Converged {
 public:
  Converged(const ProjectedGraph& g, std::int64_t max_steps, double tolerance, const std::function<void()>& poll)
      : g_(&g), max_steps_(max_steps), tolerance_(tolerance), poll_(&poll) {}

  template <class RankMap>
  bool operator()(const RankMap& rank, const ProjectedGraph&) {
    if (*poll_) (*poll_)();
    if (steps_ >= max_steps_) return true;
    double moved = 0;
    if (steps_ > 0) {
      for (auto [it, end] = vertices(*g_); it != end; ++it) moved = std::max(moved, std::abs(get(rank, *it) - previous_[*it]));
      if (moved < tolerance_) return true;
    }
    previous_.resize(g_->id_bound());
    for (auto [it, end] = vertices(*g_); it != end; ++it) previous_[*it] = get(rank, *it);
    ++steps_;
    return false;
  }

 private:
  const ProjectedGraph* g_;
  std::int64_t max_steps_;
  double tolerance_;
  const std::function<void()>* poll_;
  std::int64_t steps_ = 0;
  std::vector<double> previous_;
};

Rows run_page_rank(const CallContext& c, const Arguments& a) {
  double damping = number_option(a, kConfig, "dampingFactor", 0, 1, false);
  std::int64_t iterations = integer_option(a, kConfig, "maxIterations", 0);
  double tolerance = number_option(a, kConfig, "tolerance", 0, 1);
  ProjectedGraph g(c.graph, projection_spec(c.graph, a));
  g.set_poll(c.check_cancelled);
  if (g.node_count() == 0) return {};
  g.cache_degrees();  // page_rank divides by out_degree once per edge
  std::vector<double> rank(g.id_bound()), scratch(g.id_bound());
  auto index = get(boost::vertex_index, g);
  boost::graph::page_rank(g, boost::make_iterator_property_map(rank.begin(), index),
                          Converged(g, iterations, tolerance, c.check_cancelled), damping, g.node_count(),
                          boost::make_iterator_property_map(scratch.begin(), index));
  Rows rows;
  for (auto [it, end] = vertices(g); it != end; ++it) rows.push_back({node_value(*it), Value(rank[*it])});
  return rows;
}

Rows run_betweenness(const CallContext& c, const Arguments& a) {
  ProjectionSpec spec = projection_spec(c.graph, a);
  // Betweenness counts shortest paths between nodes: parallel relationships
  // would count one route several times, so the projection is simple.
  spec.simple = true;
  ProjectedGraph g(c.graph, std::move(spec));
  g.set_poll(c.check_cancelled);
  std::vector<double> centrality(g.id_bound(), 0.0);
  auto map = boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, g));
  if (g.direction() == Direction::both) {
    // As an undirected graph, so BGL counts each pair of ends once.
    boost::brandes_betweenness_centrality(UndirectedView{&g}, boost::centrality_map(map));
  } else {
    boost::brandes_betweenness_centrality(g, boost::centrality_map(map));
  }
  Rows rows;
  for (auto [it, end] = vertices(g); it != end; ++it) rows.push_back({node_value(*it), Value(centrality[*it])});
  return rows;
}

Rows run_degree(const CallContext& c, const Arguments& a) {
  ProjectionSpec spec = projection_spec(c.graph, a);
  const Direction wanted = spec.direction;
  // Counted on the stored orientation: `both` is out + in, so a self-loop
  // counts twice, as in graph theory.
  spec.direction = Direction::out;
  ProjectedGraph g(c.graph, std::move(spec));
  g.set_poll(c.check_cancelled);
  g.cache_degrees();
  Rows rows;
  for (auto [it, end] = vertices(g); it != end; ++it) {
    std::size_t d = wanted == Direction::out   ? out_degree(*it, g)
                    : wanted == Direction::in ? in_degree(*it, g)
                                                     : out_degree(*it, g) + in_degree(*it, g);
    rows.push_back({node_value(*it), Value(static_cast<std::int64_t>(d))});
  }
  return rows;
}

}  // namespace

std::vector<Procedure> centrality_procedures() {
  const std::vector<Argument> config = {{"config", Type::map, Value(Map{})}};
  const std::vector<Field> scored = {{"node", Type::node}, {"score", Type::number}};

  Procedure rank;
  rank.name = "ergo.pageRank";
  rank.description =
      "PageRank: score = (1 - dampingFactor) + dampingFactor * the sum over incoming relationships of the "
      "source's score / its outgoing relationships; iterated until no score moves by tolerance, or "
      "maxIterations times.";
  rank.arguments = config;
  rank.options = projection_options(true);
  rank.options.push_back({"dampingFactor", Type::number, Value(0.85), "the probability of following a relationship", {}});
  rank.options.push_back({"maxIterations", Type::integer, Value(std::int64_t{100}), "at most this many iterations", {}});
  rank.options.push_back({"tolerance", Type::number, Value(1e-7), "stop once no score moves by this much", {}});
  rank.fields = scored;
  rank.run = run_page_rank;

  Procedure between;
  between.name = "ergo.betweenness";
  between.description =
      "Betweenness centrality (Brandes): for each node, the sum over pairs of other nodes of the share of "
      "their shortest paths that pass through it. Parallel relationships count once; with direction 'both' "
      "each unordered pair counts once.";
  between.arguments = config;
  between.options = projection_options(true);
  between.fields = scored;
  between.run = run_betweenness;

  Procedure deg;
  deg.name = "ergo.degree";
  deg.description =
      "Degree centrality: the number of relationships leaving (direction 'out'), entering ('in') or touching "
      "('both') each node.";
  deg.arguments = config;
  deg.options = projection_options(true);
  deg.fields = {{"node", Type::node}, {"score", Type::integer}};
  deg.run = run_degree;
  return {rank, between, deg};
}

}  // namespace ergo::algo
