// EXISTS { ... }, COUNT { ... } and COLLECT { ... } (see binder_impl.hpp).
// The body is bound like a query of its own over a copy of the enclosing
// scope, so it sees (and joins on) the row's variables, and runs as a
// subplan once per row. Its slots are new ones of the same frame.
#include <utility>

#include "engine/bind/binder_impl.hpp"
#include "engine/plan/subplan_exprs.hpp"

namespace ergo::bind {

ExprPtr Binder::subquery(const ast::Subquery& s, const Scope& scope) {
  if (s.kind == ast::SubqueryKind::Pattern) return pattern_predicate(s.pattern, s.span, scope);
  const ast::Query& q = *s.query;
  const std::string name = ast::spelling(s.kind);
  // The body's projections aggregate on their own, and its clauses are not
  // the enclosing query's: the binder's state for those is set aside (a
  // failure ends the whole binding, so no guard is needed).
  Aggregation* const outer_aggregation = std::exchange(aggregation, nullptr);
  const bool outer_writes = writes_seen;
  PartResult body;
  if (q.unions.empty()) {
    body = single_query(q.first, false, scope, true);
  } else {
    // Each part of the UNION sees the row; their rows, one by one (UNION:
    // without repeats), are the body's.
    UnionParts parts = union_parts(q, [&](const ast::SingleQuery&) { return scope; }, true);
    if (parts.columns.empty()) {
      fail(q.unions.front().span, ErrorKind::syntax_error, "InvalidClauseComposition",
           "with UNION inside " + name + " { ... }, each part ends with RETURN, like " + name +
               " { MATCH (a)-->(b) RETURN b UNION MATCH (a)<--(b) RETURN b }");
    }
    body.writes = parts.writes;
    body.columns = parts.columns;
    auto union_op = call_over(std::make_unique<plan::Once>(), std::move(parts));
    body.part.column_slots = union_op->column_slots;
    body.part.root = std::move(union_op);
  }
  aggregation = outer_aggregation;
  writes_seen = outer_writes;
  if (body.writes) {  // the syntax check refuses these first
    fail(s.span, ErrorKind::syntax_error, "InvalidClauseComposition", name + " { ... } cannot change the graph");
  }
  switch (s.kind) {
    case ast::SubqueryKind::Exists:
      return std::make_unique<plan::PatternExists>(span(s.span), std::move(body.part.root), "EXISTS { ... }");
    case ast::SubqueryKind::Count:
      return std::make_unique<plan::SubqueryCount>(span(s.span), std::move(body.part.root));
    case ast::SubqueryKind::Collect: {
      if (body.part.column_slots.size() != 1) {
        fail(s.span, ErrorKind::syntax_error, "InvalidClauseComposition",
             "COLLECT { ... } must return exactly one column, this one returns " +
                 std::to_string(body.part.column_slots.size()));
      }
      auto column = std::make_unique<expr::SlotRef>(span(s.span), body.part.column_slots[0], body.columns[0]);
      return std::make_unique<plan::PatternComprehension>(span(s.span), std::move(body.part.root), std::move(column),
                                                         "COLLECT { ... }");
    }
    case ast::SubqueryKind::Pattern: break;  // bound above
  }
  return nullptr;
}

}  // namespace ergo::bind
