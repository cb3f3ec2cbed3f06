// The bound expression nodes (see expr.hpp): literals and variables, access
// (property, subscript, slice, label test), operators, functions, CASE,
// comprehensions and paths. Implemented by family in the .cpp files beside.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/eval/function_table.hpp"
#include "engine/eval/regex.hpp"
#include "engine/expr/expr.hpp"

namespace ergo::expr {

// ---- values and variables (basic.cpp)

class Literal : public Expr {
 public:
  Literal(Span span, Value value) : Expr(span), value_(std::move(value)) {}
  Value eval(Frame&, ExecContext&) const override { return value_; }
  std::string describe() const override { return value_.to_cypher(); }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

class Parameter : public Expr {
 public:
  Parameter(Span span, std::string name) : Expr(span), name_(std::move(name)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override { return "$" + name_; }

 private:
  std::string name_;
};

class SlotRef : public Expr {
 public:
  SlotRef(Span span, std::size_t slot, std::string name) : Expr(span), slot_(slot), name_(std::move(name)) {}
  Value eval(Frame& frame, ExecContext&) const override { return frame[slot_]; }
  std::string describe() const override { return name_; }
  std::size_t slot() const { return slot_; }

 private:
  std::size_t slot_;
  std::string name_;
};

class ListLiteral : public Expr {
 public:
  ListLiteral(Span span, ExprList items) : Expr(span), items_(std::move(items)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;

 private:
  ExprList items_;
};

class MapLiteral : public Expr {
 public:
  MapLiteral(Span span, std::vector<std::pair<std::string, ExprPtr>> entries) : Expr(span), entries_(std::move(entries)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;

 private:
  std::vector<std::pair<std::string, ExprPtr>> entries_;
};

// `subject {.key, .*, key: value, variable}` (map_projection.cpp): a map
// built from a node's, relationship's or map's properties and other values;
// null when the subject is null. A later entry replaces an earlier one of
// the same key.
class MapProjection : public Expr {
 public:
  enum class Kind { value, property, all_properties };
  struct Entry {
    Kind kind;
    std::string key;  // empty for all_properties
    ExprPtr value;    // for Kind::value only
  };
  MapProjection(Span span, ExprPtr subject, std::vector<Entry> entries)
      : Expr(span), subject_(std::move(subject)), entries_(std::move(entries)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;

 private:
  ExprPtr subject_;
  std::vector<Entry> entries_;
};

// ---- access (access.cpp)

class PropertyAccess : public Expr {
 public:
  PropertyAccess(Span span, ExprPtr subject, std::string key)
      : Expr(span), subject_(std::move(subject)), key_(std::move(key)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override { return subject_->describe() + "." + key_; }
  const Expr& subject() const { return *subject_; }
  const std::string& key() const { return key_; }

 private:
  ExprPtr subject_;
  std::string key_;
  // The key's id + 1 as last looked up (0: not yet), checked against the
  // graph's dictionary before use: a hash lookup of the key's name on every
  // row was a tenth of a 200k-group aggregation. Atomic because a prepared
  // query's plan runs on many threads at once.
  mutable std::atomic<std::uint32_t> key_hint_{0};
};

class Subscript : public Expr {
 public:
  Subscript(Span span, ExprPtr subject, ExprPtr index)
      : Expr(span), subject_(std::move(subject)), index_(std::move(index)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override { return subject_->describe() + "[" + index_->describe() + "]"; }

 private:
  ExprPtr subject_, index_;
};

class Slice : public Expr {
 public:
  Slice(Span span, ExprPtr subject, ExprPtr from, ExprPtr to)
      : Expr(span), subject_(std::move(subject)), from_(std::move(from)), to_(std::move(to)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;

 private:
  ExprPtr subject_, from_, to_;  // from_ and to_ may be null
};

class LabelTest : public Expr {
 public:
  LabelTest(Span span, ExprPtr subject, std::vector<std::string> labels)
      : Expr(span), subject_(std::move(subject)), labels_(std::move(labels)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;
  const Expr& subject() const { return *subject_; }

 private:
  ExprPtr subject_;
  std::vector<std::string> labels_;
};

// `(n {k: v, ...})` / `(n $map)`: every entry of the map equals the
// element's property of that key (so a null value never matches).
class PropertiesMatch : public Expr {
 public:
  PropertiesMatch(Span span, ExprPtr subject, ExprPtr map)
      : Expr(span), subject_(std::move(subject)), map_(std::move(map)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override { return subject_->describe() + " ~ " + map_->describe(); }

 private:
  ExprPtr subject_, map_;
};

// ---- operators (operators.cpp)

enum class UnaryOperator { logical_not, negate, plus };

class Unary : public Expr {
 public:
  Unary(Span span, UnaryOperator op, ExprPtr operand) : Expr(span), op_(op), operand_(std::move(operand)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;
  UnaryOperator op() const { return op_; }
  const Expr& operand() const { return *operand_; }

 private:
  UnaryOperator op_;
  ExprPtr operand_;
};

enum class LogicalOperator { logical_and, logical_or, logical_xor };

class Logical : public Expr {
 public:
  Logical(Span span, LogicalOperator op, ExprList operands) : Expr(span), op_(op), operands_(std::move(operands)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;
  const ExprList& operands() const { return operands_; }

 private:
  LogicalOperator op_;
  ExprList operands_;
};

enum class ComparisonOperator { equal, not_equal, less, greater, less_equal, greater_equal };

// `a < b <= c`: each operand evaluated once, links joined by AND.
class Comparison : public Expr {
 public:
  Comparison(Span span, ExprList operands, std::vector<ComparisonOperator> ops)
      : Expr(span), operands_(std::move(operands)), ops_(std::move(ops)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;
  const ExprList& operands() const { return operands_; }
  const std::vector<ComparisonOperator>& operators() const { return ops_; }
  // Operand i, taken out: for a rewrite that drops the comparison
  // (plan::optimize), which must not be evaluated after.
  ExprPtr take_operand(std::size_t i) { return std::move(operands_[i]); }

 private:
  ExprList operands_;
  std::vector<ComparisonOperator> ops_;
};

enum class ArithmeticOperator { add, subtract, multiply, divide, modulo, power };

class Arithmetic : public Expr {
 public:
  Arithmetic(Span span, ArithmeticOperator op, ExprPtr lhs, ExprPtr rhs)
      : Expr(span), op_(op), lhs_(std::move(lhs)), rhs_(std::move(rhs)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;

 private:
  ArithmeticOperator op_;
  ExprPtr lhs_, rhs_;
};

enum class StringListOperator { starts_with, ends_with, contains, in, regex_match };

// The error of `x IN value` where value is neither a list nor null, at
// `span` (the right operand): raised by IN and by the seek that stands in
// for it (plan::SeekById).
Error in_needs_a_list(const ExecContext& ctx, Span span, const Value& value);

class StringListPredicate : public Expr {
 public:
  StringListPredicate(Span span, StringListOperator op, ExprPtr lhs, ExprPtr rhs)
      : Expr(span), op_(op), lhs_(std::move(lhs)), rhs_(std::move(rhs)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;
  StringListOperator op() const { return op_; }
  const Expr& lhs() const { return *lhs_; }
  const Expr& rhs() const { return *rhs_; }
  // The right operand, taken out: for a rewrite that drops the predicate
  // (plan::optimize), which must not be evaluated after.
  ExprPtr take_rhs() { return std::move(rhs_); }

 private:
  // The compiled =~ pattern, kept while the pattern text stays the same: a
  // literal or parameter pattern compiles once per query. Guarded, as a
  // prepared query may run on several threads at once.
  std::shared_ptr<const eval::Regex> regex_for(const std::string& pattern, ExecContext& ctx) const;

  StringListOperator op_;
  ExprPtr lhs_, rhs_;
  mutable std::mutex regex_mutex_;
  mutable std::string regex_pattern_;
  mutable std::shared_ptr<const eval::Regex> regex_;
};

class NullTest : public Expr {
 public:
  NullTest(Span span, ExprPtr operand, bool negated) : Expr(span), operand_(std::move(operand)), negated_(negated) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override {
    return operand_->describe() + (negated_ ? " IS NOT NULL" : " IS NULL");
  }
  const Expr& operand() const { return *operand_; }

