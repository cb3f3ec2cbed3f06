// The graph store: nodes with label sets and properties, typed directed
// relationships with properties, CSR adjacency in both directions, and the
// name index. Elements are arrays indexed by dense ids, which keeps memory
// near 40 bytes per relationship. Deleting leaves a tombstone: ids are never
// reused (docs/adr/0006-writes.md). A failed change is undone by replaying
// the undo log (changes to elements older than the mark) and truncating
// (elements created since).
//
// Reads are safe from many threads at once; writes need exclusive access
// (the database layer serializes them). Adjacency reflects relationships
// added and deleted up to the last commit().
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/store/adjacency.hpp"
#include "engine/store/ids.hpp"
#include "engine/store/interner.hpp"
#include "engine/store/name_index.hpp"
#include "engine/store/property_column.hpp"
#include "ergo/value.hpp"

namespace ergo::store {

class Graph {
 public:
  Graph();

  // Dictionaries of label, relationship type and property key names.
  Interner<LabelId>& labels() { return labels_; }
  const Interner<LabelId>& labels() const { return labels_; }
  Interner<TypeId>& types() { return types_; }
  const Interner<TypeId>& types() const { return types_; }
  Interner<KeyId>& keys() { return keys_; }
  const Interner<KeyId>& keys() const { return keys_; }

  // The property keys the name index follows.
  KeyId name_key() const { return name_key_; }
  KeyId aliases_key() const { return aliases_key_; }

  // --- Nodes. node_count() is the id bound (deleted ids included): loops
  // over ids check node_exists().
  NodeId add_node(std::vector<LabelId> labels);
  // For a load: the id of a set of labels (in any order, repeats allowed),
  // and a node added with the set of that id, as add_node(labels) does.
  std::uint32_t label_set(std::vector<LabelId> labels);
  NodeId add_node_in_set(std::uint32_t label_set);
  // Room for this many more nodes and relationships (a load that knows its
  // row counts), so the arrays are not copied as they grow.
  void reserve(std::size_t more_nodes, std::size_t more_relationships);
  // An eighth more room in every array that writes grow (text::
  // with_room_to_grow): a copied graph (the second version, ADR 0006 §4)
  // has none, and its first write would copy each array whole.
  void make_room_to_grow();
  // A load will set `key` on nodes (relationships) with ids below `rows`:
  // its column, and for names the name index, take that room at once.
  void plan_node_property(KeyId key, std::size_t rows);
  void plan_relationship_property(KeyId key, std::size_t rows);
  std::size_t node_count() const { return node_label_set_.size(); }
  std::size_t live_node_count() const { return node_count() - dead_nodes_; }
  bool node_exists(NodeId n) const { return n < node_count() && !node_dead_[n]; }
  bool has_deleted_nodes() const { return dead_nodes_ > 0; }
  // Adds (removes) one label; false when the node already had (lacked) it.
  bool add_label(NodeId n, LabelId label);
  bool remove_label(NodeId n, LabelId label);
  // Deletes a node: its labels and properties go first (leaving the label
  // and name indexes), then its id is tombstoned. Its relationships must
  // already be deleted (the engine checks; the store does not).
  void delete_node(NodeId n);
  std::span<const LabelId> labels_of(NodeId n) const { return label_sets_[node_label_set_[n]]; }
  bool has_label(NodeId n, LabelId label) const;
  // Nodes carrying `label`, ascending.
  std::span<const NodeId> nodes_with_label(LabelId label) const;

  // --- Relationships
  RelId add_relationship(NodeId from, TypeId type, NodeId to);
  // For a load: add_relationship for each i, in order (ids from
  // relationship_count() on), appended at once.
  void add_relationships(std::span<const NodeId> from, std::span<const TypeId> type, std::span<const NodeId> to);
  // The id bound, as node_count().
  std::size_t relationship_count() const { return rel_from_.size(); }
  std::size_t live_relationship_count() const { return relationship_count() - dead_rels_; }
  bool relationship_exists(RelId r) const { return r < relationship_count() && !rel_dead_[r]; }
  // Removes its properties and tombstones it; adjacency drops it at commit().
  void delete_relationship(RelId r);
  NodeId source(RelId r) const { return rel_from_[r]; }
  NodeId target(RelId r) const { return rel_to_[r]; }
  TypeId type_of(RelId r) const { return rel_type_[r]; }

