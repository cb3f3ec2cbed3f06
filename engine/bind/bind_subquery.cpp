// EXISTS { ... }, COUNT { ... } and COLLECT { ... } (see binder_impl.hpp).
// The body is bound like a query of its own over a copy of the enclosing
// scope, so it sees (and joins on) the row's variables, and runs as a
// subplan once per row. Its slots are new ones of the same frame.
#include "engine/bind/binder_impl.hpp"
#include "engine/plan/subplan_exprs.hpp"

namespace ergo::bind {
namespace {

const char* name_of(ast::SubqueryKind kind) {
  switch (kind) {
    case ast::SubqueryKind::Exists: return "EXISTS";
    case ast::SubqueryKind::Count: return "COUNT";
    case ast::SubqueryKind::Collect: return "COLLECT";
    case ast::SubqueryKind::Pattern: break;
  }
  return "pattern";
}

// Restores a binder field when the subquery is bound: its projections
// aggregate and group on their own, and writes inside it are refused anyway.
template <class T>
class Restore {
 public:
  explicit Restore(T& field) : field_(field), saved_(field) {}
  ~Restore() { field_ = saved_; }
  Restore(const Restore&) = delete;
  Restore& operator=(const Restore&) = delete;

 private:
  T& field_;
  T saved_;
};

}  // namespace

ExprPtr Binder::subquery(const ast::Subquery& s, const Scope& scope) {
  const ast::Query& q = *s.query;
  const std::string name = name_of(s.kind);
  if (!q.unions.empty()) {
    fail(q.unions.front().span, ErrorKind::semantic_error, "UnsupportedClause",
         "UNION inside " + name + " { ... } is not supported yet");
  }
  Restore<Aggregation*> keep_aggregation(aggregation);
  Restore<bool> keep_writes(writes_seen);
  aggregation = nullptr;
  PartResult body = single_query(q.first, false, scope, true);
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
    case ast::SubqueryKind::Pattern: break;
  }
  return pattern_predicate(s.pattern, s.span, scope);
}

}  // namespace ergo::bind
