// The binder's top level: statements, UNION, and the clause sequence of a
// single query (see binder.hpp).
#include "engine/bind/binder_impl.hpp"

#include "engine/value/diagnostic_error.hpp"

namespace ergo::bind {

void Binder::fail(ast::Span at, ErrorKind kind, const char* code, const std::string& message) const {
  throw error_at(*in_.source, at, kind, message).with_code(code);
}

namespace {

bool is_update(const ast::Clause& c) {
  return boost::get<ast::Create>(&c) || boost::get<ast::Merge>(&c) || boost::get<ast::Set>(&c) ||
         boost::get<ast::Delete>(&c) || boost::get<ast::Remove>(&c) || ast::get_foreach(c);
}

ast::Span clause_span(const ast::Clause& c) { return ast::span_of(c); }

// A CALL { ... } without RETURN: it only changes the graph, so a query may
// end with it.
bool is_unit_subquery(const ast::Clause& c) {
  auto* call = boost::get<ast::CallSubquery>(&c);
  return call && !ast::returns_rows(*call);
}

}  // namespace

Binder::PartResult Binder::single_query(const ast::SingleQuery& q, bool may_stand_alone, Scope scope,
                                        bool subquery) {
  Binder& b = *this;
  PartResult result;
  b.writes_seen = false;
  OperatorPtr current = std::make_unique<plan::Once>();
  Binder::Columns columns;
  const std::size_t n = q.clauses.size();
  for (std::size_t i = 0; i < n; ++i) {
    const ast::Clause& clause = q.clauses[i];
    const bool last = i + 1 == n;
    try {
      if (auto* m = boost::get<ast::Match>(&clause)) {
        current = b.match(*m, std::move(current), scope);
      } else if (auto* u = boost::get<ast::Unwind>(&clause)) {
        if (scope.find(u->variable.name)) {
          b.fail(u->variable.span, ErrorKind::syntax_error, "VariableAlreadyBound",
                 "variable '" + u->variable.name + "' is already defined");
        }
        ExprPtr list = b.expression(u->list, scope);
        std::size_t slot = b.new_slot();
        current = std::make_unique<plan::Unwind>(std::move(current), std::move(list), slot);
        scope.add({u->variable.name, slot, VarKind::value});
      } else if (auto* w = boost::get<ast::With>(&clause)) {
        if (last) {
          b.fail(w->span, ErrorKind::syntax_error, "InvalidClauseComposition",
                 "a query cannot end with WITH; finish it with RETURN or an update clause");
        }
        current = b.projection(w->projection, w->where ? &*w->where : nullptr, false, std::move(current), scope, columns);
      } else if (auto* r = boost::get<ast::Return>(&clause)) {
        if (!last) {
          b.fail(clause_span(q.clauses[i + 1]), ErrorKind::syntax_error, "InvalidClauseComposition",
                 "RETURN must be the last clause of a query");
        }
        columns = {};
        current = b.projection(r->projection, nullptr, true, std::move(current), scope, columns);
        result.columns = std::move(columns.names);
        result.part.column_slots = std::move(columns.slots);
      } else if (auto* load = boost::get<ast::LoadCsv>(&clause)) {
        current = b.load_csv(*load, std::move(current), scope);
      } else if (auto* sub = boost::get<ast::CallSubquery>(&clause)) {
        bool writes = false;
        current = b.call_subquery(*sub, std::move(current), scope, writes);
        if (writes) {
          result.writes = true;
          b.writes_seen = true;
        }
      } else if (is_update(clause)) {
        current = b.update_clause(clause, std::move(current), scope);
        result.writes = true;
      } else if (auto* call = boost::get<ast::Call>(&clause)) {
        const bool standalone = may_stand_alone && n == 1;
        current = b.call(*call, std::move(current), scope, standalone ? &columns : nullptr);
        if (standalone) {
          result.columns = columns.names;
          result.part.column_slots = columns.slots;
        }
      } else {
        b.fail(clause_span(clause), ErrorKind::semantic_error, "UnsupportedClause",
               "this clause is not supported yet: ergo runs MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, CALL, CALL { ... }, LOAD CSV, CREATE, MERGE, SET, REMOVE, [DETACH] DELETE and FOREACH");
      }
      const bool standalone_call = may_stand_alone && n == 1 && boost::get<ast::Call>(&clause);
      // EXISTS { ... } and COUNT { ... } may end with a reading clause.
      if (last && !boost::get<ast::Return>(&clause) && !is_update(clause) && !standalone_call && !subquery &&
          !is_unit_subquery(clause)) {
        b.fail(clause_span(clause), ErrorKind::syntax_error, "InvalidClauseComposition",
               "a query must end with RETURN or an update clause such as CREATE");
      }
    } catch (const Error& e) {
      // An operator past plan::max_pipeline_depth: placed at the clause that made it.
      if (e.code() != "QueryTooComplex" || e.line() != 0) throw;
      b.fail(clause_span(clause), e.kind(), "QueryTooComplex", e.message());
    }
  }
  result.part.root = std::move(current);
  result.scope = std::move(scope);
  return result;
}

BindOutput Binder::bind_statement(const ast::Statement& statement) {
  BindOutput out;
  out.plan.explain_only = statement.mode == ast::QueryMode::Explain;
  out.plan.profile = statement.mode == ast::QueryMode::Profile;
  explaining = out.plan.explain_only;
  UnionParts parts = union_parts(statement.query, [](const ast::SingleQuery&) { return Scope{}; }, false, true);
  out.plan.columns = std::move(parts.columns);
  out.plan.union_distinct = parts.distinct;
  out.plan.writes = parts.writes;
  // Each part's frame is as wide as every slot the statement allocated.
  for (plan::CallSubquery::Branch& b : parts.branches) {
    out.plan.parts.push_back({std::move(b.root), std::move(b.column_slots), slots_used()});
  }
  out.plan.reads_files = reads_files;
  plan::optimize(out.plan);
  out.warnings = warnings_;
  return out;
}

BindOutput bind(const cypher::ast::Statement& statement, const BindInput& input) {
  Binder b(input);
  return b.bind_statement(statement);
}

}  // namespace ergo::bind
