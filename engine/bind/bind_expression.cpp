// Binding expressions: variables to slots, functions to code, aggregates to
// the slots their Aggregate operator fills (see binder_impl.hpp).
#include <algorithm>
#include <cctype>

#include "engine/bind/binder_impl.hpp"
#include "engine/eval/function_table.hpp"
#include "grammar/text/suggest.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::bind {
namespace {


std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "." : "") + parts[i];
  return out;
}

// Every function name, in the table's order (which decides between equally
// close suggestions).
std::vector<std::string> all_function_names() {
  std::vector<std::string> names;
  for (const eval::FunctionEntry& f : eval::function_table()) names.emplace_back(f.name);
  return names;
}

bool is_aggregate(const eval::FunctionEntry* f) { return f && f->kind == eval::FunctionKind::aggregate; }

// Calls `f` on each direct subexpression of an expression. Subqueries
// (pattern predicates and comprehensions) are not entered: they have scopes
// and aggregation rules of their own.
template <class F>
struct Children : boost::static_visitor<void> {
  F& f;
  explicit Children(F& fn) : f(fn) {}
  template <class T>
  void operator()(const T&) const {}
  template <class T>
  void operator()(const boost::spirit::x3::forward_ast<T>& boxed) const { visit(boxed.get()); }

  void opt(const std::optional<ast::Expression>& e) const {
    if (e) f(*e);
  }
  void visit(const ast::ListLiteral& x) const { for (const auto& e : x.items) f(e); }
  void visit(const ast::MapLiteral& x) const {
    if (x.subject) f(ast::Expression(*x.subject));
    for (const auto& en : x.entries) {
      if (en.kind == ast::MapEntryKind::Literal || en.kind == ast::MapEntryKind::Variable) f(en.value);
    }
  }
  void visit(const ast::PropertyAccess& x) const { f(x.subject); }
  void visit(const ast::Subscript& x) const { f(x.subject), f(x.index); }
  void visit(const ast::Slice& x) const { f(x.subject), opt(x.from), opt(x.to); }
  void visit(const ast::LabelTest& x) const { f(x.subject); }
  void visit(const ast::Unary& x) const { f(x.operand); }
  void visit(const ast::Logical& x) const { for (const auto& e : x.operands) f(e); }
  void visit(const ast::Comparison& x) const {
    f(x.first);
    for (const auto& l : x.links) f(l.rhs);
  }
  void visit(const ast::Arithmetic& x) const {
    f(x.first);
    for (const auto& l : x.links) f(l.rhs);
  }
  void visit(const ast::StringListPredicate& x) const { f(x.lhs), f(x.rhs); }
  void visit(const ast::FunctionCall& x) const { for (const auto& e : x.arguments) f(e); }
  void visit(const ast::Case& x) const {
    opt(x.subject), opt(x.otherwise);
    for (const auto& a : x.alternatives) f(a.when), f(a.then);
  }
  void visit(const ast::ListComprehension& x) const {
    if (x.accumulator) f(x.accumulator->init);
    f(x.list), opt(x.where), opt(x.projection);
  }
  void visit(const ast::Quantifier& x) const { f(x.list), opt(x.where); }
  void visit(const ast::PatternComprehension&) const {}
  void visit(const ast::Subquery&) const {}
};

template <class F>
void for_each_child(const ast::Expression& e, F f) {
  boost::apply_visitor(Children<F>(f), e.get());
}

class ExpressionBinder : public boost::static_visitor<ExprPtr> {
 public:
  ExpressionBinder(Binder& b, const Scope& scope) : b_(b), scope_(scope) {}

  template <class T>
  ExprPtr operator()(const boost::spirit::x3::forward_ast<T>& boxed) const {
    return bind(boxed.get());
  }
  template <class T>
  ExprPtr operator()(const T& leaf) const {
    return bind(leaf);
  }

 private:
  ExprPtr sub(const ast::Expression& e) const { return b_.expression(e, scope_); }
  ExprPtr sub(const ast::Expression& e, const Scope& scope) const { return b_.expression(e, scope); }

  ExprPtr bind(const ast::Literal& x) const {
    Value v = std::visit(
        [](const auto& literal) -> Value {
          if constexpr (std::is_same_v<std::decay_t<decltype(literal)>, std::monostate>) {
            return Value();
          } else {
            return Value(literal);
          }
        },
        x.value);
    return std::make_unique<expr::Literal>(span(x.span), std::move(v));
  }

