// Expressions that run a pattern as a subplan against the current row:
// pattern predicates (`WHERE (a)-->(b)`, `exists((a)-->())`), pattern
// comprehensions (`[(a)-->(b) | b.name]`) and the subquery expressions
// EXISTS { ... }, COUNT { ... } and COLLECT { ... }. They live in plan/ because they
// hold operators, and run them through ExecContext::plans (see
// runtime/plan_opener.hpp), since the executor sits above them.
#pragma once

#include <string>

#include "engine/expr/expr.hpp"
#include "engine/plan/operators.hpp"

namespace ergo::plan {

// Whether the subplan finds a row: a pattern predicate, or EXISTS { ... }.
class PatternExists : public expr::Expr {
 public:
  PatternExists(expr::Span span, OperatorPtr subplan, std::string description = "exists(pattern)")
      : Expr(span), subplan_(std::move(subplan)), description_(std::move(description)) {}
  Value eval(expr::Frame& frame, expr::ExecContext& ctx) const override;
  std::string describe() const override { return description_; }

 private:
  OperatorPtr subplan_;
  std::string description_;
};

// How many rows the subplan finds: COUNT { ... }.
class SubqueryCount : public expr::Expr {
 public:
  SubqueryCount(expr::Span span, OperatorPtr subplan) : Expr(span), subplan_(std::move(subplan)) {}
  Value eval(expr::Frame& frame, expr::ExecContext& ctx) const override;
  std::string describe() const override { return "COUNT { ... }"; }

 private:
  OperatorPtr subplan_;
};

// The list of `projection` over the subplan's rows: a pattern
// comprehension, or COLLECT { ... } (projecting its one column).
class PatternComprehension : public expr::Expr {
 public:
  PatternComprehension(expr::Span span, OperatorPtr subplan, ExprPtr projection, std::string description = {})
      : Expr(span), subplan_(std::move(subplan)), projection_(std::move(projection)),
        description_(std::move(description)) {}
  Value eval(expr::Frame& frame, expr::ExecContext& ctx) const override;
  std::string describe() const override {
    return description_.empty() ? "[pattern | " + projection_->describe() + "]" : description_;
  }

 private:
  OperatorPtr subplan_;  // includes the WHERE filter
  ExprPtr projection_;
  std::string description_;
};

}  // namespace ergo::plan
