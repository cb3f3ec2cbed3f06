// The logical plan: a tree of operators the binder builds from a query,
// plan::optimize rewrites and EXPLAIN prints. Operators are data: the
// executor (engine/exec/open.hpp) maps each kind to its cursor. Names of
// labels, types and keys stay names here and are looked up when the cursor
// opens, since a query may create them as it runs.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/eval/function_table.hpp"
#include "engine/expr/expr.hpp"
#include "engine/store/direction.hpp"
#include "ergo/error.hpp"
#include "grammar/text/span.hpp"

namespace ergo::expr {
enum class ComparisonOperator;  // engine/expr/nodes.hpp
}  // namespace ergo::expr

namespace ergo::algo {
struct Procedure;
class ProcedureCatalog;
}

namespace ergo::plan {

using expr::ExprList;
using expr::ExprPtr;

using store::Direction;

// One per concrete operator class below, for the executor's switch (no
// default there, so -Wswitch reports a kind it does not run).
enum class OperatorKind {
  once,
  scan_nodes,
  seek_by_name,
  seek_by_id,
  expand,
  count_expand,
  node_degree,
  var_expand,
  breadth_first_reach,
  count_reach,
  shortest_path,
  filter,
  project,
  aggregate,
  count_by_type,
  distinct,
  sort,
  skip,
  limit,
  unwind,
  optional,
  semi_join,
  call_procedure,
  create,
  set_items,
  delete_elements,
  merge,
  foreach,
  call_subquery,
  load_csv,
};

class Operator {
 public:
  virtual ~Operator() = default;
  virtual OperatorKind kind() const = 0;
  // One line for EXPLAIN, without the children.
  virtual std::string describe() const = 0;
  virtual std::vector<const Operator*> children() const { return {}; }
  // How many operators a pull through this one recurses through: itself,
  // its input's and its subplan's (see max_pipeline_depth).
  std::size_t depth = 1;
};

using OperatorPtr = std::unique_ptr<Operator>;

// The deepest pipeline a statement may build. Cursors pull through their
// inputs by recursion, and making, running and freeing a pipeline of 30,000
// operators (87,000 WITH clauses, 60,000 pattern parts, a WHERE of 60,000
// ANDed conditions) overflowed the stack (issue 18). Each clause, pattern
// part, hop and WHERE condition adds one or a few.
inline constexpr std::size_t max_pipeline_depth = 2000;

// Thrown by an operator made past max_pipeline_depth; the binder adds the
// position of the clause that made it.
inline Error pipeline_too_deep() {
  return Error(ErrorKind::semantic_error,
               "the query chains more than 2,000 steps (clauses, pattern parts and hops, WHERE conditions); split "
               "it into several statements, or pass long lists of values as a parameter and UNWIND it")
      .with_code("QueryTooComplex");
}

// A unary operator: consumes the rows of `input`.
// Every operator class but Once derives from Unary (plan::optimize tells a
// Unary by its kind).
class Unary : public Operator {
 public:
  explicit Unary(OperatorPtr input) : input(std::move(input)) {
    if (this->input) depth = this->input->depth + 1;
    if (depth > max_pipeline_depth) throw pipeline_too_deep();
  }
  std::vector<const Operator*> children() const override { return {input.get()}; }
  OperatorPtr input;

