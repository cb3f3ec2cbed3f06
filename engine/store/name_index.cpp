// Name and alias lookup (see name_index.hpp).
#include "engine/store/name_index.hpp"

#include <algorithm>
#include <utility>

#include "grammar/text/unicode.hpp"

namespace ergo::store {

std::string NameIndex::key(std::string_view name) {
  if (text::find_invalid_utf8(name)) return std::string(name);
  return text::fold(name);
}

bool NameIndex::Nodes::insert(NodeId node) {
  if (first_ == no_node) {
    first_ = node;
    return true;
  }
  if (node == first_) return false;
  if (node < first_) std::swap(node, first_);
  if (more_.empty() || more_.back() < node) {
    more_.push_back(node);
    return true;
  }
  auto at = std::lower_bound(more_.begin(), more_.end(), node);
  if (*at == node) return false;
  more_.insert(at, node);
  return true;
}

bool NameIndex::Nodes::erase(NodeId node) {
  if (node == first_) {
    if (more_.empty()) {
      first_ = no_node;
    } else {
      first_ = more_.front();
      more_.erase(more_.begin());
    }
    return true;
  }
  auto at = std::lower_bound(more_.begin(), more_.end(), node);
  if (at == more_.end() || *at != node) return false;
  more_.erase(at);
  return true;
}

std::vector<NodeId> NameIndex::Nodes::ids() const {
  std::vector<NodeId> out;
  if (first_ == no_node) return out;
  out.reserve(1 + more_.size());
  out.push_back(first_);
  out.insert(out.end(), more_.begin(), more_.end());
  return out;
}

void NameIndex::add(std::string_view name, NodeId node) {
  if (entries_[key(name)].insert(node)) ++size_;
}

void NameIndex::remove(std::string_view name, NodeId node) {
  auto entry = entries_.find(key(name));
  if (entry == entries_.end() || !entry->second.erase(node)) return;
  --size_;
  if (entry->second.empty()) entries_.erase(entry);
}

std::vector<NodeId> NameIndex::find(std::string_view name) const {
  auto entry = entries_.find(key(name));
  return entry == entries_.end() ? std::vector<NodeId>{} : entry->second.ids();
}

}  // namespace ergo::store
