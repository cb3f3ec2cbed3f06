// Name and alias lookup (see name_index.hpp).
#include "engine/store/name_index.hpp"

#include <algorithm>
#include <bit>
#include <functional>
#include <stdexcept>
#include <utility>

#include "grammar/text/huge_pages.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::store {

std::string NameIndex::key(std::string_view name) {
  if (text::find_invalid_utf8(name)) return std::string(name);
  return text::fold(name);
}

std::uint64_t NameIndex::hash_of(std::string_view key) {
  const std::uint64_t h = std::hash<std::string_view>{}(key);
  return h > removed ? h : h + 2;
}

std::uint64_t NameIndex::hash_check() { return hash_of("ergo: the name index's hash"); }

std::optional<NameIndex> NameIndex::restored(text::HugeVector<Slot> slots, text::HugeString chars,
                                             std::vector<std::vector<NodeId>> more, std::size_t node_count,
                                             std::string& what) {
  NameIndex index;
  if (!slots.empty() && !std::has_single_bit(slots.size())) {
    what = "a name table whose size is not a power of two";
    return std::nullopt;
  }
  std::size_t live_chars = 0;
  for (const Slot& s : slots) {
    if (s.hash == removed) ++index.removed_;
    if (s.hash <= removed) continue;
    if (std::uint64_t{s.offset} + s.length > chars.size() || s.first >= node_count || s.more > more.size()) {
      what = "a name slot out of range";
      return std::nullopt;
    }
    ++index.keys_;
    live_chars += s.length;
    index.size_ += 1 + (s.more ? more[s.more - 1].size() : 0);
  }
  for (std::size_t i = 0; i < more.size(); ++i) {
    if (more[i].empty()) index.free_more_.push_back(static_cast<std::uint32_t>(i + 1));
    for (std::size_t j = 0; j < more[i].size(); ++j) {
      if (more[i][j] >= node_count || (j > 0 && more[i][j] <= more[i][j - 1])) {
        what = "a name's nodes out of range or out of order";
        return std::nullopt;
      }
    }
  }
  // Probes end at an empty slot: a table without one would never end one.
  const std::size_t used = index.keys_ + index.removed_;
  if (live_chars > chars.size() || (!slots.empty() && used >= slots.size()) || used * 10 > slots.size() * 7 + 9) {
    what = "a name table fuller than it can be";
    return std::nullopt;
  }
  index.dead_chars_ = chars.size() - live_chars;
  index.slots_ = std::move(slots);
  index.chars_ = std::move(chars);
  index.more_ = std::move(more);
  return index;
}

std::size_t NameIndex::find_slot(std::string_view key, std::uint64_t hash) const {
  if (slots_.empty()) return 0;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == empty) return slots_.size();
    if (s.hash == hash && key_of(s) == key) return i;
  }
}

std::size_t NameIndex::capacity_for(std::size_t slots_used) {
  // At most 7/10 full: probes stay short.
  return std::bit_ceil(slots_used * 10 / 7 + 16);
}

void NameIndex::reserve(std::size_t keys) {
  const std::size_t needed = capacity_for(keys + removed_);
  if (needed > slots_.size()) rehash(needed);
}

void NameIndex::rehash(std::size_t capacity) {
  // On huge pages (text::HugeVector): filling a fresh table in 4 KiB pages
  // was a tenth of reopening a database.
  // Value-initialized: every slot's hash 0 (empty).
  text::HugeVector<Slot> old = std::exchange(slots_, text::HugeVector<Slot>(capacity));
  text::HugeString old_chars = std::exchange(chars_, {});
  chars_.reserve(old_chars.size() - dead_chars_);
  const std::size_t mask = capacity - 1;
  for (Slot s : old) {
    if (s.hash <= removed) continue;
    const std::string_view k = std::string_view(old_chars).substr(s.offset, s.length);
    s.offset = static_cast<std::uint32_t>(chars_.size());
    chars_ += k;
    std::size_t i = s.hash & mask;
    while (slots_[i].hash != empty) i = (i + 1) & mask;
    slots_[i] = s;
  }
  removed_ = 0;
  dead_chars_ = 0;
}

