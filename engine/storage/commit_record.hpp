// A commit record: what one outermost change did to the graph, as the log
// holds it. Logical, not physical: the elements created (with their labels
// and properties), and for elements that existed before, the state the
// change left them in (their labels, the properties it touched, deleted or
// not). Names of labels, types and keys travel as text in each record, so
// replaying never depends on which ids an interner handed out in a session.
//
// Payload:
//   kind(u8 = 2) sequence(u64)
//   names: count(u32) string*
//   added labels, types, keys: { count(u32) name_index(u32)* } x 3, in id order
//   new nodes: first_id(u32) count(u32) { dead(u8) labels props }*
//   new relationships: first_id(u32) count(u32) { from(u32) to(u32) type(u32) dead(u8) props }*
//   old nodes: count(u32) { id(u32) flags(u8) [labels] props }*   flags: 1 deleted, 2 labels follow
//   old relationships: count(u32) { id(u32) flags(u8) props }*    flags: 1 deleted
//   labels = count(u16) name_index(u32)*;  props = count(u32) { key_index(u32) value }*
// A null value in props removes the property. Kind 1 (the same without the
// added names; logs written before they were recorded) is read too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/store/graph.hpp"

namespace ergo::storage {

// Bytes encode_commit(g, m, …) writes at least, counting only the elements
// created since m (a relationship is 17 bytes or more, a node 7, each of
// their properties 5, 9 with a string, 13 with a number): lets a caller
// see that a load's record is too large for the log without encoding it.
std::uint64_t commit_record_lower_bound(const store::Graph& g, const store::Graph::Mark& m);

// The record of everything `graph` changed since the outermost mark `m`,
// or an empty vector when it changed nothing. Call before graph.accept().
std::vector<std::byte> encode_commit(const store::Graph& graph, const store::Graph::Mark& m, std::uint64_t sequence);

// The sequence number of a record (its first 9 bytes); throws
// ByteReader::Malformed when it is not a commit record.
std::uint64_t commit_sequence(std::span<const std::byte> payload);

// Applies a record to `graph` (no mark open). Throws ByteReader::Malformed
// when the record is malformed or does not fit the graph (ids that do not
// follow on); the caller names the file and offset. Adjacency is left for
// the caller's graph.commit() after the last record: one rebuild, not one
// per record.
void apply_commit(store::Graph& graph, std::span<const std::byte> payload);

}  // namespace ergo::storage
