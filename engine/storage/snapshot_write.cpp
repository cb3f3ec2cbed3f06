// Writing a snapshot (format: snapshot.hpp): the graph's arrays as they are
// in memory, so that opening copies them instead of rebuilding.
#include <fcntl.h>

#include <cstring>
#include <stdexcept>
#include <string>

#include "engine/storage/bytes.hpp"
#include "engine/storage/file_io.hpp"
#include "engine/storage/snapshot.hpp"
#include "engine/storage/snapshot_format.hpp"

namespace ergo::storage {
namespace {

using namespace snapshot_format;

// Records go to the file through a buffer of about a megabyte.
class Out {
 public:
  explicit Out(const std::filesystem::path& path) : file_(path, O_WRONLY | O_CREAT | O_TRUNC) {
    const auto h = file_header(magic, snapshot_version);
    buffer_.insert(buffer_.end(), h.begin(), h.end());
  }
  void record(ByteWriter& w) {
    append_record(buffer_, w.bytes());
    w.clear();
    ++records_;
    if (buffer_.size() > (1u << 20)) flush();
  }
  void flush() {
    file_.write_at(written_, buffer_);
    written_ += buffer_.size();
    buffer_.clear();
  }
  void finish() {
    flush();
    file_.sync();
  }
  std::uint64_t records() const { return records_; }

 private:
  File file_;
  std::vector<std::byte> buffer_;
  std::uint64_t written_ = 0, records_ = 0;
};

// One array, element by element or span by span, cut into array records.
template <class T>
class ArrayOut {
 public:
  ArrayOut(Out& out, Array array) : out_(out), array_(array) {
    if (width(array) != sizeof(T)) throw std::logic_error("a snapshot array written with the wrong element type");
  }
  ArrayOut(const ArrayOut&) = delete;
  ~ArrayOut() = default;

  void push(std::span<const T> values) {
    while (!values.empty()) {
      const std::size_t take = std::min(values.size(), per_record - pending_.size());
      pending_.insert(pending_.end(), values.begin(), values.begin() + static_cast<std::ptrdiff_t>(take));
      values = values.subspan(take);
      if (pending_.size() == per_record) emit();
    }
  }
  void push(const T& value) { push(std::span<const T>(&value, 1)); }
  // Writes what is pending (an array with no elements writes no record:
  // the reader takes a missing array as an empty one).
  void finish() {
    if (!pending_.empty()) emit();
  }

