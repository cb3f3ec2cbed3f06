// Reading a snapshot (format: snapshot.hpp). Versions 2 and 3 hold the
// graph's arrays as they are in memory: they are checked (every id in range,
// every count agreeing) and handed to the store whole; version 3's, one
// record each and aligned, are used where the mapped file has them
// (text::MappedFile) instead of copied. Version 1, element by element, is
// still read.
#include <fcntl.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>
#include <mutex>
#include <functional>
#include <deque>
#include <condition_variable>
#include <limits>
#include <type_traits>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include "engine/storage/bytes.hpp"
#include "engine/storage/file_io.hpp"
#include "engine/storage/snapshot.hpp"
#include "engine/storage/snapshot_format.hpp"
#include "ergo/error.hpp"
#include "grammar/text/huge_pages.hpp"
#include "grammar/text/mapped_file.hpp"

namespace ergo::storage {
namespace {

using namespace snapshot_format;
using Malformed = ByteReader::Malformed;
using Kind = store::PropertyColumn::Kind;

Malformed malformed(std::string what) { return Malformed{std::move(what)}; }

// The elements of an array as a record holds them: back to back, at any
// alignment. A random-access iterator, so vector::insert sizes once and
// copies each element in without zeroing it first.
template <class T>
struct Unaligned {
  static_assert(std::is_trivially_copy_constructible_v<T> && std::is_trivially_destructible_v<T>);
  using iterator_category = std::random_access_iterator_tag;
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using pointer = const T*;
  using reference = T;

  const std::byte* at;

