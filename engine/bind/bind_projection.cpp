// Binding WITH and RETURN: projection, DISTINCT, aggregation with grouping
// keys, ORDER BY (on projected names, or on earlier variables when nothing
// aggregates), SKIP, LIMIT and WITH's WHERE (see binder_impl.hpp).
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_set>

#include "engine/bind/binder_impl.hpp"

namespace ergo::bind {
namespace {

struct Item {
  std::string name;
  const ast::Expression* expression = nullptr;  // null for an item of `*`
  const Variable* star = nullptr;               // the variable of a `*` item
  ast::Span at;
  bool aggregates = false;
  VarKind kind = VarKind::value;
};

// Restores Binder::aggregation however the binding ends.
struct AggregationGuard {
  Binder& b;
  explicit AggregationGuard(Binder& binder, Aggregation* a) : b(binder) { b.aggregation = a; }
  ~AggregationGuard() { b.aggregation = nullptr; }
};

}  // namespace

ExprPtr Binder::row_count(const ast::Expression& e, const char* clause) {
  Scope empty;  // SKIP and LIMIT take constants and parameters only
  if (has_variables(e)) {
    fail(ast::span_of(e), ErrorKind::syntax_error, "NonConstantExpression",
         std::string(clause) + " needs a constant or a parameter, not an expression over variables");
  }
  ExprPtr bound = expression(e, empty);
  if (auto* literal = dynamic_cast<const expr::Literal*>(bound.get())) {
    const Value& v = literal->value();
    if (!v.get_if<std::int64_t>()) {
      fail(ast::span_of(e), ErrorKind::syntax_error, "InvalidArgumentType",
           std::string(clause) + " needs an integer, got " + type_name(v.type()));
    }
    if (v.as_int() < 0) {
      fail(ast::span_of(e), ErrorKind::syntax_error, "NegativeIntegerArgument",
           std::string(clause) + " needs a non-negative integer, got " + std::to_string(v.as_int()));
    }
  }
  return bound;
}

OperatorPtr Binder::projection(const ast::Projection& p, const ast::Expression* where, bool is_return,
                               OperatorPtr input, Scope& scope, Columns& columns) {
  const char* clause = is_return ? "RETURN" : "WITH";
  std::vector<Item> items;
  items.reserve(p.items.size());
  if (p.star) {
    std::vector<const Variable*> vars;
    std::set<std::string> seen;
    for (auto it = scope.variables().rbegin(); it != scope.variables().rend(); ++it) {
      if (seen.insert(it->name).second) vars.push_back(&*it);
    }
    if (vars.empty() && is_return) {
      fail(p.span, ErrorKind::syntax_error, "NoVariablesInScope",
           std::string(clause) + " * needs at least one variable in scope");
    }
    std::sort(vars.begin(), vars.end(), [](const Variable* a, const Variable* b) { return a->name < b->name; });
    for (const Variable* v : vars) items.push_back({v->name, nullptr, v, p.span, false, v->kind});
  }
  for (const ast::ProjectionItem& pi : p.items) {
    Item item;
    item.expression = &pi.expression;
    item.at = pi.span;
    item.aggregates = has_aggregate(pi.expression);
    const ast::Variable* var = ast::get_if<ast::Variable>(pi.expression);
    if (var) {
      if (const Variable* v = scope.find(var->name)) item.kind = v->kind;
    } else if (auto* lit = ast::get_if<ast::Literal>(pi.expression)) {
      // null fits any variable; other literals are never graph elements.
      if (!std::holds_alternative<std::monostate>(lit->value)) item.kind = VarKind::scalar;
    } else if (ast::get_if<ast::ListLiteral>(pi.expression) || ast::get_if<ast::MapLiteral>(pi.expression)) {
      item.kind = VarKind::scalar;
    }
    if (pi.alias) {
      item.name = pi.alias->name;
    } else if (var) {
      item.name = var->name;
    } else if (!is_return) {
      fail(pi.span, ErrorKind::syntax_error, "NoExpressionAlias", "an expression in WITH needs a name: add AS name");
    } else {
      item.name = text_of(pi.span);  // as written, parentheses included
    }
    items.push_back(std::move(item));
  }
  // The first column named as an earlier one is the conflict: pairwise for
  // a few columns (no allocation), through a set past that (pairwise, 50,000
  // columns took seconds).
  auto conflict = [&](const Item& item) {
    fail(item.at, ErrorKind::syntax_error, "ColumnNameConflict",
         "two columns are named '" + item.name + "'; give one of them another name with AS");
  };
  if (items.size() <= 16) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (items[i].name == items[j].name) conflict(items[i]);
      }
    }
  } else {
    std::unordered_set<std::string_view> names;
    names.reserve(items.size());
    for (const Item& item : items) {
      if (!names.insert(item.name).second) conflict(item);
    }
  }

  const bool aggregating = std::any_of(items.begin(), items.end(), [](const Item& i) { return i.aggregates; });

  // Every column gets its slot up front, in the order written.
  Scope projected;
  std::vector<std::size_t> slots;
  slots.reserve(items.size());
  projected.reserve(items.size());
  columns.names.reserve(columns.names.size() + items.size());
  columns.slots.reserve(columns.slots.size() + items.size());
  for (const Item& item : items) {
    slots.push_back(new_slot());
    projected.add({item.name, slots.back(), item.kind});
    columns.names.push_back(item.name);
    columns.slots.push_back(slots.back());
  }

  // First bind every expression, then build the operators: ORDER BY may
  // add aggregates of its own.
  std::vector<std::pair<std::size_t, ExprPtr>> keys_or_items, post;
  keys_or_items.reserve(items.size());
  std::vector<plan::AggregateItem> aggregates;
  // expression text → its column slot, for aggregates and ORDER BY to find
  // an item written again (most projections need neither)
  std::vector<std::pair<std::string, std::size_t>> texts;
  const bool wants_texts = aggregating || !p.order_by.empty();
  Scope keys_scope;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (item.aggregates) continue;
    ExprPtr e = item.star ? std::make_unique<expr::SlotRef>(span(item.at), item.star->slot, item.name)
                          : expression(*item.expression, scope);
    keys_or_items.emplace_back(slots[i], std::move(e));
    if (aggregating) keys_scope.add({item.name, slots[i], item.kind});  // what the aggregates' Project sees
    if (item.expression && wants_texts) texts.emplace_back(text_of(ast::span_of(*item.expression)), slots[i]);
  }
  // `RETURN n {.name, deals: collect(d.amount)}` groups by n, as in Neo4j:
  // the subject of an aggregating map projection is a grouping key of its
  // own (a hidden one, when n is not a column).
  for (const Item& item : items) {
    auto* map = item.aggregates ? ast::get_if<ast::MapLiteral>(*item.expression) : nullptr;
    if (!map || !map->subject) continue;
    const std::string text = text_of(map->subject->span);
    if (std::any_of(texts.begin(), texts.end(), [&](const auto& t) { return t.first == text; })) continue;
    const std::size_t slot = new_slot();
    keys_or_items.emplace_back(slot, expression(ast::Expression(*map->subject), scope));
    texts.emplace_back(text, slot);
  }
  Aggregation agg;
  agg.items = &aggregates;
  agg.before = &scope;
  if (aggregating) {
    agg.key_texts = texts;
    AggregationGuard guard(*this, &agg);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].aggregates) continue;
      post.emplace_back(slots[i], expression(*items[i].expression, keys_scope));
      texts.emplace_back(text_of(ast::span_of(*items[i].expression)), slots[i]);
    }
  }

  // Without DISTINCT or aggregation, ORDER BY also sees the variables from
  // before the projection; WITH's WHERE sees them unless aggregating.
  Scope earlier_and_projected;
  if (!p.order_by.empty() || where) {
    earlier_and_projected = scope;
    for (const Variable& v : projected.variables()) earlier_and_projected.add(v);
  }
  const Scope& visible = !p.distinct && !aggregating ? earlier_and_projected : projected;
  const Scope& where_scope = aggregating ? projected : earlier_and_projected;
  std::vector<plan::SortKey> sort_keys;
  if (!p.order_by.empty()) {
    agg.key_texts = texts;
    agg.before = &projected;  // aggregates in ORDER BY see only projected names
    for (const ast::SortItem& s : p.order_by) {
      ExprPtr key;
      const std::string text = text_of(ast::span_of(s.expression));
      for (const auto& [t, slot] : texts) {
        if (t == text && !key) key = std::make_unique<expr::SlotRef>(span(ast::span_of(s.expression)), slot, text);
      }
      if (!key && aggregating) {
        AggregationGuard guard(*this, &agg);
        key = expression(s.expression, visible);
      } else if (!key) {
        key = expression(s.expression, visible);
      }
      sort_keys.push_back({std::move(key), s.direction == ast::SortDirection::Descending});
    }
  }

  ExprPtr skip = p.skip ? row_count(*p.skip, "SKIP") : nullptr;
  ExprPtr limit = p.limit ? row_count(*p.limit, "LIMIT") : nullptr;
  ExprPtr filter = where ? predicate(*where, where_scope) : nullptr;

  OperatorPtr op;
  if (aggregating) {
    auto aggregate = std::make_unique<plan::Aggregate>(std::move(input));
    aggregate->keys = std::move(keys_or_items);
    aggregate->aggregates = std::move(aggregates);
    op = std::move(aggregate);
    if (!post.empty()) {
      auto project = std::make_unique<plan::Project>(std::move(op));
      project->items = std::move(post);
      op = std::move(project);
    }
  } else {
    auto project = std::make_unique<plan::Project>(std::move(input));
    project->items = std::move(keys_or_items);
    op = std::move(project);
  }
  if (p.distinct) op = std::make_unique<plan::Distinct>(std::move(op), columns.slots);
  if (!sort_keys.empty()) {
    auto sort = std::make_unique<plan::Sort>(std::move(op));
    sort->keys = std::move(sort_keys);
    if (p.limit) {
      sort->limit = row_count(*p.limit, "LIMIT");
      if (p.skip) sort->skip = row_count(*p.skip, "SKIP");
    }
    op = std::move(sort);
  }
  if (skip) op = std::make_unique<plan::Skip>(std::move(op), std::move(skip));
  if (limit) {
    auto l = std::make_unique<plan::Limit>(std::move(op), std::move(limit));
    l->run_input_for_writes = writes_seen;  // LIMIT 0 still makes earlier CREATEs happen
    op = std::move(l);
  }
  if (filter) op = std::make_unique<plan::Filter>(std::move(op), std::move(filter));
  scope = std::move(projected);
  return op;
}

}  // namespace ergo::bind
