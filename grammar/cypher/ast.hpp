// The openCypher syntax tree: what parse_cypher() produces and the binder
// consumes. Plain structs, no behaviour; every node a later stage may report
// an error about carries `span`, the byte offsets [begin, end) of its text in
// the query. See docs/adr/0001-cypher-ast.md for the shape and its reasons.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include "grammar/text/span.hpp"

namespace ergo::cypher::ast {

namespace x3 = boost::spirit::x3;

// Byte offsets into the query text; `end` is one past the last byte.
using Span = text::Span;

struct Positioned {
  Span span;
};

// ---------------------------------------------------------------- names

// A variable (`n`, `` `my var` ``): never a reserved word unless quoted.
struct Variable : Positioned {
  std::string name;
};

// A label, relationship type, property key or map key; reserved words allowed.
struct SchemaName : Positioned {
  std::string name;
};

// A function or procedure name with its namespace: `count`, `db.labels`.
struct QualifiedName : Positioned {
  std::vector<std::string> parts;
};

// ---------------------------------------------------------------- expressions

// null, true, 42, 1.5, 'text': the value as written, escapes decoded
// (UTF-8). A leading minus is folded into a number (`-9223372036854775808`
// is one literal); std::monostate is null.
using LiteralValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

struct Literal : Positioned {
  LiteralValue value;
};

// `$name` or `$0` (name "0").
struct Parameter : Positioned {
  std::string name;
};

struct ListLiteral;
struct MapLiteral;
struct PropertyAccess;
struct Subscript;
struct Slice;
struct LabelTest;
struct Unary;
struct Logical;
struct Comparison;
struct Arithmetic;
struct StringListPredicate;
struct FunctionCall;
struct Case;
struct ListComprehension;
struct Quantifier;
struct PatternComprehension;
struct Subquery;

// Boost.Variant (under X3) holds at most 20 alternatives: this is all of them.
struct Expression
    : x3::variant<Literal, Parameter, Variable, x3::forward_ast<ListLiteral>, x3::forward_ast<MapLiteral>,
                  x3::forward_ast<PropertyAccess>, x3::forward_ast<Subscript>, x3::forward_ast<Slice>,
                  x3::forward_ast<LabelTest>, x3::forward_ast<Unary>, x3::forward_ast<Logical>,
                  x3::forward_ast<Comparison>, x3::forward_ast<Arithmetic>, x3::forward_ast<StringListPredicate>,
                  x3::forward_ast<FunctionCall>, x3::forward_ast<Case>, x3::forward_ast<ListComprehension>,
                  x3::forward_ast<Quantifier>, x3::forward_ast<PatternComprehension>,
                  x3::forward_ast<Subquery>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct ListLiteral : Positioned {
  std::vector<Expression> items;
};

// The entries of a map literal are all `key: value`; a map projection's
// may also select: `.key` (the subject's property), `.*` (all of them) or
// `variable` (`variable: variable`).
enum class MapEntryKind { Literal, Property, AllProperties, Variable };

struct MapEntry : Positioned {
  SchemaName key;    // empty for AllProperties
  Expression value;  // Literal: the value; Variable: the variable; else unused
  MapEntryKind kind = MapEntryKind::Literal;
};

// `{key: value, ...}`, or with a subject the map projection
// `subject {.key, .*, key: value, variable}` (the variant has no room for
// another alternative, and a projection is a map built from entries).
struct MapLiteral : Positioned {
  std::vector<MapEntry> entries;
  std::optional<Variable> subject;
};

// `subject.key`
struct PropertyAccess : Positioned {
  Expression subject;
  SchemaName key;
};

// `subject[index]`
struct Subscript : Positioned {
  Expression subject;
  Expression index;
};

// `subject[from..to]`, either bound optional.
struct Slice : Positioned {
  Expression subject;
  std::optional<Expression> from;
  std::optional<Expression> to;
};

// `subject:Label:Other`
struct LabelTest : Positioned {
  Expression subject;
  std::vector<SchemaName> labels;
};

// NOT x, +x, -x (prefix); x IS NULL, x IS NOT NULL (postfix).
enum class UnaryOp { Not, Plus, Minus, IsNull, IsNotNull };

struct Unary : Positioned {
  UnaryOp op = UnaryOp::Not;
  Expression operand;
};

enum class LogicalOp { Or, Xor, And };

// `a OR b OR c`: one node per run of the same operator, two or more operands.
struct Logical : Positioned {
  LogicalOp op = LogicalOp::And;
  std::vector<Expression> operands;
};

enum class ComparisonOp { Equal, NotEqual, Less, Greater, LessEqual, GreaterEqual };

struct ComparisonLink {
  ComparisonOp op = ComparisonOp::Equal;
  Expression rhs;
};

// `a < b <= c` means `a < b AND b <= c` (each operand evaluated once).
struct Comparison : Positioned {
  Expression first;
  std::vector<ComparisonLink> links;  // one or more
};

enum class ArithmeticOp { Add, Subtract, Multiply, Divide, Modulo, Power };

struct ArithmeticLink {
  ArithmeticOp op = ArithmeticOp::Add;
  Expression rhs;
};

// A run of operators of one precedence level, left-associative:
// `a - b + c` is ((a - b) + c); `2 ^ 3 ^ 2` is ((2 ^ 3) ^ 2).
struct Arithmetic : Positioned {
  Expression first;
  std::vector<ArithmeticLink> links;  // one or more, all of one level
};

enum class StringListOp { StartsWith, EndsWith, Contains, In, RegexMatch };

struct StringListPredicate : Positioned {
  StringListOp op = StringListOp::In;
  Expression lhs;
  Expression rhs;
};

// `name(DISTINCT? arguments)`; `count(*)` has `star` set and no arguments.
struct FunctionCall : Positioned {
  QualifiedName name;
  bool distinct = false;
  bool star = false;
  std::vector<Expression> arguments;
};

struct CaseAlternative {
  Expression when;
  Expression then;
};

// Simple form when `subject` is set (`CASE x WHEN 1 THEN ...`), generic otherwise.
struct Case : Positioned {
  std::optional<Expression> subject;
  std::vector<CaseAlternative> alternatives;  // one or more
  std::optional<Expression> otherwise;
};

// reduce()'s `accumulator = init`.
struct ReduceAccumulator {
  Variable variable;
  Expression init;
};

// `[variable IN list WHERE where | projection]`, or, with `accumulator`
// set, `reduce(accumulator = init, variable IN list | projection)`: the
// same iteration folding into one value instead of collecting a list. The
// two share a node because Expression's variant has no room for another
// alternative.
struct ListComprehension : Positioned {
  Variable variable;
  Expression list;
  std::optional<Expression> where;
  std::optional<Expression> projection;
  std::optional<ReduceAccumulator> accumulator;  // only reduce() sets it
};

enum class QuantifierKind { All, Any, None, Single };

// `all(variable IN list WHERE where)`
struct Quantifier : Positioned {
  QuantifierKind kind = QuantifierKind::All;
  Variable variable;
  Expression list;
  std::optional<Expression> where;
};

// ---------------------------------------------------------------- patterns

// `(variable:Label {properties})`; properties is a MapLiteral or a Parameter.
struct NodePattern : Positioned {
  std::optional<Variable> variable;
  std::vector<SchemaName> labels;
  std::optional<Expression> properties;
};

enum class Direction {
  Outgoing,       // -[]->
  Incoming,       // <-[]-
  Undirected,     // -[]-
  Bidirectional,  // <-[]->  (parses; the binder decides what it may mean)
};

// `*`, `*2` (2..2), `*1..3`, `*..5`, `*2..`: absent bounds are unbounded.
struct VariableLength : Positioned {
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
};

// `-[variable:T|U *1..3 {properties}]->`
struct RelationshipPattern : Positioned {
  Direction direction = Direction::Undirected;
  std::optional<Variable> variable;
  std::vector<SchemaName> types;  // alternatives
  std::optional<VariableLength> length;
  std::optional<Expression> properties;
};

struct PatternLink {
  RelationshipPattern relationship;
  NodePattern node;
};

// `(a)-[r]->(b)<--(c)`
struct PatternElement : Positioned {
  NodePattern start;
  std::vector<PatternLink> links;
};

enum class PathSelector { None, ShortestPath, AllShortestPaths };

// `p = shortestPath((a)-[*]-(b))`: one comma-separated part of a pattern.
struct PatternPart : Positioned {
  std::optional<Variable> path_variable;
  PathSelector selector = PathSelector::None;
  PatternElement element;
};

// `[p = (a)-->(b) WHERE b.x > 1 | b.name]`
struct PatternComprehension : Positioned {
  std::optional<Variable> path_variable;
  PatternElement pattern;  // at least one relationship
  std::optional<Expression> where;
  Expression projection;
};

struct Query;

// A pattern used as a predicate (`WHERE (a)-->(b)`, `exists((a)-->())`), or
// a subquery expression: `EXISTS { ... }` (does it find a row?),
// `COUNT { ... }` (how many rows?), `COLLECT { ... }` (the list of its one
// column). A subquery's braces hold a query, or a pattern with an optional
// WHERE, read as `MATCH pattern WHERE ...`. It runs once per row of the
// enclosing query, whose variables it sees.
enum class SubqueryKind { Pattern, Exists, Count, Collect };

struct Subquery : Positioned {
  PatternElement pattern;  // Pattern: at least one relationship
  SubqueryKind kind = SubqueryKind::Pattern;
  std::shared_ptr<const Query> query;  // the other kinds (shared: the tree is immutable once parsed)
};

// ---------------------------------------------------------------- clauses

struct Match : Positioned {
  bool optional = false;
  std::vector<PatternPart> pattern;
  std::optional<Expression> where;
};

struct Unwind : Positioned {
  Expression list;
  Variable variable;
};

// `expression [AS alias]`; without an alias the column is named by the
// expression's text (its span).
struct ProjectionItem : Positioned {
  Expression expression;
  std::optional<Variable> alias;
};

enum class SortDirection { Ascending, Descending };

struct SortItem : Positioned {
  Expression expression;
  SortDirection direction = SortDirection::Ascending;
};

// What WITH and RETURN share: `[DISTINCT] *, items ORDER BY ... SKIP ... LIMIT ...`
struct Projection : Positioned {
  bool distinct = false;
  bool star = false;  // `*`: every variable in scope, before `items`
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  std::optional<Expression> skip;
  std::optional<Expression> limit;
};

struct With : Positioned {
  Projection projection;
  std::optional<Expression> where;
};

struct Return : Positioned {
  Projection projection;
};

struct Create : Positioned {
  std::vector<PatternPart> pattern;
};

// `SET n.key = value`; target is a property access.
struct SetProperty : Positioned {
  PropertyAccess target;
  Expression value;
};

enum class SetOp { Assign, Merge };  // `=` replaces all properties, `+=` merges

// `SET n = {map}` / `SET n += {map}`
struct SetProperties : Positioned {
  Variable variable;
  SetOp op = SetOp::Assign;
  Expression value;
};

// `SET n:Label:Other`
struct SetLabels : Positioned {
  Variable variable;
  std::vector<SchemaName> labels;
};

using SetItem = x3::variant<SetProperty, SetProperties, SetLabels>;

struct Set : Positioned {
  std::vector<SetItem> items;
};

enum class MergeTrigger { OnMatch, OnCreate };

struct MergeAction : Positioned {
  MergeTrigger trigger = MergeTrigger::OnMatch;
  std::vector<SetItem> items;
};

struct Merge : Positioned {
  PatternPart pattern;
  std::vector<MergeAction> actions;
};

struct Delete : Positioned {
  bool detach = false;
  std::vector<Expression> targets;
};

// `REMOVE n:Label`
struct RemoveLabels : Positioned {
  Variable variable;
  std::vector<SchemaName> labels;
};

// `REMOVE n.key`
struct RemoveProperty : Positioned {
  PropertyAccess target;
};

using RemoveItem = x3::variant<RemoveLabels, RemoveProperty>;

struct Remove : Positioned {
  std::vector<RemoveItem> items;
};

// `YIELD field [AS alias]`
struct YieldItem : Positioned {
  SchemaName field;
  std::optional<Variable> alias;
};

// `CALL ns.proc(args) YIELD a, b AS c WHERE ...`. `arguments` is nullopt
// when the call has no parentheses (`CALL db.labels`, standalone only).
struct Call : Positioned {
  // `SHOW PROCEDURES [YIELD ...|WHERE ...]` is this call of
  // dbms.procedures() yielding Neo4j's columns for it, `SHOW FUNCTIONS`
  // one of dbms.functions(); either begins a query.
  bool show = false;
  QualifiedName procedure;
  std::optional<std::vector<Expression>> arguments;
  bool yield_star = false;  // `YIELD *` (standalone only)
  std::vector<YieldItem> yields;
  std::optional<Expression> where;
};

// `CALL [(a, b) | (*)] { query } [IN TRANSACTIONS [OF n ROWS]]`: the query
// runs once per row of the enclosing one, and each of its rows joins that
// row. It sees the variables a scope clause `(a, b)` lists (`(*)`: all), or,
// without one, those its first clause, an importing `WITH a, b`, names.
// Without RETURN it is a unit subquery: it changes the graph and each row
// goes on once.
struct CallSubquery : Positioned {
  bool scope_clause = false;      // `CALL (...) { ... }`
  bool import_all = false;        // `CALL (*) { ... }`
  std::vector<Variable> imports;  // `CALL (a, b) { ... }`
  std::shared_ptr<const Query> query;
  bool in_transactions = false;
  std::optional<Expression> batch_rows;  // `OF n ROWS`
};

// `LOAD CSV [WITH HEADERS] FROM url AS row [FIELDTERMINATOR ';']`
struct LoadCsv : Positioned {
  bool headers = false;
  Expression source;
  Variable variable;
  std::optional<Expression> field_terminator;
};

struct Foreach;

using Clause = x3::variant<Match, Unwind, With, Return, Create, Merge, Set, Delete, Remove, Call, CallSubquery,
                           LoadCsv, x3::forward_ast<Foreach>>;

// `FOREACH (variable IN list | clauses)`: the clauses run once per element
// of the list with `variable` bound to it. The grammar accepts any clause in
// the body; the syntax check refuses all but updating ones, where the
// message can say so.
struct Foreach : Positioned {
  Variable variable;
  Expression list;
  std::vector<Clause> clauses;  // one or more
};

// ---------------------------------------------------------------- queries

struct SingleQuery : Positioned {
  std::vector<Clause> clauses;
};

struct UnionPart : Positioned {
  bool all = false;  // UNION ALL keeps duplicates
  SingleQuery query;
};

// `first UNION [ALL] second ...`
struct Query : Positioned {
  SingleQuery first;
  std::vector<UnionPart> unions;
};

enum class QueryMode { Run, Explain, Profile };

struct Statement : Positioned {
  QueryMode mode = QueryMode::Run;
  Query query;
};

// ---------------------------------------------------------------- helpers

// The span of whichever node an expression holds.
Span span_of(const Expression& e);

// Leaf expressions are held directly, the others boxed in x3::forward_ast.
template <typename T>
inline constexpr bool is_leaf_expression_v =
    std::is_same_v<T, Literal> || std::is_same_v<T, Parameter> || std::is_same_v<T, Variable>;

// The node an expression holds if it is a T, else null:
//   if (auto* p = ast::get_if<ast::PropertyAccess>(e)) ...
template <typename T>
const T* get_if(const Expression& e) {
  if constexpr (is_leaf_expression_v<T>) {
    return boost::get<T>(&e.get());
  } else {
    auto* boxed = boost::get<x3::forward_ast<T>>(&e.get());
    return boxed ? &boxed->get() : nullptr;
  }
}

// The span of whichever clause `c` holds.
Span span_of(const Clause& c);

// Whether a CALL subquery returns rows: its (first) query ends with RETURN.
// One that does not is a unit subquery, there only to change the graph.
bool returns_rows(const CallSubquery& c);

// The FOREACH a clause holds, else null (it is boxed, as it nests clauses).
inline const Foreach* get_foreach(const Clause& c) {
  auto* boxed = boost::get<x3::forward_ast<Foreach>>(&c);
  return boxed ? &boxed->get() : nullptr;
}

// Spelling of operators as written in queries ("STARTS WITH", "<>", "^"),
// and of a subquery's keyword ("EXISTS", "COUNT", "COLLECT"; "pattern" for
// a pattern predicate, which has none).
const char* spelling(UnaryOp op);
const char* spelling(LogicalOp op);
const char* spelling(ComparisonOp op);
const char* spelling(ArithmeticOp op);
const char* spelling(StringListOp op);
const char* spelling(SubqueryKind kind);

}  // namespace ergo::cypher::ast
