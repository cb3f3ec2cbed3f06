// What the records of a snapshot are (snapshot.hpp describes the file):
// shared by the writer and the reader, and part of the file format, so
// never renumbered.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "engine/store/adjacency.hpp"
#include "engine/store/name_index.hpp"
#include "engine/store/property_column.hpp"
#include "engine/storage/frame.hpp"

namespace ergo::storage::snapshot_format {

inline constexpr Magic magic{'e', 'r', 'g', 'o', 's', 'n', 'a', 'p'};

enum Kind : std::uint8_t {
  meta_kind = 1,
  nodes_kind = 2,  // version 1 only
  rels_kind = 3,   // version 1 only
  props_kind = 4,
  label_sets_kind = 5,  // version 2 on
  array_kind = 6,
  column_kind = 7,
  end_kind = 9,
  name_index_kind = 10,  // version 3 on
};

// The arrays of version 2, each written as it is in memory (little-endian)
// in records of at most about 4 MiB.
enum class Array : std::uint8_t {
  node_label_set = 1,  // u32 per node: index into the label sets
  dead_nodes = 2,      // u32 node ids, ascending
  sources = 3,         // u32 per relationship
  targets = 4,         // u32 per relationship
  types = 5,           // u16 per relationship
  dead_relationships = 6,  // u32 relationship ids, ascending
  out_degrees = 7,     // u32 per node: its slice's length
  out_entries = 8,     // (neighbor u32, relationship u32) per entry, slice after slice
  out_types = 9,       // u16 per entry
  in_degrees = 10,
  in_entries = 11,
  in_types = 12,
  column_presence = 13,  // u64 words of the open column's presence bits
  column_values = 14,    // i64 or f64 per row of the open column
  column_chars = 15,     // the open column's strings, back to back
  column_spans = 16,     // (offset u32, length u32) per row into column_chars
  // Version 3 on, after the name index record:
  name_slots = 17,  // store::NameIndex::Slot (24 bytes) per slot of the table
  name_chars = 18,  // the table's folded keys, back to back
  name_more = 19,   // the lists of more nodes, each as its length (u32) then its ids
  out_slices = 20,  // (begin u32, end u32) per node: its slice of out_entries (instead of out_degrees)
  in_slices = 21,
};
inline constexpr std::uint8_t last_array = 21;

// Bytes per element of each array.
constexpr std::size_t width(Array a) {
  switch (a) {
    case Array::types:
    case Array::out_types:
    case Array::in_types: return 2;
    case Array::out_entries:
    case Array::in_entries:
    case Array::column_presence:
    case Array::column_values:
    case Array::column_spans:
    case Array::out_slices:
    case Array::in_slices: return 8;
    case Array::name_slots: return 24;
    case Array::column_chars:
    case Array::name_chars: return 1;
    default: return 4;
  }
}

inline constexpr std::size_t array_record_bytes = std::size_t{4} << 20;

// Arrays are copied between memory and the file as they are.
static_assert(std::endian::native == std::endian::little, "snapshots are little-endian; this host is not");
static_assert(sizeof(store::Adjacent) == 8 && sizeof(store::PropertyColumn::StringSpan) == 8 &&
              sizeof(store::Adjacency::Slice) == 8);
static_assert(sizeof(store::NameIndex::Slot) == 24 && std::is_trivially_copyable_v<store::NameIndex::Slot> &&
              std::is_trivially_default_constructible_v<store::NameIndex::Slot>);

}  // namespace ergo::storage::snapshot_format
