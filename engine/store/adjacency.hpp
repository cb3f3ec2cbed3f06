// Sliced adjacency for one direction (out or in). Each node's neighbours are
// one contiguous slice, sorted by relationship type and then by neighbour,
// so "all neighbours" is a slice and "neighbours over type T" a
// binary-searched sub-slice.
//
// Built in one pass from the relationship arrays (the compact form: slices
// back to back, in node order). After that, a write changes only the slices
// it touches (ADR 0006 §3): a slice that must grow moves to the end of the
// arrays with room to spare, so a node written again usually takes its new
// entries in place; removed entries close up inside their slice. The space
// left behind by moved slices is reclaimed by a compaction when it exceeds
// half of the entries, so it costs O(entries) once per many writes.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "engine/store/ids.hpp"
#include "grammar/text/huge_pages.hpp"

namespace ergo::store {

struct Adjacent {
  NodeId neighbor;
  RelId rel;
};

class Adjacency {
 public:
  // Node n's entries: [begin, end) of the arrays. Plain bytes (no member
  // initializers), so a snapshot's slice table can be used where the file
  // is mapped.
  struct Slice {
    std::uint32_t begin, end;
  };

  Adjacency() = default;
  // A copy (of a graph version, ADR 0006 §4) has room to grow
  // (text::copy_with_room).
  Adjacency(const Adjacency& other);
  Adjacency& operator=(const Adjacency& other) { return *this = Adjacency(other); }
  Adjacency(Adjacency&&) noexcept = default;
  Adjacency& operator=(Adjacency&&) noexcept = default;

  // Builds the compact form for `node_count` nodes from relationship
  // endpoints: rel r goes from from[r] to to[r] with type type[r].
  // Relationships whose bit is set in `dead` (when given) are left out.
  void build(std::size_t node_count, std::span<const NodeId> from, std::span<const NodeId> to,
             std::span<const TypeId> type, const std::vector<bool>* dead = nullptr);

  // The compact form as a snapshot holds it: node n's slice is the next
  // degrees[n] entries (the caller has checked that they add up to
  // entries.size() == types.size()). Reopening a database copies these
  // arrays instead of building them again.
  static Adjacency compact(std::span<const std::uint32_t> degrees, text::HugeVector<Adjacent> entries,
                           text::HugeVector<TypeId> types);
  // The same with the slice table as a snapshot of version 3 holds it:
  // node n's slice is slices[n], each starting where the one before ends,
  // the first at 0, the last ending at entries.size() (the caller has
  // checked). Nothing is built.
  static Adjacency compact(text::HugeVector<Slice> slices, text::HugeVector<Adjacent> entries,
                           text::HugeVector<TypeId> types);

  // --- Changes in place (Graph::commit works out which).
  // Nodes added get empty slices; nodes dropped must have empty ones.
  void resize_nodes(std::size_t node_count);
  // Room for `node_count` nodes and `entries` entries without copying the
  // arrays (see Graph::make_room_to_grow).
  void reserve(std::size_t node_count, std::size_t entries);
  // One entry to add: node's slice gets (type, neighbor, rel).
  struct Insertion {
    NodeId node;
    TypeId type;
    NodeId neighbor;
    RelId rel;
  };
  // Adds `sorted` (ascending by node, type, neighbor, rel) to their slices:
  // O(size of each touched slice + entries added).
  void insert(std::span<const Insertion> sorted);
  // Removes, from the slices of `nodes` (any order, repeats allowed), every
  // entry whose relationship `gone` says is gone: O(size of those slices).
  template <typename Gone>
  void remove_from(std::span<const NodeId> nodes, Gone gone) {
    for (NodeId n : nodes) {
      Slice& s = slices_[n];
      std::uint32_t write = s.begin;
      for (std::uint32_t read = s.begin; read < s.end; ++read) {
        if (gone(entries_[read].rel)) continue;
        entries_[write] = entries_[read];
        entry_types_[write++] = entry_types_[read];
      }
      live_ -= s.end - write;
      if (!room_.contains(n)) abandoned_ += s.end - write;  // a moved slice keeps its room
      s.end = write;
    }
    compact_if_sparse();
  }

  std::size_t nodes() const { return slices_.size(); }
  // Entries in slices (one per living relationship the adjacency covers).
  std::size_t entries() const { return live_; }

  std::span<const Adjacent> of(NodeId n) const {
    const Slice s = slices_[n];
    return {entries_.data() + s.begin, entries_.data() + s.end};
  }
  // The types of of(n)'s relationships, in the same order (so ascending).
  std::span<const TypeId> types_of(NodeId n) const {
    const Slice s = slices_[n];
    return {entry_types_.data() + s.begin, entry_types_.data() + s.end};
  }
  // The sub-slice of of(n) whose relationships have type t.
  std::span<const Adjacent> of(NodeId n, TypeId t) const;

  std::size_t degree(NodeId n) const { return slices_[n].end - slices_[n].begin; }
  // Array length: the entries, the spare room of moved slices and the
  // space left behind (kept under half of entries() + 1024 by compaction).
  std::size_t footprint() const { return entries_.size(); }
  std::size_t memory_bytes() const;

 private:
  // The two halves of build() once the slices are laid out: each scatters
  // the relationships to their slices and orders them, packed into one
  // integer each where (type, neighbor) fit in 32 bits (`key_bits`), as
  // separate entries and types where not (adjacency.cpp).
  void build_packed(std::span<const NodeId> from, std::span<const NodeId> to, std::span<const TypeId> type,
                    const std::vector<bool>* dead, unsigned neighbor_bits, unsigned key_bits);
  void build_wide(std::span<const NodeId> from, std::span<const NodeId> to, std::span<const TypeId> type,
                  const std::vector<bool>* dead, unsigned neighbor_bits, unsigned key_bits);
  // Where a slice's room ends: slices that moved have their own (recorded),
  // the others end where their entries do.
  std::uint32_t room_end(NodeId n) const;
  // Moves n's slice to the end of the arrays with room for `room` entries.
  void move_to_end(NodeId n, std::uint32_t room);
  // Rewrites the arrays, slice after slice, when the space left behind
  // exceeds half of the entries; moved slices keep room for growth (at
  // most twice their size), so a hub written again and again is not
  // compacted and moved back and forth.
  void compact_if_sparse();

  text::HugeVector<Slice> slices_;
  text::HugeVector<Adjacent> entries_;
  text::HugeVector<TypeId> entry_types_;             // parallel to entries_
  std::unordered_map<NodeId, std::uint32_t> room_;  // room end of each slice that moved
  std::size_t live_ = 0;                             // entries inside slices
  std::size_t abandoned_ = 0;                        // space no slice owns any more
};

}  // namespace ergo::store
