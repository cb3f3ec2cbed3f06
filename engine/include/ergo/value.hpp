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

namespace ergo {

// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
class Date {
 public:
  // 1970-01-01.
  constexpr Date() = default;
  // The day `days` after (before, when negative) 1970-01-01.
  static constexpr Date from_days(std::int32_t days) { return Date(days); }
  // nullopt when the day does not exist (2023-02-30, month 13, ...).
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Parses YYYY-MM-DD; nullopt when malformed or not a real day.
  static std::optional<Date> parse(std::string_view iso);

  // Days since 1970-01-01 (negative before it).
  std::int32_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  std::string to_string() const;  // YYYY-MM-DD

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

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
  enum class Type { null, boolean, integer, floating, string, date, list, map, node, relationship, path };

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
  const List& as_list() const;
  const Map& as_map() const;
  NodeRef as_node() const;
  RelationshipRef as_relationship() const;
  const PathRef& as_path() const;

  // Non-throwing access: nullptr when the value has another type. T is one
  // of bool, std::int64_t, double, std::string, Date, List, Map, NodeRef,
  // RelationshipRef, PathRef. The pointer is valid while the value is.
  template <class T>
  const T* get_if() const { return std::get_if<T>(&data_); }

  // Cypher literal notation: null, true, 42, 1.5, 'text', date('2024-01-31'),
  // [1, 2], {a: 1}; nodes and relationships as (#id) and [#id].
  std::string to_cypher() const;

  // Structural equality (1 == 1.0 is false here: this is identity of
  // values, not Cypher's `=`; the engine implements Cypher comparison).
  friend bool operator==(const Value&, const Value&) = default;

 private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, List, Map, NodeRef,
               RelationshipRef, PathRef>
      data_;
};

// The openCypher name of a type: "NULL", "BOOLEAN", "INTEGER", "FLOAT",
// "STRING", "DATE", "LIST", "MAP", "NODE", "RELATIONSHIP", "PATH".
const char* type_name(Value::Type t);

}  // namespace ergo
