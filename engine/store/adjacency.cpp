// The compact build by counting sort, and the changes in place that keep it
// current after writes (see adjacency.hpp).
#include "engine/store/adjacency.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>
#include <tuple>

#include "grammar/text/huge_pages.hpp"

namespace ergo::store {
namespace {

// Orders a slice's sort keys — (type, neighbor) from bit `low` up, spanning
// `key_bits` bits, with what tells equal ones apart below (the entry's place
// in its slice, or its relationship id) in ascending order already — by
// (type, neighbor), ties kept in that order: a radix sort on 8 bits at a
// time from the low end, which costs a few passes over the slice where
// comparison sorts mispredicted a branch every few entries. (Short slices
// are sorted by insertion instead.)
void sort_slice_keys(std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& buffer, unsigned low,
                     unsigned key_bits) {
  const std::size_t n = keys.size();
  buffer.resize(n);
  for (unsigned shift = low; shift < low + key_bits; shift += 8) {
    std::uint32_t count[256] = {};
    for (std::uint64_t k : keys) ++count[(k >> shift) & 0xFF];
    if (count[(keys[0] >> shift) & 0xFF] == n) continue;  // one digit: already in order
    std::uint32_t at = 0;
    for (std::uint32_t& c : count) at += std::exchange(c, at);
    for (std::uint64_t k : keys) buffer[count[(k >> shift) & 0xFF]++] = k;
    keys.swap(buffer);
  }
}

// Slices up to this long (most of them) are sorted by insertion.
constexpr std::uint32_t kInsertionSort = 48;

// Relationships go to their slices in id order: random writes. Each slice's
// end is asked for a few relationships ahead, and where the entry will go
// (if no relationship in between has the same start) a few before that, so
// the cache misses overlap instead of following each other (a prefetch to
// the wrong place only costs its own miss). `place(r, slot)` writes
// relationship r's entry.
template <typename Live, typename Place>
void scatter(std::span<const NodeId> from, std::span<Adjacency::Slice> slices, const Adjacent* entries,
             const TypeId* types, Live live, Place place) {
  constexpr std::size_t kSliceAhead = 16, kEntryAhead = 8;
  const std::size_t rels = from.size();
  for (std::size_t r = 0; r < rels; ++r) {
    if (r + kSliceAhead < rels) __builtin_prefetch(&slices[from[r + kSliceAhead]], 1);
    if (r + kEntryAhead < rels) {
      const std::uint32_t ahead = slices[from[r + kEntryAhead]].end;
      __builtin_prefetch(entries + ahead, 1);
      if (types) __builtin_prefetch(types + ahead, 1);
    }
    if (live(r)) place(r, slices[from[r]].end++);
  }
}

}  // namespace

void Adjacency::build(std::size_t node_count, std::span<const NodeId> from, std::span<const NodeId> to,
                      std::span<const TypeId> type, const std::vector<bool>* dead) {
  const std::size_t rels = from.size();
  auto live = [&](std::size_t r) { return !dead || r >= dead->size() || !(*dead)[r]; };
  text::HugeVector<std::uint32_t> offsets(node_count + 1, 0);
  TypeId top_type = 0;
  for (std::size_t r = 0; r < rels; ++r) {
    if (!live(r)) continue;
    ++offsets[from[r] + 1];
    top_type = std::max(top_type, type[r]);
  }
  for (std::size_t n = 0; n < node_count; ++n) offsets[n + 1] += offsets[n];

  live_ = offsets[node_count];
  abandoned_ = 0;
  room_.clear();
  entries_.reserve(text::with_room_to_grow(live_));
  entry_types_.reserve(text::with_room_to_grow(live_));
  entries_.assign(live_, Adjacent{});
  entry_types_.assign(live_, TypeId{});
  slices_.reserve(text::with_room_to_grow(node_count));
  slices_.resize(node_count);
  for (std::size_t n = 0; n < node_count; ++n) slices_[n] = {offsets[n], offsets[n]};

  // Each slice is ordered by (type, neighbor, rel), in as few bits as the
  // graph needs: fewer radix passes.
  const auto neighbor_bits = static_cast<unsigned>(std::bit_width(std::max<std::size_t>(node_count, 2) - 1));
  const auto key_bits = neighbor_bits + static_cast<unsigned>(std::bit_width(top_type));
  if (key_bits <= 32) build_packed(from, to, type, dead, neighbor_bits, key_bits);
  else build_wide(from, to, type, dead, neighbor_bits, key_bits);
}

// (type, neighbor, rel) fit one 64-bit integer, ordered as the entries are:
// the scatter writes it where the entry goes (one random write per
// relationship instead of two), each slice sorts its integers, and they
// are unpacked into the entry and its type in place.
void Adjacency::build_packed(std::span<const NodeId> from, std::span<const NodeId> to, std::span<const TypeId> type,
                             const std::vector<bool>* dead, unsigned neighbor_bits, unsigned key_bits) {
  static_assert(sizeof(Adjacent) == sizeof(std::uint64_t) && sizeof(RelId) == 4);
  auto live = [&](std::size_t r) { return !dead || r >= dead->size() || !(*dead)[r]; };
  Adjacent* const entries = entries_.data();
  scatter(from, slices_, entries, nullptr, live, [&](std::size_t r, std::uint32_t slot) {
    const std::uint64_t key = (std::uint64_t{type[r]} << neighbor_bits | to[r]) << 32 | static_cast<RelId>(r);
    std::memcpy(entries + slot, &key, sizeof key);
  });

  const std::uint64_t neighbor_mask = (std::uint64_t{1} << neighbor_bits) - 1;
  auto unpack = [&](std::uint32_t at, std::uint64_t key) {
    entries[at] = {static_cast<NodeId>(key >> 32 & neighbor_mask), static_cast<RelId>(key)};
    entry_types_[at] = static_cast<TypeId>(key >> (32 + neighbor_bits));
  };
  std::vector<std::uint64_t> keys, buffer;
  for (const Slice s : slices_) {
    const std::uint32_t size = s.end - s.begin;
    if (size <= kInsertionSort) {
      // The scatter left the slice in rel order, which the keys' low bits
      // keep: insertion on the integers, in a local copy.
      std::uint64_t local[kInsertionSort];
      std::memcpy(local, entries + s.begin, size * sizeof(std::uint64_t));
      for (std::uint32_t i = 1; i < size; ++i) {
        const std::uint64_t k = local[i];
        std::uint32_t j = i;
        for (; j > 0 && local[j - 1] > k; --j) local[j] = local[j - 1];
        local[j] = k;
      }
      for (std::uint32_t i = 0; i < size; ++i) unpack(s.begin + i, local[i]);
      continue;
    }
    keys.resize(size);
    std::memcpy(keys.data(), entries + s.begin, size * sizeof(std::uint64_t));
    sort_slice_keys(keys, buffer, 32, key_bits);
    for (std::uint32_t i = 0; i < size; ++i) unpack(s.begin + i, keys[i]);
  }
}

// The general case (a graph whose node ids and type ids need more than 32
// bits together): the scatter writes entries and types, and each slice is
// ordered by a stable sort on (type, neighbor), which keeps rel order.
void Adjacency::build_wide(std::span<const NodeId> from, std::span<const NodeId> to, std::span<const TypeId> type,
                           const std::vector<bool>* dead, unsigned neighbor_bits, unsigned key_bits) {
  auto live = [&](std::size_t r) { return !dead || r >= dead->size() || !(*dead)[r]; };
  scatter(from, slices_, entries_.data(), entry_types_.data(), live, [&](std::size_t r, std::uint32_t slot) {
    entries_[slot] = {to[r], static_cast<RelId>(r)};
    entry_types_[slot] = type[r];
  });

  // Up to kInsertionSort entries by insertion in place; past that a slice
  // already in order is skipped, one of up to 2^16 entries sorts one
  // integer per entry, (type, neighbor, place in the slice) packed into 64
  // bits (sort_slice_keys), then moves its entries by the places, and a
  // longer one sorts (key, entry) pairs.
  std::vector<std::uint64_t> keys, buffer;
  std::vector<Adjacent> moved;
  std::vector<std::pair<std::uint64_t, Adjacent>> pairs;
  for (const Slice s : slices_) {
    const std::uint32_t begin = s.begin, end = s.end;
    if (end - begin < 2) continue;
    auto key = [&](std::uint32_t i) { return std::uint64_t{entry_types_[i]} << neighbor_bits | entries_[i].neighbor; };
    if (end - begin <= kInsertionSort) {
      for (std::uint32_t i = begin + 1; i < end; ++i) {
        const Adjacent e = entries_[i];
        const TypeId t = entry_types_[i];
        const std::uint64_t k = key(i);
        std::uint32_t j = i;
        for (; j > begin && key(j - 1) > k; --j) {
          entries_[j] = entries_[j - 1];
          entry_types_[j] = entry_types_[j - 1];
        }
        entries_[j] = e;
        entry_types_[j] = t;
      }
      continue;
    }
    bool sorted = true;
    for (std::uint32_t i = begin + 1; i < end && sorted; ++i) sorted = key(i - 1) <= key(i);
    if (sorted) continue;
    if (end - begin <= 0x10000) {
      static_assert(sizeof(TypeId) == 2 && sizeof(NodeId) == 4);
      keys.clear();
      for (std::uint32_t i = begin; i < end; ++i) keys.push_back(key(i) << 16 | (i - begin));
      sort_slice_keys(keys, buffer, 16, key_bits);
      moved.assign(entries_.begin() + begin, entries_.begin() + end);
      for (std::uint32_t i = begin; i < end; ++i) {
        const std::uint64_t k = keys[i - begin];
        entries_[i] = moved[k & 0xFFFF];
        entry_types_[i] = static_cast<TypeId>(k >> (16 + neighbor_bits));
      }
      continue;
    }
    pairs.clear();
    for (std::uint32_t i = begin; i < end; ++i) pairs.emplace_back(key(i), entries_[i]);
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.rel < b.second.rel;
    });
    for (std::uint32_t i = begin; i < end; ++i) {
      entries_[i] = pairs[i - begin].second;
      entry_types_[i] = static_cast<TypeId>(pairs[i - begin].first >> neighbor_bits);
    }
  }
}

