// Expressions that run a pattern as a subplan against the current row:
// pattern predicates (`WHERE (a)-->(b)`, `exists((a)-->())`) and pattern
// comprehensions (`[(a)-->(b) | b.name]`). They live in plan/ because they
// hold operators, and run them through ExecContext::plans (see
// runtime/plan_opener.hpp), since the executor sits above them.
#pragma once

#include "engine/expr/expr.hpp"
#include "engine/plan/operators.hpp"

namespace ergo::plan {

class PatternExists : public expr::Expr {
 public:
  PatternExists(expr::Span span, OperatorPtr subplan) : Expr(span), subplan_(std::move(subplan)) {}
  Value eval(expr::Frame& frame, expr::ExecContext& ctx) const override;
  std::string describe() const override { return "exists(pattern)"; }

 private:
  OperatorPtr subplan_;
};

class PatternComprehension : public expr::Expr {
 public:
  PatternComprehension(expr::Span span, OperatorPtr subplan, ExprPtr projection)
      : Expr(span), subplan_(std::move(subplan)), projection_(std::move(projection)) {}
  Value eval(expr::Frame& frame, expr::ExecContext& ctx) const override;
  std::string describe() const override { return "[pattern | " + projection_->describe() + "]"; }

 private:
  OperatorPtr subplan_;  // includes the WHERE filter
  ExprPtr projection_;
};

}  // namespace ergo::plan
