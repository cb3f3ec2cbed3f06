// The snapshot: the whole graph in one file, written at a checkpoint.
//
//   header(16: "ergosnap", version 3) record*   (framing: frame.hpp)
//   meta:       kind(u8=1) sequence(u64) nodes(u64) relationships(u64)
//               labels, types, keys: count(u32) string* each (in id order)
//   label sets: kind(u8=5) count(u32) { size(u16) label_id(u16)* }*   (the first is the empty set)
//   array:      kind(u8=6) array(u8) first(u64) count(u32) padding(u8) zero*padding element*
//               (snapshot_format.hpp; no padding byte in version 2)
//   column:     kind(u8=7) target(u8: 0 nodes, 1 relationships) key(u16) kind(u8: integer 1, float 2, string 4)
//               followed by its arrays: presence, then values, or characters then spans
//   props:      kind(u8=4) target(u8) key(u16) count(u32) { row(u32) value }*   (booleans, mixed columns)
//   name index: kind(u8=10) hash_check(u64), followed by its arrays (version 3)
//   end:        kind(u8=9) records_before(u64)
// Versions 2 and 3 lay out the store's own arrays as they are in memory
// (little endian): each node's label set, the relationships' ends and
// types, the deleted ids, both directions of the adjacency (degrees,
// entries, entry types: the compact form), and typed property columns.
// Version 3 writes each array as one record (several only past the largest
// record, 1 GiB) with its elements at a multiple of 64 bytes in the file,
// the adjacency's slice tables instead of degrees, and the name index's
// table (after a record naming the hash it was built with): opening maps
// the file and the store keeps its large arrays and the name table in the
// mapping (text::MappedFile) after checking every id against the counts in
// the header, so an open copies nothing large and rebuilds only the label
// index. Version 2 cut arrays into records of about 4 MiB, which opening
// copies, and held degrees and no name index.
// Version 1 (read, no longer written) held elements one by one:
//   nodes:    kind(u8=2) first(u32) count(u32) { dead(u8) labels: count(u16) label_id(u16)* }*
//   rels:     kind(u8=3) first(u32) count(u32) { from(u32) to(u32) type(u16) dead(u8) }*
// Ids are the store's: deleted ones are kept (tombstones) so that ids in the
// log, and any a program holds, mean the same after reopening. A snapshot is
// never appended to, so any damage in it, a missing end included, is refused.
#pragma once

#include <cstdint>
#include <cstddef>
#include <filesystem>
#include <span>

#include "engine/store/graph.hpp"
#include "engine/storage/file_io.hpp"
#include "grammar/text/mapped_file.hpp"

namespace ergo::storage {

inline constexpr std::uint32_t snapshot_version = 3;

// Writes `graph` (every change accepted) as of commit `sequence` to `path`
// and syncs it. Throws ergo::Error (io_error); the file may then be partial,
// which is why the caller writes to a temporary name.
void write_snapshot(const store::Graph& graph, std::uint64_t sequence, const std::filesystem::path& path);

// Loads the snapshot at `path` into the empty `graph`; returns its commit
// sequence. Throws ergo::Error (data_error) naming the file and the byte
// offset of the first damage.
std::uint64_t read_snapshot(const std::filesystem::path& path, store::Graph& graph);
// The same from a file already open (a read-only open reads the one it
// checked); `path` names it in errors. Mapped where it can be, so that the
// graph's large arrays stay in the mapping (text::MappedFile).
std::uint64_t read_snapshot(const std::filesystem::path& path, const File& file, store::Graph& graph);
// The same from the snapshot's whole content; `mapping`, when not null, is
// the mapping `bytes` lie in, whose arrays the graph may keep.
std::uint64_t read_snapshot(const std::filesystem::path& path, std::span<const std::byte> bytes, store::Graph& graph,
                            const text::MappedFile* mapping = nullptr);

}  // namespace ergo::storage
