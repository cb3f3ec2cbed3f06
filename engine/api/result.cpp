// ergo::Result: rows plus read access to the graph elements in them.
#include "ergo/result.hpp"

#include <algorithm>
#include <mutex>

#include "engine/api/graph_snapshot.hpp"
#include "engine/api/held_locks.hpp"
#include "ergo/error.hpp"

namespace ergo {
namespace {

// Runs `read` on the graph under a shared lock, after checking that `valid`
// holds for it (the id is one the graph has).
template <class Valid, class Read>
auto with_graph(const std::shared_ptr<const detail::GraphSnapshot>& g, Valid valid, Read read) {
  if (!g) throw Error(ErrorKind::runtime_error, "this result is not attached to a database");
  detail::ReadLock lock(*g);  // not again on the thread of an open transaction
  if (!valid(g->graph)) throw Error(ErrorKind::runtime_error, "this result has no such node or relationship");
  return read(g->graph);
}

}  // namespace

Result::Result() = default;

Result::Result(std::vector<std::string> columns, std::vector<std::vector<Value>> rows, QueryStats stats,
               std::shared_ptr<const detail::GraphSnapshot> graph, std::vector<std::string> warnings,
               std::optional<ProfiledOperator> profiled_plan)
    : columns_(std::move(columns)),
      rows_(std::move(rows)),
      stats_(stats),
      graph_(std::move(graph)),
      warnings_(std::move(warnings)),
      profiled_plan_(std::move(profiled_plan)),
      profile_(profiled_plan_ ? to_text(*profiled_plan_) : std::string()) {}

std::vector<std::string> Result::labels(NodeRef n) const {
  return with_graph(graph_, [&](const store::Graph& g) { return n.id < g.node_count(); },
                    [&](const store::Graph& g) {
                      std::vector<std::string> out;
                      for (store::LabelId l : g.labels_of(n.id)) out.push_back(g.labels().name(l));
                      return out;
                    });
}

Map Result::properties(NodeRef n) const {
  return with_graph(graph_, [&](const store::Graph& g) { return n.id < g.node_count(); },
                    [&](const store::Graph& g) { return g.node_properties(n.id); });
}

std::string Result::type(RelationshipRef r) const {
  return with_graph(graph_, [&](const store::Graph& g) { return r.id < g.relationship_count(); },
                    [&](const store::Graph& g) { return g.types().name(g.type_of(r.id)); });
}

NodeRef Result::start_node(RelationshipRef r) const {
  return with_graph(graph_, [&](const store::Graph& g) { return r.id < g.relationship_count(); },
                    [&](const store::Graph& g) { return NodeRef{g.source(r.id)}; });
}

NodeRef Result::end_node(RelationshipRef r) const {
  return with_graph(graph_, [&](const store::Graph& g) { return r.id < g.relationship_count(); },
                    [&](const store::Graph& g) { return NodeRef{g.target(r.id)}; });
}

Map Result::properties(RelationshipRef r) const {
  return with_graph(graph_, [&](const store::Graph& g) { return r.id < g.relationship_count(); },
                    [&](const store::Graph& g) { return g.relationship_properties(r.id); });
}

std::optional<std::size_t> Result::column_index(std::string_view name) const {
  auto it = std::find(columns_.begin(), columns_.end(), name);
  if (it == columns_.end()) return std::nullopt;
  return static_cast<std::size_t>(it - columns_.begin());
}

Value Result::property(NodeRef n, std::string_view key) const {
  return with_graph(graph_, [&](const store::Graph& g) { return n.id < g.node_count(); },
                    [&](const store::Graph& g) {
                      auto k = g.keys().find(key);
                      return k ? g.node_property(n.id, *k) : Value();
                    });
}

Value Result::property(RelationshipRef r, std::string_view key) const {
  return with_graph(graph_, [&](const store::Graph& g) { return r.id < g.relationship_count(); },
                    [&](const store::Graph& g) {
                      auto k = g.keys().find(key);
                      return k ? g.relationship_property(r.id, *k) : Value();
                    });
}

}  // namespace ergo
