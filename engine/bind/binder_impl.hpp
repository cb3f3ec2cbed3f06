// The binder's internals, shared by its translation units: statement and
// clauses (binder.cpp), expressions (bind_expression.cpp), patterns
// (bind_pattern.cpp), WITH/RETURN (bind_projection.cpp), CREATE
// (bind_create.cpp), SET/REMOVE/DELETE (bind_update.cpp), MERGE
// (bind_merge.cpp), FOREACH (bind_foreach.cpp), CALL (bind_call.cpp) and
// CALL { ... } (bind_call_subquery.cpp).
#pragma once

#include <functional>
#include <memory>

#include "engine/bind/binder.hpp"
#include "engine/bind/scope.hpp"
#include "engine/expr/nodes.hpp"

namespace ergo::bind {

namespace ast = cypher::ast;
using expr::ExprPtr;
using plan::OperatorPtr;

inline text::Span span(ast::Span s) { return {s.begin, s.end}; }

// While binding a projection with aggregates: where aggregate calls go, and
// which grouping keys the rest of an aggregating expression may use.
struct Aggregation {
  std::vector<plan::AggregateItem>* items = nullptr;
  const Scope* before = nullptr;                             // scope for aggregate arguments
  std::vector<std::pair<std::string, std::size_t>> key_texts;  // grouping key source text → slot
  bool inside_aggregate = false;
};

class Binder {
 public:
  explicit Binder(const BindInput& input) : in_(input) {}

  BindOutput bind_statement(const ast::Statement& statement);

  // Expressions (bind_expression.cpp).
  ExprPtr expression(const ast::Expression& e, const Scope& scope);
  // A WHERE predicate: an expression that must be able to be a boolean.
  ExprPtr predicate(const ast::Expression& e, const Scope& scope);
  // Whether an expression calls an aggregating function (outside nested
  // subqueries of its own).
  static bool has_aggregate(const ast::Expression& e);

  // Patterns (bind_pattern.cpp). Binds `parts` on top of `input`; the
  // variables they introduce are added to `scope` and their slots to
  // `introduced`.
  // A WHERE conjunct waiting for its variables to be bound, so that it can
  // filter as early in the pattern as possible.
  struct PendingFilter {
    const ast::Expression* condition;
    std::vector<std::string> variables;
  };
  OperatorPtr pattern(const std::vector<ast::PatternPart>& parts, OperatorPtr input, Scope& scope,
                      std::vector<std::size_t>& introduced, bool predicate_only = false,
                      std::vector<PendingFilter>* pending = nullptr);
  OperatorPtr match(const ast::Match& m, OperatorPtr input, Scope& scope);
  ExprPtr pattern_predicate(const ast::PatternElement& element, ast::Span at, const Scope& scope);
  ExprPtr pattern_comprehension(const ast::PatternComprehension& pc, const Scope& scope);

  // A single query's clauses (binder.cpp), from a Once, in `scope`: empty
  // for a statement, the enclosing query's for a subquery expression (which
  // may end without RETURN).
  struct PartResult {
    plan::QueryPlan::Part part;
    std::vector<std::string> columns;
    bool writes = false;
    Scope scope;  // the variables at its end (its columns, after RETURN)
  };
  PartResult single_query(const ast::SingleQuery& q, bool may_stand_alone, Scope scope, bool subquery);
  // EXISTS { ... }, COUNT { ... }, COLLECT { ... }, and pattern predicates
  // (bind_subquery.cpp).
  ExprPtr subquery(const ast::Subquery& s, const Scope& scope);

  // WITH and RETURN (bind_projection.cpp). Replaces `scope` with the
  // projected variables.
  struct Columns {
    std::vector<std::string> names;
    std::vector<std::size_t> slots;
  };
  OperatorPtr projection(const ast::Projection& p, const ast::Expression* where, bool is_return, OperatorPtr input,
                         Scope& scope, Columns& columns);

  // SKIP or LIMIT's count: a constant or parameter; literals checked now.
  ExprPtr row_count(const ast::Expression& e, const char* clause);
  // Whether an expression mentions any variable.
  static bool has_variables(const ast::Expression& e);
  // Appends the names of the variables `e` reads; false when it also has
  // variables of its own or patterns (comprehensions, quantifiers, pattern
  // predicates), which a WHERE keeps until its whole pattern is bound.
  static bool variables_of(const ast::Expression& e, std::vector<std::string>& names);