  ExprPtr bind(const ast::Parameter& x) const {
    if (std::vector<std::string>* seen = b_.input().parameters_seen) {
      if (std::find(seen->begin(), seen->end(), x.name) == seen->end()) seen->push_back(x.name);
    } else if (!b_.explaining && !b_.input().params.count(x.name)) {
      b_.fail(x.span, ErrorKind::semantic_error, "ParameterMissing", "missing parameter $" + x.name);
    }
    return std::make_unique<expr::Parameter>(span(x.span), x.name);
  }

  ExprPtr bind(const ast::Variable& x) const {
    if (const Variable* v = scope_.find(x.name)) return std::make_unique<expr::SlotRef>(span(x.span), v->slot, x.name);
    if (b_.aggregation && !b_.aggregation->inside_aggregate && b_.aggregation->before->find(x.name)) {
      b_.fail(x.span, ErrorKind::syntax_error, "AmbiguousAggregationExpression",
              "'" + x.name + "' is used next to an aggregate but is not a grouping key; add it to the projection");
    }
    const auto& locals = b_.foreach_locals;
    if (std::find(locals.begin(), locals.end(), x.name) != locals.end()) {
      b_.fail(x.span, ErrorKind::syntax_error, "UndefinedVariable",
              "variable '" + x.name +
                  "' is not defined here: it is bound inside a FOREACH, and nothing FOREACH binds is visible after "
                  "it; to use what FOREACH created, MATCH it after a WITH");
    }
    if (b_.enclosing_scope && b_.enclosing_scope->find(x.name)) {
      b_.fail(x.span, ErrorKind::syntax_error, "UndefinedVariable",
              "variable '" + x.name + "' is not defined inside CALL { ... }, which sees only what it imports: "
              "import it with CALL (" + x.name + ") { ... }, or begin the subquery with WITH " + x.name);
    }
    auto near = text::closest_match(x.name, scope_.names());
    b_.fail(x.span, ErrorKind::syntax_error, "UndefinedVariable",
            "variable '" + x.name + "' is not defined" + (near ? ", did you mean '" + *near + "'?" : ""));
  }

  ExprPtr bind(const ast::ListLiteral& x) const {
    expr::ExprList items;
    bool constant = true;
    for (const ast::Expression& e : x.items) {
      items.push_back(sub(e));
      constant &= dynamic_cast<const expr::Literal*>(items.back().get()) != nullptr;
    }
    if (constant) {
      List values;
      for (const ExprPtr& i : items) values.push_back(static_cast<const expr::Literal&>(*i).value());
      return std::make_unique<expr::Literal>(span(x.span), Value(std::move(values)));
    }
    return std::make_unique<expr::ListLiteral>(span(x.span), std::move(items));
  }

  ExprPtr bind(const ast::MapLiteral& x) const {
    if (x.subject) return projection(x);
    std::vector<std::pair<std::string, ExprPtr>> entries;
    for (const ast::MapEntry& en : x.entries) entries.emplace_back(en.key.name, sub(en.value));
    return std::make_unique<expr::MapLiteral>(span(x.span), std::move(entries));
  }

  ExprPtr projection(const ast::MapLiteral& x) const {
    if (const Variable* var = scope_.find(x.subject->name);
        var && (var->kind == VarKind::path || var->kind == VarKind::relationship_list)) {
      b_.fail(x.subject->span, ErrorKind::syntax_error, "InvalidArgumentType",
              "a map projection needs a node, relationship or map; '" + x.subject->name + "' is not one");
    }
    ExprPtr subject = sub(ast::Expression(*x.subject));
    std::vector<expr::MapProjection::Entry> entries;
    for (const ast::MapEntry& en : x.entries) {
      switch (en.kind) {
        case ast::MapEntryKind::Literal:
        case ast::MapEntryKind::Variable:
          entries.push_back({expr::MapProjection::Kind::value, en.key.name, sub(en.value)});
          break;
        case ast::MapEntryKind::Property:
          entries.push_back({expr::MapProjection::Kind::property, en.key.name, nullptr});
          break;
        case ast::MapEntryKind::AllProperties:
          entries.push_back({expr::MapProjection::Kind::all_properties, {}, nullptr});
          break;
      }
    }
    return std::make_unique<expr::MapProjection>(span(x.span), std::move(subject), std::move(entries));
  }

