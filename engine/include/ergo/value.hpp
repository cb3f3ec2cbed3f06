// ergo::Value: one typed value of a property, a query parameter or a result
// cell. A value type: copyable, comparable, no references into the database
// except the ids of nodes and relationships (resolve them through the result
// or the database that produced them).
//
// Thread safety: a Value, Date or *Ref is a plain value like std::string —
// any number of threads may read one object at once; writing to one while
// another thread reads it needs outside locking.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "ergo/temporal.hpp"

namespace ergo {

// References to graph elements inside values (result cells, paths).
struct NodeRef {
  std::uint32_t id = 0;
  friend constexpr auto operator<=>(NodeRef, NodeRef) = default;
};
struct RelationshipRef {
  std::uint32_t id = 0;
  friend constexpr auto operator<=>(RelationshipRef, RelationshipRef) = default;
};
// A path alternates nodes and relationships: nodes.size() == rels.size() + 1.
struct PathRef {
  std::vector<NodeRef> nodes;
  std::vector<RelationshipRef> relationships;
  friend bool operator==(const PathRef&, const PathRef&) = default;
};

class Value;
using List = std::vector<Value>;
// Map entries are kept sorted by key, each key once.
using Map = std::vector<std::pair<std::string, Value>>;

class Value {
 public:
  // The temporal types beyond DATE come last, so the older numbering holds.
  enum class Type {
    null, boolean, integer, floating, string, date, list, map, node, relationship, path,
    local_time, time, local_datetime, datetime, duration
  };

  // Null. The constructors below are implicit, so a C++ value converts
  // where a Value is expected: Params{{"n", 42}, {"name", "OpenAI"}}.
  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(std::int64_t{i}) {}
  Value(std::int64_t i) : data_(i) {}
  Value(double d) : data_(d) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(std::string_view s) : data_(std::string(s)) {}
  Value(Date d) : data_(d) {}
  Value(LocalTime t) : data_(t) {}
  Value(Time t) : data_(t) {}
  Value(LocalDateTime t) : data_(t) {}
  Value(DateTime t) : data_(std::move(t)) {}
  Value(Duration d) : data_(d) {}
  Value(List l) : data_(std::move(l)) {}
  Value(Map m);  // sorts by key; a repeated key keeps the last value
  Value(NodeRef n) : data_(n) {}
  Value(RelationshipRef r) : data_(r) {}
  Value(PathRef p) : data_(std::move(p)) {}

  // Which alternative the value holds; never throws.
  Type type() const { return static_cast<Type>(data_.index()); }
  bool is_null() const { return type() == Type::null; }

  // Typed access; each throws ergo::Error (kind type_error) on a value of
  // another type. as_double() also accepts an integer.
  bool as_bool() const;
  std::int64_t as_int() const;
  double as_double() const;
  const std::string& as_string() const;
  Date as_date() const;
  LocalTime as_local_time() const;
  Time as_time() const;
  LocalDateTime as_local_datetime() const;
  const DateTime& as_datetime() const;
  Duration as_duration() const;
  const List& as_list() const;
  const Map& as_map() const;
  NodeRef as_node() const;
  RelationshipRef as_relationship() const;
  const PathRef& as_path() const;

  // Non-throwing access: nullptr when the value has another type. T is one
  // of bool, std::int64_t, double, std::string, Date, List, Map, NodeRef,
  // RelationshipRef, PathRef, LocalTime, Time, LocalDateTime, DateTime, Duration. The pointer is valid while the value is.
  template <class T>
  const T* get_if() const { return std::get_if<T>(&data_); }

  // Cypher literal notation: null, true, 42, 1.5, 'text', date('2024-01-31'),
  // datetime('2019-07-22T09:30:00+09:00'), duration('P1D'), [1, 2], {a: 1};
  // nodes and relationships as (#id) and [#id].
  std::string to_cypher() const;

  // Structural equality (1 == 1.0 is false here: this is identity of
  // values, not Cypher's `=`; the engine implements Cypher comparison).
  friend bool operator==(const Value&, const Value&) = default;

 private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, List, Map, NodeRef,
               RelationshipRef, PathRef, LocalTime, Time, LocalDateTime, DateTime, Duration>
      data_;
};

// The openCypher name of a type: "NULL", "BOOLEAN", "INTEGER", "FLOAT",
// "STRING", "DATE", "LIST", "MAP", "NODE", "RELATIONSHIP", "PATH", "LOCAL TIME",
// "ZONED TIME", "LOCAL DATETIME", "ZONED DATETIME", "DURATION" (Neo4j 5's names).
const char* type_name(Value::Type t);

// What Cypher's elementId() returns for an element, and what the server
// sends as Bolt's and the Query API's element ids: "n:42" for node 42,
// "r:7" for relationship 7. As in Neo4j, it names the element while the
// element exists; an id freed by a delete may name a new element later.
std::string element_id(NodeRef n);
std::string element_id(RelationshipRef r);

}  // namespace ergo
