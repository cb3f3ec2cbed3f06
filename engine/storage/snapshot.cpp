// Snapshot writing and loading (see snapshot.hpp).
#include "engine/storage/snapshot.hpp"

#include <fcntl.h>

#include <string>

#include "engine/storage/bytes.hpp"
#include "engine/storage/file_io.hpp"
#include "engine/storage/frame.hpp"
#include "ergo/error.hpp"

namespace ergo::storage {
namespace {

constexpr Magic magic{'e', 'r', 'g', 'o', 's', 'n', 'a', 'p'};
enum Kind : std::uint8_t { meta_kind = 1, nodes_kind = 2, rels_kind = 3, props_kind = 4, end_kind = 9 };
constexpr std::uint32_t chunk = 1u << 16;

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

template <class Interner>
void write_names(ByteWriter& w, const Interner& names) {
  w.u32(static_cast<std::uint32_t>(names.size()));
  for (std::size_t i = 0; i < names.size(); ++i) {
    using Id = typename decltype(names.find(""))::value_type;
    w.string(names.name(static_cast<Id>(i)));
  }
}

void write_props(Out& out, ByteWriter& w, std::uint8_t target, store::KeyId key, const store::PropertyColumn& column,
                 std::size_t rows) {
  std::uint32_t count = 0;
  ByteWriter entries;
  auto emit = [&] {
    w.u8(props_kind);
    w.u8(target);
    w.u16(key);
    w.u32(count);
    w.bytes().insert(w.bytes().end(), entries.bytes().begin(), entries.bytes().end());
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
  for (std::size_t first = 0; first < g.node_count(); first += chunk) {
    const std::size_t last = std::min<std::size_t>(g.node_count(), first + chunk);
    w.u8(nodes_kind);
    w.u32(static_cast<std::uint32_t>(first));
    w.u32(static_cast<std::uint32_t>(last - first));
    for (std::size_t n = first; n < last; ++n) {
      const auto id = static_cast<store::NodeId>(n);
      w.u8(g.node_exists(id) ? 0 : 1);
      const auto labels = g.labels_of(id);
      w.u16(static_cast<std::uint16_t>(labels.size()));
      for (store::LabelId l : labels) w.u16(l);
    }
    out.record(w);
  }
  for (std::size_t first = 0; first < g.relationship_count(); first += chunk) {
    const std::size_t last = std::min<std::size_t>(g.relationship_count(), first + chunk);
    w.u8(rels_kind);
    w.u32(static_cast<std::uint32_t>(first));
    w.u32(static_cast<std::uint32_t>(last - first));
    for (std::size_t r = first; r < last; ++r) {
      const auto id = static_cast<store::RelId>(r);
      w.u32(g.source(id));
      w.u32(g.target(id));
      w.u16(g.type_of(id));
      w.u8(g.relationship_exists(id) ? 0 : 1);
    }
    out.record(w);
  }
  for (std::size_t k = 0; k < g.keys().size(); ++k) {
    const auto key = static_cast<store::KeyId>(k);
    if (const auto* c = g.node_column(key)) write_props(out, w, 0, key, *c, g.node_count());
    if (const auto* c = g.relationship_column(key)) write_props(out, w, 1, key, *c, g.relationship_count());
  }
  w.u8(end_kind);
  w.u64(out.records());
  out.record(w);
  out.finish();
}

std::uint64_t read_snapshot(const std::filesystem::path& path, store::Graph& g) {
  const std::vector<std::byte> bytes = File(path, O_RDONLY).read_all();
  return read_snapshot(path, bytes, g);
}

std::uint64_t read_snapshot(const std::filesystem::path& path, std::span<const std::byte> bytes, store::Graph& g) {
  auto refuse = [&](std::uint64_t offset, const std::string& what) -> Error {
    return Error(ErrorKind::data_error,
                 "the snapshot '" + path.string() + "' is damaged at byte " + std::to_string(offset) + ": " + what +
                     "; nothing was opened. Restore the database directory from a copy",
                 {}, path.string());
  };
  const auto version = read_file_header(bytes, magic);
  if (!version) throw refuse(0, "not an ergo snapshot header");
  if (*version != snapshot_version) {
    throw Error(ErrorKind::data_error, "the snapshot '" + path.string() + "' has format version " +
                                           std::to_string(*version) + "; this ergo reads version " +
                                           std::to_string(snapshot_version) + ": open it with a matching ergo",
                {}, path.string());
  }
  const ScanResult scan = scan_records(bytes, file_header_size);
  if (scan.damage_offset) throw refuse(*scan.damage_offset, scan.damage);

  std::uint64_t sequence = 0, nodes = 0, rels = 0, seen = 0;
  bool ended = false;
  std::vector<store::LabelId> label_ids;
  std::vector<store::TypeId> type_ids;
  std::vector<store::KeyId> key_ids;
  std::vector<store::NodeId> dead_nodes;
  std::vector<store::RelId> dead_rels;
  for (const RecordSpan& rec : scan.records) {
    try {
      if (ended) throw ByteReader::Malformed{"a record after the end record"};
      ByteReader r(rec.payload);
      const std::uint8_t kind = r.u8();
      if (seen == 0 && kind != meta_kind) throw ByteReader::Malformed{"the first record is not the header record"};
      auto read_names = [&](auto& ids, auto& interner) {
        ids.resize(r.u32());
        for (auto& id : ids) id = interner.intern(r.string());
      };
      auto checked = [](std::uint32_t i, const auto& ids) {
        if (i >= ids.size()) throw ByteReader::Malformed{"name id " + std::to_string(i) + " out of range"};
        return ids[i];
      };
      switch (kind) {
        case meta_kind:
          if (seen != 0) throw ByteReader::Malformed{"a second header record"};
          sequence = r.u64();
          nodes = r.u64();
          rels = r.u64();
          read_names(label_ids, g.labels());
          read_names(type_ids, g.types());
          read_names(key_ids, g.keys());
          break;
        case nodes_kind: {
          const std::uint32_t first = r.u32(), count = r.u32();
          if (first != g.node_count()) throw ByteReader::Malformed{"nodes out of order"};
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
          if (first != g.relationship_count()) throw ByteReader::Malformed{"relationships out of order"};
          for (std::uint32_t i = 0; i < count; ++i) {
            const std::uint32_t from = r.u32(), to = r.u32();
            const store::TypeId type = checked(r.u16(), type_ids);
            if (from >= nodes || to >= nodes) throw ByteReader::Malformed{"a relationship to a node that does not exist"};
            if (r.u8() != 0) dead_rels.push_back(static_cast<store::RelId>(g.relationship_count()));
            g.add_relationship(from, type, to);
          }
          break;
        }
        case props_kind: {
          const std::uint8_t target = r.u8();
          const store::KeyId key = checked(r.u16(), key_ids);
          const std::uint32_t count = r.u32();
          const std::size_t bound = target == 0 ? g.node_count() : g.relationship_count();
          for (std::uint32_t i = 0; i < count; ++i) {
            const std::uint32_t row = r.u32();
            if (row >= bound) throw ByteReader::Malformed{"a property of an element that does not exist"};
            const Value v = r.value();
            if (target == 0) g.set_node_property(row, key, v);
            else g.set_relationship_property(row, key, v);
          }
          break;
        }
        case end_kind:
          if (r.u64() != seen) throw ByteReader::Malformed{"records are missing"};
          ended = true;
          break;
        default: throw ByteReader::Malformed{"unknown record kind " + std::to_string(kind)};
      }
      if (!r.done()) throw ByteReader::Malformed{"bytes left over in the record"};
    } catch (const ByteReader::Malformed& m) {
      throw refuse(rec.offset, m.what);
    }
    ++seen;
  }
  if (!ended) throw refuse(scan.valid_end, "the snapshot ends before its end record");
  if (g.node_count() != nodes || g.relationship_count() != rels) {
    throw refuse(scan.valid_end, "it holds fewer elements than its header says");
  }
  // Properties of deleted elements were cleared before they were written,
  // so deleting last only sets the tombstones.
  for (store::RelId r : dead_rels) g.delete_relationship(r);
  for (store::NodeId n : dead_nodes) g.delete_node(n);
  g.commit();
  return sequence;
}

}  // namespace ergo::storage
