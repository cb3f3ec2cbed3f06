// ergo::Result: the answer to one query — column names, rows of values, and
// what the query changed. Nodes and relationships in the rows are ids; read
// their labels, type and properties through the result.
//
// What is materialized: execute() runs the query to completion and the
// Result holds every row (the engine's cursors produce rows one at a time;
// they are collected so that no lock is held while you read them). Cells
// hold scalars, strings, lists, maps and the ids of nodes, relationships
// and paths. The labels, type, ends and properties of the elements the rows
// hold (and of the nodes at the ends of their relationships) are copied
// when the query runs, so a Result answers from the graph as it was then,
// whatever other threads commit later, and reading it takes no lock.
// Iterating a Result yields Row views into the stored rows; nothing is
// copied.
//
//   for (const ergo::Row& row : result) use(row["name"].as_string());
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ergo/profiled_plan.hpp"
#include "ergo/query_stats.hpp"
#include "ergo/row.hpp"
#include "ergo/value.hpp"

namespace ergo {

namespace detail {
struct ResultElements;  // opaque: the elements' labels, types and properties

// Result::rows() as vectors, once asked for: set once by whichever reader
// gets there first (reading from several threads stays safe), dropped by a
// copy (which makes its own when asked), carried by a move.
class RowVectors {
 public:
  using Rows = std::vector<std::vector<Value>>;
  RowVectors() = default;
  RowVectors(const RowVectors&) noexcept {}
  RowVectors(RowVectors&& other) noexcept : made_(other.made_.exchange(nullptr)) {}
  RowVectors& operator=(const RowVectors& other) noexcept {
    if (this != &other) delete made_.exchange(nullptr);
    return *this;
  }
  RowVectors& operator=(RowVectors&& other) noexcept {
    if (this != &other) delete made_.exchange(other.made_.exchange(nullptr));
    return *this;
  }
  ~RowVectors() { delete made_.load(); }

  // The rows made before, or nullptr.
  const Rows* get() const { return made_.load(std::memory_order_acquire); }
  // Keeps `rows` unless another reader kept theirs first; returns the kept.
  const Rows& keep(std::unique_ptr<Rows> rows) const {
    const Rows* expected = nullptr;
    if (made_.compare_exchange_strong(expected, rows.get(), std::memory_order_acq_rel)) return *rows.release();
    return *expected;
  }

 private:
  mutable std::atomic<const Rows*> made_{nullptr};
};
}  // namespace detail

// A value type: copying copies the rows and shares the elements. Reading a
// Result from several threads at once is safe.
class Result {
 public:
  // An empty result: no columns, no rows, attached to no database (the
  // element accessors below throw).
  Result();
  // For the engine; embedders get Results from Database::execute() and
  // PreparedQuery::execute(). Every row must have columns.size() cells.
  Result(std::vector<std::string> columns, std::vector<std::vector<Value>> rows, QueryStats stats,
         std::shared_ptr<const detail::ResultElements> elements, std::vector<std::string> warnings = {},
         std::optional<ProfiledOperator> profiled_plan = {});
  // The same with the rows as the engine collects them (cells.width() ==
  // columns.size()).
  Result(std::vector<std::string> columns, detail::RowChunks cells, QueryStats stats,
         std::shared_ptr<const detail::ResultElements> elements, std::vector<std::string> warnings = {},
         std::optional<ProfiledOperator> profiled_plan = {});

  // Column names, in order: the names RETURN gave them ("c.name", "total").
  const std::vector<std::string>& columns() const { return columns_; }
  // The position of the column named `name` (exact match), or nullopt.
  std::optional<std::size_t> column_index(std::string_view name) const;
  // The number of rows, and whether there are none.
  std::size_t size() const { return cells_.size(); }
  bool empty() const { return cells_.size() == 0; }
  // Row i (0-based); cells are in column order. Throws std::out_of_range.
  // Like rows(), it copies every row into vectors the first time either is
  // called; reading through Rows (at(), begin()) copies nothing.
  const std::vector<Value>& row(std::size_t i) const { return rows().at(i); }
  // All rows, owned by the result (made on the first call, then kept).
  const std::vector<std::vector<Value>>& rows() const;
  // Row i as a view (see row.hpp). Throws std::out_of_range.
  Row at(std::size_t i) const;
  // Every row as a view, in order: for (const ergo::Row& row : result).
  RowIterator begin() const { return RowIterator(*this, cells_, 0, {}); }
  RowIterator end() const;
  // What the query changed (all zero for a read-only query).
  const QueryStats& stats() const { return stats_; }
  // Non-fatal notes, e.g. a label that does not exist in the graph.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // For a PROFILE query: its plan as EXPLAIN shows it, each operator with
  // the rows it produced and the time it took beside its inputs, one per
  // line ("  Expand ($0)-[:INVESTS_IN $1]->($2)  (rows 4, 0.012 ms)").
  // Empty for any other query.
  const std::string& profile() const { return profile_; }
  // The same plan as a tree (profiled_plan.hpp); nullopt for any other query.
  const std::optional<ProfiledOperator>& profiled_plan() const { return profiled_plan_; }

  // Reading the graph elements that appear in the rows (and the nodes at the
  // ends of their relationships), as they were when the query ran. Each
  // throws ergo::Error (kind runtime_error) for an element the rows do not
  // hold, or when the result comes from no database.
  std::vector<std::string> labels(NodeRef n) const;  // each once
  Map properties(NodeRef n) const;                   // sorted by key
  std::string type(RelationshipRef r) const;
  NodeRef start_node(RelationshipRef r) const;
  NodeRef end_node(RelationshipRef r) const;
  Map properties(RelationshipRef r) const;  // sorted by key
  // One property; null when the element has none by that key.
  Value property(NodeRef n, std::string_view key) const;
  Value property(RelationshipRef r, std::string_view key) const;

 private:
  std::vector<std::string> columns_;
  detail::RowChunks cells_{0};
  detail::RowVectors rows_;  // rows() once asked for
  QueryStats stats_;
  std::shared_ptr<const detail::ResultElements> elements_;
  std::vector<std::string> warnings_;
  std::optional<ProfiledOperator> profiled_plan_;
  std::string profile_;
};

}  // namespace ergo
