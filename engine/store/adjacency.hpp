// Compressed sparse row adjacency for one direction (out or in). Each node's
// neighbours are one contiguous slice, sorted by relationship type and then
// by neighbour, so "all neighbours" is a slice and "neighbours over type T" a
// binary-searched sub-slice. Built in one pass from the relationship arrays;
// rebuilt when the graph has changed (Graph::commit).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/store/ids.hpp"

namespace ergo::store {

struct Adjacent {
  NodeId neighbor;
  RelId rel;
};

class Adjacency {
 public:
  // Builds the CSR for `node_count` nodes from relationship endpoints:
  // rel r goes from from[r] to to[r] with type type[r].
  // Relationships whose bit is set in `dead` (when given) are left out.
  void build(std::size_t node_count, const std::vector<NodeId>& from, const std::vector<NodeId>& to,
             const std::vector<TypeId>& type, const std::vector<bool>* dead = nullptr);
  // The same result as build(), when the adjacency was built for the first
  // relationships and nodes and only more of both have been added since:
  // the new relationships are sorted and merged into their nodes' slices in
  // one pass over the old arrays, instead of sorting every slice again.
  void extend(std::size_t node_count, const std::vector<NodeId>& from, const std::vector<NodeId>& to,
              const std::vector<TypeId>& type);
  // How many relationship ids (deleted ones included) and nodes the
  // adjacency covers.
  std::size_t relationships() const { return covered_; }
  std::size_t nodes() const { return offsets_.size() - 1; }

  std::span<const Adjacent> of(NodeId n) const {
    return {entries_.data() + offsets_[n], entries_.data() + offsets_[n + 1]};
  }
  // The types of of(n)'s relationships, in the same order (so ascending).
  std::span<const TypeId> types_of(NodeId n) const {
    return {entry_types_.data() + offsets_[n], entry_types_.data() + offsets_[n + 1]};
  }
  // The sub-slice of of(n) whose relationships have type t.
  std::span<const Adjacent> of(NodeId n, TypeId t) const;

  std::size_t degree(NodeId n) const { return offsets_[n + 1] - offsets_[n]; }
  std::size_t memory_bytes() const;

 private:
  std::vector<std::uint32_t> offsets_{0};  // node_count + 1 entries
  std::vector<Adjacent> entries_;
  std::vector<TypeId> entry_types_;        // parallel to entries_
  std::size_t covered_ = 0;                // relationship ids 0..covered_-1 are in (or deleted)
};

}  // namespace ergo::store
