// Binding CREATE: new nodes with their labels and properties, and directed
// relationships of exactly one type between bound or new nodes (see
// binder_impl.hpp).
#include "engine/bind/binder_impl.hpp"

namespace ergo::bind {

std::vector<std::pair<std::string, ExprPtr>> Binder::pattern_properties(const std::optional<ast::Expression>& props,
                                                                        const Scope& scope, const char* clause) {
  std::vector<std::pair<std::string, ExprPtr>> out;
  if (!props) return out;
  const ast::MapLiteral* map = ast::get_if<ast::MapLiteral>(*props);
  if (!map) {
    fail(ast::span_of(*props), ErrorKind::semantic_error, "UnsupportedFeature",
         std::string(clause) + " takes properties as a map literal, like {name: $name}");
  }
  for (const ast::MapEntry& e : map->entries) out.emplace_back(e.key.name, expression(e.value, scope));
  return out;
}

OperatorPtr Binder::create(const ast::Create& c, OperatorPtr input, Scope& scope) {
  auto op = std::make_unique<plan::Create>(std::move(input));
  writes_seen = true;
  std::vector<std::pair<const ast::Variable*, std::vector<expr::PathBuild::Element>>> paths;

  auto node = [&](const ast::NodePattern& np) -> std::size_t {
    if (np.variable) {
      if (const Variable* v = scope.find(np.variable->name)) {
        if (!np.labels.empty() || np.properties) {
          fail(np.variable->span, ErrorKind::syntax_error, "VariableAlreadyBound",
               "'" + np.variable->name + "' is already bound; CREATE cannot add labels or properties to it");
        }
        if (v->kind != VarKind::node && v->kind != VarKind::value) {
          fail(np.variable->span, ErrorKind::syntax_error, "VariableTypeConflict", "'" + np.variable->name + "' is not a node");
        }
        return v->slot;
      }
    }
    plan::CreateNode spec;
    spec.slot = new_slot();
    for (const ast::SchemaName& l : np.labels) spec.labels.push_back(l.name);
    spec.properties = pattern_properties(np.properties, scope, "CREATE");
    if (np.variable) scope.add({np.variable->name, spec.slot, VarKind::node});
    std::size_t slot = spec.slot;
    op->nodes.push_back(std::move(spec));
    return slot;
  };

  for (const ast::PatternPart& part : c.pattern) {
    if (part.selector != ast::PathSelector::None) {
      fail(part.span, ErrorKind::syntax_error, "UnexpectedSyntax", "CREATE cannot use shortestPath");
    }
    if (part.path_variable && scope.find(part.path_variable->name)) {
      fail(part.path_variable->span, ErrorKind::syntax_error, "VariableAlreadyBound",
           "variable '" + part.path_variable->name + "' is already defined");
    }
    const ast::PatternElement& el = part.element;
    if (el.links.empty() && el.start.variable && scope.find(el.start.variable->name)) {
      fail(el.start.variable->span, ErrorKind::syntax_error, "VariableAlreadyBound",
           "'" + el.start.variable->name + "' already exists; CREATE can only make new nodes or connect existing ones");
    }
    std::vector<expr::PathBuild::Element> elements;
    std::size_t previous = node(el.start);
    elements.push_back({expr::PathBuild::Element::Kind::node, previous});
    for (const ast::PatternLink& link : el.links) {
      const ast::RelationshipPattern& rp = link.relationship;
      if (rp.direction != ast::Direction::Outgoing && rp.direction != ast::Direction::Incoming) {
        fail(rp.span, ErrorKind::syntax_error, "RequiresDirectedRelationship",
             "CREATE needs a direction for every relationship: use -> or <-");
      }
      if (rp.types.size() != 1) {
        fail(rp.span, ErrorKind::syntax_error, "NoSingleRelationshipType",
             "CREATE needs exactly one type for every relationship, like -[:KNOWS]->");
      }
      if (rp.length) {
        fail(rp.span, ErrorKind::syntax_error, "CreatingVarLength", "CREATE cannot make a variable-length relationship");
      }
      if (rp.variable && scope.find(rp.variable->name)) {
        fail(rp.variable->span, ErrorKind::syntax_error, "VariableAlreadyBound",
             "variable '" + rp.variable->name + "' is already defined");
      }
      std::size_t next = node(link.node);
      plan::CreateRelationship spec;
      spec.slot = new_slot();
      spec.type = rp.types[0].name;
      spec.from_slot = rp.direction == ast::Direction::Outgoing ? previous : next;
      spec.to_slot = rp.direction == ast::Direction::Outgoing ? next : previous;
      spec.properties = pattern_properties(rp.properties, scope, "CREATE");
      if (rp.variable) scope.add({rp.variable->name, spec.slot, VarKind::relationship});
      elements.push_back({expr::PathBuild::Element::Kind::relationship, spec.slot});
      elements.push_back({expr::PathBuild::Element::Kind::node, next});
      op->relationships.push_back(std::move(spec));
      previous = next;
    }
    if (part.path_variable) paths.emplace_back(&*part.path_variable, std::move(elements));
  }

  OperatorPtr result = std::move(op);
  for (auto& [var, elements] : paths) {
    auto project = std::make_unique<plan::Project>(std::move(result));
    std::size_t slot = new_slot();
    project->items.emplace_back(slot, std::make_unique<expr::PathBuild>(span(var->span), std::move(elements)));
    scope.add({var->name, slot, VarKind::path});
    result = std::move(project);
  }
  return result;
}

}  // namespace ergo::bind