 protected:
  // For an operator that also pulls a subplan for each row: its depth adds up.
  void add_subplan_depth(const OperatorPtr& subplan) {
    if (subplan) depth += subplan->depth;
    if (depth > max_pipeline_depth) throw pipeline_too_deep();
  }
};

// One row, leaving the frame as it is: the start of every pipeline, and of
// subplans that run once per outer row.
class Once : public Operator {
 public:
  OperatorKind kind() const override { return OperatorKind::once; }
  std::string describe() const override { return "Once"; }
};

// For each input row, every node (with all of `labels`) into `slot`.
class ScanNodes : public Unary {
 public:
  ScanNodes(OperatorPtr input, std::size_t slot, std::vector<std::string> labels)
      : Unary(std::move(input)), slot(slot), labels(std::move(labels)) {}
  OperatorKind kind() const override { return OperatorKind::scan_nodes; }
  std::string describe() const override;
  std::size_t slot;
  std::vector<std::string> labels;
};

// For each input row, the nodes whose `name` equals `name` exactly (and that
// carry all of `labels`), found through the name index.
class SeekByName : public Unary {
 public:
  SeekByName(OperatorPtr input, std::size_t slot, std::vector<std::string> labels, ExprPtr name)
      : Unary(std::move(input)), slot(slot), labels(std::move(labels)), name(std::move(name)) {}
  OperatorKind kind() const override { return OperatorKind::seek_by_name; }
  std::string describe() const override;
  std::size_t slot;
  std::vector<std::string> labels;
  ExprPtr name;
};

// For each input row, the node whose id(), or elementId(), equals `id` —
// or, with `in_list`, equals an element of the list `id` — when it exists
// and carries all of `labels`, in ascending id order: `MATCH (n) WHERE
// id(n) = $id` or `... IN $ids` without a scan (plan::optimize).
class SeekById : public Unary {
 public:
  SeekById(OperatorPtr input, std::size_t slot, std::vector<std::string> labels, ExprPtr id, bool element_id,
           bool in_list)
      : Unary(std::move(input)),
        slot(slot),
        labels(std::move(labels)),
        id(std::move(id)),
        element_id(element_id),
        in_list(in_list) {}
  OperatorKind kind() const override { return OperatorKind::seek_by_id; }
  std::string describe() const override;
  std::size_t slot;
  std::vector<std::string> labels;
  ExprPtr id;
  bool element_id;  // `id` is compared with elementId(n), else with id(n)
  bool in_list;     // `id` is a list of them
};

// Relationships already bound in the same MATCH, which a new one must differ
// from (openCypher's relationship uniqueness within a pattern). The hops of
// one MATCH share the binder's growing lists and each reads only the prefix
// bound before it, so a pattern of n hops holds O(n) slots, not O(n²)
// (a chain of 20,000 hops once took 2.4 GB and minutes to plan).
struct DistinctFrom {
  struct Slots {
    std::vector<std::size_t> rels;   // each holds a relationship (or null)
    std::vector<std::size_t> lists;  // each holds a list of relationships
  };
  std::shared_ptr<const Slots> shared;
  std::size_t rel_count = 0;   // rel_slots() is shared->rels[0, rel_count)
  std::size_t list_count = 0;  // list_slots() is shared->lists[0, list_count)

