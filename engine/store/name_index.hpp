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

  // Nodes one of whose names folds to the same key as `name`, ascending,
  // each once.
  std::vector<NodeId> find(std::string_view name) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_multimap<std::string, NodeId, Hash, std::equal_to<>> entries_;
};

}  // namespace ergo::store
