// The index behind "find an entity by name": every node's `name` and each of
// its `aliases`, keyed by the folded form (NFC + case folding), so
// "마이크로소프트", "MS" and "microsoft" reach the same node in O(1).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/store/ids.hpp"

namespace ergo::store {

class NameIndex {
 public:
  // The lookup key for a name: its folded form (raw bytes if not valid UTF-8).
  static std::string key(std::string_view name);

  void add(std::string_view name, NodeId node);
  void remove(std::string_view name, NodeId node);

  // Makes room for `keys` keys at once (a restore knows how many).
  void reserve(std::size_t keys) { entries_.reserve(keys); }

  // Nodes one of whose names folds to the same key as `name`, ascending,
  // each once.
  std::vector<NodeId> find(std::string_view name) const;

  // Number of (key, node) entries.
  std::size_t size() const { return size_; }
  // No two nodes share a key.
  bool one_node_per_key() const { return size_ == entries_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // The nodes of one key, ascending and each once. Most keys name one
  // node, kept inline (no allocation per name); the rest spill into a
  // sorted vector. Adding the n-th node of one name is O(log n) (new nodes
  // have the highest ids and append), not a scan of the n before it, so a
  // million nodes named alike load in linear time; removing one is a
  // binary search and a move of the ids after it.
  class Nodes {
   public:
    bool insert(NodeId node);  // false when already there
    bool erase(NodeId node);   // false when not there
    bool empty() const { return first_ == no_node; }
    std::vector<NodeId> ids() const;

   private:
    NodeId first_ = no_node;    // the lowest id, or no_node when empty
    std::vector<NodeId> more_;  // the others, ascending
  };
  std::unordered_map<std::string, Nodes, Hash, std::equal_to<>> entries_;
  std::size_t size_ = 0;
};

}  // namespace ergo::store
