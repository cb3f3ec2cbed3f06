// Binding CALL { ... } (see binder_impl.hpp). Each part of the subquery's
// UNION is bound like a query of its own that starts in the scope the
// subquery imports: what a scope clause `CALL (a, b)` lists, everything for
// `CALL (*)`, the enclosing scope when the first clause is an importing
// WITH (which then keeps only what it names), else nothing. Its slots are
// new ones of the same frame, so the enclosing row's stay as they are.
#include <functional>
#include <utility>

#include "engine/bind/binder_impl.hpp"
#include "grammar/text/suggest.hpp"

namespace ergo::bind {
namespace {

// The first WITH of a part, if it names a variable of the enclosing scope:
// an importing WITH.
const ast::With* importing_with(const ast::SingleQuery& q, const Scope& outer) {
  auto* with = q.clauses.empty() ? nullptr : boost::get<ast::With>(&q.clauses.front());
  if (!with) return nullptr;
  if (with->projection.star) return with;
  for (const ast::ProjectionItem& item : with->projection.items) {
    std::vector<std::string> names;
    Binder::variables_of(item.expression, names);
    for (const std::string& name : names) {
      if (outer.find(name)) return with;
    }
  }
  return nullptr;
}

}  // namespace

Binder::UnionParts Binder::union_parts(const ast::Query& q, const std::function<Scope(const ast::SingleQuery&)>& start,
                                      bool subquery, bool statement) {
  UnionParts out;
  std::vector<const ast::SingleQuery*> parts{&q.first};
  for (const ast::UnionPart& u : q.unions) {
    parts.push_back(&u.query);
    if (u.all != q.unions.front().all) {
      fail(u.span, ErrorKind::syntax_error, "InvalidClauseComposition",
           "UNION and UNION ALL cannot be mixed in one query");
    }
  }
  out.distinct = !q.unions.empty() && !q.unions.front().all;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    PartResult r = single_query(*parts[i], statement && parts.size() == 1, start(*parts[i]), subquery);
    if (i == 0) {
      out.columns = std::move(r.columns);
      out.returned = std::move(r.scope);
    } else if (r.columns != out.columns) {
      fail(q.unions[i - 1].span, ErrorKind::syntax_error, "DifferentColumnsInUnion",
           "all parts of a UNION must return the same column names");
    }
    out.writes |= r.writes;
    out.branches.push_back({std::move(r.part.root), std::move(r.part.column_slots)});
  }
  return out;
}

std::unique_ptr<plan::CallSubquery> Binder::call_over(OperatorPtr input, UnionParts parts) {
  auto op = std::make_unique<plan::CallSubquery>(std::move(input), std::move(parts.branches));
  op->distinct = parts.distinct;
  op->writes = parts.writes;
  if (op->branches.size() == 1) {
    op->column_slots = op->branches[0].column_slots;
  } else {
    for (std::size_t i = 0; i < parts.columns.size(); ++i) op->column_slots.push_back(new_slot());
  }
  return op;
}

OperatorPtr Binder::call_subquery(const ast::CallSubquery& c, OperatorPtr input, Scope& scope, bool& writes) {
  Scope listed;  // `CALL (a, b)`: the variables listed
  if (c.scope_clause && !c.import_all) {
    for (const ast::Variable& v : c.imports) {
      const Variable* var = scope.find(v.name);
      if (!var) {
        auto near = text::closest_match(v.name, scope.names());
        fail(v.span, ErrorKind::syntax_error, "UndefinedVariable",
             "variable '" + v.name + "' is not defined, so CALL cannot import it" +
                 (near ? "; did you mean '" + *near + "'?" : ""));
      }
      listed.add(*var);
    }
  }
  if (c.batch_rows) row_count(*c.batch_rows, "IN TRANSACTIONS OF");

  // Where each part starts.
  auto start = [&](const ast::SingleQuery& part) -> Scope {
    if (c.scope_clause) return c.import_all ? scope : listed;
    const ast::With* with = importing_with(part, scope);
    if (!with) return {};
    const ast::Projection& p = with->projection;
    for (const ast::ProjectionItem& item : p.items) {
      auto* v = ast::get_if<ast::Variable>(item.expression);
      if (!v || (item.alias && item.alias->name != v->name)) {
        fail(item.span, ErrorKind::syntax_error, "InvalidImportingWith",
             "an importing WITH names variables of the enclosing query only, without expressions or aliases; "
             "compute values in a second WITH after it, like WITH n WITH n, n.name AS name");
      }
    }
    const char* extra = p.distinct ? "DISTINCT"
                        : !p.order_by.empty() ? "ORDER BY"
                        : p.skip ? "SKIP"
                        : p.limit ? "LIMIT"
                        : with->where ? "WHERE"
                                      : nullptr;
    if (extra) {
      fail(with->span, ErrorKind::syntax_error, "InvalidImportingWith",
           std::string("an importing WITH only names variables, so ") + extra +
               " is not allowed here; put it in a second WITH, like WITH n WITH n WHERE n.size > 1");
    }
    return scope;
  };

  // The subquery's projections aggregate on their own and its clauses are
  // not the enclosing query's: the binder's state for those is set aside (a
  // failure ends the whole binding, so no guard is needed).
  Aggregation* const outer_aggregation = std::exchange(aggregation, nullptr);
  const bool outer_writes = writes_seen;
  const Scope* const outer_enclosing = std::exchange(enclosing_scope, &scope);
  UnionParts parts = union_parts(*c.query, start, false);
  aggregation = outer_aggregation;
  writes_seen = outer_writes;
  enclosing_scope = outer_enclosing;

  for (const std::string& name : parts.columns) {
    if (scope.find(name)) {
      fail(c.span, ErrorKind::syntax_error, "VariableAlreadyBound",
           "CALL { ... } returns '" + name +
               "', which the enclosing query already has; return it under another name, like RETURN " + name +
               " AS " + name + "2");
    }
  }
  if (c.in_transactions && !parts.writes) {
    warn("CALL { ... } IN TRANSACTIONS changes nothing here; it is meant for subqueries that write");
  }
  writes = parts.writes;
  const std::vector<std::string> columns = parts.columns;
  const Scope returned = parts.returned;
  const bool one_part = parts.branches.size() == 1;
  auto op = call_over(std::move(input), std::move(parts));
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Variable* inner = one_part ? returned.find(columns[i]) : nullptr;
    scope.add({columns[i], op->column_slots[i], inner ? inner->kind : VarKind::value});
  }
  return op;
}

}  // namespace ergo::bind