  std::span<const std::size_t> rel_slots() const {
    return shared ? std::span<const std::size_t>(shared->rels.data(), rel_count) : std::span<const std::size_t>();
  }
  std::span<const std::size_t> list_slots() const {
    return shared ? std::span<const std::size_t>(shared->lists.data(), list_count) : std::span<const std::size_t>();
  }
  bool empty() const { return rel_count == 0 && list_count == 0; }
};

// For each input row, follows relationships from the node in `from_slot`.
// Binds the relationship to `rel_slot` and the far node to `to_slot`, or,
// when `into` is set, keeps only relationships reaching the node already in
// `to_slot`.
class Expand : public Unary {
 public:
  Expand(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::expand; }
  std::string describe() const override;
  std::size_t from_slot = 0, rel_slot = 0, to_slot = 0;
  Direction direction = Direction::out;
  std::vector<std::string> types;  // empty: any type
  bool into = false;
  DistinctFrom distinct;
  // The relationship and the far node are anonymous and unconstrained, so
  // nothing after this operator can read them (set by the binder).
  bool ends_unused = false;
};

// What plan::optimize makes of an Expand when only the number of hops
// matters (count(*) grouped by things of the near node): one row per input
// row with at least one hop, the number of hops in `count_slot` (an
// Aggregate above weighs the row by it).
class CountExpand : public Unary {
 public:
  CountExpand(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::count_expand; }
  std::string describe() const override;
  std::size_t from_slot = 0, count_slot = 0;
  Direction direction = Direction::out;
  std::vector<std::string> types;  // empty: any type
};

// What plan::optimize makes of ScanNodes under a CountExpand of the scanned
// node: per input row, each node (with all of `labels`) that has at least
// one hop, into `slot`, and its number of hops into `count_slot`, read from
// the adjacency offsets without visiting a relationship (O(nodes)).
class NodeDegree : public Unary {
 public:
  NodeDegree(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::node_degree; }
  std::string describe() const override;
  std::size_t slot = 0, count_slot = 0;
  std::vector<std::string> labels;
  Direction direction = Direction::out;
  std::vector<std::string> types;  // empty: any type
};

// Variable-length expansion `-[:T*min..max {k: v}]->`: every trail (no
// relationship twice) of min..max relationships from `from_slot`. Binds the
// list of relationships to `list_slot` and the last node to `to_slot` (or
// checks it, with `into`).
class VarExpand : public Unary {
 public:
  VarExpand(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::var_expand; }
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {input.get()}; }
  std::size_t from_slot = 0, list_slot = 0, to_slot = 0;
  Direction direction = Direction::out;
  std::vector<std::string> types;
  std::int64_t min_hops = 1;
  std::optional<std::int64_t> max_hops;  // nullopt: unbounded
  bool into = false;
  // Walking the pattern right to left: the list is bound in pattern order,
  // so it is reversed when emitted.
  bool reversed = false;
  DistinctFrom distinct;
  // Inline property constraints every relationship must meet.
  std::vector<std::pair<std::string, ExprPtr>> properties;
  // The relationship list is anonymous and in no named path (set by the
  // binder).
  bool list_unused = false;
};

// What plan::optimize makes of a VarExpand when only which nodes are
// reached matters (count(DISTINCT b), min, max): each node reachable in
// min..max hops once, found by breadth-first search; the list slot is left
// null.
class BreadthFirstReach : public Unary {
 public:
  BreadthFirstReach(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::breadth_first_reach; }
  std::string describe() const override;
  std::size_t from_slot = 0, list_slot = 0, to_slot = 0;
  Direction direction = Direction::out;
  std::vector<std::string> types;
  std::int64_t min_hops = 1;
  std::optional<std::int64_t> max_hops;  // nullopt: unbounded
};

// RETURN count(DISTINCT b) over a BreadthFirstReach to b, with only
// filters between them and no grouping keys: one row with the number of
// distinct reached nodes that pass the filters, counted in a bitmap as the
// search reaches them, instead of a row per reached node through the
// Aggregate's set of distinct values (Q3). The filters are evaluated for
// every reached node of every input row, with the node in `to_slot`, as
// Filter would; every slot in `count_slots` gets the count.
class CountReach : public Unary {
 public:
  CountReach(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::count_reach; }
  std::string describe() const override;
  std::size_t from_slot = 0, list_slot = 0, to_slot = 0;
  Direction direction = Direction::out;
  std::vector<std::string> types;
  std::int64_t min_hops = 1;
  std::optional<std::int64_t> max_hops;  // nullopt: unbounded
  std::vector<ExprPtr> filters;          // bottom-up, as the Filters stood
  std::vector<std::size_t> count_slots;
};

// shortestPath / allShortestPaths between two bound nodes, by breadth-first
// search over relationships of `types` in `direction`. Binds the path to
// `path_slot` and its relationships to `list_slot`.
class ShortestPath : public Unary {
 public:
  ShortestPath(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::shortest_path; }
  std::string describe() const override;
  std::size_t from_slot = 0, to_slot = 0, list_slot = 0;
  std::optional<std::size_t> path_slot;
  Direction direction = Direction::out;
  std::vector<std::string> types;
  std::int64_t min_hops = 1;
  std::optional<std::int64_t> max_hops;
  bool all = false;
};