Adjacency Adjacency::compact(std::span<const std::uint32_t> degrees, text::HugeVector<Adjacent> entries,
                             text::HugeVector<TypeId> types) {
  Adjacency a;
  a.slices_.reserve(text::with_room_to_grow(degrees.size()));
  a.slices_.resize(degrees.size());
  std::uint32_t at = 0;
  for (std::size_t n = 0; n < degrees.size(); ++n) {
    a.slices_[n] = {at, at + degrees[n]};
    at += degrees[n];
  }
  a.live_ = entries.size();
  a.entries_ = std::move(entries);
  a.entry_types_ = std::move(types);
  return a;
}

Adjacency Adjacency::compact(text::HugeVector<Slice> slices, text::HugeVector<Adjacent> entries,
                             text::HugeVector<TypeId> types) {
  Adjacency a;
  a.slices_ = std::move(slices);
  a.live_ = entries.size();
  a.entries_ = std::move(entries);
  a.entry_types_ = std::move(types);
  return a;
}

void Adjacency::reserve(std::size_t node_count, std::size_t entries) {
  slices_.reserve(node_count);
  entries_.reserve(entries);
  entry_types_.reserve(entries);
}

void Adjacency::resize_nodes(std::size_t node_count) {
  for (std::size_t n = node_count; n < slices_.size(); ++n) {  // dropped slices are empty; their room goes
    abandoned_ += room_end(static_cast<NodeId>(n)) - slices_[n].begin;
    room_.erase(static_cast<NodeId>(n));
  }
  slices_.resize(node_count);
}

