// Name and alias lookup (see name_index.hpp).
#include "engine/store/name_index.hpp"

#include <algorithm>

#include "grammar/text/unicode.hpp"

namespace ergo::store {

std::string NameIndex::key(std::string_view name) {
  if (text::find_invalid_utf8(name)) return std::string(name);
  return text::fold(name);
}

void NameIndex::add(std::string_view name, NodeId node) {
  std::string k = key(name);
  auto [lo, hi] = entries_.equal_range(k);
  for (auto it = lo; it != hi; ++it) {
    if (it->second == node) return;
  }
  entries_.emplace(std::move(k), node);
}

void NameIndex::remove(std::string_view name, NodeId node) {
  auto [lo, hi] = entries_.equal_range(key(name));
  for (auto it = lo; it != hi; ++it) {
    if (it->second == node) {
      entries_.erase(it);
      return;
    }
  }
}

std::vector<NodeId> NameIndex::find(std::string_view name) const {
  std::vector<NodeId> nodes;
  auto [lo, hi] = entries_.equal_range(key(name));
  for (auto it = lo; it != hi; ++it) nodes.push_back(it->second);
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  return nodes;
}

}  // namespace ergo::store