class Filter : public Unary {
 public:
  Filter(OperatorPtr input, ExprPtr predicate) : Unary(std::move(input)), predicate(std::move(predicate)) {}
  OperatorKind kind() const override { return OperatorKind::filter; }
  std::string describe() const override { return "Filter " + predicate->describe(); }
  ExprPtr predicate;
};

// Evaluates every expression, then writes each to its slot.
class Project : public Unary {
 public:
  Project(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::project; }
  std::string describe() const override;
  std::vector<std::pair<std::size_t, ExprPtr>> items;
};

struct AggregateItem {
  std::size_t slot = 0;
  eval::AggregateFunction function = eval::AggregateFunction::count_star;
  bool distinct = false;
  ExprPtr argument;      // null for count(*)
  ExprPtr parameter;     // percentileDisc/Cont's percentile, else null
};

// Groups the input by `keys` and computes `aggregates` per group: one output
// row per group (one row with no keys even for empty input).
class Aggregate : public Unary {
 public:
  Aggregate(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::aggregate; }
  std::string describe() const override;
  std::vector<std::pair<std::size_t, ExprPtr>> keys;
  std::vector<AggregateItem> aggregates;
  // When set (by plan::optimize, over a CountExpand), each input row stands
  // for as many rows as this slot's integer: count(*) adds it.
  std::optional<std::size_t> weight_slot;
  // When set (by plan::optimize, over a NodeDegree in a query that writes
  // nothing), every key is a function of the node in this slot: a group
  // keeps one of its nodes instead of its key values, and the keys are
  // evaluated again from it when compared and emitted (4 bytes a group
  // instead of a Value per key; Q6 has 200k groups).
  std::optional<std::size_t> keys_of_node;
  // When set (with keys_of_node, its node appearing in one input row at
  // most): the only key is that node's `name`. While the graph's names are
  // unique (Graph::every_node_uniquely_named, checked when the cursor
  // starts), each row is its own group and no key is hashed or compared.
  bool key_is_unique_name = false;
  // When set (by plan::optimize, with key_is_unique_name and only count(*)
  // aggregates): the Sort right above (through a Project) keeps only its
  // first skip + limit rows, ordered first by the count. While each row is
  // its own group, only rows whose count can be among those become groups,
  // in input order, so the Sort's ties come out as before (Q6: 10 groups
  // named and sorted, not 200k). The expressions belong to the Sort.
  struct KeptByCount {
    const expr::Expr* skip = nullptr;  // null: no SKIP
    const expr::Expr* limit = nullptr;
    bool descending = true;
  };
  std::optional<KeptByCount> kept_by_count;
};

// The number of relationships of each type, for `MATCH ()-[r]->() RETURN
// type(r), count(*)` (plan::optimize replaces that Aggregate with this):
// per input row, one row per type with at least one relationship, in the
// order a scan of every node's relationships first meets the types.
class CountByType : public Unary {
 public:
  CountByType(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::count_by_type; }
  std::string describe() const override;
  std::size_t type_slot = 0;
  std::vector<std::size_t> count_slots;
  Direction direction = Direction::out;
  std::vector<std::string> types;  // empty: any type
};

// Drops rows whose `slots` are equivalent to an earlier row's.
class Distinct : public Unary {
 public:
  Distinct(OperatorPtr input, std::vector<std::size_t> slots) : Unary(std::move(input)), slots(std::move(slots)) {}
  OperatorKind kind() const override { return OperatorKind::distinct; }
  std::string describe() const override { return "Distinct"; }
  std::vector<std::size_t> slots;
};

struct SortKey {
  ExprPtr key;
  bool descending = false;
};

class Sort : public Unary {
 public:
  Sort(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::sort; }
  std::string describe() const override;
  std::vector<SortKey> keys;
  // Only the first skip + limit rows are needed (ORDER BY ... SKIP s LIMIT
  // n): a bounded heap instead of a full sort. The Skip and Limit above it
  // still apply; these are copies of their counts.
  ExprPtr skip;
  ExprPtr limit;
};

