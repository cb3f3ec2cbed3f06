// CSR construction by counting sort (see adjacency.hpp).
#include "engine/store/adjacency.hpp"

#include <algorithm>
#include <tuple>

namespace ergo::store {

void Adjacency::build(std::size_t node_count, const std::vector<NodeId>& from,
                      const std::vector<NodeId>& to, const std::vector<TypeId>& type) {
  const std::size_t rels = from.size();
  offsets_.assign(node_count + 1, 0);
  for (std::size_t r = 0; r < rels; ++r) ++offsets_[from[r] + 1];
  for (std::size_t n = 0; n < node_count; ++n) offsets_[n + 1] += offsets_[n];

  entries_.resize(rels);
  entry_types_.resize(rels);
  std::vector<std::uint32_t> cursor(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t r = 0; r < rels; ++r) {
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
