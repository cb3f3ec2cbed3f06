// CSR construction by counting sort (see adjacency.hpp).
#include "engine/store/adjacency.hpp"

#include <algorithm>
#include <tuple>

namespace ergo::store {

void Adjacency::build(std::size_t node_count, const std::vector<NodeId>& from,
                      const std::vector<NodeId>& to, const std::vector<TypeId>& type,
                      const std::vector<bool>* dead) {
  const std::size_t rels = from.size();
  auto live = [&](std::size_t r) { return !dead || r >= dead->size() || !(*dead)[r]; };
  offsets_.assign(node_count + 1, 0);
  for (std::size_t r = 0; r < rels; ++r) {
    if (live(r)) ++offsets_[from[r] + 1];
  }
  for (std::size_t n = 0; n < node_count; ++n) offsets_[n + 1] += offsets_[n];

  covered_ = rels;
  entries_.resize(offsets_[node_count]);
  entry_types_.resize(offsets_[node_count]);
  std::vector<std::uint32_t> cursor(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t r = 0; r < rels; ++r) {
    if (!live(r)) continue;
    std::uint32_t slot = cursor[from[r]]++;
    entries_[slot] = {to[r], static_cast<RelId>(r)};
    entry_types_[slot] = type[r];
  }

  // Order each slice by (type, neighbor, rel). Relationships are appended in
  // creation order, so slices are usually short or already nearly sorted.
  std::vector<std::uint32_t> order;
  std::vector<Adjacent> scratch;
  std::vector<TypeId> scratch_types;
  for (std::size_t n = 0; n < node_count; ++n) {
    std::uint32_t begin = offsets_[n], end = offsets_[n + 1];
    if (end - begin < 2) continue;
    auto key = [&](std::uint32_t i) {
      return std::tuple(entry_types_[i], entries_[i].neighbor, entries_[i].rel);
    };
    bool sorted = true;
    for (std::uint32_t i = begin + 1; i < end && sorted; ++i) sorted = key(i - 1) <= key(i);
    if (sorted) continue;
    order.resize(end - begin);
    for (std::uint32_t i = 0; i < end - begin; ++i) order[i] = begin + i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    scratch.resize(order.size());
    scratch_types.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      scratch[i] = entries_[order[i]];
      scratch_types[i] = entry_types_[order[i]];
    }
    std::copy(scratch.begin(), scratch.end(), entries_.begin() + begin);
    std::copy(scratch_types.begin(), scratch_types.end(), entry_types_.begin() + begin);
  }
}

void Adjacency::extend(std::size_t node_count, const std::vector<NodeId>& from, const std::vector<NodeId>& to,
                       const std::vector<TypeId>& type) {
  const std::size_t old_nodes = nodes(), old_rels = relationships(), rels = from.size();
  // The new relationships in slice order: by node, then (type, neighbor, rel).
  std::vector<std::uint32_t> added(rels - old_rels);
  for (std::size_t i = 0; i < added.size(); ++i) added[i] = static_cast<std::uint32_t>(old_rels + i);
  std::sort(added.begin(), added.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tuple(from[a], type[a], to[a], a) < std::tuple(from[b], type[b], to[b], b);
  });

  std::vector<std::uint32_t> offsets(node_count + 1, 0);
  std::vector<Adjacent> entries(entries_.size() + added.size());
  std::vector<TypeId> entry_types(entries.size());
  std::size_t out = 0, next_added = 0, old_pos = 0;
  auto copy_old = [&](std::size_t until) {  // old entries [old_pos, until)
    std::copy(entries_.begin() + old_pos, entries_.begin() + until, entries.begin() + out);
    std::copy(entry_types_.begin() + old_pos, entry_types_.begin() + until, entry_types.begin() + out);
    out += until - old_pos;
    old_pos = until;
  };
  for (std::size_t n = 0; n < node_count; ++n) {
    const std::size_t old_end = n < old_nodes ? offsets_[n + 1] : old_pos;
    if (next_added == added.size() || from[added[next_added]] != n) {
      copy_old(old_end);  // nothing new here
    } else {
      // Merge the old slice with the node's new relationships; every new
      // relationship id is larger than every old one.
      while (next_added < added.size() && from[added[next_added]] == n) {
        const std::uint32_t r = added[next_added];
        while (old_pos < old_end && std::tuple(entry_types_[old_pos], entries_[old_pos].neighbor) <=
                                        std::tuple(type[r], to[r])) {
          entries[out] = entries_[old_pos];
          entry_types[out++] = entry_types_[old_pos++];
        }
        entries[out] = {to[r], static_cast<RelId>(r)};
        entry_types[out++] = type[r];
        ++next_added;
      }
      copy_old(old_end);
    }
    offsets[n + 1] = static_cast<std::uint32_t>(out);
  }
  offsets_.swap(offsets);
  covered_ = rels;
  entries_.swap(entries);
  entry_types_.swap(entry_types);
}

std::span<const Adjacent> Adjacency::of(NodeId n, TypeId t) const {
  auto types_begin = entry_types_.begin() + offsets_[n];
  auto types_end = entry_types_.begin() + offsets_[n + 1];
  auto [lo, hi] = std::equal_range(types_begin, types_end, t);
  return {entries_.data() + (lo - entry_types_.begin()), entries_.data() + (hi - entry_types_.begin())};
}

std::size_t Adjacency::memory_bytes() const {
  return offsets_.capacity() * sizeof(std::uint32_t) + entries_.capacity() * sizeof(Adjacent) +
         entry_types_.capacity() * sizeof(TypeId);
}

}  // namespace ergo::store