class Skip : public Unary {
 public:
  Skip(OperatorPtr input, ExprPtr count) : Unary(std::move(input)), count(std::move(count)) {}
  OperatorKind kind() const override { return OperatorKind::skip; }
  std::string describe() const override { return "Skip " + count->describe(); }
  ExprPtr count;
};

class Limit : public Unary {
 public:
  Limit(OperatorPtr input, ExprPtr count) : Unary(std::move(input)), count(std::move(count)) {}
  OperatorKind kind() const override { return OperatorKind::limit; }
  std::string describe() const override { return "Limit " + count->describe(); }
  ExprPtr count;
  // Pull the input once even for LIMIT 0, because it contains writes that
  // must happen whatever is returned.
  bool run_input_for_writes = false;
};

class Unwind : public Unary {
 public:
  Unwind(OperatorPtr input, ExprPtr list, std::size_t slot)
      : Unary(std::move(input)), list(std::move(list)), slot(slot) {}
  OperatorKind kind() const override { return OperatorKind::unwind; }
  std::string describe() const override { return "Unwind " + list->describe(); }
  ExprPtr list;
  std::size_t slot;
};

// OPTIONAL MATCH: for each input row, the rows of `subplan` (which starts
// with Once and so sees the input row); when it has none, the input row once
// with `null_slots` set to null.
class Optional : public Unary {
 public:
  Optional(OperatorPtr input, OperatorPtr subplan, std::vector<std::size_t> null_slots)
      : Unary(std::move(input)), subplan(std::move(subplan)), null_slots(std::move(null_slots)) {
    add_subplan_depth(this->subplan);
  }
  OperatorKind kind() const override { return OperatorKind::optional; }
  std::string describe() const override { return "Optional"; }
  std::vector<const Operator*> children() const override { return {input.get(), subplan.get()}; }
  OperatorPtr subplan;
  std::vector<std::size_t> null_slots;
};

// What plan::optimize makes of expansions whose matches only have to exist
// (nothing above reads what they bind, and the aggregation above ignores
// repeated rows): each input row once when `subplan` (which starts with Once
// and so sees the input row) has at least one row, found with early exit.
// The slots the subplan binds are left as it left them; nothing reads them.
class SemiJoin : public Unary {
 public:
  SemiJoin(OperatorPtr input, OperatorPtr subplan) : Unary(std::move(input)), subplan(std::move(subplan)) {
    add_subplan_depth(this->subplan);
  }
  OperatorKind kind() const override { return OperatorKind::semi_join; }
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {input.get(), subplan.get()}; }
  OperatorPtr subplan;
  // Set where the operator above reads every row (an Aggregate): the
  // subplan then runs for every input row however the rows come, so large
  // inputs are split between threads (ExecContext::threads) with the same
  // rows out, in the same order, and the same first error.
  bool every_row_read = false;
  // Set (plan::optimize) where the input is a node scan and the subplan's
  // first hop, from the scanned node over one type, may be walked from its
  // relationships instead: the relationships of that type scanned in id
  // order, each seeding the rest of the subplan with its two ends (Q5: the
  // INVESTS edges' `since` read in order instead of at random). Chosen at
  // run time, where there are fewer such relationships than 8 per scanned
  // node (exec/semi_join_by_relationships.cpp). Points into `subplan`.
  const Expand* first_hop = nullptr;
  std::size_t scanned_slot = 0;
  std::vector<std::string> scanned_labels;
  // With first_hop, where the filter right above the hop compares a
  // property of its relationship with a literal or a parameter (r1.since >=
  // 2020): the relationship scan tests that on the property's column before
  // it seeds the subplan, which still filters as written, so most of the
  // relationships never reach the subplan. Points into `subplan`.
  struct HopTest {
    std::string key;
    expr::ComparisonOperator op;  // property `op` constant
    const expr::Expr* constant = nullptr;
  };
  std::optional<HopTest> first_hop_test;
};

