// Structural rules of the openCypher grammar checked on the tree (see
// syntax_check.hpp): clause order, only updating clauses inside FOREACH,
// standalone-only CALL forms, and pattern expressions used where only a
// predicate may stand.
#include "grammar/cypher/syntax_check.hpp"

#include <boost/variant/apply_visitor.hpp>

#include <string>
#include <utility>

#include "grammar/cypher/lexer.hpp"

namespace ergo::cypher::parser {
namespace {

const char* clause_name(const ast::Clause& clause) {
  struct Name : boost::static_visitor<const char*> {
    const char* operator()(const ast::Match& m) const { return m.optional ? "OPTIONAL MATCH" : "MATCH"; }
    const char* operator()(const ast::Unwind&) const { return "UNWIND"; }
    const char* operator()(const ast::With&) const { return "WITH"; }
    const char* operator()(const ast::Return&) const { return "RETURN"; }
    const char* operator()(const ast::Create&) const { return "CREATE"; }
    const char* operator()(const ast::Merge&) const { return "MERGE"; }
    const char* operator()(const ast::Set&) const { return "SET"; }
    const char* operator()(const ast::Delete& d) const { return d.detach ? "DETACH DELETE" : "DELETE"; }
    const char* operator()(const ast::Remove&) const { return "REMOVE"; }
    const char* operator()(const ast::Call& c) const {
      if (!c.show) return "CALL";
      return c.procedure.parts.back() == "functions" ? "SHOW FUNCTIONS" : "SHOW PROCEDURES";
    }
    const char* operator()(const ast::CallSubquery&) const { return "CALL { ... }"; }
    const char* operator()(const ast::LoadCsv&) const { return "LOAD CSV"; }
    const char* operator()(const ast::x3::forward_ast<ast::Foreach>&) const { return "FOREACH"; }
  };
  return boost::apply_visitor(Name(), clause.get());
}

ast::Span clause_span(const ast::Clause& clause) { return ast::span_of(clause); }

enum class ClauseKind { Reading, Updating, With, Return };

ClauseKind kind_of(const ast::Clause& clause) {
  struct Kind : boost::static_visitor<ClauseKind> {
    ClauseKind operator()(const ast::Match&) const { return ClauseKind::Reading; }
    ClauseKind operator()(const ast::Unwind&) const { return ClauseKind::Reading; }
    ClauseKind operator()(const ast::Call&) const { return ClauseKind::Reading; }
    ClauseKind operator()(const ast::LoadCsv&) const { return ClauseKind::Reading; }
    ClauseKind operator()(const ast::CallSubquery& c) const {
      return ast::returns_rows(c) ? ClauseKind::Reading : ClauseKind::Updating;
    }
    ClauseKind operator()(const ast::With&) const { return ClauseKind::With; }
    ClauseKind operator()(const ast::Return&) const { return ClauseKind::Return; }
    ClauseKind operator()(const ast::Create&) const { return ClauseKind::Updating; }
    ClauseKind operator()(const ast::Merge&) const { return ClauseKind::Updating; }
    ClauseKind operator()(const ast::Set&) const { return ClauseKind::Updating; }
    ClauseKind operator()(const ast::Delete&) const { return ClauseKind::Updating; }
    ClauseKind operator()(const ast::Remove&) const { return ClauseKind::Updating; }
    ClauseKind operator()(const ast::x3::forward_ast<ast::Foreach>&) const { return ClauseKind::Updating; }
  };
  return boost::apply_visitor(Kind(), clause.get());
}

class Checker {
 public:
  explicit Checker(std::string_view text) : text_(text) {}

  const std::optional<ErrorReport>& error() const { return error_; }

  void statement(const ast::Statement& s) {
    single_query(s.query.first, s.query.unions.empty());
    for (const ast::UnionPart& u : s.query.unions) single_query(u.query, false);
  }

 private:
  void fail(ast::Span span, std::string message, std::string detail = "UnexpectedSyntax") {
    if (error_) return;
    ErrorReport r;
    r.offset = span.begin;
    r.length = span.end > span.begin ? span.end - span.begin : 1;
    r.message = std::move(message);
    r.detail = std::move(detail);
    error_ = std::move(r);
  }

  // Underlines the first word of a clause.
  void fail_at_keyword(ast::Span span, std::string message, std::string detail = "UnexpectedSyntax") {
    std::size_t n = token_length(text_.data() + span.begin, text_.data() + text_.size());
    fail({span.begin, static_cast<std::uint32_t>(span.begin + std::max<std::size_t>(n, 1))}, std::move(message),
         std::move(detail));
  }

