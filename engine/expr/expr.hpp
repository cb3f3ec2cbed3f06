// Bound expressions: what the binder makes of the AST's expressions, with
// variables resolved to frame slots, property keys to names and functions to
// code. eval() computes the value for the current row; errors come out as
// ergo::Error placed at the expression's span.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/runtime/context.hpp"
#include "engine/runtime/frame.hpp"

namespace ergo::expr {

using runtime::ExecContext;
using runtime::Frame;
using runtime::Span;

class Expr {
 public:
  explicit Expr(Span span) : span_(span) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  virtual Value eval(Frame& frame, ExecContext& ctx) const = 0;
  // A readable rendering for EXPLAIN.
  virtual std::string describe() const = 0;
  Span span() const { return span_; }

 private:
  Span span_;
};

using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

}  // namespace ergo::expr
