// Binding SET, REMOVE and [DETACH] DELETE into SetItems and DeleteElements
// (see binder_impl.hpp). The checks that need only the query are made here,
// positioned; what depends on values (a null, a number where a node was
// expected) is checked when the row is applied.
#include "engine/bind/binder_impl.hpp"

namespace ergo::bind {
namespace {

const char* kind_name(VarKind k) {
  switch (k) {
    case VarKind::path: return "a path";
    case VarKind::relationship_list: return "a list of relationships";
    case VarKind::scalar: return "not a node or relationship";
    default: return "";
  }
}

}  // namespace

ExprPtr Binder::update_target(const ast::Expression& e, const Scope& scope, bool labels, const char* clause) {
  if (auto* v = ast::get_if<ast::Variable>(e)) {
    const Variable* var = scope.find(v->name);
    if (!var) {
      fail(v->span, ErrorKind::syntax_error, "UndefinedVariable",
           "variable '" + v->name + "' is not defined; " + clause + " changes nodes and relationships bound earlier");
    }
    const bool wrong = var->kind == VarKind::path || var->kind == VarKind::relationship_list ||
                       var->kind == VarKind::scalar || (labels && var->kind == VarKind::relationship);
    if (wrong) {
      const std::string what = labels && var->kind == VarKind::relationship ? "a relationship" : kind_name(var->kind);
      fail(v->span, ErrorKind::syntax_error, "InvalidArgumentType",
           "'" + v->name + "' is " + what + "; " + clause + (labels ? " labels works on nodes" : " works on nodes and relationships"));
    }
  }
  return expression(e, scope);
}

plan::SetItem Binder::set_item(const ast::SetItem& item, const Scope& scope) {
  plan::SetItem out;
  if (auto* p = boost::get<ast::SetProperty>(&item)) {
    out.kind = plan::SetItem::Kind::property;
    out.target = update_target(p->target.subject, scope, false, "SET");
    out.key = p->target.key.name;
    out.value = expression(p->value, scope);
    out.at = span(p->span);
  } else if (auto* p = boost::get<ast::SetProperties>(&item)) {
    out.kind = p->op == ast::SetOp::Merge ? plan::SetItem::Kind::merge_properties
                                          : plan::SetItem::Kind::replace_properties;
    out.target = update_target(ast::Expression(p->variable), scope, false, "SET");
    out.value = expression(p->value, scope);
    out.at = span(p->span);
  } else {
    const auto& l = boost::get<ast::SetLabels>(item);
    out.kind = plan::SetItem::Kind::add_labels;
    out.target = update_target(ast::Expression(l.variable), scope, true, "SET");
    for (const ast::SchemaName& name : l.labels) out.labels.push_back(name.name);
    out.at = span(l.span);
  }
  return out;
}

OperatorPtr Binder::set(const ast::Set& s, OperatorPtr input, const Scope& scope) {
  writes_seen = true;
  auto op = std::make_unique<plan::SetItems>(std::move(input), "Set");
  for (const ast::SetItem& item : s.items) op->items.push_back(set_item(item, scope));
  return op;
}

OperatorPtr Binder::remove(const ast::Remove& r, OperatorPtr input, const Scope& scope) {
  writes_seen = true;
  auto op = std::make_unique<plan::SetItems>(std::move(input), "Remove");
  for (const ast::RemoveItem& item : r.items) {
    plan::SetItem out;
    if (auto* p = boost::get<ast::RemoveProperty>(&item)) {
      out.kind = plan::SetItem::Kind::remove_property;
      out.target = update_target(p->target.subject, scope, false, "REMOVE");
      out.key = p->target.key.name;
      out.at = span(p->span);
    } else {
      const auto& l = boost::get<ast::RemoveLabels>(item);
      out.kind = plan::SetItem::Kind::remove_labels;
      out.target = update_target(ast::Expression(l.variable), scope, true, "REMOVE");
      for (const ast::SchemaName& name : l.labels) out.labels.push_back(name.name);
      out.at = span(l.span);
    }
    op->items.push_back(std::move(out));
  }
  return op;
}

OperatorPtr Binder::delete_clause(const ast::Delete& d, OperatorPtr input, const Scope& scope) {
  writes_seen = true;
  auto op = std::make_unique<plan::DeleteElements>(std::move(input), d.detach);
  for (const ast::Expression& e : d.targets) {
    if (auto* v = ast::get_if<ast::Variable>(e)) {
      const Variable* var = scope.find(v->name);
      if (var && var->kind == VarKind::scalar) {
        fail(v->span, ErrorKind::syntax_error, "InvalidArgumentType",
             "'" + v->name + "' is not a node, relationship or path; DELETE removes graph elements");
      }
    } else if (ast::get_if<ast::Literal>(e) || ast::get_if<ast::Arithmetic>(e) || ast::get_if<ast::MapLiteral>(e)) {
      fail(ast::span_of(e), ErrorKind::syntax_error, "InvalidDelete",
           "DELETE removes nodes, relationships and paths; name one with a variable, like DELETE n");
    }
    op->targets.push_back(expression(e, scope));
  }
  return op;
}

}  // namespace ergo::bind