 private:
  static constexpr std::size_t per_record = array_record_bytes / sizeof(T);
  void emit() {
    ByteWriter w;
    w.bytes().reserve(16 + pending_.size() * sizeof(T));
    w.u8(array_kind);
    w.u8(static_cast<std::uint8_t>(array_));
    w.u64(written_);
    w.u32(static_cast<std::uint32_t>(pending_.size()));
    w.raw(std::as_bytes(std::span<const T>(pending_)));
    out_.record(w);
    written_ += pending_.size();
    pending_.clear();
  }
  Out& out_;
  Array array_;
  std::vector<T> pending_;
  std::uint64_t written_ = 0;
};

template <class T>
void write_array(Out& out, Array array, std::span<const T> values) {
  ArrayOut<T> a(out, array);
  a.push(values);
  a.finish();
}

template <class Interner>
void write_names(ByteWriter& w, const Interner& names) {
  w.u32(static_cast<std::uint32_t>(names.size()));
  for (std::size_t i = 0; i < names.size(); ++i) {
    using Id = typename decltype(names.find(""))::value_type;
    w.string(names.name(static_cast<Id>(i)));
  }
}

// A column of booleans or of mixed values: one value at a time.
void write_values(Out& out, std::uint8_t target, store::KeyId key, const store::PropertyColumn& column, std::size_t rows) {
  constexpr std::uint32_t chunk = 1u << 16;
  ByteWriter w, entries;
  std::uint32_t count = 0;
  auto emit = [&] {
    w.u8(props_kind);
    w.u8(target);
    w.u16(key);
    w.u32(count);
    w.raw(entries.bytes());
    out.record(w);
    entries.clear();
    count = 0;
  };
  for (std::size_t row = 0; row < rows; ++row) {
    if (!column.has(static_cast<std::uint32_t>(row))) continue;
    entries.u32(static_cast<std::uint32_t>(row));
    entries.value(column.get(static_cast<std::uint32_t>(row)));
    if (++count == chunk) emit();
  }
  if (count) emit();
}

// A column of integers, floats or strings: its arrays. Strings are written
// back to back without the bytes of values since overwritten.
void write_column(Out& out, std::uint8_t target, store::KeyId key, const store::PropertyColumn& column,
                  std::size_t rows) {
  using Kind = store::PropertyColumn::Kind;
  if (column.kind() == Kind::empty) return;
  if (column.kind() == Kind::boolean || column.kind() == Kind::generic) {
    write_values(out, target, key, column, rows);
    return;
  }
  ByteWriter w;
  w.u8(column_kind);
  w.u8(target);
  w.u16(key);
  w.u8(static_cast<std::uint8_t>(column.kind()));
  out.record(w);
  write_array(out, Array::column_presence, column.presence());
  if (column.kind() == Kind::integer) write_array(out, Array::column_values, column.integers());
  if (column.kind() == Kind::floating) write_array(out, Array::column_values, column.floats());
  if (column.kind() != Kind::string) return;
  const std::size_t bound = std::min(rows, column.presence().size() * 64);
  {
    ArrayOut<char> chars(out, Array::column_chars);
    for (std::size_t row = 0; row < bound; ++row) {
      if (!column.has(static_cast<std::uint32_t>(row))) continue;
      const std::string_view s = column.string_at(static_cast<std::uint32_t>(row));
      chars.push(std::span<const char>(s.data(), s.size()));
    }
    chars.finish();
  }
  ArrayOut<store::PropertyColumn::StringSpan> spans(out, Array::column_spans);
  std::uint32_t at = 0;
  for (std::size_t row = 0; row < bound; ++row) {
    if (!column.has(static_cast<std::uint32_t>(row))) {
      spans.push({0, 0});
      continue;
    }
    const auto length = static_cast<std::uint32_t>(column.string_at(static_cast<std::uint32_t>(row)).size());
    spans.push({at, length});
    at += length;
  }
  spans.finish();
}

// One direction's adjacency, slice after slice in node order (so compact,
// whatever room writes left in memory).
void write_adjacency(Out& out, const store::Adjacency& adjacency, Array degrees, Array entries, Array types) {
  ArrayOut<std::uint32_t> d(out, degrees);
  for (std::size_t n = 0; n < adjacency.nodes(); ++n) d.push(static_cast<std::uint32_t>(adjacency.degree(static_cast<store::NodeId>(n))));
  d.finish();
  ArrayOut<store::Adjacent> e(out, entries);
  for (std::size_t n = 0; n < adjacency.nodes(); ++n) e.push(adjacency.of(static_cast<store::NodeId>(n)));
  e.finish();
  ArrayOut<store::TypeId> t(out, types);
  for (std::size_t n = 0; n < adjacency.nodes(); ++n) t.push(adjacency.types_of(static_cast<store::NodeId>(n)));
  t.finish();
}

}  // namespace

void write_snapshot(const store::Graph& g, std::uint64_t sequence, const std::filesystem::path& path) {
  Out out(path);
  ByteWriter w;
  w.u8(meta_kind);
  w.u64(sequence);
  w.u64(g.node_count());
  w.u64(g.relationship_count());
  write_names(w, g.labels());
  write_names(w, g.types());
  write_names(w, g.keys());
  out.record(w);

  w.u8(label_sets_kind);
  w.u32(static_cast<std::uint32_t>(g.label_sets().size()));
  for (const auto& set : g.label_sets()) {
    w.u16(static_cast<std::uint16_t>(set.size()));
    for (store::LabelId l : set) w.u16(l);
  }
  out.record(w);
  write_array(out, Array::node_label_set, g.node_label_sets());
  {
    ArrayOut<store::NodeId> dead(out, Array::dead_nodes);
    for (std::size_t n = 0; n < g.node_count(); ++n) {
      if (!g.node_exists(static_cast<store::NodeId>(n))) dead.push(static_cast<store::NodeId>(n));
    }
    dead.finish();
  }
  write_array(out, Array::sources, g.sources());
  write_array(out, Array::targets, g.targets());
  write_array(out, Array::types, g.relationship_types());
  {
    ArrayOut<store::RelId> dead(out, Array::dead_relationships);
    for (std::size_t r = 0; r < g.relationship_count(); ++r) {
      if (!g.relationship_exists(static_cast<store::RelId>(r))) dead.push(static_cast<store::RelId>(r));
    }
    dead.finish();
  }
  // Adjacency not brought up to date by a commit is left out: opening
  // then builds it.
  if (g.adjacency_current() && g.out_adjacency().nodes() == g.node_count() && g.in_adjacency().nodes() == g.node_count()) {
    write_adjacency(out, g.out_adjacency(), Array::out_degrees, Array::out_entries, Array::out_types);
    write_adjacency(out, g.in_adjacency(), Array::in_degrees, Array::in_entries, Array::in_types);
  }
  for (std::size_t k = 0; k < g.keys().size(); ++k) {
    const auto key = static_cast<store::KeyId>(k);
    if (const auto* c = g.node_column(key)) write_column(out, 0, key, *c, g.node_count());
    if (const auto* c = g.relationship_column(key)) write_column(out, 1, key, *c, g.relationship_count());
  }
  w.u8(end_kind);
  w.u64(out.records());
  out.record(w);
  out.finish();
}

}  // namespace ergo::storage
