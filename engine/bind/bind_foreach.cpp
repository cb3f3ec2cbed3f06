// Binding FOREACH (see binder_impl.hpp): the list in the outer scope, then
// the body's updating clauses in a copy of it extended by the loop
// variable, so the body sees every outer variable while the loop variable
// and whatever the body creates are gone after the clause.
#include "engine/bind/binder_impl.hpp"

namespace ergo::bind {
namespace {

// The type of a list expression that can never be a list, as openCypher
// spells it, else null. Anything that may hold a list at run time (a
// parameter, a property, a function call) passes.
const char* never_a_list(const ast::Expression& e, const ExprPtr& bound, const Scope& scope) {
  if (auto* literal = dynamic_cast<const expr::Literal*>(bound.get())) {
    const Value& v = literal->value();
    return v.is_null() || v.get_if<List>() ? nullptr : type_name(v.type());
  }
  if (dynamic_cast<const expr::MapLiteral*>(bound.get()) || dynamic_cast<const expr::MapProjection*>(bound.get())) {
    return "MAP";
  }
  if (auto* v = ast::get_if<ast::Variable>(e)) {
    if (const Variable* var = scope.find(v->name)) {
      switch (var->kind) {
        case VarKind::node: return "NODE";
        case VarKind::relationship: return "RELATIONSHIP";
        case VarKind::path: return "PATH";
        default: return nullptr;
      }
    }
  }
  return nullptr;
}

}  // namespace

OperatorPtr Binder::foreach_clause(const ast::Foreach& f, OperatorPtr input, const Scope& scope) {
  writes_seen = true;
  ExprPtr list = expression(f.list, scope);
  if (const char* type = never_a_list(f.list, list, scope)) {
    fail(ast::span_of(f.list), ErrorKind::syntax_error, "InvalidArgumentType",
         std::string("FOREACH iterates over a list, but this is ") + (type[0] == 'I' ? "an " : "a ") + type +
             "; give a list, like [1, 2, 3], or an expression that makes one, like range(1, 3)");
  }
  Scope inner = scope;
  const std::size_t slot = new_slot();
  inner.add({f.variable.name, slot, VarKind::value});
  OperatorPtr body = std::make_unique<plan::Once>();
  for (const ast::Clause& c : f.clauses) body = update_clause(c, std::move(body), inner);
  for (const Variable& v : inner.variables()) {
    if (scope.find(v.name) == nullptr) foreach_locals.push_back(v.name);
  }
  return std::make_unique<plan::Foreach>(std::move(input), std::move(list), slot, std::move(body));
}

OperatorPtr Binder::update_clause(const ast::Clause& clause, OperatorPtr input, Scope& scope) {
  if (auto* c = boost::get<ast::Create>(&clause)) return create(*c, std::move(input), scope);
  if (auto* m = boost::get<ast::Merge>(&clause)) return merge(*m, std::move(input), scope);
  if (auto* s = boost::get<ast::Set>(&clause)) return set(*s, std::move(input), scope);
  if (auto* r = boost::get<ast::Remove>(&clause)) return remove(*r, std::move(input), scope);
  if (auto* d = boost::get<ast::Delete>(&clause)) return delete_clause(*d, std::move(input), scope);
  if (auto* f = ast::get_foreach(clause)) return foreach_clause(*f, std::move(input), scope);
  // The syntax check lets only updating clauses into FOREACH; this is a
  // programmer's error if it is reached.
  fail(ast::span_of(clause), ErrorKind::syntax_error, "InvalidClauseComposition",
       "only updating clauses (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH) can be used here");
}

}  // namespace ergo::bind
