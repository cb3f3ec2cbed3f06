// ergo::Schema: what a database holds, described — its labels, relationship
// types (with the labels they connect) and property keys, each with a count.
// The shell's :schema and its tab completion read it; so may an embedder.
// Database::schema() returns one: plain values, a snapshot of the moment it
// was taken, owned by the caller (safe to read from many threads).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ergo {

struct LabelInfo {
  std::string name;
  std::size_t nodes = 0;  // nodes carrying the label
};

// Relationships of one type from nodes with `start_label` to nodes with
// `end_label`. A relationship between multi-labelled nodes counts once for
// every pair of their labels; an unlabelled end is "".
struct Connection {
  std::string start_label;
  std::string end_label;
  std::size_t relationships = 0;
};

struct RelationshipTypeInfo {
  std::string name;
  std::size_t relationships = 0;
  std::vector<Connection> connects;  // most frequent first, then by label
};

struct PropertyKeyInfo {
  std::string name;
  std::size_t nodes = 0;          // nodes with a value for the key
  std::size_t relationships = 0;  // relationships with a value for the key
};

struct Schema {
  std::size_t nodes = 0;
  std::size_t relationships = 0;
  // Each sorted by name; only names in use (count above zero) appear.
  std::vector<LabelInfo> labels;
  std::vector<RelationshipTypeInfo> relationship_types;
  std::vector<PropertyKeyInfo> property_keys;
};

}  // namespace ergo
