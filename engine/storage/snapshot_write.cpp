// Writing a snapshot (format: snapshot.hpp): the graph's arrays as they are
// in memory, so that opening uses them where they are instead of rebuilding.
#include <fcntl.h>

#include <cstring>
#include <stdexcept>
#include <string>

#include "engine/storage/bytes.hpp"
#include "engine/storage/crc32.hpp"
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
    flush_when_full();
  }
  // Where the next byte goes in the file.
  std::uint64_t position() const { return written_ + buffer_.size(); }
  // A record written in pieces: its header, with the payload's checksum
  // left for end_record(), then its payload through raw().
  std::uint64_t begin_record(std::uint32_t length) {
    const std::uint64_t at = position();
    std::byte header[record_header_size] = {};
    put32(header, length);
    put32(header + 4, crc32(std::span<const std::byte>(header, 4)));
    raw(header);
    ++records_;
    return at;
  }
  void raw(std::span<const std::byte> bytes) {
    buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
    flush_when_full();
  }
  void end_record(std::uint64_t header_at, std::uint32_t payload_crc) {
    std::byte crc[4];
    put32(crc, payload_crc);
    const std::uint64_t at = header_at + 8;
    if (at >= written_) std::memcpy(buffer_.data() + (at - written_), crc, 4);
    else file_.write_at(at, crc);
  }
  void finish() {
    flush();
    file_.sync();
  }
  std::uint64_t records() const { return records_; }

 private:
  static void put32(std::byte* out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out[i] = static_cast<std::byte>(v >> (8 * i));
  }
  void flush_when_full() {
    if (buffer_.size() > (1u << 20)) flush();
  }
  void flush() {
    file_.write_at(written_, buffer_);
    written_ += buffer_.size();
    buffer_.clear();
  }
  File file_;
  std::vector<std::byte> buffer_;
  std::uint64_t written_ = 0, records_ = 0;
};

// One array of `count` elements, pushed element by element or span by span:
// one record (several only past max_record_size), its elements starting at
// a multiple of 64 bytes in the file, so that opening can use them where
// they are (text::MappedFile).
template <class T>
class ArrayOut {
 public:
  ArrayOut(Out& out, Array array, std::uint64_t count) : out_(out), array_(array), count_(count) {
    if (width(array) != sizeof(T)) throw std::logic_error("a snapshot array written with the wrong element type");
  }
  ArrayOut(const ArrayOut&) = delete;
  ~ArrayOut() = default;

  void push(std::span<const T> values) {
    if (values.size() > count_ - written_) throw std::logic_error("a snapshot array longer than announced");
    while (!values.empty()) {
      if (left_in_record_ == 0) begin_record();
      const std::size_t take = std::min<std::size_t>(values.size(), left_in_record_);
      const auto bytes = std::as_bytes(values.first(take));
      out_.raw(bytes);
      crc_ = crc32(bytes, crc_);
      values = values.subspan(take);
      written_ += take;
      if ((left_in_record_ -= take) == 0) out_.end_record(header_at_, crc_);
    }
  }
  void push(const T& value) { push(std::span<const T>(&value, 1)); }
  // Checks that every element came (an array with none writes no record:
  // the reader takes a missing array as an empty one).
  void finish() const {
    if (written_ != count_) throw std::logic_error("a snapshot array shorter than announced");
  }

 private:
  // Room for the header before the elements and up to 63 bytes to align them.
  static constexpr std::size_t per_record = (max_record_size - 128) / sizeof(T);
  void begin_record() {
    const std::uint64_t n = std::min<std::uint64_t>(count_ - written_, per_record);
    // kind, array, first, count, padding: 15 bytes after the record's header.
    const std::uint64_t elements_at = out_.position() + record_header_size + 15;
    const auto padding = static_cast<std::uint8_t>((64 - elements_at % 64) % 64);
    header_at_ = out_.begin_record(static_cast<std::uint32_t>(15 + padding + n * sizeof(T)));
    ByteWriter w;
    w.u8(array_kind);
    w.u8(static_cast<std::uint8_t>(array_));
    w.u64(written_);
    w.u32(static_cast<std::uint32_t>(n));
    w.u8(padding);
    w.bytes().resize(w.size() + padding);
    out_.raw(w.bytes());
    crc_ = crc32(w.bytes());
    left_in_record_ = n;
  }
  Out& out_;
  Array array_;
  std::uint64_t count_, written_ = 0, left_in_record_ = 0, header_at_ = 0;
  std::uint32_t crc_ = 0;
};

