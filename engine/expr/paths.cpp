// Named paths, assembled from the pattern's slots (see nodes.hpp).
#include "engine/expr/nodes.hpp"

namespace ergo::expr {

Value PathBuild::eval(Frame& frame, ExecContext& ctx) const {
  PathRef path;
  const store::Graph& g = ctx.graph;
  auto add_rel = [&](RelationshipRef r) {
    store::NodeId last = path.nodes.back().id;
    path.relationships.push_back(r);
    path.nodes.push_back(NodeRef{g.source(r.id) == last ? g.target(r.id) : g.source(r.id)});
  };
  for (const Element& e : elements_) {
    const Value& v = frame[e.slot];
    if (v.is_null()) return Value();  // an OPTIONAL MATCH found nothing
    switch (e.kind) {
      case Element::Kind::node:
        if (path.nodes.empty()) path.nodes.push_back(v.as_node());
        break;
      case Element::Kind::relationship: add_rel(v.as_relationship()); break;
      case Element::Kind::relationship_list:
        for (const Value& r : v.as_list()) add_rel(r.as_relationship());
        break;
    }
  }
  return path;
}

}  // namespace ergo::expr