 private:
  ExprPtr operand_;
  bool negated_;
};

// CASE [subject] WHEN ... THEN ... [ELSE ...] END
class Case : public Expr {
 public:
  Case(Span span, ExprPtr subject, std::vector<std::pair<ExprPtr, ExprPtr>> alternatives, ExprPtr otherwise)
      : Expr(span), subject_(std::move(subject)), alternatives_(std::move(alternatives)), otherwise_(std::move(otherwise)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override { return "CASE ... END"; }

 private:
  ExprPtr subject_;  // null for the generic form
  std::vector<std::pair<ExprPtr, ExprPtr>> alternatives_;
  ExprPtr otherwise_;  // may be null
};

// ---- functions (functions.cpp)

// A pure function from the library (engine/eval/functions).
class ScalarCall : public Expr {
 public:
  ScalarCall(Span span, const eval::FunctionInfo* function, std::string name, ExprList args)
      : Expr(span), function_(function), name_(std::move(name)), args_(std::move(args)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;
  // For operators that can do better than the value (UNWIND range(...)
  // streams instead of building the list).
  const eval::FunctionInfo* function() const { return function_; }
  const ExprList& args() const { return args_; }

 private:
  const eval::FunctionInfo* function_;
  std::string name_;
  ExprList args_;
};

// Functions that read the graph: id, labels, type, properties, keys,
// startNode, endNode, nodes, relationships, length, exists. On values that
// are not graph elements they fall back to the pure function of that name.
using GraphFunctionKind = eval::GraphFunction;

class GraphCall : public Expr {
 public:
  GraphCall(Span span, GraphFunctionKind kind, std::string name, ExprList args, const eval::FunctionInfo* fallback)
      : Expr(span), kind_(kind), name_(std::move(name)), args_(std::move(args)), fallback_(fallback) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;
  GraphFunctionKind kind() const { return kind_; }
  const ExprList& args() const { return args_; }