  // CREATE (bind_create.cpp).
  OperatorPtr create(const ast::Create& c, OperatorPtr input, Scope& scope);
  // The properties of a node or relationship that CREATE or MERGE (`clause`)
  // makes: a map literal's entries, bound in `scope`; anything else is
  // refused at its place.
  std::vector<std::pair<std::string, ExprPtr>> pattern_properties(const std::optional<ast::Expression>& props,
                                                                  const Scope& scope, const char* clause);

  // SET, REMOVE, [DETACH] DELETE (bind_update.cpp). `labels`: the target
  // must be able to hold a node.
  OperatorPtr set(const ast::Set& s, OperatorPtr input, const Scope& scope);
  OperatorPtr remove(const ast::Remove& r, OperatorPtr input, const Scope& scope);
  OperatorPtr delete_clause(const ast::Delete& d, OperatorPtr input, const Scope& scope);
  plan::SetItem set_item(const ast::SetItem& item, const Scope& scope);
  // MERGE (bind_merge.cpp). Adds the pattern's new variables to `scope`.
  OperatorPtr merge(const ast::Merge& m, OperatorPtr input, Scope& scope);
  ExprPtr update_target(const ast::Expression& e, const Scope& scope, bool labels, const char* clause);
  // FOREACH (bind_foreach.cpp): the body bound in a scope of its own.
  OperatorPtr foreach_clause(const ast::Foreach& f, OperatorPtr input, const Scope& scope);
  // Any updating clause — CREATE, MERGE, SET, REMOVE, [DETACH] DELETE,
  // FOREACH — on top of `input`; CREATE and MERGE add to `scope`.
  OperatorPtr update_clause(const ast::Clause& clause, OperatorPtr input, Scope& scope);

  // CALL { ... } (bind_call_subquery.cpp): adds the subquery's columns to
  // `scope`; `writes` is set when it changes the graph.
  OperatorPtr call_subquery(const ast::CallSubquery& c, OperatorPtr input, Scope& scope, bool& writes);
  // The parts of a UNION (or one query) bound one by one, each from the
  // scope `start` gives it, as branches of a plan::CallSubquery (call_over
  // makes it, over `input`): the body of CALL { ... } and of
  // EXISTS/COUNT/COLLECT with a UNION inside, and, with `statement`, the
  // statement's own parts (where a lone CALL may stand alone).
  struct UnionParts {
    std::vector<plan::CallSubquery::Branch> branches;
    std::vector<std::string> columns;
    Scope returned;  // the first part's columns, with what they hold
    bool distinct = false;
    bool writes = false;
  };
  UnionParts union_parts(const ast::Query& q, const std::function<Scope(const ast::SingleQuery&)>& start,
                         bool subquery, bool statement = false);
  std::unique_ptr<plan::CallSubquery> call_over(OperatorPtr input, UnionParts parts);

  // LOAD CSV (bind_load_csv.cpp): adds the row variable to `scope`.
  OperatorPtr load_csv(const ast::LoadCsv& l, OperatorPtr input, Scope& scope);

  // CALL (bind_call.cpp). `standalone` is set when the query is the CALL
  // alone: its fields become the result columns.
  OperatorPtr call(const ast::Call& c, OperatorPtr input, Scope& scope, Columns* standalone);
  void check_call_argument(const algo::Procedure& p, std::size_t i, const ast::Expression& arg, const Scope& scope);

  std::size_t new_slot() { return next_slot_++; }
  std::size_t slots_used() const { return next_slot_; }
  std::string text_of(ast::Span s) const {
    return in_.source->text().substr(s.begin, s.end - s.begin);
  }
  [[noreturn]] void fail(ast::Span at, ErrorKind kind, const char* code, const std::string& message) const;
  void warn(const std::string& message) { warnings_.push_back(message); }
  const BindInput& input() const { return in_; }
  // EXPLAIN: nothing runs, so parameters need no values.
  bool explaining = false;

  Aggregation* aggregation = nullptr;
  bool writes_seen = false;  // an update clause came earlier in this single query
  // Names bound inside a FOREACH (its variable, what its body created), for
  // the message when a later clause uses one.
  std::vector<std::string> foreach_locals;
  // While binding a CALL subquery: the enclosing query's scope, for the
  // message when the subquery uses a variable it did not import.
  const Scope* enclosing_scope = nullptr;
  // A LOAD CSV was bound: the statement reads files (QueryPlan::reads_files).
  bool reads_files = false;

 private:
  const BindInput& in_;
  std::size_t next_slot_ = 0;
  std::vector<std::string> warnings_;
  friend class StatementBinder;
};

}  // namespace ergo::bind
