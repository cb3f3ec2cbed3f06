// Gathering the drawn subgraph from a Result (see answer_graph.hpp). The
// answer's elements are taken in the order the rows list them, so a cap keeps
// the first ones; the drawing itself is sorted by id, so the same elements
// always give the same DOT.
#include "engine/render/answer_graph.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ergo/database.hpp"
#include "ergo/error.hpp"

namespace ergo::diagram {
namespace {

// The answer's elements in order of first appearance.
struct Seen {
  std::vector<NodeRef> nodes;
  std::set<NodeRef> node_set;
  std::vector<RelationshipRef> relationships;
  std::set<RelationshipRef> relationship_set;
  std::set<NodeRef> path_nodes;
  std::set<RelationshipRef> path_relationships;
  std::map<NodeRef, double> sizes;

  void add(NodeRef n) {
    if (node_set.insert(n).second) nodes.push_back(n);
  }
  void add(const Result& r, RelationshipRef rel) {
    if (!relationship_set.insert(rel).second) return;
    relationships.push_back(rel);
    add(r.start_node(rel));
    add(r.end_node(rel));
  }
};

// Adds every element in `v` (recursing into lists, maps and paths) and
// records the nodes of the row in `row_nodes`.
void walk(const Result& r, const Value& v, Seen& seen, std::vector<NodeRef>& row_nodes) {
  if (const auto* n = v.get_if<NodeRef>()) {
    seen.add(*n);
    row_nodes.push_back(*n);
  } else if (const auto* rel = v.get_if<RelationshipRef>()) {
    seen.add(r, *rel);
  } else if (const auto* p = v.get_if<PathRef>()) {
    for (std::size_t i = 0; i < p->nodes.size(); ++i) {
      seen.add(p->nodes[i]);
      row_nodes.push_back(p->nodes[i]);
      seen.path_nodes.insert(p->nodes[i]);
      if (i < p->relationships.size()) {
        seen.add(r, p->relationships[i]);
        seen.path_relationships.insert(p->relationships[i]);
      }
    }
  } else if (const auto* list = v.get_if<List>()) {
    for (const Value& item : *list) walk(r, item, seen, row_nodes);
  } else if (const auto* map = v.get_if<Map>()) {
    for (const auto& entry : *map) walk(r, entry.second, seen, row_nodes);
  }
}

std::optional<std::size_t> column_index(const Result& r, const std::string& name) {
  const auto& cols = r.columns();
  auto it = std::find(cols.begin(), cols.end(), name);
  if (it == cols.end()) return std::nullopt;
  return static_cast<std::size_t>(it - cols.begin());
}

DrawnNode node_of(const Result& r, NodeRef n) { return {n, r.labels(n), r.properties(n), false, false, {}}; }

DrawnRelationship relationship_of(const Result& r, RelationshipRef rel) {
  return {rel, r.start_node(rel), r.end_node(rel), r.type(rel), r.properties(rel), false, false};
}

// Adds the direct neighbours of the drawn nodes, fainter, within the limits:
// those linked to the most drawn nodes first, then by id.
void add_context(AnswerGraph& g, const RenderOptions& options) {
  List ids;
  for (const DrawnNode& n : g.nodes) ids.emplace_back(static_cast<std::int64_t>(n.ref.id));
  Result around = options.database->execute("MATCH (n)-[r]-(m) WHERE id(n) IN $ids RETURN n, r, m",
                                            {{"ids", Value(std::move(ids))}}, "<render context>");

  std::set<NodeRef> drawn;
  for (const DrawnNode& n : g.nodes) drawn.insert(n.ref);
  std::set<RelationshipRef> drawn_rels;
  for (const DrawnRelationship& r : g.relationships) drawn_rels.insert(r.ref);

  // Each neighbour with the drawn nodes it touches; each relationship once.
  std::map<NodeRef, std::set<NodeRef>> touches;
  std::set<RelationshipRef> candidates;
  for (const Row& row : around) {
    NodeRef n = row[0].as_node(), m = row[2].as_node();
    if (!drawn.count(m)) touches[m].insert(n);
    candidates.insert(row[1].as_relationship());
  }
  std::vector<NodeRef> order;
  for (const auto& entry : touches) order.push_back(entry.first);
  std::stable_sort(order.begin(), order.end(),
                   [&](NodeRef a, NodeRef b) { return touches[a].size() > touches[b].size(); });

  std::size_t room = options.max_nodes > g.nodes.size() ? options.max_nodes - g.nodes.size() : 0;
  for (NodeRef m : order) {
    if (room == 0) {
      ++g.omitted_context_nodes;
      continue;
    }
    --room;
    drawn.insert(m);
    DrawnNode d = node_of(around, m);
    d.context = true;
    g.nodes.push_back(std::move(d));
  }
  for (RelationshipRef rel : candidates) {
    if (drawn_rels.count(rel) || g.relationships.size() >= options.max_relationships) continue;
    if (!drawn.count(around.start_node(rel)) || !drawn.count(around.end_node(rel))) continue;
    DrawnRelationship d = relationship_of(around, rel);
    d.context = true;
    g.relationships.push_back(std::move(d));
  }
  g.has_context = true;
}

}  // namespace

AnswerGraph collect(const Result& result, const RenderOptions& options) {
  if (options.context && !options.database) {
    throw Error(ErrorKind::argument_error, "drawing the neighbours (context) needs the database of the result");
  }
  std::optional<std::size_t> size_column;
  if (!options.size_by.empty()) {
    size_column = column_index(result, options.size_by);
    if (!size_column) {
      throw Error(ErrorKind::argument_error, "size_by: the answer has no column '" + options.size_by + "'");
    }
  }

  Seen seen;
  for (const Row& row : result) {
    std::vector<NodeRef> row_nodes;
    for (const Value& cell : row) walk(result, cell, seen, row_nodes);
    if (!size_column) continue;
    const Value& v = row[*size_column];
    if (!v.get_if<std::int64_t>() && !v.get_if<double>()) continue;
    for (NodeRef n : row_nodes) {
      auto [it, fresh] = seen.sizes.emplace(n, v.as_double());
      if (!fresh) it->second = std::max(it->second, v.as_double());
    }
  }

  AnswerGraph g;
  g.answer_nodes = seen.nodes.size();
  g.answer_relationships = seen.relationships.size();
  g.has_paths = !seen.path_relationships.empty() || !seen.path_nodes.empty();

  std::set<NodeRef> kept;
  for (NodeRef n : seen.nodes) {
    if (kept.size() == options.max_nodes) break;
    kept.insert(n);
    DrawnNode d = node_of(result, n);
    d.on_path = seen.path_nodes.count(n) > 0;
    if (auto it = seen.sizes.find(n); it != seen.sizes.end()) d.size = it->second;
    g.nodes.push_back(std::move(d));
  }
  for (RelationshipRef rel : seen.relationships) {
    if (g.relationships.size() == options.max_relationships) break;
    if (!kept.count(result.start_node(rel)) || !kept.count(result.end_node(rel))) continue;
    DrawnRelationship d = relationship_of(result, rel);
    d.on_path = seen.path_relationships.count(rel) > 0;
    g.relationships.push_back(std::move(d));
  }
  g.omitted_nodes = g.answer_nodes - g.nodes.size();
  g.omitted_relationships = g.answer_relationships - g.relationships.size();

  if (options.context && !g.nodes.empty()) add_context(g, options);

  std::sort(g.nodes.begin(), g.nodes.end(), [](const auto& a, const auto& b) { return a.ref < b.ref; });
  std::sort(g.relationships.begin(), g.relationships.end(),
            [](const auto& a, const auto& b) { return a.ref < b.ref; });
  return g;
}

}  // namespace ergo::diagram
