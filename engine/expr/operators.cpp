// Unary, logical, comparison, arithmetic, string/list predicates and
// IS NULL, with openCypher's three-valued logic (see nodes.hpp).
#include <mutex>

#include "engine/eval/arithmetic.hpp"
#include "engine/eval/comparison.hpp"
#include "engine/eval/regex.hpp"
#include "engine/expr/nodes.hpp"

namespace ergo::expr {
namespace {

using eval::Ternary;

Ternary truth(const Value& v, const Expr& e, ExecContext& ctx) {
  if (v.is_null()) return Ternary::unknown;
  if (auto* b = v.get_if<bool>()) return *b ? Ternary::true_value : Ternary::false_value;
  throw runtime::error_at(ctx, e.span(), ErrorKind::type_error,
                          std::string("expected a boolean, got ") + type_name(v.type()));
}

Value to_value(Ternary t) {
  if (t == Ternary::unknown) return Value();
  return t == Ternary::true_value;
}

Ternary compare(ComparisonOperator op, const Value& a, const Value& b) {
  switch (op) {
    case ComparisonOperator::equal: return eval::equals(a, b);
    case ComparisonOperator::not_equal: return eval::not_equals(a, b);
    case ComparisonOperator::less: return eval::less(a, b);
    case ComparisonOperator::greater: return eval::greater(a, b);
    case ComparisonOperator::less_equal: return eval::less_equal(a, b);
    case ComparisonOperator::greater_equal: return eval::greater_equal(a, b);
  }
  return Ternary::unknown;
}

const char* spelling(ComparisonOperator op) {
  switch (op) {
    case ComparisonOperator::equal: return "=";
    case ComparisonOperator::not_equal: return "<>";
    case ComparisonOperator::less: return "<";
    case ComparisonOperator::greater: return ">";
    case ComparisonOperator::less_equal: return "<=";
    case ComparisonOperator::greater_equal: return ">=";
  }
  return "?";
}

const char* spelling(ArithmeticOperator op) {
  switch (op) {
    case ArithmeticOperator::add: return "+";
    case ArithmeticOperator::subtract: return "-";
    case ArithmeticOperator::multiply: return "*";
    case ArithmeticOperator::divide: return "/";
    case ArithmeticOperator::modulo: return "%";
    case ArithmeticOperator::power: return "^";
  }
  return "?";
}

}  // namespace

Value Unary::eval(Frame& frame, ExecContext& ctx) const {
  Value v = operand_->eval(frame, ctx);
  try {
    switch (op_) {
      case UnaryOperator::logical_not: return to_value(eval::ternary_not(truth(v, *operand_, ctx)));
      case UnaryOperator::negate: return eval::negate(v);
      case UnaryOperator::plus:
        if (v.is_null() || v.get_if<std::int64_t>() || v.get_if<double>()) return v;
        throw Error(ErrorKind::type_error, std::string("unary + needs a number, got ") + type_name(v.type()));
    }
  } catch (const Error& e) {
    runtime::rethrow_at(ctx, span(), e);
  }
  return Value();
}

std::string Unary::describe() const {
  switch (op_) {
    case UnaryOperator::logical_not: return "NOT " + operand_->describe();
    case UnaryOperator::negate: return "-" + operand_->describe();
    case UnaryOperator::plus: return "+" + operand_->describe();
  }
  return operand_->describe();
}

Value Logical::eval(Frame& frame, ExecContext& ctx) const {
  // AND and OR short-circuit on a deciding operand, but every operand that is
  // evaluated must be a boolean or null.
  Ternary acc = truth(operands_[0]->eval(frame, ctx), *operands_[0], ctx);
  for (std::size_t i = 1; i < operands_.size(); ++i) {
    if (op_ == LogicalOperator::logical_and && acc == Ternary::false_value) return false;
    if (op_ == LogicalOperator::logical_or && acc == Ternary::true_value) return true;
    Ternary next = truth(operands_[i]->eval(frame, ctx), *operands_[i], ctx);
    switch (op_) {
      case LogicalOperator::logical_and: acc = eval::ternary_and(acc, next); break;
      case LogicalOperator::logical_or: acc = eval::ternary_or(acc, next); break;
      case LogicalOperator::logical_xor: acc = eval::ternary_xor(acc, next); break;
    }
  }
  return to_value(acc);
}

std::string Logical::describe() const {
  const char* op = op_ == LogicalOperator::logical_and ? " AND " : op_ == LogicalOperator::logical_or ? " OR " : " XOR ";
  std::string out = "(";
  for (std::size_t i = 0; i < operands_.size(); ++i) out += (i ? op : "") + operands_[i]->describe();
  return out + ")";
}

Value Comparison::eval(Frame& frame, ExecContext& ctx) const {
  Value left = operands_[0]->eval(frame, ctx);
  Ternary acc = Ternary::true_value;
  for (std::size_t i = 0; i < ops_.size(); ++i) {
    Value right = operands_[i + 1]->eval(frame, ctx);
    acc = eval::ternary_and(acc, compare(ops_[i], left, right));
    left = std::move(right);
  }
  return to_value(acc);
}

std::string Comparison::describe() const {
  std::string out = operands_[0]->describe();
  for (std::size_t i = 0; i < ops_.size(); ++i) out += std::string(" ") + spelling(ops_[i]) + " " + operands_[i + 1]->describe();
  return out;
}

Value Arithmetic::eval(Frame& frame, ExecContext& ctx) const {
  Value a = lhs_->eval(frame, ctx);
  Value b = rhs_->eval(frame, ctx);
  // Adding lists or strings copies them: a chain of such additions is
  // checked against the time limit at every link, not once per row.
  if (op_ == ArithmeticOperator::add && (a.get_if<List>() || b.get_if<List>() || a.get_if<std::string>() ||
                                          b.get_if<std::string>())) {
    ctx.check_cancelled();
  }
  try {
    switch (op_) {
      case ArithmeticOperator::add: return eval::add(a, b);
      case ArithmeticOperator::subtract: return eval::subtract(a, b);
      case ArithmeticOperator::multiply: return eval::multiply(a, b);
      case ArithmeticOperator::divide: return eval::divide(a, b);
      case ArithmeticOperator::modulo: return eval::modulo(a, b);
      case ArithmeticOperator::power: return eval::power(a, b);
    }
  } catch (const Error& e) {
    runtime::rethrow_at(ctx, span(), e);
  }
  return Value();
}

std::string Arithmetic::describe() const {
  return "(" + lhs_->describe() + " " + spelling(op_) + " " + rhs_->describe() + ")";
}

Error in_needs_a_list(const ExecContext& ctx, Span span, const Value& value) {
  return runtime::error_at(ctx, span, ErrorKind::type_error,
                           std::string("IN needs a list on its right, got ") + type_name(value.type()));
}

Value StringListPredicate::eval(Frame& frame, ExecContext& ctx) const {
  Value a = lhs_->eval(frame, ctx);
  Value b = rhs_->eval(frame, ctx);
  if (op_ == StringListOperator::in) {
    if (b.is_null()) return Value();
    const List* list = b.get_if<List>();
    if (!list) throw in_needs_a_list(ctx, rhs_->span(), b);
    // true if any element equals; otherwise null if any comparison was
    // unknown; otherwise false.
    bool unknown = false;
    for (const Value& item : *list) {
      Ternary t = eval::equals(a, item);
      if (t == Ternary::true_value) return true;
      unknown |= t == Ternary::unknown;
    }
    return unknown ? Value() : Value(false);
  }
  const std::string* s = a.get_if<std::string>();
  const std::string* t = b.get_if<std::string>();
  if (!s || !t) return Value();  // null, or not strings: no answer
  switch (op_) {
    case StringListOperator::starts_with: return s->starts_with(*t);
    case StringListOperator::ends_with: return s->ends_with(*t);
    case StringListOperator::contains: return s->find(*t) != std::string::npos;
    case StringListOperator::regex_match: {
      ctx.check_cancelled();  // between matches; each match is bounded by its limits
      auto result = regex_for(*t, ctx)->matches(*s);
      if (const bool* matched = std::get_if<bool>(&result)) return *matched;
      throw runtime::error_at(ctx, span(), ErrorKind::runtime_error,
                              "the regular expression match gave up: " +
                                  std::get<eval::Regex::LimitExceeded>(result).message +
                                  " (simplify the pattern, e.g. avoid nested repetition like (a*)*)");
    }
    case StringListOperator::in: break;
  }
  return Value();
}

std::shared_ptr<const eval::Regex> StringListPredicate::regex_for(const std::string& pattern,
                                                                  ExecContext& ctx) const {
  {
    std::lock_guard lock(regex_mutex_);
    if (regex_ && regex_pattern_ == pattern) return regex_;
  }
  auto compiled = eval::Regex::compile(pattern);
  if (auto* error = std::get_if<eval::Regex::SyntaxError>(&compiled)) {
    throw runtime::error_at(ctx, rhs_->span(), ErrorKind::argument_error,
                            "invalid regular expression at offset " + std::to_string(error->offset) + " of '" +
                                pattern + "': " + error->message);
  }
  std::lock_guard lock(regex_mutex_);
  regex_pattern_ = pattern;
  regex_ = std::get<std::shared_ptr<const eval::Regex>>(std::move(compiled));
  return regex_;
}

std::string StringListPredicate::describe() const {
  const char* op = op_ == StringListOperator::starts_with ? " STARTS WITH "
                   : op_ == StringListOperator::ends_with ? " ENDS WITH "
                   : op_ == StringListOperator::contains  ? " CONTAINS "
                   : op_ == StringListOperator::in        ? " IN "
                                                          : " =~ ";
  return lhs_->describe() + op + rhs_->describe();
}

Value NullTest::eval(Frame& frame, ExecContext& ctx) const {
  return operand_->eval(frame, ctx).is_null() != negated_;
}

Value Case::eval(Frame& frame, ExecContext& ctx) const {
  if (subject_) {
    Value subject = subject_->eval(frame, ctx);
    for (const auto& [when, then] : alternatives_) {
      if (eval::equals(subject, when->eval(frame, ctx)) == Ternary::true_value) return then->eval(frame, ctx);
    }
  } else {
    for (const auto& [when, then] : alternatives_) {
      Value w = when->eval(frame, ctx);
      if (auto* b = w.get_if<bool>(); b && *b) return then->eval(frame, ctx);
    }
  }
  return otherwise_ ? otherwise_->eval(frame, ctx) : Value();
}

}  // namespace ergo::expr
