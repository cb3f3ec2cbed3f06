#include "engine/api/result_elements.hpp"

namespace ergo::detail {
namespace {

class Capture {
 public:
  Capture(const store::Graph& graph, ResultElements& out) : graph_(graph), out_(out) {}

  void value(const Value& v) {
    if (const NodeRef* n = v.get_if<NodeRef>()) return node(n->id);
    if (const RelationshipRef* r = v.get_if<RelationshipRef>()) return relationship(r->id);
    if (const PathRef* p = v.get_if<PathRef>()) {
      for (NodeRef n : p->nodes) node(n.id);
      for (RelationshipRef r : p->relationships) relationship(r.id);
      return;
    }
    if (const List* list = v.get_if<List>()) {
      for (const Value& item : *list) value(item);
      return;
    }
    if (const Map* map = v.get_if<Map>()) {
      for (const auto& entry : *map) value(entry.second);
    }
  }

 private:
  void node(std::uint64_t id) {
    if (id >= graph_.node_count() || out_.nodes.count(id)) return;
    ResultElements::Node& n = out_.nodes[id];
    for (store::LabelId l : graph_.labels_of(id)) n.labels.push_back(graph_.labels().name(l));
    n.properties = graph_.node_properties(id);
  }

  void relationship(std::uint64_t id) {
    if (id >= graph_.relationship_count() || out_.relationships.count(id)) return;
    ResultElements::Relationship& r = out_.relationships[id];
    r.type = graph_.types().name(graph_.type_of(id));
    r.start = NodeRef{graph_.source(id)};
    r.end = NodeRef{graph_.target(id)};
    r.properties = graph_.relationship_properties(id);
    // Its ends may be asked about though the rows do not hold them.
    node(r.start.id);
    node(r.end.id);
  }

  const store::Graph& graph_;
  ResultElements& out_;
};

}  // namespace

std::shared_ptr<const ResultElements> capture_elements(const store::Graph& graph, const RowChunks& rows) {
  auto out = std::make_shared<ResultElements>();
  Capture capture(graph, *out);
  RowChunks::Place at;
  for (std::size_t r = 0; r < rows.size(); ++r, rows.next(at)) {
    const Value* row = rows.at(at);
    for (std::size_t c = 0; c < rows.width(); ++c) capture.value(row[c]);
  }
  return out;
}

}  // namespace ergo::detail
