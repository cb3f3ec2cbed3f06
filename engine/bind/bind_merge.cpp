// Binding MERGE (see binder_impl.hpp): the pattern bound twice — as a match
// subplan over the row (Once-rooted, like OPTIONAL MATCH), and as what to
// create when that finds nothing, writing the same slots so that later
// clauses read one set of variables whichever happened — plus the ON MATCH
// and ON CREATE items.
#include <map>

#include "engine/bind/binder_impl.hpp"

namespace ergo::bind {

OperatorPtr Binder::merge(const ast::Merge& m, OperatorPtr input, Scope& scope) {
  writes_seen = true;
  const ast::PatternPart& part = m.pattern;
  const ast::PatternElement& el = part.element;
  if (part.selector != ast::PathSelector::None) {
    fail(part.span, ErrorKind::syntax_error, "UnexpectedSyntax", "MERGE cannot use shortestPath");
  }
  const Scope before = scope;
  auto bound_before = [&](const std::optional<ast::Variable>& v) { return v && before.find(v->name); };
  // What openCypher forbids up front, each at its place.
  auto check_node = [&](const ast::NodePattern& np) {
    if (bound_before(np.variable) && (!np.labels.empty() || np.properties)) {
      fail(np.variable->span, ErrorKind::syntax_error, "VariableAlreadyBound",
           "'" + np.variable->name + "' is already bound; MERGE cannot add labels or properties to it (use SET)");
    }
  };
  check_node(el.start);
  if (el.links.empty() && bound_before(el.start.variable)) {
    fail(el.start.variable->span, ErrorKind::syntax_error, "VariableAlreadyBound",
         "'" + el.start.variable->name + "' already exists; MERGE of a lone node needs a new variable");
  }
  for (const ast::PatternLink& link : el.links) {
    const ast::RelationshipPattern& rp = link.relationship;
    check_node(link.node);
    if (rp.types.size() != 1) {
      fail(rp.span, ErrorKind::syntax_error, "NoSingleRelationshipType",
           "MERGE needs exactly one type for every relationship, like -[:KNOWS]->");
    }
    if (rp.length) {
      fail(rp.span, ErrorKind::syntax_error, "CreatingVarLength", "MERGE cannot make a variable-length relationship");
    }
    if (bound_before(rp.variable)) {
      fail(rp.variable->span, ErrorKind::syntax_error, "VariableAlreadyBound",
           "variable '" + rp.variable->name + "' is already defined; MERGE makes new relationships");
    }
  }

  std::vector<std::size_t> introduced;
  // A label or type the graph lacks is what MERGE creates, not a typo to
  // warn about as MATCH does.
  const std::size_t warned = warnings_.size();
  OperatorPtr match = pattern({part}, std::make_unique<plan::Once>(), scope, introduced);
  warnings_.resize(warned);
  auto op = std::make_unique<plan::Merge>(std::move(input), std::move(match));

  // The creation side: named elements write the slots the match binds.
  std::map<std::string, std::size_t> made;
  auto node = [&](const ast::NodePattern& np) -> std::size_t {
    if (np.variable) {
      if (const Variable* v = before.find(np.variable->name)) return v->slot;
      if (auto it = made.find(np.variable->name); it != made.end()) return it->second;
    }
    plan::CreateNode spec;
    spec.slot = np.variable ? scope.find(np.variable->name)->slot : new_slot();
    for (const ast::SchemaName& l : np.labels) spec.labels.push_back(l.name);
    spec.properties = pattern_properties(np.properties, before, "MERGE");
    if (np.variable) made[np.variable->name] = spec.slot;
    op->nodes.push_back(std::move(spec));
    return op->nodes.back().slot;
  };
  std::vector<expr::PathBuild::Element> elements;
  std::size_t previous = node(el.start);
  elements.push_back({expr::PathBuild::Element::Kind::node, previous});
  for (const ast::PatternLink& link : el.links) {
    const ast::RelationshipPattern& rp = link.relationship;
    std::size_t next = node(link.node);
    plan::CreateRelationship spec;
    spec.slot = rp.variable ? scope.find(rp.variable->name)->slot : new_slot();
    spec.type = rp.types[0].name;
    // An undirected MERGE matches either way and creates left to right.
    const bool incoming = rp.direction == ast::Direction::Incoming;
    spec.from_slot = incoming ? next : previous;
    spec.to_slot = incoming ? previous : next;
    spec.properties = pattern_properties(rp.properties, before, "MERGE");
    elements.push_back({expr::PathBuild::Element::Kind::relationship, spec.slot});
    elements.push_back({expr::PathBuild::Element::Kind::node, next});
    op->relationships.push_back(std::move(spec));
    previous = next;
  }
  if (part.path_variable) {
    op->path.emplace(scope.find(part.path_variable->name)->slot,
                     std::make_unique<expr::PathBuild>(span(part.path_variable->span), std::move(elements)));
  }
  for (const ast::MergeAction& action : m.actions) {
    auto& items = action.trigger == ast::MergeTrigger::OnMatch ? op->on_match : op->on_create;
    for (const ast::SetItem& item : action.items) items.push_back(set_item(item, scope));
  }
  return op;
}

}  // namespace ergo::bind