  // `within`: the subquery expression this query is the body of, if any
  // (or that a CALL subquery it is the body of is inside).
  // `call_body`: the query is a CALL subquery's, which ends as a statement does.
  void single_query(const ast::SingleQuery& q, bool may_be_standalone, const ast::Subquery* within = nullptr,
                    bool call_body = false) {
    const ast::Subquery* const outer = std::exchange(within_, within);
    check_clauses(q, may_be_standalone, within, call_body);
    within_ = outer;
  }

  void check_clauses(const ast::SingleQuery& q, bool may_be_standalone, const ast::Subquery* within,
                     bool call_body) {
    const auto& clauses = q.clauses;
    bool standalone_call = may_be_standalone && clauses.size() == 1 && boost::get<ast::Call>(&clauses[0].get());
    bool updated = false;  // an updating clause since the last WITH
    const ast::Clause* last_update = nullptr;
    for (std::size_t i = 0; i < clauses.size(); ++i) {
      const ast::Clause& c = clauses[i];
      ClauseKind kind = kind_of(c);
      if (i > 0 && kind_of(clauses[i - 1]) == ClauseKind::Return) {
        fail_at_keyword(clause_span(c), std::string("unexpected ") + clause_name(c) +
                                            " after RETURN: RETURN ends a query (use WITH to pass on values)");
        return;
      }
      if (kind == ClauseKind::Reading && updated) {
        fail_at_keyword(clause_span(c), std::string(clause_name(c)) + " cannot follow " + clause_name(*last_update) +
                                            " directly: put a WITH between them");
        return;
      }
      if (kind == ClauseKind::Updating && within) {
        fail_at_keyword(clause_span(c), std::string(ast::spelling(within->kind)) + " { ... } only reads: " +
                                            clause_name(c) + " cannot change the graph inside it");
        return;
      }
      if (kind == ClauseKind::Updating) {
        updated = true;
        last_update = &c;
      }
      if (kind == ClauseKind::With) updated = false;
      if (auto* call = boost::get<ast::Call>(&c.get()); call && call->show && i > 0) {
        const bool functions = call->procedure.parts.back() == "functions";
        fail_at_keyword(clause_span(c), std::string(clause_name(c)) + " begins a query; to use the " +
                                            (functions ? "functions" : "procedures") + " in a larger query, CALL " +
                                            (functions ? "dbms.functions()" : "dbms.procedures()") +
                                            " YIELD name, ...");
        return;
      }
      if (auto* call = boost::get<ast::Call>(&c.get()); call && !standalone_call) {
        if (!call->arguments) {
          fail({call->procedure.span.end, call->procedure.span.end + 1},
               "expected '(' after the procedure name: only a standalone CALL may leave out the arguments");
          return;
        }
        if (call->yield_star) {
          fail(call->span, "YIELD * is only allowed in a standalone CALL");
          return;
        }
      }
      clause(c);
      if (error_) return;
    }
    const ast::Clause& last = clauses.back();
    ClauseKind kind = kind_of(last);
    if (within && !call_body && within->kind == ast::SubqueryKind::Collect && kind != ClauseKind::Return) {
      fail_at_keyword(clause_span(last), "COLLECT { ... } ends with a RETURN of one column, like "
                                         "COLLECT { MATCH (a)-->(b) RETURN b.name }");
      return;
    }
    if (within && !call_body && kind != ClauseKind::With) return;  // EXISTS and COUNT need no RETURN
    if (kind == ClauseKind::With || (kind == ClauseKind::Reading && !boost::get<ast::Call>(&last.get()))) {
      ast::Span span = clause_span(last);
      fail_at_keyword(span, std::string(call_body ? "a CALL { ... } subquery" : "a query") + " cannot end with " +
                                clause_name(last) +
                                ": add a RETURN clause (or an updating clause such as CREATE)");
    }
  }

  void clause(const ast::Clause& c) {
    boost::apply_visitor([this](const auto& x) { this->visit_clause(x); }, c.get());
  }

