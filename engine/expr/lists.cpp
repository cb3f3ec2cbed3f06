// List comprehensions, reduce() and the quantifiers all/any/none/single (see
// nodes.hpp).
#include "engine/expr/nodes.hpp"

namespace ergo::expr {
namespace {

const List* list_or_null(const Value& v, const Expr& e, ExecContext& ctx) {
  if (v.is_null()) return nullptr;
  if (auto* list = v.get_if<List>()) return list;
  throw runtime::error_at(ctx, e.span(), ErrorKind::type_error, std::string("expected a list, got ") + type_name(v.type()));
}

}  // namespace

Value ListComprehension::eval(Frame& frame, ExecContext& ctx) const {
  Value source = list_->eval(frame, ctx);
  const List* list = list_or_null(source, *list_, ctx);
  if (!list) return Value();
  List out;
  std::size_t seen = 0;
  for (const Value& item : *list) {
    // Nested comprehensions multiply: [x IN l | [y IN l | x * y]] over a
    // million items is 10^12 steps, so the time limit is checked here too.
    if ((++seen & 0x3FF) == 0) ctx.check_cancelled();
    frame[slot_] = item;
    if (where_) {
      Value keep = where_->eval(frame, ctx);
      if (!(keep.get_if<bool>() && keep.as_bool())) continue;
    }
    out.push_back(projection_ ? projection_->eval(frame, ctx) : item);
  }
  return out;
}

Value Reduce::eval(Frame& frame, ExecContext& ctx) const {
  Value acc = init_->eval(frame, ctx);
  Value source = list_->eval(frame, ctx);
  const List* list = list_or_null(source, *list_, ctx);
  if (!list) return Value();
  std::size_t seen = 0;
  for (const Value& item : *list) {
    if ((++seen & 0x3FF) == 0) ctx.check_cancelled();  // as in comprehensions
    frame[acc_slot_] = std::move(acc);
    frame[item_slot_] = item;
    acc = projection_->eval(frame, ctx);
  }
  return acc;
}

Value Quantifier::eval(Frame& frame, ExecContext& ctx) const {
  Value source = list_->eval(frame, ctx);
  const List* list = list_or_null(source, *list_, ctx);
  if (!list) return Value();
  std::size_t trues = 0, unknowns = 0, seen = 0;
  for (const Value& item : *list) {
    if ((++seen & 0x3FF) == 0) ctx.check_cancelled();  // as in comprehensions
    frame[slot_] = item;
    Value v = where_ ? where_->eval(frame, ctx) : Value(true);
    if (v.is_null()) {
      ++unknowns;
    } else if (v.as_bool()) {
      ++trues;
    }
  }
  std::size_t falses = list->size() - trues - unknowns;
  switch (kind_) {
    case QuantifierKind::all: return falses ? Value(false) : unknowns ? Value() : Value(true);
    case QuantifierKind::any: return trues ? Value(true) : unknowns ? Value() : Value(false);
    case QuantifierKind::none: return trues ? Value(false) : unknowns ? Value() : Value(true);
    case QuantifierKind::single:
      if (trues > 1) return false;
      if (unknowns) return Value();
      return trues == 1;
  }
  return Value();
}

std::string Quantifier::describe() const {
  const char* names[] = {"all", "any", "none", "single"};
  return std::string(names[static_cast<int>(kind_)]) + "(... IN " + list_->describe() + ")";
}

}  // namespace ergo::expr