// CALL: for each input row, runs `procedure` on the arguments and emits one
// row per result row, with the yielded fields written to their slots.
class CallProcedure : public Unary {
 public:
  CallProcedure(OperatorPtr input, const algo::Procedure& procedure) : Unary(std::move(input)), procedure(&procedure) {}
  OperatorKind kind() const override { return OperatorKind::call_procedure; }
  std::string describe() const override;
  const algo::Procedure* procedure;
  const algo::ProcedureCatalog* catalog = nullptr;  // the database's, for the procedures that list procedures
  ExprList arguments;  // one per declared argument, defaults filled in
  text::Span at;       // the procedure name, where errors not about one argument go
  struct Yield {
    std::size_t field = 0;  // index into procedure->fields
    std::size_t slot = 0;
    std::string name;       // the variable, for EXPLAIN
  };
  std::vector<Yield> yields;
  // A VOID procedure (no fields) inside a query: each input row goes on
  // once, whatever the procedure returned, as in Neo4j.
  bool void_passes_row = false;
};

struct CreateNode {
  std::size_t slot = 0;
  bool existing = false;  // already bound: nothing to create
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, ExprPtr>> properties;
};

struct CreateRelationship {
  std::size_t slot = 0;
  std::size_t from_slot = 0, to_slot = 0;
  std::string type;
  std::vector<std::pair<std::string, ExprPtr>> properties;
};

// CREATE: for each input row, the nodes then the relationships of the
// pattern, in order.
class Create : public Unary {
 public:
  Create(OperatorPtr input) : Unary(std::move(input)) {}
  OperatorKind kind() const override { return OperatorKind::create; }
  std::string describe() const override;
  std::vector<CreateNode> nodes;
  std::vector<CreateRelationship> relationships;
};

// One item of SET or REMOVE, on the node or relationship `target` evaluates
// to (null: the row changes nothing).
struct SetItem {
  enum class Kind {
    property,           // SET t.key = value (null removes)
    replace_properties, // SET t = map (or an element: its properties)
    merge_properties,   // SET t += map
    add_labels,         // SET t:L:M
    remove_property,    // REMOVE t.key
    remove_labels,      // REMOVE t:L:M
  };
  Kind kind = Kind::property;
  ExprPtr target;
  std::string key;
  ExprPtr value;
  std::vector<std::string> labels;
  text::Span at;  // the item, where its errors point
};

// SET or REMOVE (`clause` says which, for EXPLAIN): all input rows are read
// first, then each row's items applied in order (see set_cursor.cpp).
class SetItems : public Unary {
 public:
  SetItems(OperatorPtr input, std::string clause) : Unary(std::move(input)), clause(std::move(clause)) {}
  OperatorKind kind() const override { return OperatorKind::set_items; }
  std::string describe() const override;
  std::string clause;
  std::vector<SetItem> items;
};

// One SET/REMOVE item as EXPLAIN shows it: `n.key = expr`, `n:L`, ...
std::string describe(const SetItem& item);

// MERGE: for each input row, the rows of `match` (which starts with Once and
// sees the row), each after `on_match`; when it has none, `nodes` and
// `relationships` are created (the bound ones reused) and, after
// `on_create`, are the one row. Rows are taken one at a time, so a row sees
// what the rows before it created.
class Merge : public Unary {
 public:
  Merge(OperatorPtr input, OperatorPtr match) : Unary(std::move(input)), match(std::move(match)) {}
  OperatorKind kind() const override { return OperatorKind::merge; }
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {input.get(), match.get()}; }
  OperatorPtr match;
  std::vector<CreateNode> nodes;
  std::vector<CreateRelationship> relationships;
  std::optional<std::pair<std::size_t, ExprPtr>> path;  // a named path: its slot and how to build it
  std::vector<SetItem> on_match, on_create;
};

// [DETACH] DELETE: the nodes, relationships and paths the targets evaluate
// to, after all input rows are read. A node left with relationships is an
// error when the statement ends (DeleteConnectedNode).
class DeleteElements : public Unary {
 public:
  DeleteElements(OperatorPtr input, bool detach) : Unary(std::move(input)), detach(detach) {}
  OperatorKind kind() const override { return OperatorKind::delete_elements; }
  std::string describe() const override;
  bool detach = false;
  ExprList targets;
};