std::uint32_t Adjacency::room_end(NodeId n) const {
  auto it = room_.find(n);
  return it != room_.end() ? it->second : slices_[n].end;
}

void Adjacency::move_to_end(NodeId n, std::uint32_t room) {
  const Slice s = slices_[n];
  // Grows both arrays to `size`, a quarter more at a time: the slack stays
  // small (doubling would keep up to twice the entries' memory), and a
  // reallocation still pays for many moves.
  auto grow = [&](std::size_t size) {
    if (size > entries_.capacity()) {
      entries_.reserve(size + size / 4);
      entry_types_.reserve(size + size / 4);
    }
    entries_.resize(size);
    entry_types_.resize(size);
  };
  auto last = room_.find(n);
  if (last != room_.end() && last->second == entries_.size()) {  // the last slice: its room grows in place
    grow(std::size_t{s.begin} + room);
    last->second = s.begin + room;
    return;
  }
  abandoned_ += room_end(n) - s.begin;
  const std::uint32_t begin = static_cast<std::uint32_t>(entries_.size());
  grow(std::size_t{begin} + room);
  std::copy(entries_.begin() + s.begin, entries_.begin() + s.end, entries_.begin() + begin);
  std::copy(entry_types_.begin() + s.begin, entry_types_.begin() + s.end, entry_types_.begin() + begin);
  slices_[n] = {begin, begin + (s.end - s.begin)};
  room_[n] = begin + room;
}