  void visit_clause(const ast::Match& m) {
    pattern(m.pattern);
    if (m.where) expression(*m.where, true);
  }
  void visit_clause(const ast::Unwind& u) { expression(u.list, false); }
  void visit_clause(const ast::With& w) {
    projection(w.projection);
    if (w.where) expression(*w.where, true);
  }
  void visit_clause(const ast::Return& r) { projection(r.projection); }
  void visit_clause(const ast::Create& c) { pattern(c.pattern); }
  void visit_clause(const ast::Merge& m) {
    pattern_part(m.pattern);
    for (const ast::MergeAction& a : m.actions) set_items(a.items);
  }
  void visit_clause(const ast::Set& s) { set_items(s.items); }
  void visit_clause(const ast::Delete& d) {
    for (const ast::Expression& e : d.targets) expression(e, false);
  }
  void visit_clause(const ast::Remove& r) {
    for (const ast::RemoveItem& item : r.items) {
      if (auto* p = boost::get<ast::RemoveProperty>(&item)) expression(p->target.subject, false);
    }
  }
  // FOREACH's body changes the graph and returns nothing, so a clause that
  // reads or projects has nothing to do there (Neo4j refuses it too).
  void visit_clause(const ast::x3::forward_ast<ast::Foreach>& boxed) {
    const ast::Foreach& f = boxed.get();
    expression(f.list, false);
    for (const ast::Clause& c : f.clauses) {
      const ClauseKind kind = kind_of(c);
      if (boost::get<ast::CallSubquery>(&c.get())) {
        fail_at_keyword(clause_span(c),
                        "CALL { ... } cannot be used inside FOREACH; run it once per element with UNWIND instead: "
                        "UNWIND list AS x CALL (x) { ... }",
                        "InvalidClauseComposition");
        return;
      }
      if (kind != ClauseKind::Updating) {
        fail_at_keyword(clause_span(c),
                        std::string(clause_name(c)) +
                            " cannot be used inside FOREACH, which takes only updating clauses (CREATE, MERGE, SET, "
                            "REMOVE, DELETE, DETACH DELETE, FOREACH); " +
                            (kind == ClauseKind::Reading
                                 ? "do the reading before FOREACH, whose body sees every variable of the row"
                                 : "FOREACH passes its rows on unchanged, so put " + std::string(clause_name(c)) +
                                       " after its closing ')'"),
                        "InvalidClauseComposition");
        return;
      }
      clause(c);
      if (error_) return;
    }
  }
  // A CALL subquery's body follows the rules of a query, inside whatever
  // encloses the CALL; IN TRANSACTIONS only on a CALL of the statement.
  void visit_clause(const ast::CallSubquery& c) {
    if (c.in_transactions && (within_ || call_depth_ > 0)) {
      fail_at_keyword(c.span, "CALL { ... } IN TRANSACTIONS cannot be nested in another subquery: use it in the "
                              "statement's own clauses",
                      "InvalidClauseComposition");
      return;
    }
    if (c.batch_rows) expression(*c.batch_rows, false);
    ++call_depth_;
    single_query(c.query->first, false, within_, true);
    for (const ast::UnionPart& u : c.query->unions) {
      if (error_) break;
      single_query(u.query, false, within_, true);
    }
    --call_depth_;
  }

  void visit_clause(const ast::LoadCsv& l) {
    expression(l.source, false);
    if (l.field_terminator) expression(*l.field_terminator, false);
  }

  void visit_clause(const ast::Call& c) {
    if (c.arguments) {
      for (const ast::Expression& e : *c.arguments) expression(e, false);
    }
    if (c.where) expression(*c.where, true);
  }

  void set_items(const std::vector<ast::SetItem>& items) {
    for (const ast::SetItem& item : items) {
      if (auto* p = boost::get<ast::SetProperty>(&item)) {
        expression(p->target.subject, false);
        expression(p->value, false);
      } else if (auto* v = boost::get<ast::SetProperties>(&item)) {
        expression(v->value, false);
      }
    }
  }

  void projection(const ast::Projection& p) {
    for (const ast::ProjectionItem& item : p.items) expression(item.expression, false);
    for (const ast::SortItem& item : p.order_by) expression(item.expression, false);
    if (p.skip) expression(*p.skip, false);
    if (p.limit) expression(*p.limit, false);
  }

  void pattern(const std::vector<ast::PatternPart>& parts) {
    for (const ast::PatternPart& part : parts) pattern_part(part);
  }
  void pattern_part(const ast::PatternPart& part) { element(part.element); }
  void element(const ast::PatternElement& e) {
    if (e.start.properties) expression(*e.start.properties, false);
    for (const ast::PatternLink& link : e.links) {
      if (link.relationship.properties) expression(*link.relationship.properties, false);
      if (link.node.properties) expression(*link.node.properties, false);
    }
  }

  // `predicate`: whether this position takes a predicate, where a pattern
  // may stand for "such a path exists".
  void expression(const ast::Expression& e, bool predicate) {
    if (error_) return;
    boost::apply_visitor([&](const auto& node) { this->visit(node, predicate); }, e.get());
  }

