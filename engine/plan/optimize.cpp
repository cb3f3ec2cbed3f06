// Plan rewrites that keep the answer and drop work (see plan::optimize in
// operators.hpp). Each one applies only where the binder has proved the
// rows it removes cannot be seen: anonymous, unconstrained pattern elements
// feeding an aggregation that only counts rows or ignores duplicates.
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>
#include <type_traits>

#include "engine/expr/nodes.hpp"
#include "engine/plan/operators.hpp"

namespace ergo::plan {
namespace {

// The operator as a T when it is one. Every plan runs through here for
// every operator, and a failed dynamic_cast walks the type's hierarchy
// comparing type names (strcmp): on a point lookup that was a tenth of the
// whole statement. So the kind is compared instead.
template <class T>
struct KindOf;
template <>
struct KindOf<Aggregate> : std::integral_constant<OperatorKind, OperatorKind::aggregate> {};
template <>
struct KindOf<BreadthFirstReach> : std::integral_constant<OperatorKind, OperatorKind::breadth_first_reach> {};
template <>
struct KindOf<CallSubquery> : std::integral_constant<OperatorKind, OperatorKind::call_subquery> {};
template <>
struct KindOf<CountExpand> : std::integral_constant<OperatorKind, OperatorKind::count_expand> {};
template <>
struct KindOf<Distinct> : std::integral_constant<OperatorKind, OperatorKind::distinct> {};
template <>
struct KindOf<Expand> : std::integral_constant<OperatorKind, OperatorKind::expand> {};
template <>
struct KindOf<Filter> : std::integral_constant<OperatorKind, OperatorKind::filter> {};
template <>
struct KindOf<NodeDegree> : std::integral_constant<OperatorKind, OperatorKind::node_degree> {};
template <>
struct KindOf<Once> : std::integral_constant<OperatorKind, OperatorKind::once> {};
template <>
struct KindOf<Optional> : std::integral_constant<OperatorKind, OperatorKind::optional> {};
template <>
struct KindOf<Project> : std::integral_constant<OperatorKind, OperatorKind::project> {};
template <>
struct KindOf<ScanNodes> : std::integral_constant<OperatorKind, OperatorKind::scan_nodes> {};
template <>
struct KindOf<SemiJoin> : std::integral_constant<OperatorKind, OperatorKind::semi_join> {};
template <>
struct KindOf<Sort> : std::integral_constant<OperatorKind, OperatorKind::sort> {};
template <>
struct KindOf<VarExpand> : std::integral_constant<OperatorKind, OperatorKind::var_expand> {};

template <class T>
T* as(Operator* op) {
  if constexpr (std::is_same_v<T, Unary>) {
    // Every operator but Once is a Unary (operators.hpp).
    return op && op->kind() != OperatorKind::once ? static_cast<Unary*>(op) : nullptr;
  } else {
    return op && op->kind() == KindOf<T>::value ? static_cast<T*>(op) : nullptr;
  }
}
template <class T>
const T* as(const Operator* op) {
  return as<T>(const_cast<Operator*>(op));
}

// Where the first operator under `op` that is not a Filter is held.
OperatorPtr* below_filters(OperatorPtr* op) {
  while (auto* f = as<Filter>(op->get())) op = &f->input;
  return op;
}

using eval::AggregateFunction;

bool counts_rows(const AggregateItem& a) { return a.function == AggregateFunction::count_star; }

// Aggregates whose result does not change when a row is repeated. (collect
// and sum are left out: the order and the rounding of what they see would
// change.)
bool ignores_repeats(const AggregateItem& a) {
  return (a.distinct && a.function == AggregateFunction::count) || a.function == AggregateFunction::min ||
         a.function == AggregateFunction::max;
}

bool alone_in_pattern(const DistinctFrom& d) { return d.empty(); }

// ScanNodes under a CountExpand of the scanned node: each node's count is
// the size of its adjacency slices, read while scanning (NodeDegree).
void degrees_from_scan(OperatorPtr& slot) {
  auto* counts = as<CountExpand>(slot.get());
  auto* scan = counts ? as<ScanNodes>(counts->input.get()) : nullptr;
  if (!scan || scan->slot != counts->from_slot) return;
  auto degrees = std::make_unique<NodeDegree>(std::move(scan->input));
  degrees->slot = scan->slot;
  degrees->labels = scan->labels;
  degrees->count_slot = counts->count_slot;
  degrees->direction = counts->direction;
  degrees->types = counts->types;
  slot = std::move(degrees);
}

bool slots_read(const expr::Expr& e, std::vector<std::size_t>& out);

// MATCH (a)-->() RETURN a.name, count(*): every key reads only the node, so
// a group can keep a node and evaluate its keys again (Aggregate::
// keys_of_node). Only in queries that write nothing, where evaluating a
// key again gives the same value.
void keys_from_a_node(Aggregate& agg, const NodeDegree& degrees, bool query_writes) {
  if (query_writes || agg.keys.empty()) return;
  std::vector<std::size_t> read;
  for (const auto& key : agg.keys) {
    if (!slots_read(*key.second, read)) return;
  }
  for (std::size_t s : read) {
    if (s != degrees.slot) return;
  }
  agg.keys_of_node = degrees.slot;
  // RETURN a.name, count(*) (Q6): the callers saw one row per node.
  if (agg.keys.size() == 1) {
    auto* access = dynamic_cast<const expr::PropertyAccess*>(agg.keys[0].second.get());
    auto* subject = access ? dynamic_cast<const expr::SlotRef*>(&access->subject()) : nullptr;
    agg.key_is_unique_name = subject && subject->slot() == degrees.slot && access->key() == "name";
  }
}

// MATCH (a)-->() RETURN a, count(*): grouped by the node itself, over one
// scan (each node at most once), every group is one NodeDegree row, so the
// Aggregate and its group table become a Project of the keys and the
// degree; an ORDER BY ... LIMIT above keeps its bounded heap. (Grouped by
// a.name instead, nodes sharing a name share a group, so the Aggregate
// stays.)
void groups_are_nodes(OperatorPtr& op, bool query_writes) {
  auto* agg = as<Aggregate>(op.get());
  if (!agg || !agg->weight_slot) return;
  auto* degrees = as<NodeDegree>(below_filters(&agg->input)->get());
  if (!degrees || !as<Once>(degrees->input.get())) return;
  bool keyed_by_node = false;
  for (const auto& key : agg->keys) {
    auto* ref = dynamic_cast<const expr::SlotRef*>(key.second.get());
    keyed_by_node = keyed_by_node || (ref && ref->slot() == degrees->slot);
  }
  if (!keyed_by_node) {
    keys_from_a_node(*agg, *degrees, query_writes);
    return;
  }
  auto project = std::make_unique<Project>(std::move(agg->input));
  project->items = std::move(agg->keys);
  for (const AggregateItem& a : agg->aggregates) {
    project->items.emplace_back(a.slot, std::make_unique<expr::SlotRef>(text::Span{}, degrees->count_slot,
                                                                         "$" + std::to_string(degrees->count_slot)));
  }
  op = std::move(project);
}

// MATCH (a)-->() ... RETURN <keys over a>, count(*): the hops of each node
// are counted, not listed (what other engines call a degree lookup).
void count_degrees(Aggregate& agg) {
  if (agg.aggregates.empty() || agg.weight_slot) return;
  for (const AggregateItem& a : agg.aggregates) {
    if (!counts_rows(a)) return;
  }
  OperatorPtr* slot = below_filters(&agg.input);
  auto* e = as<Expand>(slot->get());
  if (!e || !e->ends_unused || e->into || !alone_in_pattern(e->distinct)) return;
  auto counts = std::make_unique<CountExpand>(std::move(e->input));
  counts->from_slot = e->from_slot;
  counts->count_slot = e->rel_slot;
  counts->direction = e->direction;
  counts->types = e->types;
  agg.weight_slot = counts->count_slot;
  *slot = std::move(counts);
  degrees_from_scan(*slot);
}

// MATCH (a)-[*1..k]->(b) ... RETURN count(DISTINCT b): the set of nodes at
// the end of a trail of 1..k relationships is the set a breadth-first
// search reaches within k hops (a shortest walk is a trail), plus the start
// when a closed trail of at most k hops returns to it. Directed patterns
// only: undirected, a relationship walked there and back is no trail.
void reach_by_bfs(Aggregate& agg) {
  if (agg.aggregates.empty()) return;
  for (const AggregateItem& a : agg.aggregates) {
    if (!ignores_repeats(a)) return;
  }
  OperatorPtr* slot = below_filters(&agg.input);
  auto* v = as<VarExpand>(slot->get());
  if (!v || !v->list_unused || v->into || v->direction == Direction::both || v->min_hops > 1 ||
      !v->properties.empty() || !alone_in_pattern(v->distinct)) {
    return;
  }
  auto reach = std::make_unique<BreadthFirstReach>(std::move(v->input));
  reach->from_slot = v->from_slot;
  reach->list_slot = v->list_slot;
  reach->to_slot = v->to_slot;
  reach->direction = v->direction;
  reach->types = v->types;
  reach->min_hops = v->min_hops;
  reach->max_hops = v->max_hops;
  *slot = std::move(reach);
}

// RETURN count(DISTINCT b) over a BreadthFirstReach to b (after
// reach_by_bfs), with no grouping keys and only filters in between: each
// reached node is already one row, so the count is taken as the search
// reaches the nodes (CountReach), the filters evaluated on each of them.
void count_reach(OperatorPtr& op) {
  auto* agg = as<Aggregate>(op.get());
  if (!agg || !agg->keys.empty() || agg->aggregates.empty() || agg->weight_slot || agg->keys_of_node) return;
  OperatorPtr* slot = below_filters(&agg->input);
  auto* reach = as<BreadthFirstReach>(slot->get());
  if (!reach) return;
  for (const AggregateItem& a : agg->aggregates) {
    auto* ref = dynamic_cast<const expr::SlotRef*>(a.argument.get());
    if (a.function != AggregateFunction::count || !a.distinct || !ref || ref->slot() != reach->to_slot) return;
  }
  auto counts = std::make_unique<CountReach>(std::move(reach->input));
  counts->from_slot = reach->from_slot;
  counts->list_slot = reach->list_slot;
  counts->to_slot = reach->to_slot;
  counts->direction = reach->direction;
  counts->types = reach->types;
  counts->min_hops = reach->min_hops;
  counts->max_hops = reach->max_hops;
  for (const AggregateItem& a : agg->aggregates) counts->count_slots.push_back(a.slot);
  std::vector<ExprPtr> top_down;
  for (OperatorPtr* f = &agg->input; f != slot; f = &static_cast<Filter*>(f->get())->input) {
    top_down.push_back(std::move(static_cast<Filter*>(f->get())->predicate));
  }
  counts->filters.assign(std::make_move_iterator(top_down.rbegin()), std::make_move_iterator(top_down.rend()));
  op = std::move(counts);
}

// The slots `e` reads, for the simple expressions a semi-join checks
// (variables and their properties); false for any other expression.
bool slots_read(const expr::Expr& e, std::vector<std::size_t>& out) {
  if (auto* ref = dynamic_cast<const expr::SlotRef*>(&e)) {
    out.push_back(ref->slot());
    return true;
  }
  if (auto* access = dynamic_cast<const expr::PropertyAccess*>(&e)) return slots_read(access->subject(), out);
  return false;
}

// The slots an operator that may sit inside a semi-join binds; nullopt for
// any other operator. Filters bind nothing; expansions bind their
// relationship (or list) and far node.
std::optional<std::vector<std::size_t>> binds_in_semi_join(const Operator& op) {
  if (as<Filter>(&op)) return std::vector<std::size_t>{};
  if (auto* e = as<Expand>(&op)) {
    return e->into ? std::vector{e->rel_slot} : std::vector{e->rel_slot, e->to_slot};
  }
  if (auto* v = as<VarExpand>(&op)) {
    return v->into ? std::vector{v->list_slot} : std::vector{v->list_slot, v->to_slot};
  }
  if (auto* r = as<BreadthFirstReach>(&op)) return std::vector{r->list_slot, r->to_slot};
  return std::nullopt;
}

// The expansions (and filters) right under `input` that bind nothing in
// `read` only decide whether each row below them appears, and how often:
// under an operator that ignores repeats, a SemiJoin asks only whether they
// match at all and stops at the first match (Q5: a company counts once one
// qualifying INVESTS edge reaches a node with any DEVELOPS edge). A
// filter that would fail with an error on a later match is not evaluated
// there.
void exists_instead_of_all(OperatorPtr& input, const std::vector<std::size_t>& read) {
  auto is_read = [&](std::size_t slot) { return std::find(read.begin(), read.end(), slot) != read.end(); };
  std::vector<Unary*> chain;  // top to bottom, down to the first operator binding something read
  bool expands = false;
  OperatorPtr* below = &input;
  for (auto bound = binds_in_semi_join(**below); bound && std::none_of(bound->begin(), bound->end(), is_read);
       bound = binds_in_semi_join(**below)) {
    expands = expands || !bound->empty();
    chain.push_back(static_cast<Unary*>(below->get()));
    below = &chain.back()->input;
  }
  while (!chain.empty() && as<Filter>(chain.back())) chain.pop_back();  // filters stay below
  if (!expands || chain.empty()) return;
  OperatorPtr rows = std::move(chain.back()->input);
  chain.back()->input = std::make_unique<Once>();
  input = std::make_unique<SemiJoin>(std::move(rows), std::move(input));
}

// RETURN count(DISTINCT a), min(a.x), ... grouped by keys over a.
void semi_join_under_aggregate(Aggregate& agg) {
  if (agg.aggregates.empty() || agg.weight_slot) return;
  std::vector<std::size_t> read;
  for (const AggregateItem& a : agg.aggregates) {
    if (!ignores_repeats(a) || !a.argument || !slots_read(*a.argument, read)) return;
  }
  for (const auto& key : agg.keys) {
    if (!slots_read(*key.second, read)) return;
  }
  exists_instead_of_all(agg.input, read);
  if (auto* join = as<SemiJoin>(agg.input.get())) join->every_row_read = true;
}

// Values a predicate of the subplan below may compare without failing: a
// constant, or a variable of the pattern and its properties (reading one of
// a node or a relationship never fails in a statement that deletes nothing).
bool plain_value(const expr::Expr& e, const std::vector<std::size_t>& elements) {
  if (dynamic_cast<const expr::Literal*>(&e) || dynamic_cast<const expr::Parameter*>(&e)) return true;
  const expr::Expr* subject = &e;
  if (auto* access = dynamic_cast<const expr::PropertyAccess*>(&e)) subject = &access->subject();
  auto* ref = dynamic_cast<const expr::SlotRef*>(subject);
  return ref && std::find(elements.begin(), elements.end(), ref->slot()) != elements.end();
}

// A predicate that is true, false or null on every row and never fails:
// comparisons of plain values, null tests, label tests of the pattern's
// nodes, and AND, OR, XOR and NOT of those. Walking a first hop from its
// relationships (below) meets the hops in another order than the node scan
// would and evaluates some the scan's early exit skips: with a predicate
// that cannot fail, neither can change the answer.
bool cannot_fail(const expr::Expr& e, const std::vector<std::size_t>& nodes, const std::vector<std::size_t>& elements) {
  auto all_plain = [&](const expr::ExprList& list) {
    return std::all_of(list.begin(), list.end(), [&](const expr::ExprPtr& x) { return plain_value(*x, elements); });
  };
  auto all_predicates = [&](const expr::ExprList& list) {
    return std::all_of(list.begin(), list.end(), [&](const expr::ExprPtr& x) { return cannot_fail(*x, nodes, elements); });
  };
  if (auto* c = dynamic_cast<const expr::Comparison*>(&e)) return all_plain(c->operands());
  if (auto* l = dynamic_cast<const expr::Logical*>(&e)) return all_predicates(l->operands());
  if (auto* n = dynamic_cast<const expr::NullTest*>(&e)) return plain_value(n->operand(), elements);
  if (auto* u = dynamic_cast<const expr::Unary*>(&e)) {
    return u->op() == expr::UnaryOperator::logical_not && cannot_fail(u->operand(), nodes, elements);
  }
  if (auto* t = dynamic_cast<const expr::LabelTest*>(&e)) {
    auto* ref = dynamic_cast<const expr::SlotRef*>(&t->subject());
    return ref && std::find(nodes.begin(), nodes.end(), ref->slot()) != nodes.end();
  }
  return false;
}

// Whether a predicate that cannot_fail reads a property of the element in `slot`.
bool reads_property_of(const expr::Expr& e, std::size_t slot) {
  auto any = [&](const expr::ExprList& list) {
    return std::any_of(list.begin(), list.end(), [&](const expr::ExprPtr& x) { return reads_property_of(*x, slot); });
  };
  if (auto* access = dynamic_cast<const expr::PropertyAccess*>(&e)) {
    auto* ref = dynamic_cast<const expr::SlotRef*>(&access->subject());
    return ref && ref->slot() == slot;
  }
  if (auto* c = dynamic_cast<const expr::Comparison*>(&e)) return any(c->operands());
  if (auto* l = dynamic_cast<const expr::Logical*>(&e)) return any(l->operands());
  if (auto* n = dynamic_cast<const expr::NullTest*>(&e)) return reads_property_of(n->operand(), slot);
  if (auto* u = dynamic_cast<const expr::Unary*>(&e)) return reads_property_of(u->operand(), slot);
  return false;
}

expr::ComparisonOperator mirrored(expr::ComparisonOperator op) {
  using Op = expr::ComparisonOperator;
  switch (op) {
    case Op::less: return Op::greater;
    case Op::greater: return Op::less;
    case Op::less_equal: return Op::greater_equal;
    case Op::greater_equal: return Op::less_equal;
    default: return op;  // = and <> read the same both ways
  }
}

// The filter right above the first hop (chain[0] is the subplan's top, the
// hop its last), when it compares a property of the hop's relationship with
// a literal or a parameter, one comparison, either way round.
std::optional<SemiJoin::HopTest> hop_test(const std::vector<const Operator*>& chain, const Expand& hop) {
  if (chain.size() < 2) return std::nullopt;
  auto* filter = as<Filter>(chain[chain.size() - 2]);
  auto* c = filter ? dynamic_cast<const expr::Comparison*>(filter->predicate.get()) : nullptr;
  if (!c || c->operators().size() != 1) return std::nullopt;
  auto property = [&](const expr::Expr& e) -> const expr::PropertyAccess* {
    auto* access = dynamic_cast<const expr::PropertyAccess*>(&e);
    auto* ref = access ? dynamic_cast<const expr::SlotRef*>(&access->subject()) : nullptr;
    return ref && ref->slot() == hop.rel_slot ? access : nullptr;
  };
  auto constant = [](const expr::Expr& e) {
    return dynamic_cast<const expr::Literal*>(&e) != nullptr || dynamic_cast<const expr::Parameter*>(&e) != nullptr;
  };
  const expr::Expr& left = *c->operands()[0];
  const expr::Expr& right = *c->operands()[1];
  if (auto* p = property(left); p && constant(right)) return SemiJoin::HopTest{p->key(), c->operators()[0], &right};
  if (auto* p = property(right); p && constant(left)) {
    return SemiJoin::HopTest{p->key(), mirrored(c->operators()[0]), &left};
  }
  return std::nullopt;
}

// SemiJoin over a node scan whose subplan starts with one hop of one type
// from the scanned node and then only expands and filters on predicates that
// cannot fail: marked so that the hop may be walked from its relationships
// (SemiJoin::first_hop). Only in statements that write nothing.
void first_hop_from_relationships(SemiJoin& join, bool query_writes) {
  if (query_writes || !join.every_row_read) return;
  const Operator* below = join.input.get();
  while (auto* f = as<Filter>(below)) below = f->input.get();
  auto* scan = as<ScanNodes>(below);
  if (!scan || !as<Once>(scan->input.get())) return;
  // The subplan: filters and expansions down to the first hop, over Once.
  std::vector<const Operator*> chain;
  for (const Operator* op = join.subplan.get(); !as<Once>(op);) {
    if (!as<Filter>(op) && !as<Expand>(op)) return;
    chain.push_back(op);
    op = static_cast<const Unary*>(op)->input.get();
  }
  if (chain.empty()) return;
  auto* hop = as<Expand>(chain.back());
  if (!hop || hop->into || hop->from_slot != scan->slot || hop->types.size() != 1 ||
      hop->direction == Direction::both || !hop->distinct.empty()) {
    return;
  }
  std::vector<std::size_t> nodes{scan->slot}, elements{scan->slot};
  for (const Operator* op : chain) {
    if (auto* e = as<Expand>(op)) {
      elements.push_back(e->rel_slot);
      if (!e->into) nodes.push_back(e->to_slot);
      elements.push_back(e->to_slot);
    }
  }
  bool reads_the_hop = false;
  for (const Operator* op : chain) {
    auto* f = as<Filter>(op);
    if (!f) continue;
    if (!cannot_fail(*f->predicate, nodes, elements)) return;
    reads_the_hop = reads_the_hop || reads_property_of(*f->predicate, hop->rel_slot);
  }
  // Only a hop whose relationships are read (their properties) is worth
  // walking in id order: reaching them from the nodes reads them at random.
  if (!reads_the_hop) return;
  join.first_hop = hop;
  join.scanned_slot = scan->slot;
  join.scanned_labels = scan->labels;
  join.first_hop_test = hop_test(chain, *hop);
}

// RETURN DISTINCT a.name: a Distinct over the Project of the returned items.
void semi_join_under_distinct(Distinct& distinct) {
  auto* project = as<Project>(distinct.input.get());
  if (!project) return;
  std::vector<std::size_t> read;
  for (const auto& [slot, e] : project->items) {
    if (!slots_read(*e, read)) return;
    if (std::find(distinct.slots.begin(), distinct.slots.end(), slot) == distinct.slots.end()) return;
  }
  exists_instead_of_all(project->input, read);
}

// MATCH ()-[r]->() RETURN type(r), count(*): counted by type from the
// adjacency, without a row per relationship.
void count_by_type(OperatorPtr& slot) {
  auto* agg = as<Aggregate>(slot.get());
  if (!agg || agg->keys.size() != 1 || agg->aggregates.empty()) return;
  auto* e = as<Expand>(agg->input.get());
  if (!e || e->into || e->direction == Direction::both || !alone_in_pattern(e->distinct)) return;
  auto* scan = as<ScanNodes>(e->input.get());
  if (!scan || !scan->labels.empty() || scan->slot != e->from_slot || !as<Once>(scan->input.get())) return;
  auto* call = dynamic_cast<const expr::GraphCall*>(agg->keys[0].second.get());
  if (!call || call->kind() != expr::GraphFunctionKind::type || call->args().size() != 1) return;
  auto is_rel = [&](const expr::Expr* x) {
    auto* ref = dynamic_cast<const expr::SlotRef*>(x);
    return ref && ref->slot() == e->rel_slot;
  };
  if (!is_rel(call->args()[0].get())) return;
  for (const AggregateItem& a : agg->aggregates) {
    bool count_rel = a.function == AggregateFunction::count && !a.distinct && is_rel(a.argument.get());
    if (!counts_rows(a) && !count_rel) return;
  }
  auto counts = std::make_unique<CountByType>(std::move(scan->input));
  counts->type_slot = agg->keys[0].first;
  for (const AggregateItem& a : agg->aggregates) counts->count_slots.push_back(a.slot);
  counts->direction = e->direction;
  counts->types = e->types;
  slot = std::move(counts);
}

// ... RETURN a.name AS name, count(*) AS deg ORDER BY deg DESC, name LIMIT 10
// (Q6) over an Aggregate whose rows are each their own group (while names
// are unique): only rows whose count can be among the first LIMIT need a
// group, a name and a place in the Sort (Aggregate::kept_by_count). Runs
// after rewrite(), which marks such Aggregates.
void groups_kept_by_count(Sort& sort) {
  if (!sort.limit || sort.keys.empty()) return;
  auto* project = as<Project>(sort.input.get());
  auto* agg = as<Aggregate>(project ? project->input.get() : sort.input.get());
  if (!agg || !agg->key_is_unique_name || !agg->weight_slot) return;
  for (const AggregateItem& a : agg->aggregates) {
    if (!counts_rows(a)) return;
  }
  auto* ref = dynamic_cast<const expr::SlotRef*>(sort.keys[0].key.get());
  if (!ref) return;
  std::size_t slot = ref->slot();
  if (project) {
    for (const auto& [item_slot, e] : project->items) {
      if (item_slot != slot) continue;
      auto* from = dynamic_cast<const expr::SlotRef*>(e.get());
      if (!from) return;
      slot = from->slot();
    }
  }
  const bool sorts_by_a_count = std::any_of(agg->aggregates.begin(), agg->aggregates.end(),
                                            [&](const AggregateItem& a) { return a.slot == slot; });
  if (!sorts_by_a_count) return;
  agg->kept_by_count = Aggregate::KeptByCount{sort.skip.get(), sort.limit.get(), sort.keys[0].descending};
}

// Every operator of a plan, parents before children, subplans included.
template <class F>
void each_operator(OperatorPtr& op, F&& f) {
  f(op);
  if (auto* o = as<Optional>(op.get())) each_operator(o->subplan, f);
  if (auto* j = as<SemiJoin>(op.get())) each_operator(j->subplan, f);
  if (auto* c = as<CallSubquery>(op.get())) {
    for (CallSubquery::Branch& b : c->branches) each_operator(b.root, f);
  }
  if (auto* u = as<Unary>(op.get())) each_operator(u->input, f);
}

// What a seek can find a node by: `n.name`, `id(n)` or `elementId(n)`.
enum class SeekBy { name, id, element_id };

// The node slot and what is read of it when `e` is n.name, id(n) or
// elementId(n) with n a slot.
std::optional<std::pair<std::size_t, SeekBy>> seek_subject(const expr::Expr& e) {
  if (auto* access = dynamic_cast<const expr::PropertyAccess*>(&e)) {
    auto* ref = dynamic_cast<const expr::SlotRef*>(&access->subject());
    if (ref && access->key() == "name") return std::pair(ref->slot(), SeekBy::name);
    return std::nullopt;
  }
  auto* call = dynamic_cast<const expr::GraphCall*>(&e);
  if (!call || call->args().size() != 1) return std::nullopt;
  auto* ref = dynamic_cast<const expr::SlotRef*>(call->args()[0].get());
  if (!ref) return std::nullopt;
  if (call->kind() == expr::GraphFunctionKind::id) return std::pair(ref->slot(), SeekBy::id);
  if (call->kind() == expr::GraphFunctionKind::element_id) return std::pair(ref->slot(), SeekBy::element_id);
  return std::nullopt;
}

// Whether `e` is a literal, a parameter, a slot or a property of one (the
// slots it reads into `read`): a value a seek can evaluate once per input
// row instead of once per scanned node, as the binder's {name: ...} seek
// does.
bool fixed_per_row(const expr::Expr& e, std::vector<std::size_t>& read) {
  if (dynamic_cast<const expr::Literal*>(&e) || dynamic_cast<const expr::Parameter*>(&e)) return true;
  return slots_read(e, read);
}

// MATCH (n) WHERE id(n) = $id (or elementId(n) = ..., or n.name = ..., or
// id(n) IN $ids): a Filter over a node scan, or over node scans and filters
// (MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b), whose predicate
// compares the scanned node's id, elementId or name with a value the scan
// does not bind. The scan becomes a seek (SeekById, SeekByName: the same
// nodes, each checked exactly as `=` or IN would) and the Filter goes.
// Returns whether it rewrote.
bool seek_instead_of_scan_once(OperatorPtr& op) {
  std::vector<OperatorPtr*> chain;
  for (OperatorPtr* at = &op; as<Filter>(at->get()) || as<ScanNodes>(at->get());
       at = &static_cast<Unary*>(at->get())->input) {
    chain.push_back(at);
  }
  for (std::size_t i = 0; i < chain.size(); ++i) {
    auto* filter = as<Filter>(chain[i]->get());
    if (!filter) continue;
    // The two forms: `subject = value` (either way round), and
    // `subject IN list` for an id or elementId.
    auto* equal = dynamic_cast<expr::Comparison*>(filter->predicate.get());
    if (equal && (equal->operands().size() != 2 || equal->operators()[0] != expr::ComparisonOperator::equal)) {
      equal = nullptr;
    }
    auto* in = dynamic_cast<expr::StringListPredicate*>(filter->predicate.get());
    if (in && in->op() != expr::StringListOperator::in) in = nullptr;
    if (!equal && !in) continue;
    for (std::size_t side = 0; side < (equal ? 2 : 1); ++side) {
      const auto subject = seek_subject(equal ? *equal->operands()[side] : in->lhs());
      if (!subject || (in && subject->second == SeekBy::name)) continue;
      const expr::Expr& value_expr = equal ? *equal->operands()[1 - side] : in->rhs();
      // The scan of the node below the filter, and the slots of the scans
      // down to it, which the value must not read.
      std::vector<std::size_t> scanned;
      std::size_t j = i + 1;
      for (; j < chain.size(); ++j) {
        auto* scan = as<ScanNodes>(chain[j]->get());
        if (!scan) continue;
        scanned.push_back(scan->slot);
        if (scan->slot == subject->first) break;
      }
      if (j == chain.size()) continue;
      std::vector<std::size_t> read;
      if (!fixed_per_row(value_expr, read)) continue;
      const bool reads_a_scan = std::any_of(read.begin(), read.end(), [&](std::size_t s) {
        return std::find(scanned.begin(), scanned.end(), s) != scanned.end();
      });
      if (reads_a_scan) continue;
      auto* scan = static_cast<ScanNodes*>(chain[j]->get());
      ExprPtr value = equal ? equal->take_operand(1 - side) : in->take_rhs();
      if (subject->second == SeekBy::name) {
        *chain[j] = std::make_unique<SeekByName>(std::move(scan->input), scan->slot, scan->labels, std::move(value));
      } else {
        *chain[j] = std::make_unique<SeekById>(std::move(scan->input), scan->slot, scan->labels, std::move(value),
                                               subject->second == SeekBy::element_id, in != nullptr);
      }
      *chain[i] = std::move(filter->input);  // the filter goes
      return true;
    }
  }
  return false;
}

void seek_instead_of_scan(OperatorPtr& op) {
  while (as<Filter>(op.get()) && seek_instead_of_scan_once(op)) {
  }
}

// The rewrites that apply at `op` (each_operator walks them over a plan).
// `query_writes`: the statement changes the graph somewhere (QueryPlan::writes).
void rewrite(OperatorPtr& op, bool query_writes) {
  seek_instead_of_scan(op);
  count_by_type(op);
  if (auto* agg = as<Aggregate>(op.get())) {
    count_degrees(*agg);
    reach_by_bfs(*agg);
    semi_join_under_aggregate(*agg);
    if (auto* join = as<SemiJoin>(agg->input.get())) first_hop_from_relationships(*join, query_writes);
    count_reach(op);
  }
  if (auto* distinct = as<Distinct>(op.get())) semi_join_under_distinct(*distinct);
  groups_are_nodes(op, query_writes);
}

}  // namespace

void optimize(QueryPlan& plan) {
  for (QueryPlan::Part& part : plan.parts) {
    each_operator(part.root, [&](OperatorPtr& op) { rewrite(op, plan.writes); });
    // After the rewrites above have marked the Aggregates it looks for.
    each_operator(part.root, [](OperatorPtr& op) {
      if (auto* sort = as<Sort>(op.get())) groups_kept_by_count(*sort);
    });
  }
}

}  // namespace ergo::plan
