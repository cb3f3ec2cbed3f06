// CSR construction by counting sort, and the linear merge that keeps it
// current after additions and deletions (see adjacency.hpp).
#include "engine/store/adjacency.hpp"

#include <algorithm>
#include <tuple>

namespace ergo::store {

namespace {

bool is_dead(const std::vector<bool>* dead, std::size_t r) { return dead != nullptr && r < dead->size() && (*dead)[r]; }

// One direction's CSR arrays, for the merge below.
struct Csr {
  std::vector<std::uint32_t>& offsets;
  std::vector<Adjacent>& entries;
  std::vector<TypeId>& entry_types;
};

// The relationships [old_rels, from.size()) in slice order: by their
// node, then (type, neighbor, rel); the ones marked in `dead` left out.
std::vector<std::uint32_t> sorted_added(const std::vector<NodeId>& from, const std::vector<NodeId>& to,
                                        const std::vector<TypeId>& type, std::size_t old_rels,
                                        const std::vector<bool>* dead) {
  std::vector<std::uint32_t> added;
  added.reserve(from.size() - old_rels);
  for (std::size_t r = old_rels; r < from.size(); ++r) {
    if (!is_dead(dead, r)) added.push_back(static_cast<std::uint32_t>(r));
  }
  std::sort(added.begin(), added.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tuple(from[a], type[a], to[a], a) < std::tuple(from[b], type[b], to[b], b);
  });
  return added;
}

// Merges the relationships from old_rels on (but the ones marked in `dead`)
// into `csr`, built for the relationships [0, old_rels) and its nodes, for
// `node_count` nodes, in place: the arrays grow at the
// end (within their capacity, usually) and, from the last node with a new
// relationship back to the first, the slices between two such nodes move up
// in one block by the number of new entries before them while the node's
// own slice takes its new ones in. Slices before the first new relationship
// stay where they are: a small write costs one move of the entries after
// it and one pass adding to the offsets after it, and allocates nothing.
void merge_added_in_place(Csr csr, std::size_t node_count, const std::vector<NodeId>& from,
                          const std::vector<NodeId>& to, const std::vector<TypeId>& type, std::size_t old_rels,
                          const std::vector<bool>* dead) {
  const std::vector<std::uint32_t> added = sorted_added(from, to, type, old_rels, dead);
  const std::size_t old_size = csr.entries.size();
  csr.entries.resize(old_size + added.size());
  csr.entry_types.resize(old_size + added.size());
  csr.offsets.resize(node_count + 1, static_cast<std::uint32_t>(old_size));  // new nodes: empty, at the end
  auto move_up = [&](std::size_t begin, std::size_t end, std::size_t by) {  // old entries [begin, end)
    std::copy_backward(csr.entries.begin() + begin, csr.entries.begin() + end, csr.entries.begin() + end + by);
    std::copy_backward(csr.entry_types.begin() + begin, csr.entry_types.begin() + end,
                       csr.entry_types.begin() + end + by);
  };
  std::size_t next = added.size();  // new entries not yet placed: those of nodes <= the current one
  std::size_t above = node_count;   // the nodes after the current one up to `above` have no new entries
  while (next > 0) {
    const NodeId n = from[added[next - 1]];
    const std::size_t begin = csr.offsets[n], end = csr.offsets[n + 1];
    move_up(end, csr.offsets[above], next);
    for (std::size_t m = n + 1; m <= above; ++m) csr.offsets[m] += static_cast<std::uint32_t>(next);
    // Node n's slice, backwards: the larger of the old slice's last entry
    // and the last new one goes last; on a tie the new one (old first).
    std::size_t write = end + next, old_pos = end;
    while (next > 0 && from[added[next - 1]] == n) {
      const std::uint32_t r = added[next - 1];
      while (old_pos > begin && std::tuple(csr.entry_types[old_pos - 1], csr.entries[old_pos - 1].neighbor) >
                                    std::tuple(type[r], to[r])) {
        --old_pos;
        csr.entries[--write] = csr.entries[old_pos];
        csr.entry_types[write] = csr.entry_types[old_pos];
      }
      csr.entries[--write] = {to[r], static_cast<RelId>(r)};
      csr.entry_types[write] = type[r];
      --next;
    }
    move_up(begin, old_pos, next);
    above = n;
  }
}

// Drops the entries of relationships marked in `dead` from `csr`, in place:
// every entry moves down by the number of dead ones before it, in one
// forward pass. Returns how many entries were kept.
std::size_t drop_dead(Csr csr, const std::vector<bool>& dead) {
  std::size_t write = 0, read = 0;
  for (std::size_t n = 0; n + 1 < csr.offsets.size(); ++n) {
    const std::size_t end = csr.offsets[n + 1];
    for (; read < end; ++read) {
      if (dead[csr.entries[read].rel]) continue;
      csr.entries[write] = csr.entries[read];
      csr.entry_types[write++] = csr.entry_types[read];
    }
    csr.offsets[n + 1] = static_cast<std::uint32_t>(write);
  }
  csr.entries.resize(write);
  csr.entry_types.resize(write);
  return write;
}

}  // namespace

void Adjacency::build(std::size_t node_count, const std::vector<NodeId>& from,
                      const std::vector<NodeId>& to, const std::vector<TypeId>& type,
                      const std::vector<bool>* dead) {
  const std::size_t rels = from.size();
  if (dead != nullptr && covered_ > 0 && covered_ <= rels && nodes() <= node_count) {
    // After deletions (the usual reason to get here): keep the sorted
    // slices, leaving the deleted out, and merge in what is new — in place,
    // linear, no sorting. That is only the whole answer when every living
    // relationship the old arrays cover is in them; one brought back by a
    // rollback is not, and then the slices are built again below.
    std::size_t live_covered = 0;
    for (std::size_t r = 0; r < covered_; ++r) live_covered += !is_dead(dead, r);
    if (drop_dead({offsets_, entries_, entry_types_}, *dead) == live_covered) {
      merge_added_in_place({offsets_, entries_, entry_types_}, node_count, from, to, type, covered_, dead);
      covered_ = rels;
      return;
    }
  }
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
  if (from.size() == covered_) {
    // Only nodes were added (CREATE of a node): their slices are empty.
    offsets_.resize(node_count + 1, offsets_.back());
    return;
  }
  merge_added_in_place({offsets_, entries_, entry_types_}, node_count, from, to, type, covered_, nullptr);
  covered_ = from.size();
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