  ExprPtr bind(const ast::PropertyAccess& x) const {
    if (auto* v = ast::get_if<ast::Variable>(x.subject)) {
      const Variable* var = scope_.find(v->name);
      if (var && (var->kind == VarKind::path || var->kind == VarKind::relationship_list)) {
        b_.fail(x.span, ErrorKind::syntax_error, "InvalidArgumentType",
                "'" + v->name + "' is a " + (var->kind == VarKind::path ? "path" : "list of relationships") +
                    ", which has no properties");
      }
    }
    return std::make_unique<expr::PropertyAccess>(span(x.span), sub(x.subject), x.key.name);
  }
  ExprPtr bind(const ast::Subscript& x) const {
    return std::make_unique<expr::Subscript>(span(x.span), sub(x.subject), sub(x.index));
  }
  ExprPtr bind(const ast::Slice& x) const {
    return std::make_unique<expr::Slice>(span(x.span), sub(x.subject), x.from ? sub(*x.from) : nullptr,
                                         x.to ? sub(*x.to) : nullptr);
  }
  ExprPtr bind(const ast::LabelTest& x) const {
    std::vector<std::string> labels;
    for (const ast::SchemaName& l : x.labels) labels.push_back(l.name);
    return std::make_unique<expr::LabelTest>(span(x.span), sub(x.subject), std::move(labels));
  }

  ExprPtr bind(const ast::Unary& x) const {
    if (x.op == ast::UnaryOp::IsNull || x.op == ast::UnaryOp::IsNotNull) {
      return std::make_unique<expr::NullTest>(span(x.span), sub(x.operand), x.op == ast::UnaryOp::IsNotNull);
    }
    expr::UnaryOperator op = x.op == ast::UnaryOp::Not     ? expr::UnaryOperator::logical_not
                             : x.op == ast::UnaryOp::Minus ? expr::UnaryOperator::negate
                                                           : expr::UnaryOperator::plus;
    ExprPtr operand = sub(x.operand);
    if (op == expr::UnaryOperator::logical_not) require_boolean(operand, x.operand, "NOT");
    return std::make_unique<expr::Unary>(span(x.span), op, std::move(operand));
  }

  // A constant that can never be a boolean is a compile-time error in a
  // boolean operator (openCypher's InvalidArgumentType).
  void require_boolean(const ExprPtr& e, const ast::Expression& at, const char* op) const {
    const char* type = nullptr;
    if (auto* literal = dynamic_cast<const expr::Literal*>(e.get())) {
      const Value& v = literal->value();
      if (!v.is_null() && !v.get_if<bool>()) type = type_name(v.type());
    } else if (dynamic_cast<const expr::MapLiteral*>(e.get()) || dynamic_cast<const expr::MapProjection*>(e.get())) {
      type = "MAP";
    } else if (dynamic_cast<const expr::ListLiteral*>(e.get())) {
      type = "LIST";
    }
    if (type) {
      b_.fail(ast::span_of(at), ErrorKind::syntax_error, "InvalidArgumentType",
              std::string(op) + " needs boolean operands, got " + type);
    }
  }

  ExprPtr bind(const ast::Logical& x) const {
    expr::ExprList operands;
    const char* spelled = x.op == ast::LogicalOp::And ? "AND" : x.op == ast::LogicalOp::Or ? "OR" : "XOR";
    for (const ast::Expression& e : x.operands) {
      operands.push_back(sub(e));
      require_boolean(operands.back(), e, spelled);
    }
    expr::LogicalOperator op = x.op == ast::LogicalOp::And  ? expr::LogicalOperator::logical_and
                               : x.op == ast::LogicalOp::Or ? expr::LogicalOperator::logical_or
                                                            : expr::LogicalOperator::logical_xor;
    return std::make_unique<expr::Logical>(span(x.span), op, std::move(operands));
  }