template <class T>
void write_array(Out& out, Array array, std::span<const T> values) {
  ArrayOut<T> a(out, array, values.size());
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
    std::uint64_t total = 0;
    for (std::size_t row = 0; row < bound; ++row) {
      if (column.has(static_cast<std::uint32_t>(row))) total += column.string_at(static_cast<std::uint32_t>(row)).size();
    }
    ArrayOut<char> chars(out, Array::column_chars, total);
    for (std::size_t row = 0; row < bound; ++row) {
      if (!column.has(static_cast<std::uint32_t>(row))) continue;
      const std::string_view s = column.string_at(static_cast<std::uint32_t>(row));
      chars.push(std::span<const char>(s.data(), s.size()));
    }
    chars.finish();
  }
  ArrayOut<store::PropertyColumn::StringSpan> spans(out, Array::column_spans, bound);
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
// whatever room writes left in memory), with the slice table that order
// makes, so opening builds nothing.
void write_adjacency(Out& out, const store::Adjacency& adjacency, Array slices, Array entries, Array types) {
  ArrayOut<store::Adjacency::Slice> s(out, slices, adjacency.nodes());
  std::uint32_t at = 0;
  for (std::size_t n = 0; n < adjacency.nodes(); ++n) {
    const auto degree = static_cast<std::uint32_t>(adjacency.degree(static_cast<store::NodeId>(n)));
    s.push({at, at + degree});
    at += degree;
  }
  s.finish();
  ArrayOut<store::Adjacent> e(out, entries, adjacency.entries());
  for (std::size_t n = 0; n < adjacency.nodes(); ++n) e.push(adjacency.of(static_cast<store::NodeId>(n)));
  e.finish();
  ArrayOut<store::TypeId> t(out, types, adjacency.entries());
  for (std::size_t n = 0; n < adjacency.nodes(); ++n) t.push(adjacency.types_of(static_cast<store::NodeId>(n)));
  t.finish();
}

// The name index's table as it is (NameIndex::Slot), its keys and its
// lists of more nodes, after a record naming the hash it was built with.
void write_name_index(Out& out, const store::NameIndex& index) {
  ByteWriter w;
  w.u8(name_index_kind);
  w.u64(store::NameIndex::hash_check());
  out.record(w);
  write_array(out, Array::name_slots, index.slots());
  write_array(out, Array::name_chars, std::span<const char>(index.chars()));
  std::uint64_t count = 0;
  for (const auto& nodes : index.more_nodes()) count += 1 + nodes.size();
  ArrayOut<std::uint32_t> more(out, Array::name_more, count);
  for (const auto& nodes : index.more_nodes()) {
    more.push(static_cast<std::uint32_t>(nodes.size()));
    more.push(nodes);
  }
  more.finish();
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
    ArrayOut<store::NodeId> dead(out, Array::dead_nodes, g.node_count() - g.live_node_count());
    for (std::size_t n = 0; n < g.node_count(); ++n) {
      if (!g.node_exists(static_cast<store::NodeId>(n))) dead.push(static_cast<store::NodeId>(n));
    }
    dead.finish();
  }
  write_array(out, Array::sources, g.sources());
  write_array(out, Array::targets, g.targets());
  write_array(out, Array::types, g.relationship_types());
  {
    ArrayOut<store::RelId> dead(out, Array::dead_relationships, g.relationship_count() - g.live_relationship_count());
    for (std::size_t r = 0; r < g.relationship_count(); ++r) {
      if (!g.relationship_exists(static_cast<store::RelId>(r))) dead.push(static_cast<store::RelId>(r));
    }
    dead.finish();
  }
  // Adjacency not brought up to date by a commit is left out: opening
  // then builds it.
  if (g.adjacency_current() && g.out_adjacency().nodes() == g.node_count() && g.in_adjacency().nodes() == g.node_count()) {
    write_adjacency(out, g.out_adjacency(), Array::out_slices, Array::out_entries, Array::out_types);
    write_adjacency(out, g.in_adjacency(), Array::in_slices, Array::in_entries, Array::in_types);
  }
  for (std::size_t k = 0; k < g.keys().size(); ++k) {
    const auto key = static_cast<store::KeyId>(k);
    if (const auto* c = g.node_column(key)) write_column(out, 0, key, *c, g.node_count());
    if (const auto* c = g.relationship_column(key)) write_column(out, 1, key, *c, g.relationship_count());
  }
  write_name_index(out, g.name_index());
  w.u8(end_kind);
  w.u64(out.records());
  out.record(w);
  out.finish();
}

}  // namespace ergo::storage
