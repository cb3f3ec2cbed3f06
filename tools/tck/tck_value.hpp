// TckValue: a value as the openCypher TCK writes it in expected results —
// nodes and relationships by content (labels, type, properties), not by id.
// Expected cells are parsed into it (value_parser.hpp) and actual engine
// values are converted into it (convert.hpp), so the two compare directly.
#pragma once

#include <cstdint>
#include <map>
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace ergo::tck {

struct TckValue;

// Lists compare element by element, or (as in "ignoring element order for
// lists") as multisets at every nesting level.
enum class ListOrder { ordered, unordered };

using TckList = std::vector<TckValue>;
using TckMap = std::map<std::string, TckValue>;

struct TckNode {
  std::vector<std::string> labels;  // sorted, each once (the TCK compares a set)
  TckMap properties;
};

struct TckRelationship {
  std::string type;
  TckMap properties;
};

// One step of a path: the relationship, whether it points along the path
// (`-[:T]->`) or against it (`<-[:T]-`), and the node it leads to.
struct TckPathStep {
  bool forward = true;
  TckRelationship relationship;
  TckNode node;
};

struct TckPath {
  TckNode start;
  std::vector<TckPathStep> steps;
};

struct TckValue {
  using Data = std::variant<std::monostate, bool, std::int64_t, double, std::string, TckList, TckMap,
                            TckNode, TckRelationship, TckPath>;
  Data data;

  TckValue() = default;
  TckValue(std::nullptr_t) {}
  TckValue(bool b) : data(b) {}
  TckValue(int i) : data(std::int64_t{i}) {}
  TckValue(std::int64_t i) : data(i) {}
  TckValue(double d) : data(d) {}
  TckValue(const char* s) : data(std::string(s)) {}
  TckValue(std::string s) : data(std::move(s)) {}
  TckValue(TckList l) : data(std::move(l)) {}
  TckValue(TckMap m) : data(std::move(m)) {}
  TckValue(TckNode n) : data(std::move(n)) {}
  TckValue(TckRelationship r) : data(std::move(r)) {}
  TckValue(TckPath p) : data(std::move(p)) {}

  bool is_null() const { return std::holds_alternative<std::monostate>(data); }
  template <class T>
  const T* get_if() const { return std::get_if<T>(&data); }
};

// Builds a node with its labels put in set order.
TckNode make_node(std::vector<std::string> labels, TckMap properties = {});

// TCK equality: integers never equal floats, NaN equals NaN, node labels are
// a set, maps compare by key. `lists` applies at every nesting level.
bool values_equal(const TckValue& a, const TckValue& b, ListOrder lists = ListOrder::ordered);

// The value in TCK notation: 1, 1.5, NaN, 'it\'s', [1, 2], {a: 1},
// (:A {k: 1}), [:T], <(:A)-[:T]->()>.
std::string render(const TckValue& value);

}  // namespace ergo::tck
