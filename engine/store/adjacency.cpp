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

// Rewrites `csr`, built for the relationships [0, old_rels) and its nodes,
// for `node_count` nodes and every relationship in `from`: the relationships
// from old_rels on are sorted and merged into their nodes' slices in one
// pass over the old arrays, and the ones marked in `dead` (old or new) are
// left out. Returns how many old entries were kept.
std::size_t merge_added(Csr csr, std::size_t node_count, const std::vector<NodeId>& from,
                        const std::vector<NodeId>& to, const std::vector<TypeId>& type, std::size_t old_rels,
                        const std::vector<bool>* dead) {
  const std::size_t old_nodes = csr.offsets.size() - 1;
  const std::vector<std::uint32_t> added = sorted_added(from, to, type, old_rels, dead);

  const std::vector<Adjacent>& old_entries = csr.entries;
  const std::vector<TypeId>& old_types = csr.entry_types;
  std::vector<std::uint32_t> offsets(node_count + 1, 0);
  std::vector<Adjacent> entries(old_entries.size() + added.size());
  std::vector<TypeId> entry_types(entries.size());
  std::size_t out = 0, next_added = 0, old_pos = 0, kept = 0;
  auto copy_old = [&](std::size_t until) {  // old entries [old_pos, until), the dead left out
    if (dead == nullptr) {
      std::copy(old_entries.begin() + old_pos, old_entries.begin() + until, entries.begin() + out);
      std::copy(old_types.begin() + old_pos, old_types.begin() + until, entry_types.begin() + out);
      out += until - old_pos;
      kept += until - old_pos;
      old_pos = until;
      return;
    }
    for (; old_pos < until; ++old_pos) {
      if ((*dead)[old_entries[old_pos].rel]) continue;
      entries[out] = old_entries[old_pos];
      entry_types[out++] = old_types[old_pos];
      ++kept;
    }
  };
  for (std::size_t n = 0; n < node_count; ++n) {
    const std::size_t old_end = n < old_nodes ? csr.offsets[n + 1] : old_pos;
    // Merge the old slice with the node's new relationships (none, usually);
    // every new relationship id is larger than every old one.
    while (next_added < added.size() && from[added[next_added]] == n) {
      const std::uint32_t r = added[next_added];
      std::size_t stop = old_pos;
      while (stop < old_end && std::tuple(old_types[stop], old_entries[stop].neighbor) <= std::tuple(type[r], to[r])) {
        ++stop;
      }
      copy_old(stop);
      entries[out] = {to[r], static_cast<RelId>(r)};
      entry_types[out++] = type[r];
      ++next_added;
    }
    copy_old(old_end);
    offsets[n + 1] = static_cast<std::uint32_t>(out);
  }
  entries.resize(out);
  entry_types.resize(out);
  csr.offsets.swap(offsets);
  csr.entries.swap(entries);
  csr.entry_types.swap(entry_types);
  return kept;
}

// As merge_added with nothing deleted, but in place: the arrays grow at the
// end (within their capacity, usually) and, from the last node back to the
// first one with a new relationship, each slice moves up by the number of
// new entries before it, the new ones merged in on the way. Slices before
// the first new relationship stay where they are, and nothing is allocated
// or copied twice: a small write costs one move of the entries after it.
void merge_added_in_place(Csr csr, std::size_t node_count, const std::vector<NodeId>& from,
                          const std::vector<NodeId>& to, const std::vector<TypeId>& type, std::size_t old_rels) {
  const std::vector<std::uint32_t> added = sorted_added(from, to, type, old_rels, nullptr);
  const std::size_t old_size = csr.entries.size();
  csr.entries.resize(old_size + added.size());
  csr.entry_types.resize(old_size + added.size());
  csr.offsets.resize(node_count + 1, static_cast<std::uint32_t>(old_size));  // new nodes: empty, at the end
  std::size_t write = csr.entries.size(), next = added.size();
  for (std::size_t n = node_count; n-- > 0 && next > 0;) {
    const std::size_t begin = csr.offsets[n], end = csr.offsets[n + 1], slice_end = write;
    std::size_t old_pos = end;
    // Backwards: the larger of the old slice's last entry and the node's
    // last new one goes last; on a tie the new one (forward, old first).
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
    std::copy_backward(csr.entries.begin() + begin, csr.entries.begin() + old_pos, csr.entries.begin() + write);
    std::copy_backward(csr.entry_types.begin() + begin, csr.entry_types.begin() + old_pos,
                       csr.entry_types.begin() + write);
    write -= old_pos - begin;
    csr.offsets[n + 1] = static_cast<std::uint32_t>(slice_end);
  }
}

}  // namespace

void Adjacency::build(std::size_t node_count, const std::vector<NodeId>& from,
                      const std::vector<NodeId>& to, const std::vector<TypeId>& type,
                      const std::vector<bool>* dead) {
  const std::size_t rels = from.size();
  if (dead != nullptr && covered_ > 0 && covered_ <= rels && nodes() <= node_count) {
    // After deletions (the usual reason to get here): keep the sorted
    // slices, leaving the deleted out, and merge in what is new — linear,
    // no sorting. That is only the whole answer when every living
    // relationship the old arrays cover is in them; one brought back by a
    // rollback is not, and then the slices are built again below.
    std::size_t live_covered = 0;
    for (std::size_t r = 0; r < covered_; ++r) live_covered += !is_dead(dead, r);
    if (merge_added({offsets_, entries_, entry_types_}, node_count, from, to, type, covered_, dead) == live_covered) {
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
  merge_added_in_place({offsets_, entries_, entry_types_}, node_count, from, to, type, covered_);
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