  ExprPtr bind(const ast::Comparison& x) const {
    expr::ExprList operands;
    std::vector<expr::ComparisonOperator> ops;
    operands.push_back(sub(x.first));
    for (const ast::ComparisonLink& l : x.links) {
      operands.push_back(sub(l.rhs));
      ops.push_back(static_cast<expr::ComparisonOperator>(static_cast<int>(l.op)));
    }
    return std::make_unique<expr::Comparison>(span(x.span), std::move(operands), std::move(ops));
  }

  ExprPtr bind(const ast::Arithmetic& x) const {
    ExprPtr acc = sub(x.first);
    ast::Span first = ast::span_of(x.first);
    for (const ast::ArithmeticLink& l : x.links) {
      ast::Span whole{first.begin, ast::span_of(l.rhs).end};
      acc = std::make_unique<expr::Arithmetic>(span(whole), static_cast<expr::ArithmeticOperator>(static_cast<int>(l.op)),
                                               std::move(acc), sub(l.rhs));
    }
    return acc;
  }

  ExprPtr bind(const ast::StringListPredicate& x) const {
    return std::make_unique<expr::StringListPredicate>(
        span(x.span), static_cast<expr::StringListOperator>(static_cast<int>(x.op)), sub(x.lhs), sub(x.rhs));
  }

  ExprPtr bind(const ast::Case& x) const {
    std::vector<std::pair<ExprPtr, ExprPtr>> alternatives;
    for (const ast::CaseAlternative& a : x.alternatives) alternatives.emplace_back(sub(a.when), sub(a.then));
    return std::make_unique<expr::Case>(span(x.span), x.subject ? sub(*x.subject) : nullptr, std::move(alternatives),
                                        x.otherwise ? sub(*x.otherwise) : nullptr);
  }

  // A scope with one more variable, for comprehensions and quantifiers.
  std::pair<Scope, std::size_t> with_local(const ast::Variable& v) const {
    Scope inner = scope_;
    std::size_t slot = b_.new_slot();
    inner.add({v.name, slot, VarKind::value});
    return {std::move(inner), slot};
  }

  ExprPtr bind(const ast::ListComprehension& x) const {
    ExprPtr list = sub(x.list);
    if (x.accumulator) return bind_reduce(x, std::move(list));
    auto [inner, slot] = with_local(x.variable);
    return std::make_unique<expr::ListComprehension>(span(x.span), slot, std::move(list),
                                                     x.where ? sub(*x.where, inner) : nullptr,
                                                     x.projection ? sub(*x.projection, inner) : nullptr);
  }

  // reduce(acc = init, x IN list | projection): init and list in the outer
  // scope; the projection sees both acc and x.
  ExprPtr bind_reduce(const ast::ListComprehension& x, ExprPtr list) const {
    const ast::ReduceAccumulator& acc = *x.accumulator;
    if (acc.variable.name == x.variable.name) {
      b_.fail(x.variable.span, ErrorKind::syntax_error, "VariableAlreadyBound",
              "reduce() needs two different names: '" + x.variable.name + "' is already the accumulator");
    }
    ExprPtr init = sub(acc.init);
    auto [with_acc, acc_slot] = with_local(acc.variable);
    Scope inner = with_acc;
    const std::size_t item_slot = b_.new_slot();
    inner.add({x.variable.name, item_slot, VarKind::value});
    return std::make_unique<expr::Reduce>(span(x.span), acc_slot, std::move(init), item_slot, std::move(list),
                                          sub(*x.projection, inner));
  }

  ExprPtr bind(const ast::Quantifier& x) const {
    ExprPtr list = sub(x.list);
    auto [inner, slot] = with_local(x.variable);
    return std::make_unique<expr::Quantifier>(span(x.span), static_cast<expr::QuantifierKind>(static_cast<int>(x.kind)),
                                              slot, std::move(list), x.where ? sub(*x.where, inner) : nullptr);
  }

  ExprPtr bind(const ast::PatternComprehension& x) const { return b_.pattern_comprehension(x, scope_); }
  ExprPtr bind(const ast::Subquery& x) const { return b_.subquery(x, scope_); }