  // --- Adjacency (as of the last commit)
  std::span<const Adjacent> out(NodeId n) const { return out_.of(n); }
  std::span<const Adjacent> in(NodeId n) const { return in_.of(n); }
  std::span<const Adjacent> out(NodeId n, TypeId t) const { return out_.of(n, t); }
  std::span<const Adjacent> in(NodeId n, TypeId t) const { return in_.of(n, t); }
  // The types of out(n) / in(n), entry by entry (ascending).
  std::span<const TypeId> out_types(NodeId n) const { return out_.types_of(n); }
  std::span<const TypeId> in_types(NodeId n) const { return in_.types_of(n); }

  // --- Properties (a null value removes the property)
  void set_node_property(NodeId n, KeyId key, const Value& value);
  void set_relationship_property(RelId r, KeyId key, const Value& value);
  // set_relationship_property(r, key, Value(value)), without the Value
  // where nothing needs one (a load's integer columns).
  void set_relationship_integer(RelId r, KeyId key, std::int64_t value);
  // For a load: set_relationship_integer(first + i, key, values[i]) for
  // each i where present[i], on relationships added since the mark.
  void set_new_relationship_integers(RelId first, KeyId key, std::span<const std::int64_t> values,
                                     std::span<const std::uint8_t> present);
  // For a load: set_node_property on a node that has no value for `key`
  // and nothing to undo (new since the mark), leaving a name or alias
  // unindexed until index_names_of() indexes a run of nodes' names at once
  // (their cache misses overlap: NameIndex::add_all). Until then
  // find_by_name does not find them.
  void set_new_node_property(NodeId n, KeyId key, const Value& value);
  // set_new_node_property of an integer or a string, without the Value.
  void set_new_node_integer(NodeId n, KeyId key, std::int64_t value);
  void set_new_node_string(NodeId n, KeyId key, std::string_view value);
  void index_names_of(NodeId begin, NodeId end);
  Value node_property(NodeId n, KeyId key) const;
  Value relationship_property(RelId r, KeyId key) const;
  // The column of a key, or nullptr when no node (relationship) ever had it.
  const PropertyColumn* node_column(KeyId key) const;
  const PropertyColumn* relationship_column(KeyId key) const;
  // All properties of an element, sorted by key name.
  Map node_properties(NodeId n) const;
  Map relationship_properties(RelId r) const;

  // --- Names: nodes whose `name` or one of whose `aliases` matches,
  // ignoring case and Unicode normalization form.
  std::vector<NodeId> find_by_name(std::string_view name) const { return names_.find(name); }
  // Every living node has a string `name`, and no two nodes share a name or
  // an alias as the name index folds them (so no two share a `name` value):
  // grouping nodes by n.name is grouping them by n. O(nodes / 64).
  bool every_node_uniquely_named() const;

  // --- Changes
  struct Mark {
    std::size_t nodes, relationships, labels, types, keys, undo;
    std::size_t depth;  // marks open before this one: 0 for an outermost change
  };
  // Opens an undoable change. From here on, every change to an element
  // that exists now is logged (old value first); elements created later
  // need no log, truncation undoes them. Marks nest (a transaction, then
  // its statements); the latest one sets what is logged.
  Mark mark();
  // Undoes everything since `m`: replays the undo log backwards through the
  // ordinary mutators (so the indexes follow), then truncates.
  void rollback(const Mark& m);
  // The innermost open change succeeded. When it is the outermost one, the
  // change commits and the undo log is dropped; an inner change's entries
  // stay, so the outer change can still be undone (and written to disk).
  void accept();
  // Changes open now (marks not yet accepted or rolled back).
  std::size_t open_changes() const { return depth_; }

  // One change to an element older than the latest mark, with what it was.
  struct UndoEntry {
    enum class Kind : std::uint8_t { node_property, relationship_property, node_labels, node_deleted, relationship_deleted };
    Kind kind;
    KeyId key = 0;
    std::uint32_t id = 0;
    std::uint32_t label_set = 0;
    Value old;
  };
  // What changed to elements older than `m` since it (engine/storage/ reads
  // it at the commit point to write the change to the log).
  std::span<const UndoEntry> changes_since(const Mark& m) const {
    return std::span<const UndoEntry>(undo_).subspan(m.undo);
  }
  // Makes adjacency reflect every relationship added and deleted so far:
  // O(the slices the changes touch), not O(relationships). After a load
  // (much of the graph new) both directions are built from scratch, on two
  // threads when `threads` allows.
  void commit(std::size_t threads = 1);