  template <typename T>
  void visit(const ast::x3::forward_ast<T>& boxed, bool predicate) {
    visit(boxed.get(), predicate);
  }
  void visit(const ast::Literal&, bool) {}
  void visit(const ast::Parameter&, bool) {}
  void visit(const ast::Variable&, bool) {}
  void visit(const ast::ListLiteral& l, bool) {
    for (const ast::Expression& e : l.items) expression(e, false);
  }
  void visit(const ast::MapLiteral& m, bool) {
    for (const ast::MapEntry& entry : m.entries) {
      if (entry.kind == ast::MapEntryKind::Literal) expression(entry.value, false);
    }
  }
  void visit(const ast::PropertyAccess& p, bool) { expression(p.subject, false); }
  void visit(const ast::Subscript& s, bool) {
    expression(s.subject, false);
    expression(s.index, false);
  }
  void visit(const ast::Slice& s, bool) {
    expression(s.subject, false);
    if (s.from) expression(*s.from, false);
    if (s.to) expression(*s.to, false);
  }
  void visit(const ast::LabelTest& l, bool) { expression(l.subject, false); }
  void visit(const ast::Unary& u, bool) { expression(u.operand, u.op == ast::UnaryOp::Not); }
  void visit(const ast::Logical& l, bool) {
    for (const ast::Expression& e : l.operands) expression(e, true);
  }
  void visit(const ast::Comparison& c, bool) {
    expression(c.first, false);
    for (const ast::ComparisonLink& link : c.links) expression(link.rhs, false);
  }
  void visit(const ast::Arithmetic& a, bool) {
    expression(a.first, false);
    for (const ast::ArithmeticLink& link : a.links) expression(link.rhs, false);
  }
  void visit(const ast::StringListPredicate& p, bool) {
    expression(p.lhs, false);
    expression(p.rhs, false);
  }
  void visit(const ast::FunctionCall& f, bool) {
    // A well-formed reduce(...) never parses as a call: this one lost its
    // way (no '|', no IN, no `acc =`), and "unknown function" would mislead.
    if (f.name.parts.size() == 1 && lexer::equals_keyword(f.name.parts[0], "REDUCE")) {
      fail_at_keyword(f.span, "reduce() is written reduce(accumulator = initial, variable IN list | expression)");
      return;
    }
    // exists((a)-->()) tests for a path; shortestPath((a)-[*]-(b)) finds one.
    bool takes_pattern = f.name.parts.size() == 1 && (lexer::equals_keyword(f.name.parts[0], "EXISTS") ||
                                                      lexer::equals_keyword(f.name.parts[0], "SHORTESTPATH") ||
                                                      lexer::equals_keyword(f.name.parts[0], "ALLSHORTESTPATHS"));
    for (const ast::Expression& e : f.arguments) expression(e, takes_pattern);
  }
  void visit(const ast::Case& c, bool) {
    if (c.subject) expression(*c.subject, false);
    for (const ast::CaseAlternative& alt : c.alternatives) {
      expression(alt.when, !c.subject);
      expression(alt.then, false);
    }
    if (c.otherwise) expression(*c.otherwise, false);
  }
  void visit(const ast::ListComprehension& l, bool) {
    if (l.accumulator) expression(l.accumulator->init, false);
    expression(l.list, false);
    if (l.where) expression(*l.where, true);
    if (l.projection) expression(*l.projection, false);
  }
  void visit(const ast::Quantifier& q, bool) {
    expression(q.list, false);
    if (q.where) expression(*q.where, true);
  }
  void visit(const ast::PatternComprehension& p, bool) {
    element(p.pattern);
    if (p.where) expression(*p.where, true);
    expression(p.projection, false);
  }
  void visit(const ast::Subquery& p, bool predicate) {
    if (p.kind != ast::SubqueryKind::Pattern && p.query) {
      const ast::Query& q = *p.query;
      single_query(q.first, false, &p);
      for (const ast::UnionPart& u : q.unions) single_query(u.query, false, &p);
      return;
    }
    if (!predicate) {
      fail(p.span,
           "a pattern can only be used as a predicate (in WHERE, with NOT/AND/OR/XOR, or in exists()); "
           "for a list of matches use a pattern comprehension such as [(a)-->(b) | b]");
      return;
    }
    element(p.pattern);
  }

  std::string_view text_;
  std::optional<ErrorReport> error_;
  const ast::Subquery* within_ = nullptr;  // the subquery expression being checked, if any
  int call_depth_ = 0;                     // CALL subqueries being checked
};

}  // namespace

std::optional<ErrorReport> check_syntax(const std::vector<ast::Statement>& statements, std::string_view text) {
  Checker checker(text);
  for (const ast::Statement& s : statements) {
    checker.statement(s);
    if (checker.error()) break;
  }
  return checker.error();
}

}  // namespace ergo::cypher::parser