  T operator*() const {
    T value;
    std::memcpy(static_cast<void*>(&value), at, sizeof(T));
    return value;
  }
  T operator[](difference_type i) const { return *(*this + i); }
  Unaligned& operator++() { at += sizeof(T); return *this; }
  Unaligned operator++(int) { Unaligned was = *this; ++*this; return was; }
  Unaligned& operator--() { at -= sizeof(T); return *this; }
  Unaligned operator--(int) { Unaligned was = *this; --*this; return was; }
  Unaligned& operator+=(difference_type n) { at += n * static_cast<difference_type>(sizeof(T)); return *this; }
  Unaligned& operator-=(difference_type n) { return *this += -n; }
  friend Unaligned operator+(Unaligned i, difference_type n) { return i += n; }
  friend Unaligned operator+(difference_type n, Unaligned i) { return i += n; }
  friend Unaligned operator-(Unaligned i, difference_type n) { return i -= n; }
  friend difference_type operator-(Unaligned a, Unaligned b) { return (a.at - b.at) / static_cast<difference_type>(sizeof(T)); }
  friend auto operator<=>(Unaligned a, Unaligned b) = default;
};

// The largest of `values` (0 when none): the id checks of a reopen, over
// tens of megabytes. On x86-64 the loop is compiled a second time for AVX2
// and that one is taken where the processor has it: SSE2 has no unsigned
// 32-bit max, and emulating it made these loops 3-4x slower (12-16 against
// 3.5-4.7 ms over the kit's 94 MiB snapshot). Chosen by a check on first
// use, as the checksum's carry-less multiply is, not by an ifunc
// (target_clones): a resolver runs while the library is being relocated,
// before a sanitizer's runtime is up, and crashed the ThreadSanitizer
// build of the shared library.
std::uint32_t max_in(std::span<const std::uint32_t> values) {
  std::uint32_t top = 0;
  for (std::uint32_t v : values) top = std::max(top, v);
  return top;
}
std::uint16_t max_in(std::span<const std::uint16_t> values) {
  std::uint16_t top = 0;
  for (std::uint16_t v : values) top = std::max(top, v);
  return top;
}
// The largest neighbor and the largest relationship of `entries`.
std::pair<std::uint32_t, std::uint32_t> max_in(std::span<const store::Adjacent> entries) {
  std::uint32_t top_neighbor = 0, top_rel = 0;
  for (const store::Adjacent& e : entries) {
    top_neighbor = std::max(top_neighbor, e.neighbor);
    top_rel = std::max(top_rel, e.rel);
  }
  return {top_neighbor, top_rel};
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The same loops for AVX2 (the bodies above, inlined into a function the
// compiler may use AVX2 in).
template <class T>
__attribute__((target("avx2"))) auto max_in_avx2(std::span<const T> values) {
  return max_in(values);
}
bool has_avx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
template <class T>
auto max_of(std::span<const T> values) {
  return has_avx2() ? max_in_avx2(values) : max_in(values);
}
#else
template <class T>
auto max_of(std::span<const T> values) {
  return max_in(values);
}
#endif

// The id checks of the large arrays: by their maximum first (a loop that
// vectorizes), element by element only to name a bad one.
void check_nodes(std::span<const store::NodeId> ids, std::uint64_t nodes) {
  if (max_of(ids) < nodes || ids.empty()) return;
  for (store::NodeId n : ids) {
    if (n >= nodes) throw malformed("node id " + std::to_string(n) + " out of range");
  }
}
void check_types(std::span<const store::TypeId> ids, std::size_t types) {
  if (max_of(ids) < types || ids.empty()) return;
  for (store::TypeId t : ids) {
    if (t >= types) throw malformed("type id " + std::to_string(t) + " out of range");
  }
}
void check_entries(std::span<const store::Adjacent> entries, std::uint64_t nodes, std::uint64_t rels) {
  const auto [top_neighbor, top_rel] = max_of(entries);
  if (entries.empty() || (top_neighbor < nodes && top_rel < rels)) return;
  for (const store::Adjacent& e : entries) {
    if (e.neighbor >= nodes) throw malformed("node id " + std::to_string(e.neighbor) + " out of range");
    if (e.rel >= rels) throw malformed("relationship id " + std::to_string(e.rel) + " out of range");
  }
}

// Checks of large arrays handed to whichever thread is free: the one that
// computed the checksums, once it has, and the reader, once it reaches the
// end record (before anything is built from the arrays). Each names its
// record; the first record in file order that failed is reported, as
// reading in order would.
class DeferredChecks {
 public:
  void add(std::size_t record, std::uint64_t offset, std::function<void()> check) {
    {
      const std::scoped_lock lock(mutex_);
      tasks_.push_back({record, offset, std::move(check)});
    }
    changed_.notify_all();
  }
  // The other thread: runs checks as they come until finish() and none is left.
  void serve() { run(true); }
  // The reader: no more checks come; runs what is left and waits for the
  // other thread's. The first failure, if any.
  std::optional<std::pair<std::size_t, Malformed>> finish() {
    close();
    run(false);
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return running_ == 0; });
    if (!failed_) return std::nullopt;
    return std::pair{failed_->record, Malformed{failed_->what}};
  }
  // The record's offset of the first failure.
  std::uint64_t failed_offset() const { return failed_ ? failed_->offset : 0; }
  // No more checks come (serve() returns once none is left).
  void close() {
    {
      const std::scoped_lock lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

 private:
  struct Task {
    std::size_t record;
    std::uint64_t offset;
    std::function<void()> check;
  };
  struct Failure {
    std::size_t record;
    std::uint64_t offset;
    std::string what;
  };
  void run(bool wait_for_more) {
    for (;;) {
      Task task;
      {
        std::unique_lock lock(mutex_);
        if (wait_for_more) changed_.wait(lock, [&] { return closed_ || next_ < tasks_.size(); });
        if (next_ == tasks_.size()) return;
        task = std::move(tasks_[next_++]);
        ++running_;
      }
      std::optional<Malformed> bad;
      try {
        task.check();
      } catch (const Malformed& m) {
        bad = m;
      } catch (...) {
        bad = malformed("an array that could not be checked");  // out of memory naming an id
      }
      {
        const std::scoped_lock lock(mutex_);
        if (bad && (!failed_ || task.record < failed_->record)) failed_ = Failure{task.record, task.offset, bad->what};
        --running_;
      }
      changed_.notify_all();
    }
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Task> tasks_;
  std::size_t next_ = 0, running_ = 0;
  bool closed_ = false;
  std::optional<Failure> failed_;
};

// The name index as written (version 3); not used when built with another
// hash.
struct StoredNames {
  bool usable = false;
  text::HugeVector<store::NameIndex::Slot> slots;
  text::HugeString chars;
  text::HugeVector<std::uint32_t> more;
};

// What a version 2 or 3 snapshot's records add up to, checked as they come.
class Arrays {
 public:
  // `file_bytes`: the snapshot's size, which no array can outgrow.
  // `aligned`: array records carry padding before their elements (version
  // 3); `mapping`: the file mapped, whose arrays can then be held in place
  // (nullptr when it was read into memory).
  // `deferred`: where the checks of large arrays in the mapping go (the
  // mapping outlives them; a held array could still be copied out).
  Arrays(std::uint64_t nodes, std::uint64_t rels, std::size_t labels, std::size_t types, std::size_t file_bytes,
         bool aligned, const text::MappedFile* mapping, DeferredChecks* deferred)
      : nodes_(nodes), rels_(rels), labels_(labels), types_(types), file_bytes_(file_bytes), aligned_(aligned),
        mapping_(aligned ? mapping : nullptr), deferred_(mapping_ ? deferred : nullptr) {}

  void label_sets(ByteReader& r) {
    if (!restored_.label_sets.empty()) throw malformed("a second label set record");
    const std::uint32_t count = r.u32();
    // Each set takes two bytes at least: a count beyond that is damage, not a reason to allocate.
    if (count > r.remaining() / 2) throw malformed("more label sets than the record holds");
    restored_.label_sets.resize(count);
    if (restored_.label_sets.empty()) throw malformed("no label sets");
    std::set<std::vector<store::LabelId>> seen;
    for (auto& set : restored_.label_sets) {
      set.resize(r.u16());
      for (std::size_t i = 0; i < set.size(); ++i) {
        set[i] = r.u16();
        if (set[i] >= labels_) throw malformed("label id " + std::to_string(set[i]) + " out of range");
        if (i > 0 && set[i] <= set[i - 1]) throw malformed("a label set out of order");
      }
      if (!seen.insert(set).second) throw malformed("a label set twice");
    }
    if (!restored_.label_sets[0].empty()) throw malformed("the first label set is not the empty one");
  }

  // The array record `record` (its index in the file), at `offset`.
  void array(ByteReader& r, std::size_t record, std::uint64_t offset) {
    const auto which = static_cast<Array>(r.u8());
    const std::uint64_t first = r.u64();
    const std::uint32_t count = r.u32();
    if (aligned_) {
      const std::uint8_t padding = r.u8();
      if (padding > 63) throw malformed("an array's elements padded by more than 63 bytes");
      r.raw(padding);
    }
    if (static_cast<std::uint8_t>(which) < 1 || static_cast<std::uint8_t>(which) > last_array) {
      throw malformed("unknown array " + std::to_string(static_cast<int>(which)));
    }
    const std::span<const std::byte> bytes = r.raw(std::size_t{count} * width(which));
    auto node = [&](std::uint32_t n) {
      if (n >= nodes_) throw malformed("node id " + std::to_string(n) + " out of range");
    };
    auto rel = [&](std::uint32_t x) {
      if (x >= rels_) throw malformed("relationship id " + std::to_string(x) + " out of range");
    };
    auto ascending = [&](const auto& ids, std::size_t from) {
      for (std::size_t i = std::max<std::size_t>(from, 1); i < ids.size(); ++i) {
        if (ids[i] <= ids[i - 1]) throw malformed("ids out of order");
      }
    };
    // A large array's check on the record's own bytes, by whichever thread
    // is free (DeferredChecks), where they lie aligned in the mapping;
    // otherwise here, on what was appended.
    auto check = [&]<class T>(std::span<const T> appended, auto check_span) {
      if (deferred_ && reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(T) == 0) {
        const std::span<const T> in_file(reinterpret_cast<const T*>(bytes.data()), count);
        deferred_->add(record, offset, [check_span, in_file] { check_span(in_file); });
      } else {
        check_span(appended);
      }
    };
    const std::uint64_t nodes = nodes_, rels = rels_;
    const std::size_t types = types_;
    auto nodes_below = [nodes](std::span<const store::NodeId> ids) { check_nodes(ids, nodes); };
    auto types_below = [types](std::span<const store::TypeId> ids) { check_types(ids, types); };
    switch (which) {
      case Array::node_label_set: {
        if (restored_.label_sets.empty()) throw malformed("node label sets before the label sets");
        const std::size_t sets = restored_.label_sets.size();
        check(append(restored_.node_label_set, first, bytes, count, nodes_), [sets](std::span<const std::uint32_t> ids) {
          if (max_of(ids) >= sets && !ids.empty()) throw malformed("label set out of range");
        });
        break;
      }
      case Array::dead_nodes: {
        for (store::NodeId n : append(restored_.dead_nodes, first, bytes, count, nodes_, false)) node(n);
        ascending(restored_.dead_nodes, first);
        break;
      }
      case Array::sources:
      case Array::targets: {
        auto& ends = which == Array::sources ? restored_.from : restored_.to;
        check(append(ends, first, bytes, count, rels_), nodes_below);
        break;
      }
      case Array::types: {
        check(append(restored_.type, first, bytes, count, rels_), types_below);
        break;
      }
      case Array::dead_relationships: {
        for (store::RelId x : append(restored_.dead_relationships, first, bytes, count, rels_, false)) rel(x);
        ascending(restored_.dead_relationships, first);
        break;
      }
      case Array::out_slices:
      case Array::in_slices: {
        Direction& d = direction(which == Array::out_slices);
        if (!d.degrees.empty()) throw malformed("both degrees and slices");
        // Each slice starts where the one before ends: the last end is the total.
        const std::span<const store::Adjacency::Slice> slices = append(d.slices, first, bytes, count, nodes_);
        std::uint32_t at = first == 0 ? 0 : d.slices[first - 1].end;
        for (const store::Adjacency::Slice& s : slices) {
          if (s.begin != at || s.end < s.begin) throw malformed("adjacency slices out of order");
          at = s.end;
        }
        d.total = at;
        if (d.total > rels_) throw malformed("more adjacency entries than relationships");
        break;
      }
      case Array::out_degrees:
      case Array::in_degrees: {
        Direction& d = direction(which == Array::out_degrees);
        if (!d.slices.empty()) throw malformed("both degrees and slices");
        for (std::uint32_t degree : append(d.degrees, first, bytes, count, nodes_)) d.total += degree;
        if (d.total > rels_) throw malformed("more adjacency entries than relationships");
        break;
      }
      case Array::out_entries:
      case Array::in_entries: {
        Direction& d = direction(which == Array::out_entries);
        check(append(d.entries, first, bytes, count, rels_),
              [nodes, rels](std::span<const store::Adjacent> entries) { check_entries(entries, nodes, rels); });
        break;
      }
      case Array::out_types:
      case Array::in_types: {
        Direction& d = direction(which == Array::out_types);
        check(append(d.types, first, bytes, count, rels_), types_below);
        break;
      }
      case Array::name_slots:
      case Array::name_chars:
      case Array::name_more: name_array(which, first, bytes, count); break;
      default: column_array(which, first, bytes, count);
    }
  }

  // The record before the name index's arrays: the hash it was built with.
  void name_index(ByteReader& r) {
    if (names_) throw malformed("a second name index");
    names_.emplace();
    names_->usable = r.u64() == store::NameIndex::hash_check();
  }

  void column(ByteReader& r) {
    close_column();
    Column c;
    c.target = r.u8();
    c.key = r.u16();
    c.kind = static_cast<Kind>(r.u8());
    if (c.target > 1) throw malformed("a column of neither nodes nor relationships");
    if (c.kind != Kind::integer && c.kind != Kind::floating && c.kind != Kind::string) {
      throw malformed("a column of unknown kind");
    }
    auto& columns = c.target == 0 ? restored_.node_columns : restored_.relationship_columns;
    if (c.key < columns.size() && columns[c.key].kind() != Kind::empty) throw malformed("a column twice");
    column_ = std::move(c);
  }

  // Whether the graph gets the name index as written (after finish()).
  bool keeps_name_index() const { return names_ && names_->usable; }

  // Checks that every count agrees; the arrays, ready for the store.
  store::Graph::Restored finish(std::size_t keys) {
    close_column();
    if (restored_.label_sets.empty()) throw malformed("no label sets");
    if (restored_.node_label_set.size() != nodes_ || restored_.from.size() != rels_ || restored_.to.size() != rels_ ||
        restored_.type.size() != rels_) {
      throw malformed("it holds fewer elements than its header says");
    }
    for (store::NodeId n : restored_.dead_nodes) {
      if (restored_.node_label_set[n] != 0) throw malformed("a deleted node with labels");
    }
    const std::uint64_t live = rels_ - restored_.dead_relationships.size();
    const bool any = out_.written() || in_.written();
    if (any) {
      for (const Direction* d : {&out_, &in_}) {
        if (std::max(d->degrees.size(), d->slices.size()) != nodes_ || d->total != live || d->entries.size() != live ||
            d->types.size() != live) {
          throw malformed("the adjacency does not cover the relationships");
        }
      }
      auto compact = [](Direction& d) {
        if (!d.slices.empty() || d.degrees.empty()) {
          return store::Adjacency::compact(std::move(d.slices), std::move(d.entries), std::move(d.types));
        }
        return store::Adjacency::compact(d.degrees, std::move(d.entries), std::move(d.types));
      };
      restored_.out = compact(out_);
      restored_.in = compact(in_);
    }
    for (auto* columns : {&restored_.node_columns, &restored_.relationship_columns}) {
      if (columns->size() > keys) throw malformed("a column of a key that does not exist");
    }
    if (names_ && names_->usable) {
      std::vector<std::vector<store::NodeId>> more;
      for (std::size_t at = 0; at < names_->more.size();) {
        const std::uint32_t length = names_->more[at++];
        if (length > names_->more.size() - at) throw malformed("a list of a name's nodes longer than its array");
        more.emplace_back(names_->more.begin() + static_cast<std::ptrdiff_t>(at),
                          names_->more.begin() + static_cast<std::ptrdiff_t>(at + length));
        at += length;
      }
      std::string what;
      restored_.names = store::NameIndex::restored(std::move(names_->slots), std::move(names_->chars), std::move(more),
                                                   nodes_, what);
      if (!restored_.names) throw malformed(what);
    }
    return std::move(restored_);
  }

 private:
  struct Direction {
    text::HugeVector<std::uint32_t> degrees;           // version 2
    text::HugeVector<store::Adjacency::Slice> slices;  // version 3
    text::HugeVector<store::Adjacent> entries;
    text::HugeVector<store::TypeId> types;
    std::uint64_t total = 0;
    bool written() const { return !degrees.empty() || !slices.empty() || !entries.empty() || !types.empty(); }
  };
  struct Column {
    std::uint8_t target = 0;
    store::KeyId key = 0;
    Kind kind = Kind::empty;
    text::HugeVector<std::uint64_t> presence;
    text::HugeVector<std::int64_t> ints;
    text::HugeVector<double> doubles;
    text::HugeString chars;
    text::HugeVector<store::PropertyColumn::StringSpan> spans;
  };

  Direction& direction(bool out) { return out ? out_ : in_; }

  void name_array(Array which, std::uint64_t first, std::span<const std::byte> bytes, std::uint32_t count) {
    if (!names_) throw malformed("a name index array before the name index record");
    StoredNames& n = *names_;
    switch (which) {
      case Array::name_slots: append(n.slots, first, bytes, count, file_bytes_ / sizeof(store::NameIndex::Slot), false); break;
      case Array::name_chars:
        if (first != n.chars.size()) throw malformed("an array's records out of order");
        if (first + count > std::numeric_limits<std::uint32_t>::max()) throw malformed("the names too long");
        n.chars.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        break;
      default: append(n.more, first, bytes, count, file_bytes_ / sizeof(std::uint32_t), false); break;
    }
  }

  // Appends `count` elements at index `first` (which must be where the
  // array ends: records come in order) of at most `bound` in all; returns
  // them, to be checked.
  template <class T, class Allocator>
  std::span<const T> append(std::vector<T, Allocator>& to, std::uint64_t first, std::span<const std::byte> bytes,
                            std::uint32_t count, std::uint64_t bound, bool reserve_bound = true) const {
    if (first != to.size()) throw malformed("an array's records out of order");
    if (first + count > bound) throw malformed("an array longer than its elements");
    if (bytes.size() != std::size_t{count} * sizeof(T)) throw malformed("an array's elements of the wrong width");
    if constexpr (std::is_same_v<Allocator, text::HugeAllocator<T>>) {
      if (first == 0 && mapping_ && mapping_->hold(to, bytes.data(), count)) return std::span<const T>(to);
    }
    // The whole array at once: growing record by record copied it. Never
    // more than the file could hold; not for the deleted ids, whose bound
    // is far above their number.
    if (first == 0 && reserve_bound) {
      to.reserve(std::min<std::uint64_t>(text::with_room_to_grow(bound), file_bytes_ / sizeof(T)));
    }
    // Copied straight in: resize() then memcpy wrote every byte twice.
    to.insert(to.end(), Unaligned<T>{bytes.data()}, Unaligned<T>{bytes.data() + std::size_t{count} * sizeof(T)});
    return std::span<const T>(to).subspan(first);
  }

  void column_array(Array which, std::uint64_t first, std::span<const std::byte> bytes, std::uint32_t count) {
    if (!column_) throw malformed("a column array outside a column");
    Column& c = *column_;
    const std::uint64_t rows = c.target == 0 ? nodes_ : rels_;
    switch (which) {
      case Array::column_presence: append(c.presence, first, bytes, count, (rows + 63) / 64); break;
      case Array::column_values:
        if (c.kind == Kind::integer) append(c.ints, first, bytes, count, rows);
        else if (c.kind == Kind::floating) append(c.doubles, first, bytes, count, rows);
        else throw malformed("values in a column of strings");
        break;
      case Array::column_chars: {
        if (c.kind != Kind::string) throw malformed("characters in a column that holds no strings");
        if (first != c.chars.size()) throw malformed("an array's records out of order");
        if (first + count > std::numeric_limits<std::uint32_t>::max()) throw malformed("a column's strings too long");
        c.chars.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        break;
      }
      case Array::column_spans: {
        if (c.kind != Kind::string) throw malformed("spans in a column that holds no strings");
        for (const auto& [offset, length] : append(c.spans, first, bytes, count, rows)) {
          if (std::uint64_t{offset} + length > c.chars.size()) throw malformed("a string beyond its column's characters");
        }
        break;
      }
      default: throw malformed("an array out of place");
    }
  }

  // Every present row has a value; the column goes to the graph.
  void close_column() {
    if (!column_) return;
    Column& c = *column_;
    const std::uint64_t values = c.kind == Kind::integer ? c.ints.size()
                           : c.kind == Kind::floating ? c.doubles.size() : c.spans.size();
    for (std::size_t w = c.presence.size(); w-- > 0;) {
      if (!c.presence[w]) continue;
      const std::uint64_t last = w * 64 + 63 - static_cast<std::uint64_t>(std::countl_zero(c.presence[w]));
      if (last >= values) throw malformed("a column with rows that have no value");
      break;
    }
    auto& columns = c.target == 0 ? restored_.node_columns : restored_.relationship_columns;
    if (columns.size() <= c.key) columns.resize(c.key + 1);
    columns[c.key] = store::PropertyColumn::restored(c.kind, std::move(c.presence), std::move(c.ints),
                                                     std::move(c.doubles), std::move(c.spans), std::move(c.chars));
    column_.reset();
  }

  std::uint64_t nodes_, rels_;
  std::size_t labels_, types_;
  std::size_t file_bytes_;
  bool aligned_;
  const text::MappedFile* mapping_;
  DeferredChecks* deferred_;
  store::Graph::Restored restored_;
  Direction out_, in_;
  std::optional<Column> column_;
  std::optional<StoredNames> names_;
};

}  // namespace

std::uint64_t read_snapshot(const std::filesystem::path& path, store::Graph& g) {
  return read_snapshot(path, File(path, O_RDONLY), g);
}

std::uint64_t read_snapshot(const std::filesystem::path& path, const File& file, store::Graph& g) {
  if (const auto mapping = text::MappedFile::map(file.fd(), static_cast<std::size_t>(file.size()))) {
    return read_snapshot(path, mapping->bytes(), g, mapping.get());
  }
  return read_snapshot(path, file.read_all().bytes(), g);
}

std::uint64_t read_snapshot(const std::filesystem::path& path, std::span<const std::byte> bytes, store::Graph& g,
                            const text::MappedFile* mapping) {
  auto refuse = [&](std::uint64_t offset, const std::string& what) -> Error {
    return Error(ErrorKind::data_error,
                 "the snapshot '" + path.string() + "' is damaged at byte " + std::to_string(offset) + ": " + what +
                     "; nothing was opened. Restore the database directory from a copy",
                 {}, path.string());
  };
  const auto version = read_file_header(bytes, magic);
  if (!version) throw refuse(0, "not an ergo snapshot header");
  if (*version < 1 || *version > snapshot_version) {
    throw Error(ErrorKind::data_error, "the snapshot '" + path.string() + "' has format version " +
                                           std::to_string(*version) + "; this ergo reads versions 1 to " +
                                           std::to_string(snapshot_version) + ": open it with a matching ergo",
                {}, path.string());
  }
  const bool arrays = *version >= 2;
  // The records are read while another thread checks their checksums
  // (reading checks every id, so damage cannot lead it astray); both are
  // about as long. The outcome is the one reading only the records whose
  // checksums hold would have: damage first, then the first malformed
  // record among those, then a missing end.
  // The same thread then takes the checks of large arrays off the reader
  // (DeferredChecks), which wait for them at the end record.
  FramedRecords framed = frame_records(bytes, file_header_size);
  PayloadChecksums checksums(framed.records);
  DeferredChecks deferred;
  std::optional<std::jthread> helper;
  if (checksums.bytes() >= (std::size_t{16} << 20) && std::thread::hardware_concurrency() > 1) {
    try {
      helper.emplace([&checksums, &deferred] {
        checksums.work();
        deferred.serve();
      });
    } catch (const std::system_error&) {
      // No thread to be had: the checksums and checks are done here below.
    }
  }
  // Whatever ends the reading, the helper is told no more checks come
  // before it is joined.
  struct CloseChecks {
    DeferredChecks& checks;
    ~CloseChecks() { checks.close(); }
  } close_checks{deferred};
  std::optional<std::pair<std::size_t, Error>> failed;  // the first malformed record: its index, its error
  std::optional<std::size_t> end_at;                    // the end record's index
  auto checked_records = [&] {
    if (auto late = deferred.finish(); late && (!failed || late->first < failed->first)) {
      failed.emplace(late->first, refuse(deferred.failed_offset(), late->second.what));
    }
    checksums.work();
    if (helper) helper->join();
    const ScanResult scan = check_records(bytes, framed, checksums.crcs());  // a copy: `values` points into framed.records
    if (scan.damage_offset) throw refuse(*scan.damage_offset, scan.damage);
    if (failed && failed->first < scan.records.size()) throw failed->second;
    if (!end_at || *end_at >= scan.records.size()) throw refuse(scan.valid_end, "the snapshot ends before its end record");
    return scan.valid_end;
  };

  std::uint64_t sequence = 0, nodes = 0, rels = 0, seen = 0;
  bool ended = false;
  bool names_kept = false;  // the name index came whole: values set below are in it
  std::vector<store::LabelId> label_ids;
  std::vector<store::TypeId> type_ids;
  std::vector<store::KeyId> key_ids;
  std::vector<store::NodeId> dead_nodes;
  std::vector<store::RelId> dead_rels;
  std::optional<Arrays> restore;
  // Properties one value at a time are set once every element is there
  // (version 2 restores the elements after its last record).
  std::vector<const RecordSpan*> values;
  auto checked = [](std::uint32_t i, const auto& ids) {
    if (i >= ids.size()) throw malformed("name id " + std::to_string(i) + " out of range");
    return ids[i];
  };
  for (const RecordSpan& rec : framed.records) {
    try {
      if (ended) throw malformed("a record after the end record");
      ByteReader r(rec.payload);
      const std::uint8_t kind = r.u8();
      if (seen == 0 && kind != meta_kind) throw malformed("the first record is not the header record");
      auto read_names = [&](auto& ids, auto& interner) {
        const std::uint32_t count = r.u32();
        if (count > r.remaining() / 4) throw malformed("more names than the record holds");
        ids.resize(count);
        for (std::size_t i = 0; i < ids.size(); ++i) {
          ids[i] = interner.intern(r.string());
          // Arrays hold the ids as written: a fresh graph gives every name
          // the id it had (it was made the same way).
          if (arrays && ids[i] != i) throw malformed("names not in the order of their ids");
        }
      };
      const bool v1_only = kind == nodes_kind || kind == rels_kind;
      const bool v2_only = kind == label_sets_kind || kind == array_kind || kind == column_kind;
      if ((v1_only && arrays) || (v2_only && !arrays) || (kind == name_index_kind && *version < 3)) {
        throw malformed("a record of another format version");
      }
      switch (kind) {
        case meta_kind:
          if (seen != 0) throw malformed("a second header record");
          sequence = r.u64();
          nodes = r.u64();
          rels = r.u64();
          if (nodes > store::no_node || rels > std::numeric_limits<store::RelId>::max()) throw malformed("too many elements");
          read_names(label_ids, g.labels());
          read_names(type_ids, g.types());
          read_names(key_ids, g.keys());
          if (arrays) {
            restore.emplace(nodes, rels, label_ids.size(), type_ids.size(), bytes.size(), *version >= 3, mapping,
                            &deferred);
          }
          break;
        case label_sets_kind: restore->label_sets(r); break;
        case array_kind: restore->array(r, seen, rec.offset); break;
        case column_kind: restore->column(r); break;
        case name_index_kind: restore->name_index(r); break;
        case nodes_kind: {
          const std::uint32_t first = r.u32(), count = r.u32();
          if (first != g.node_count()) throw malformed("nodes out of order");
          for (std::uint32_t i = 0; i < count; ++i) {
            const bool dead = r.u8() != 0;
            std::vector<store::LabelId> labels(r.u16());
            for (auto& l : labels) l = checked(r.u16(), label_ids);
            const store::NodeId n = g.add_node(std::move(labels));
            if (dead) dead_nodes.push_back(n);
          }
          break;
        }
        case rels_kind: {
          const std::uint32_t first = r.u32(), count = r.u32();
          if (first != g.relationship_count()) throw malformed("relationships out of order");
          for (std::uint32_t i = 0; i < count; ++i) {
            const std::uint32_t from = r.u32(), to = r.u32();
            const store::TypeId type = checked(r.u16(), type_ids);
            if (from >= nodes || to >= nodes) throw malformed("a relationship to a node that does not exist");
            if (r.u8() != 0) dead_rels.push_back(static_cast<store::RelId>(g.relationship_count()));
            g.add_relationship(from, type, to);
          }
          break;
        }
        case props_kind: values.push_back(&rec); break;  // read below
        case end_kind:
          if (r.u64() != seen) throw malformed("records are missing");
          ended = true;
          end_at = seen;
          if (restore) {
            // Nothing is built from arrays whose checks have not ended; a
            // failed one is reported for its own record (checked_records).
            if (deferred.finish()) throw malformed("an array's ids");
            g.restore(restore->finish(key_ids.size()));
            names_kept = restore->keeps_name_index();
          }
          break;
        default: throw malformed("unknown record kind " + std::to_string(kind));
      }
      if (kind != props_kind && !r.done()) throw malformed("bytes left over in the record");
    } catch (const Malformed& m) {
      failed.emplace(seen, refuse(rec.offset, m.what));
      break;
    }
    ++seen;
  }
  const std::uint64_t valid_end = checked_records();
  if (g.node_count() != nodes || g.relationship_count() != rels) {
    throw refuse(valid_end, "it holds fewer elements than its header says");
  }
  for (const RecordSpan* rec : values) {
    try {
      ByteReader r(rec->payload);
      r.u8();
      const std::uint8_t target = r.u8();
      const store::KeyId key = checked(r.u16(), key_ids);
      const std::uint32_t count = r.u32();
      const std::size_t bound = target == 0 ? g.node_count() : g.relationship_count();
      for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t row = r.u32();
        if (row >= bound) throw malformed("a property of an element that does not exist");
        const Value v = r.value();
        if (target == 0 && names_kept) g.set_new_node_property(row, key, v);
        else if (target == 0) g.set_node_property(row, key, v);
        else g.set_relationship_property(row, key, v);
      }
      if (!r.done()) throw malformed("bytes left over in the record");
    } catch (const Malformed& m) {
      throw refuse(rec->offset, m.what);
    }
  }
  // Version 1: properties of deleted elements were cleared before they
  // were written, so deleting last only sets the tombstones.
  for (store::RelId r : dead_rels) g.delete_relationship(r);
  for (store::NodeId n : dead_nodes) g.delete_node(n);
  g.commit();
  return sequence;
}

}  // namespace ergo::storage
