// The index behind "find an entity by name": every node's `name` and each of
// its `aliases`, keyed by the folded form (NFC + case folding), so
// "마이크로소프트", "MS" and "microsoft" reach the same node in O(1).
//
// One flat open-addressing table (linear probing) over keys kept back to
// back in one string: no allocation per name, so building it for millions
// of names (a load, a reopen) and copying it (the second version of the
// graph, ADR 0006 §4) are a few passes over arrays, not millions of
// allocations.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/store/ids.hpp"
#include "grammar/text/huge_pages.hpp"

namespace ergo::store {

class NameIndex {
 public:
  // The lookup key for a name: its folded form (raw bytes if not valid UTF-8).
  static std::string key(std::string_view name);

  void add(std::string_view name, NodeId node);
  // add(names[i], nodes[i]) for each i, faster for many: the slots of a
  // group of names are fetched into the cache together, so their misses
  // overlap instead of coming one after another (reopening a database
  // adds every name at once).
  void add_all(std::span<const std::string_view> names, std::span<const NodeId> nodes);
  void remove(std::string_view name, NodeId node);

  // Nodes one of whose names folds to the same key as `name`, ascending,
  // each once.
  std::vector<NodeId> find(std::string_view name) const;

  // Makes room for `keys` keys in all without growing again.
  void reserve(std::size_t keys);

  // One slot of the table. hash: 0 for a slot never used, 1 for one whose
  // key was removed (probes go on past it), otherwise the key's hash (never
  // 0 or 1). The key is the index's chars[offset, +length). Its nodes: the
  // lowest id in `first`; the rest (a name shared by several nodes: rare)
  // ascending in more[more - 1]. Plain bytes (no member initializers), so a
  // snapshot's table can be used where the file is mapped.
  struct Slot {
    std::uint64_t hash;
    std::uint32_t offset, length;
    NodeId first;
    std::uint32_t more;
  };

  // --- Snapshots (engine/storage/) keep the table as it is, so opening
  // does not fold and hash every name again.
  std::span<const Slot> slots() const { return slots_; }
  std::string_view chars() const { return chars_; }
  // The lists of more nodes, by Slot::more - 1 (empty ones are free).
  std::span<const std::vector<NodeId>> more_nodes() const { return more_; }
  // What this build's hash gives a fixed text: a table written by a build
  // that hashes differently (another standard library) is rebuilt instead.
  static std::uint64_t hash_check();
  // The index from a snapshot's table, checked against `node_count`:
  // nullopt, with `what` set, when it does not hold together (a slot's key
  // beyond the characters, a node id out of range, a table that is not a
  // power of two).
  static std::optional<NameIndex> restored(text::HugeVector<Slot> slots, text::HugeString chars,
                                           std::vector<std::vector<NodeId>> more, std::size_t node_count,
                                           std::string& what);

  // Number of (key, node) entries.
  std::size_t size() const { return size_; }
  // No two nodes share a key.
  bool one_node_per_key() const { return size_ == keys_; }

 private:
  static constexpr std::uint64_t empty = 0, removed = 1;
  static std::uint64_t hash_of(std::string_view key);
  // The table size (a power of two) for this many used slots.
  static std::size_t capacity_for(std::size_t slots_used);

  std::string_view key_of(const Slot& s) const { return std::string_view(chars_).substr(s.offset, s.length); }
  // The slot holding `key`, or the table's size when none does.
  std::size_t find_slot(std::string_view key, std::uint64_t hash) const;
  // Rebuilds the table with `capacity` slots (a power of two), dropping
  // removed slots and the bytes of removed keys.
  void rehash(std::size_t capacity);
  // Adding `node` to (removing it from) a slot's nodes; false when it was
  // already there (not there).
  bool insert_node(Slot& s, NodeId node);
  // add() with the key and its hash already made.
  void add_key(const std::string& k, std::uint64_t h, NodeId node);
  bool erase_node(Slot& s, NodeId node);

  text::HugeVector<Slot> slots_;  // a power of two in size, or empty
  text::HugeString chars_;
  std::vector<std::vector<NodeId>> more_;
  std::vector<std::uint32_t> free_more_;  // entries of more_ to reuse
  std::size_t keys_ = 0;      // slots holding a key
  std::size_t removed_ = 0;   // slots marked removed
  std::size_t dead_chars_ = 0;  // bytes of chars_ no key uses
  std::size_t size_ = 0;
};

}  // namespace ergo::store
