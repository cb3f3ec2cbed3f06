// ergo::Result: rows plus read access to the graph elements in them.
#include "ergo/result.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

#include "engine/api/result_elements.hpp"
#include "ergo/error.hpp"

namespace ergo {
namespace {

using detail::ResultElements;

[[noreturn]] void no_such_element(const std::shared_ptr<const ResultElements>& elements) {
  if (!elements) throw Error(ErrorKind::runtime_error, "this result is not attached to a database");
  throw Error(ErrorKind::runtime_error, "this result has no such node or relationship");
}

const ResultElements::Node& node_in(const std::shared_ptr<const ResultElements>& elements, NodeRef n) {
  if (elements) {
    auto it = elements->nodes.find(n.id);
    if (it != elements->nodes.end()) return it->second;
  }
  no_such_element(elements);
}

const ResultElements::Relationship& relationship_in(const std::shared_ptr<const ResultElements>& elements,
                                                    RelationshipRef r) {
  if (elements) {
    auto it = elements->relationships.find(r.id);
    if (it != elements->relationships.end()) return it->second;
  }
  no_such_element(elements);
}

Value property_in(const Map& properties, std::string_view key) {
  auto it = std::lower_bound(properties.begin(), properties.end(), key,
                             [](const auto& entry, std::string_view k) { return entry.first < k; });
  return it != properties.end() && it->first == key ? it->second : Value();
}

}  // namespace

Result::Result() = default;

namespace {

detail::RowChunks chunks_of(std::size_t width, std::vector<std::vector<Value>>& rows) {
  detail::RowChunks cells(width);
  for (std::vector<Value>& row : rows) {
    if (row.size() != width) {
      throw Error(ErrorKind::argument_error, "a result row has " + std::to_string(row.size()) + " cells for " +
                                                 std::to_string(width) + " columns");
    }
    Value* out = cells.append();
    for (std::size_t c = 0; c < width; ++c) out[c] = std::move(row[c]);
  }
  return cells;
}

}  // namespace

Result::Result(std::vector<std::string> columns, std::vector<std::vector<Value>> rows, QueryStats stats,
               std::shared_ptr<const detail::ResultElements> elements, std::vector<std::string> warnings,
               std::optional<ProfiledOperator> profiled_plan)
    : Result(columns, chunks_of(columns.size(), rows), stats, std::move(elements), std::move(warnings),
             std::move(profiled_plan)) {}

Result::Result(std::vector<std::string> columns, detail::RowChunks cells, QueryStats stats,
               std::shared_ptr<const detail::ResultElements> elements, std::vector<std::string> warnings,
               std::optional<ProfiledOperator> profiled_plan)
    : columns_(std::move(columns)),
      cells_(std::move(cells)),
      stats_(stats),
      elements_(std::move(elements)),
      warnings_(std::move(warnings)),
      profiled_plan_(std::move(profiled_plan)),
      profile_(profiled_plan_ ? to_text(*profiled_plan_) : std::string()) {}

const std::vector<std::vector<Value>>& Result::rows() const {
  if (const auto* made = rows_.get()) return *made;
  auto rows = std::make_unique<std::vector<std::vector<Value>>>();
  rows->reserve(cells_.size());
  for (const Row& row : *this) rows->emplace_back(row.begin(), row.end());
  return rows_.keep(std::move(rows));
}

Row Result::at(std::size_t i) const {
  if (i >= cells_.size()) throw std::out_of_range("ergo::Result::at: no row " + std::to_string(i));
  return Row(*this, cells_.row(i), cells_.width(), i);
}

// Iterators compare by row index: the end's place is never read.
RowIterator Result::end() const { return RowIterator(*this, cells_, cells_.size(), {}); }

std::vector<std::string> Result::labels(NodeRef n) const { return node_in(elements_, n).labels; }

Map Result::properties(NodeRef n) const { return node_in(elements_, n).properties; }

std::string Result::type(RelationshipRef r) const { return relationship_in(elements_, r).type; }

NodeRef Result::start_node(RelationshipRef r) const { return relationship_in(elements_, r).start; }

NodeRef Result::end_node(RelationshipRef r) const { return relationship_in(elements_, r).end; }

Map Result::properties(RelationshipRef r) const { return relationship_in(elements_, r).properties; }

std::optional<std::size_t> Result::column_index(std::string_view name) const {
  auto it = std::find(columns_.begin(), columns_.end(), name);
  if (it == columns_.end()) return std::nullopt;
  return static_cast<std::size_t>(it - columns_.begin());
}

Value Result::property(NodeRef n, std::string_view key) const {
  return property_in(node_in(elements_, n).properties, key);
}

Value Result::property(RelationshipRef r, std::string_view key) const {
  return property_in(relationship_in(elements_, r).properties, key);
}

}  // namespace ergo