bool NameIndex::insert_node(Slot& s, NodeId node) {
  if (s.first == no_node) {
    s.first = node;
    return true;
  }
  if (node == s.first) return false;
  if (node < s.first) std::swap(node, s.first);
  if (s.more == 0) {
    if (free_more_.empty()) {
      more_.emplace_back();
      s.more = static_cast<std::uint32_t>(more_.size());
    } else {
      s.more = free_more_.back();
      free_more_.pop_back();
    }
  }
  std::vector<NodeId>& more = more_[s.more - 1];
  // New nodes have the highest ids and append: a million nodes named
  // alike load in linear time.
  if (more.empty() || more.back() < node) {
    more.push_back(node);
    return true;
  }
  auto at = std::lower_bound(more.begin(), more.end(), node);
  if (*at == node) return false;
  more.insert(at, node);
  return true;
}

bool NameIndex::erase_node(Slot& s, NodeId node) {
  std::vector<NodeId>* more = s.more ? &more_[s.more - 1] : nullptr;
  if (node == s.first) {
    if (!more || more->empty()) {
      s.first = no_node;
    } else {
      s.first = more->front();
      more->erase(more->begin());
    }
  } else {
    if (!more) return false;
    auto at = std::lower_bound(more->begin(), more->end(), node);
    if (at == more->end() || *at != node) return false;
    more->erase(at);
  }
  if (more && more->empty()) {
    more->shrink_to_fit();
    free_more_.push_back(s.more);
    s.more = 0;
  }
  return true;
}

void NameIndex::add(std::string_view name, NodeId node) {
  const std::string k = key(name);
  add_key(k, hash_of(k), node);
}

void NameIndex::add_all(std::span<const std::string_view> names, std::span<const NodeId> nodes) {
  if (names.empty()) return;
  reserve(keys_ + names.size());
  constexpr std::size_t group = 16;
  std::string keys[group];
  std::uint64_t hashes[group];
  for (std::size_t first = 0; first < names.size(); first += group) {
    const std::size_t n = std::min(group, names.size() - first);
    for (std::size_t i = 0; i < n; ++i) {
      keys[i] = key(names[first + i]);
      hashes[i] = hash_of(keys[i]);
      __builtin_prefetch(&slots_[hashes[i] & (slots_.size() - 1)]);
    }
    for (std::size_t i = 0; i < n; ++i) add_key(keys[i], hashes[i], nodes[first + i]);
  }
}

void NameIndex::add_key(const std::string& k, std::uint64_t h, NodeId node) {
  std::size_t at = find_slot(k, h);
  if (at == slots_.size()) {
    if ((keys_ + removed_ + 1) * 10 > slots_.size() * 7) reserve(std::max<std::size_t>(keys_ * 2, 16));
    if (chars_.size() + k.size() > UINT32_MAX) {
      rehash(slots_.size());  // drops the bytes of removed keys
      if (chars_.size() + k.size() > UINT32_MAX) throw std::length_error("the name index holds 4 GiB of names");
    }
    const std::size_t mask = slots_.size() - 1;
    at = h & mask;
    while (slots_[at].hash > removed) at = (at + 1) & mask;
    if (slots_[at].hash == removed) --removed_;
    slots_[at] = Slot{h, static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint32_t>(k.size()), no_node, 0};
    chars_ += k;
    ++keys_;
  }
  if (insert_node(slots_[at], node)) ++size_;
}

void NameIndex::remove(std::string_view name, NodeId node) {
  const std::string k = key(name);
  const std::size_t at = find_slot(k, hash_of(k));
  if (at == slots_.size() || !erase_node(slots_[at], node)) return;
  --size_;
  Slot& s = slots_[at];
  if (s.first != no_node) return;
  dead_chars_ += s.length;
  s = Slot{removed, 0, 0, no_node, 0};
  --keys_;
  ++removed_;
  // Mostly removed: rebuild smaller, without them.
  if (removed_ > keys_ && removed_ > 1024) rehash(capacity_for(keys_));
}

std::vector<NodeId> NameIndex::find(std::string_view name) const {
  const std::string k = key(name);
  const std::size_t at = find_slot(k, hash_of(k));
  if (at == slots_.size()) return {};
  const Slot& s = slots_[at];
  std::vector<NodeId> out;
  out.reserve(1 + (s.more ? more_[s.more - 1].size() : 0));
  out.push_back(s.first);
  if (s.more) out.insert(out.end(), more_[s.more - 1].begin(), more_[s.more - 1].end());
  return out;
}

}  // namespace ergo::store
