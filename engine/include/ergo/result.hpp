// ergo::Result: the answer to one query — column names, rows of values, and
// what the query changed. Nodes and relationships in the rows are ids; read
// their labels, type and properties through the result, which keeps the
// graph they came from alive.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "ergo/value.hpp"

namespace ergo {

namespace detail {
struct GraphSnapshot;  // opaque: the graph a result's elements live in
}

// Counts of what a query changed (all zero for a read-only query).
struct QueryStats {
  std::size_t nodes_created = 0;
  std::size_t relationships_created = 0;
  std::size_t labels_added = 0;      // label assignments to new nodes
  std::size_t properties_set = 0;    // property values written
  bool contains_updates() const {
    return nodes_created || relationships_created || labels_added || properties_set;
  }
};

class Result {
 public:
  Result();
  Result(std::vector<std::string> columns, std::vector<std::vector<Value>> rows, QueryStats stats,
         std::shared_ptr<const detail::GraphSnapshot> graph, std::vector<std::string> warnings = {});

  const std::vector<std::string>& columns() const { return columns_; }
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  // Row i (0-based); cells are in column order. Throws std::out_of_range.
  const std::vector<Value>& row(std::size_t i) const { return rows_.at(i); }
  const std::vector<std::vector<Value>>& rows() const { return rows_; }
  const QueryStats& stats() const { return stats_; }
  // Non-fatal notes, e.g. a label that does not exist in the graph.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Reading graph elements that appear in the rows. Each throws ergo::Error
  // (kind runtime_error) for an id the graph does not have.
  std::vector<std::string> labels(NodeRef n) const;
  Map properties(NodeRef n) const;
  std::string type(RelationshipRef r) const;
  NodeRef start_node(RelationshipRef r) const;
  NodeRef end_node(RelationshipRef r) const;
  Map properties(RelationshipRef r) const;

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> rows_;
  QueryStats stats_;
  std::shared_ptr<const detail::GraphSnapshot> graph_;
  std::vector<std::string> warnings_;
};

}  // namespace ergo