 private:
  GraphFunctionKind kind_;
  std::string name_;
  ExprList args_;
  const eval::FunctionInfo* fallback_;
};

// ---- lists (lists.cpp)

// [x IN list WHERE where | projection]; x lives in `slot`.
class ListComprehension : public Expr {
 public:
  ListComprehension(Span span, std::size_t slot, ExprPtr list, ExprPtr where, ExprPtr projection)
      : Expr(span), slot_(slot), list_(std::move(list)), where_(std::move(where)), projection_(std::move(projection)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override { return "[... IN " + list_->describe() + " ...]"; }

 private:
  std::size_t slot_;
  ExprPtr list_, where_, projection_;  // where_ and projection_ may be null
};

// reduce(acc = init, x IN list | projection): acc lives in `acc_slot`,
// x in `item_slot`.
class Reduce : public Expr {
 public:
  Reduce(Span span, std::size_t acc_slot, ExprPtr init, std::size_t item_slot, ExprPtr list, ExprPtr projection)
      : Expr(span), acc_slot_(acc_slot), item_slot_(item_slot), init_(std::move(init)), list_(std::move(list)),
        projection_(std::move(projection)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override { return "reduce(... IN " + list_->describe() + " ...)"; }

 private:
  std::size_t acc_slot_, item_slot_;
  ExprPtr init_, list_, projection_;
};

enum class QuantifierKind { all, any, none, single };

class Quantifier : public Expr {
 public:
  Quantifier(Span span, QuantifierKind kind, std::size_t slot, ExprPtr list, ExprPtr where)
      : Expr(span), kind_(kind), slot_(slot), list_(std::move(list)), where_(std::move(where)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override;

 private:
  QuantifierKind kind_;
  std::size_t slot_;
  ExprPtr list_, where_;
};

// ---- paths (paths.cpp)

// A named path `p = (a)-[r]->(b)-[*]->(c)`, assembled from the slots of its
// nodes, relationships and variable-length relationship lists.
class PathBuild : public Expr {
 public:
  struct Element {
    enum class Kind { node, relationship, relationship_list } kind;
    std::size_t slot;
  };
  PathBuild(Span span, std::vector<Element> elements) : Expr(span), elements_(std::move(elements)) {}
  Value eval(Frame& frame, ExecContext& ctx) const override;
  std::string describe() const override { return "path"; }

 private:
  std::vector<Element> elements_;
};

}  // namespace ergo::expr
