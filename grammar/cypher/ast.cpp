// Helpers over the syntax tree (see ast.hpp): the span of any expression or
// clause and the spelling of operators.
#include "grammar/cypher/ast.hpp"

#include <boost/variant/apply_visitor.hpp>

namespace ergo::cypher::ast {
namespace {

struct SpanOf : boost::static_visitor<Span> {
  template <typename T>
  Span operator()(const x3::forward_ast<T>& boxed) const {
    return boxed.get().span;
  }
  template <typename T>
  Span operator()(const T& node) const {
    return node.span;
  }
};

}  // namespace

Span span_of(const Expression& e) { return boost::apply_visitor(SpanOf(), e.get()); }

Span span_of(const Clause& c) { return boost::apply_visitor(SpanOf(), c.get()); }

bool returns_rows(const CallSubquery& c) {
  const auto& clauses = c.query->first.clauses;
  return !clauses.empty() && boost::get<Return>(&clauses.back().get());
}

const char* spelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::Not: return "NOT";
    case UnaryOp::Plus: return "+";
    case UnaryOp::Minus: return "-";
    case UnaryOp::IsNull: return "IS NULL";
    case UnaryOp::IsNotNull: return "IS NOT NULL";
  }
  return "?";
}

const char* spelling(LogicalOp op) {
  switch (op) {
    case LogicalOp::Or: return "OR";
    case LogicalOp::Xor: return "XOR";
    case LogicalOp::And: return "AND";
  }
  return "?";
}

const char* spelling(ComparisonOp op) {
  switch (op) {
    case ComparisonOp::Equal: return "=";
    case ComparisonOp::NotEqual: return "<>";
    case ComparisonOp::Less: return "<";
    case ComparisonOp::Greater: return ">";
    case ComparisonOp::LessEqual: return "<=";
    case ComparisonOp::GreaterEqual: return ">=";
  }
  return "?";
}

const char* spelling(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::Add: return "+";
    case ArithmeticOp::Subtract: return "-";
    case ArithmeticOp::Multiply: return "*";
    case ArithmeticOp::Divide: return "/";
    case ArithmeticOp::Modulo: return "%";
    case ArithmeticOp::Power: return "^";
  }
  return "?";
}

const char* spelling(StringListOp op) {
  switch (op) {
    case StringListOp::StartsWith: return "STARTS WITH";
    case StringListOp::EndsWith: return "ENDS WITH";
    case StringListOp::Contains: return "CONTAINS";
    case StringListOp::In: return "IN";
    case StringListOp::RegexMatch: return "=~";
  }
  return "?";
}

const char* spelling(SubqueryKind kind) {
  switch (kind) {
    case SubqueryKind::Exists: return "EXISTS";
    case SubqueryKind::Count: return "COUNT";
    case SubqueryKind::Collect: return "COLLECT";
    case SubqueryKind::Pattern: break;
  }
  return "pattern";
}

}  // namespace ergo::cypher::ast