  ExprPtr aggregate(ast::Span at, eval::AggregateFunction function, bool distinct,
                    const std::vector<ast::Expression>& args) const {
    Aggregation* agg = b_.aggregation;
    const std::string spelling(eval::aggregate_spelling(function));
    const std::string shown = function == eval::AggregateFunction::count_star ? spelling : spelling + "()";
    if (!agg) {
      b_.fail(at, ErrorKind::syntax_error, "InvalidAggregation",
              shown + " aggregates, so it can only be used in WITH, RETURN or ORDER BY");
    }
    if (agg->inside_aggregate) {
      b_.fail(at, ErrorKind::syntax_error, "NestedAggregation", "an aggregate cannot contain another aggregate");
    }
    plan::AggregateItem item;
    item.function = function;
    item.distinct = distinct;
    agg->inside_aggregate = true;
    try {
      if (!args.empty()) item.argument = b_.expression(args[0], *agg->before);
      if (args.size() > 1) item.parameter = b_.expression(args[1], *agg->before);
    } catch (...) {
      agg->inside_aggregate = false;
      throw;
    }
    agg->inside_aggregate = false;
    item.slot = b_.new_slot();
    std::size_t slot = item.slot;
    agg->items->push_back(std::move(item));
    return std::make_unique<expr::SlotRef>(span(at), slot, b_.text_of(at));
  }

  // A graph function given something that can never be the element it
  // needs (labels() of a path, type() of a node, properties() of 1) is a
  // compile-time error (openCypher's InvalidArgumentType).
  void check_graph_argument(expr::GraphFunctionKind kind, const std::string& name, const ast::Expression& arg) const {
    std::optional<VarKind> known;
    if (auto* v = ast::get_if<ast::Variable>(arg)) {
      if (const Variable* var = scope_.find(v->name)) known = var->kind;
    } else if (ast::get_if<ast::Literal>(arg) || ast::get_if<ast::ListLiteral>(arg)) {
      known = VarKind::scalar;
    } else if (ast::get_if<ast::MapLiteral>(arg)) {
      if (kind == expr::GraphFunctionKind::properties || kind == expr::GraphFunctionKind::keys) return;
      known = VarKind::scalar;
    }
    if (!known || *known == VarKind::value) return;
    if (auto* lit = ast::get_if<ast::Literal>(arg); lit && std::holds_alternative<std::monostate>(lit->value)) return;
    using K = expr::GraphFunctionKind;
    bool ok = true;
    switch (kind) {
      case K::labels: ok = *known == VarKind::node; break;
      case K::type:
      case K::start_node:
      case K::end_node: ok = *known == VarKind::relationship; break;
      case K::nodes:
      case K::relationships: ok = *known == VarKind::path; break;
      case K::length: ok = *known != VarKind::node && *known != VarKind::relationship; break;
      case K::id:
      case K::element_id:
      case K::properties:
      case K::keys: ok = *known == VarKind::node || *known == VarKind::relationship; break;
      default: break;
    }
    if (!ok) {
      b_.fail(ast::span_of(arg), ErrorKind::syntax_error, "InvalidArgumentType",
              name + "() cannot take this argument: it is not the kind of graph element " + name + "() needs");
    }
  }