  // --- Snapshots (engine/storage/snapshot_*.cpp) write these arrays as they
  // are and restore() takes them back, so reopening a database copies its
  // arrays instead of rebuilding them.
  std::span<const std::vector<LabelId>> label_sets() const { return label_sets_; }
  // Each node's index into label_sets().
  std::span<const std::uint32_t> node_label_sets() const { return node_label_set_; }
  std::span<const NodeId> sources() const { return rel_from_; }
  std::span<const NodeId> targets() const { return rel_to_; }
  std::span<const TypeId> relationship_types() const { return rel_type_; }
  // The adjacency, current when every change has been committed.
  const Adjacency& out_adjacency() const { return out_; }
  const Adjacency& in_adjacency() const { return in_; }
  const NameIndex& name_index() const { return names_; }
  bool adjacency_current() const { return !adjacency_stale_; }

  struct Restored {
    std::vector<std::vector<LabelId>> label_sets;  // distinct, each sorted; [0] is the empty set
    text::HugeVector<std::uint32_t> node_label_set;  // one per node
    std::vector<NodeId> dead_nodes;                  // ascending; their label set is [0]
    text::HugeVector<NodeId> from, to;               // one per relationship
    text::HugeVector<TypeId> type;
    std::vector<RelId> dead_relationships;  // ascending
    // Both directions, or none (then the next commit() builds them).
    std::optional<Adjacency> out, in;
    std::vector<PropertyColumn> node_columns, relationship_columns;  // by KeyId
    // The name index as written, checked (NameIndex::restored); when absent
    // it is built from the name and aliases columns.
    std::optional<NameIndex> names;
  };
  // Fills this graph, which has names but no elements yet, from arrays the
  // caller has checked (every id in range, every count agreeing).
  void restore(Restored r);

  std::size_t memory_bytes() const;
  // Property values over all nodes and relationships.
  std::size_t property_count() const;
  // Labels carried by at least one node.
  std::size_t labels_in_use() const;

 private:
  void index_names(NodeId n, const Value& value, bool add);
  // Moves a node to another (sorted, unique) label set, keeping the label
  // index in step and logging the old set.
  void set_label_set(NodeId n, const std::vector<LabelId>& labels);
  std::uint32_t label_set_id(const std::vector<LabelId>& sorted_labels);
  void undo(std::size_t down_to);
  // Brings the adjacency to the relationships [0, keep) that live: takes
  // out the deleted ones and those from `keep` on (a rollback's, while
  // their ends are still known), adds the new and the revived ones.
  void update_adjacency(std::size_t keep);
  void note_toggled(RelId r);

  bool logs_node(NodeId n) const { return !replaying_ && n < log_nodes_below_; }
  bool logs_relationship(RelId r) const { return !replaying_ && r < log_relationships_below_; }
  std::vector<UndoEntry> undo_;
  std::size_t log_nodes_below_ = 0, log_relationships_below_ = 0;
  bool replaying_ = false;
  std::size_t depth_ = 0;

  Interner<LabelId> labels_;
  Interner<TypeId> types_;
  Interner<KeyId> keys_;
  KeyId name_key_;
  KeyId aliases_key_;

  // Label sets are shared: most nodes have one of a handful of combinations.
  std::vector<std::vector<LabelId>> label_sets_;
  std::map<std::vector<LabelId>, std::uint32_t> label_set_ids_;
  text::HugeVector<std::uint32_t> node_label_set_;
  std::vector<text::HugeVector<NodeId>> nodes_by_label_;
  std::vector<bool> node_dead_;
  std::size_t dead_nodes_ = 0;

  text::HugeVector<NodeId> rel_from_;
  text::HugeVector<NodeId> rel_to_;
  text::HugeVector<TypeId> rel_type_;
  std::vector<bool> rel_dead_;
  std::size_t dead_rels_ = 0;
  Adjacency out_;
  Adjacency in_;
  bool adjacency_stale_ = false;
  // Relationships [0, adjacency_covers_) are in the adjacency unless dead
  // at its last update; those of them deleted or brought back since are in
  // toggled_, once per change (an even count is no change).
  std::size_t adjacency_covers_ = 0;
  std::vector<RelId> toggled_;

  std::vector<PropertyColumn> node_columns_;  // by KeyId
  std::vector<PropertyColumn> rel_columns_;   // by KeyId
  NameIndex names_;
};

}  // namespace ergo::store