// FOREACH (x IN list | ...): after all input rows are read, for each row
// and each element of `list` (in `slot`; a single value counts as a list of
// itself and null as an empty one, as in Neo4j), `body` — which starts with
// Once and so sees the row — runs to its end. The rows then move on
// unchanged: nothing the body binds is visible after it.
class Foreach : public Unary {
 public:
  Foreach(OperatorPtr input, ExprPtr list, std::size_t slot, OperatorPtr body)
      : Unary(std::move(input)), list(std::move(list)), slot(slot), body(std::move(body)) {}
  OperatorKind kind() const override { return OperatorKind::foreach; }
  std::string describe() const override;
  std::vector<const Operator*> children() const override { return {input.get(), body.get()}; }
  ExprPtr list;
  std::size_t slot;
  OperatorPtr body;
};

// CALL { ... }: for each input row, the rows of each branch (one per part of
// a UNION inside; each starts with Once and so sees the row), the branch's
// columns copied to `column_slots`; with `distinct` (UNION), equivalent rows
// of one input row once. A unit subquery (no RETURN, no columns) runs its
// branches to their end and passes each input row on once. When a branch
// writes, every input row is read first and every run finishes before any
// row moves on, so each run sees the runs before it and the clauses after
// see them all (as in Neo4j).
class CallSubquery : public Unary {
 public:
  struct Branch {
    OperatorPtr root;
    std::vector<std::size_t> column_slots;
  };
  CallSubquery(OperatorPtr input, std::vector<Branch> branches)
      : Unary(std::move(input)), branches(std::move(branches)) {
    std::size_t deepest = 0;
    for (const Branch& b : this->branches) deepest = std::max(deepest, b.root->depth);
    depth += deepest;
    if (depth > max_pipeline_depth) throw pipeline_too_deep();
  }
  OperatorKind kind() const override { return OperatorKind::call_subquery; }
  std::string describe() const override;
  std::vector<const Operator*> children() const override {
    std::vector<const Operator*> out{input.get()};
    for (const Branch& b : branches) out.push_back(b.root.get());
    return out;
  }
  std::vector<Branch> branches;
  std::vector<std::size_t> column_slots;  // empty: a unit subquery
  bool distinct = false;
  bool writes = false;
};

// LOAD CSV: for each input row, the records of the file `source` names
// (a file: URL inside the import directory) into `slot`, one row each: a
// list of fields, or with `headers` a map from the first record's names.
// An unquoted empty field is null.
class LoadCsv : public Unary {
 public:
  LoadCsv(OperatorPtr input, ExprPtr source, std::size_t slot)
      : Unary(std::move(input)), source(std::move(source)), slot(slot) {}
  OperatorKind kind() const override { return OperatorKind::load_csv; }
  std::string describe() const override;
  ExprPtr source;
  std::size_t slot;
  bool headers = false;
  char delimiter = ',';
  text::Span at;  // the clause, where errors about the file point
};

// The plan of a whole statement: one part per single query of a UNION.
struct QueryPlan {
  struct Part {
    OperatorPtr root;
    std::vector<std::size_t> column_slots;
    std::size_t frame_size = 0;
  };
  std::vector<std::string> columns;
  std::vector<Part> parts;
  bool union_distinct = false;
  bool writes = false;
  bool explain_only = false;
  bool profile = false;  // PROFILE: run, counting rows and time per operator
  bool reads_files = false;  // has a LOAD CSV: the executor needs the import directory
};

// EXPLAIN's rendering: one operator per line, children indented.
std::string explain(const QueryPlan& plan);

// Rewrites parts of a bound plan into cheaper ones with the same answer
// (engine/plan/optimize.cpp): degree counting, breadth-first reachability
// for variable-length patterns whose paths are not used, relationship
// counts by type.
void optimize(QueryPlan& plan);

}  // namespace ergo::plan