  ExprPtr bind(const ast::FunctionCall& x) const {
    const std::string name = join(x.name.parts);
    const std::string key = text::utf8::ascii_lower(name);
    const std::size_t argc = x.arguments.size();
    if (x.star) {
      if (key != "count") {
        b_.fail(x.span, ErrorKind::syntax_error, "UnexpectedSyntax", "only count(*) takes *; " + name + "(*) does not exist");
      }
      return aggregate(x.span, eval::AggregateFunction::count_star, false, {});
    }
    auto arity = [&](std::size_t min, std::size_t max) {
      if (argc < min || argc > max) {
        std::string expected = min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max);
        b_.fail(x.span, ErrorKind::syntax_error, "InvalidNumberOfArguments",
                name + "() takes " + expected + (max == 1 ? " argument" : " arguments") + ", got " + std::to_string(argc));
      }
    };
    const eval::FunctionEntry* fn = eval::lookup_function(name);
    auto table_arity = [&] { arity(static_cast<std::size_t>(fn->min_args), static_cast<std::size_t>(fn->max_args)); };
    if (is_aggregate(fn)) {
      table_arity();
      return aggregate(x.span, fn->aggregate, x.distinct, x.arguments);
    }
    if (x.distinct) {
      b_.fail(x.span, ErrorKind::syntax_error, "InvalidAggregation", "DISTINCT can only be used with aggregate functions");
    }
    if (!fn) {
      auto near = text::closest_match(name, all_function_names());
      b_.fail(x.name.span, ErrorKind::syntax_error, "UnknownFunction",
              "unknown function '" + name + "'" + (near ? ", did you mean '" + *near + "'?" : ""));
    }
    table_arity();
    if (fn->kind == eval::FunctionKind::graph && fn->graph == eval::GraphFunction::exists) {
      const ast::Expression& arg = x.arguments[0];
      if (auto* p = ast::get_if<ast::Subquery>(arg); p && p->kind == ast::SubqueryKind::Pattern) {
        return b_.pattern_predicate(p->pattern, p->span, scope_);
      }
      if (!ast::get_if<ast::PropertyAccess>(arg) && !ast::get_if<ast::Subscript>(arg)) {
        b_.fail(ast::span_of(arg), ErrorKind::syntax_error, "InvalidArgumentExpression",
                "exists() takes a property (n.key) or a pattern");
      }
      expr::ExprList args;
      args.push_back(sub(arg));
      return std::make_unique<expr::GraphCall>(span(x.span), expr::GraphFunctionKind::exists, name, std::move(args), nullptr);
    }
    if (fn->kind == eval::FunctionKind::graph) {
      check_graph_argument(fn->graph, name, x.arguments[0]);
      expr::ExprList args;
      args.push_back(sub(x.arguments[0]));
      return std::make_unique<expr::GraphCall>(span(x.span), fn->graph, name, std::move(args), fn->scalar);
    }
    expr::ExprList args;
    for (const ast::Expression& a : x.arguments) args.push_back(sub(a));
    return std::make_unique<expr::ScalarCall>(span(x.span), fn->scalar, name, std::move(args));
  }

  Binder& b_;
  const Scope& scope_;
};

}  // namespace

bool Binder::has_aggregate(const ast::Expression& e) {
  if (auto* call = ast::get_if<ast::FunctionCall>(e)) {
    if (call->star || is_aggregate(eval::lookup_function(join(call->name.parts)))) return true;
  }
  bool found = false;
  for_each_child(e, [&](const ast::Expression& child) { found = found || has_aggregate(child); });
  return found;
}

ExprPtr Binder::predicate(const ast::Expression& e, const Scope& scope) {
  if (auto* v = ast::get_if<ast::Variable>(e)) {
    const Variable* var = scope.find(v->name);
    if (var && var->kind != VarKind::value && var->kind != VarKind::scalar) {
      fail(v->span, ErrorKind::syntax_error, "InvalidArgumentType",
           "'" + v->name + "' is a graph element, not a boolean; a pattern predicate needs a relationship, like (" +
               v->name + ")-->()");
    }
  }
  return expression(e, scope);
}

bool Binder::variables_of(const ast::Expression& e, std::vector<std::string>& names) {
  if (auto* v = ast::get_if<ast::Variable>(e)) {
    names.push_back(v->name);
    return true;
  }
  // These bring variables of their own (or patterns) into scope.
  if (ast::get_if<ast::Subquery>(e) || ast::get_if<ast::PatternComprehension>(e) ||
      ast::get_if<ast::ListComprehension>(e) || ast::get_if<ast::Quantifier>(e)) {
    return false;
  }
  bool simple = true;
  for_each_child(e, [&](const ast::Expression& child) { simple = simple && variables_of(child, names); });
  return simple;
}

bool Binder::has_variables(const ast::Expression& e) {
  if (ast::get_if<ast::Variable>(e) || ast::get_if<ast::Subquery>(e) ||
      ast::get_if<ast::PatternComprehension>(e)) {
    return true;
  }
  bool found = false;
  for_each_child(e, [&](const ast::Expression& child) { found = found || has_variables(child); });
  return found;
}

ExprPtr Binder::expression(const ast::Expression& e, const Scope& scope) {
  // After aggregation, an expression that is a grouping key reads its slot.
  if (aggregation && !aggregation->inside_aggregate && !aggregation->key_texts.empty()) {
    const std::string text = text_of(ast::span_of(e));
    for (const auto& [key, slot] : aggregation->key_texts) {
      if (key == text) return std::make_unique<expr::SlotRef>(span(ast::span_of(e)), slot, text);
    }
  }
  return boost::apply_visitor(ExpressionBinder(*this, scope), e.get());
}

}  // namespace ergo::bind
