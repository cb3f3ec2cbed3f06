// Pattern predicates and comprehensions, and subquery expressions (see
// subplan_exprs.hpp). The subplan writes only slots of its own, so the
// outer row survives; they are saved and restored anyway, since the
// subplan may overwrite a slot that a caller further up still reads.
#include "engine/plan/subplan_exprs.hpp"

#include "engine/runtime/plan_opener.hpp"

namespace ergo::plan {

Value PatternExists::eval(expr::Frame& frame, expr::ExecContext& ctx) const {
  std::vector<Value> saved = frame.values;
  runtime::CursorPtr cursor = ctx.plans->open(*subplan_);
  bool found = cursor->pull(frame, ctx);
  frame.values = std::move(saved);
  return found;
}

Value SubqueryCount::eval(expr::Frame& frame, expr::ExecContext& ctx) const {
  std::vector<Value> saved = frame.values;
  runtime::CursorPtr cursor = ctx.plans->open(*subplan_);
  std::int64_t rows = 0;
  while (cursor->pull(frame, ctx)) ++rows;
  frame.values = std::move(saved);
  return rows;
}

Value PatternComprehension::eval(expr::Frame& frame, expr::ExecContext& ctx) const {
  std::vector<Value> saved = frame.values;
  runtime::CursorPtr cursor = ctx.plans->open(*subplan_);
  List out;
  while (cursor->pull(frame, ctx)) out.push_back(projection_->eval(frame, ctx));
  frame.values = std::move(saved);
  return out;
}

}  // namespace ergo::plan