void Adjacency::insert(std::span<const Insertion> sorted) {
  std::size_t i = 0;
  while (i < sorted.size()) {
    const NodeId n = sorted[i].node;
    std::size_t j = i;
    while (j < sorted.size() && sorted[j].node == n) ++j;
    const auto added = static_cast<std::uint32_t>(j - i);
    const std::uint32_t size = slices_[n].end - slices_[n].begin;
    if (room_end(n) - slices_[n].begin < size + added) move_to_end(n, std::max<std::uint32_t>(4, 2 * (size + added)));
    const Slice s = slices_[n];
    // Backwards: the larger of the slice's last old entry and the last new
    // one goes last, so every entry moves at most once.
    std::uint32_t write = s.end + added, old_pos = s.end;
    for (std::size_t x = j; x > i; --x) {
      const Insertion& e = sorted[x - 1];
      const auto key = std::tuple(e.type, e.neighbor, e.rel);
      while (old_pos > s.begin &&
             std::tuple(entry_types_[old_pos - 1], entries_[old_pos - 1].neighbor, entries_[old_pos - 1].rel) > key) {
        --old_pos;
        entries_[--write] = entries_[old_pos];
        entry_types_[write] = entry_types_[old_pos];
      }
      entries_[--write] = {e.neighbor, e.rel};
      entry_types_[write] = e.type;
    }
    slices_[n].end = s.end + added;
    live_ += added;
    i = j;
  }
  compact_if_sparse();
}

void Adjacency::compact_if_sparse() {
  if (abandoned_ <= live_ / 2 + 1024) return;
  // The space a slice keeps: a moved slice its room, up to twice its size.
  auto kept = [&](NodeId n) {
    const std::uint32_t size = slices_[n].end - slices_[n].begin;
    return room_.contains(n) ? std::min(room_end(n) - slices_[n].begin, 2 * size + 4) : size;
  };
  std::unordered_map<NodeId, std::uint32_t> room;
  std::size_t length = 0;
  for (NodeId n = 0; n < slices_.size(); ++n) length += kept(n);
  text::HugeVector<Adjacent> entries(length);
  text::HugeVector<TypeId> entry_types(length);
  std::uint32_t at = 0;
  for (NodeId n = 0; n < slices_.size(); ++n) {
    const std::uint32_t end_of_room = at + kept(n);
    if (room_.contains(n)) room.emplace(n, end_of_room);
    Slice& s = slices_[n];
    std::copy(entries_.begin() + s.begin, entries_.begin() + s.end, entries.begin() + at);
    std::copy(entry_types_.begin() + s.begin, entry_types_.begin() + s.end, entry_types.begin() + at);
    s = {at, at + (s.end - s.begin)};
    at = end_of_room;
  }
  entries_ = std::move(entries);
  entry_types_ = std::move(entry_types);
  room_ = std::move(room);
  abandoned_ = 0;
}

Adjacency::Adjacency(const Adjacency& other)
    : slices_(text::copy_with_room(other.slices_)),
      entries_(text::copy_with_room(other.entries_)),
      entry_types_(text::copy_with_room(other.entry_types_)),
      room_(other.room_),
      live_(other.live_),
      abandoned_(other.abandoned_) {}

std::span<const Adjacent> Adjacency::of(NodeId n, TypeId t) const {
  const Slice s = slices_[n];
  auto types_begin = entry_types_.begin() + s.begin;
  auto types_end = entry_types_.begin() + s.end;
  auto [lo, hi] = std::equal_range(types_begin, types_end, t);
  return {entries_.data() + (lo - entry_types_.begin()), entries_.data() + (hi - entry_types_.begin())};
}

std::size_t Adjacency::memory_bytes() const {
  return slices_.capacity() * sizeof(Slice) + entries_.capacity() * sizeof(Adjacent) +
         entry_types_.capacity() * sizeof(TypeId) + room_.size() * (sizeof(NodeId) + sizeof(std::uint32_t) + 16);
}

}  // namespace ergo::store
