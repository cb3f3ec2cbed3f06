// The graph store (see graph.hpp).
#include "engine/store/graph.hpp"

#include <algorithm>
#include <tuple>

#include "grammar/text/huge_pages.hpp"
#include "grammar/text/parallel.hpp"

namespace ergo::store {

Graph::Graph() {
  name_key_ = keys_.intern("name");
  aliases_key_ = keys_.intern("aliases");
  label_sets_.push_back({});
  label_set_ids_.emplace(std::vector<LabelId>{}, 0);
}

std::uint32_t Graph::label_set_id(const std::vector<LabelId>& sorted_labels) {
  auto [it, inserted] = label_set_ids_.try_emplace(sorted_labels, static_cast<std::uint32_t>(label_sets_.size()));
  if (inserted) label_sets_.push_back(sorted_labels);
  return it->second;
}

NodeId Graph::add_node(std::vector<LabelId> labels) { return add_node_in_set(label_set(std::move(labels))); }

std::uint32_t Graph::label_set(std::vector<LabelId> labels) {
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return label_set_id(labels);
}

NodeId Graph::add_node_in_set(std::uint32_t label_set) {
  NodeId id = static_cast<NodeId>(node_label_set_.size());
  node_label_set_.push_back(label_set);
  node_dead_.push_back(false);
  for (LabelId l : label_sets_[label_set]) {
    if (nodes_by_label_.size() <= l) nodes_by_label_.resize(l + 1);
    nodes_by_label_[l].push_back(id);
  }
  adjacency_stale_ = true;
  return id;
}

void Graph::restore(Restored r) {
  label_sets_ = std::move(r.label_sets);
  label_set_ids_.clear();
  for (std::size_t i = 0; i < label_sets_.size(); ++i) label_set_ids_.emplace(label_sets_[i], static_cast<std::uint32_t>(i));
  node_label_set_ = std::move(r.node_label_set);
  const std::size_t nodes = node_label_set_.size();
  node_dead_.assign(nodes, false);
  for (NodeId n : r.dead_nodes) node_dead_[n] = true;
  dead_nodes_ = r.dead_nodes.size();
  // The label index, ascending per label: count, then place.
  std::vector<std::size_t> per_set(label_sets_.size(), 0);
  for (std::uint32_t set : node_label_set_) ++per_set[set];
  nodes_by_label_.assign(labels_.size(), {});
  for (std::size_t set = 0; set < label_sets_.size(); ++set) {
    for (LabelId l : label_sets_[set]) nodes_by_label_[l].reserve(nodes_by_label_[l].capacity() + per_set[set]);
  }
  for (std::size_t n = 0; n < nodes; ++n) {
    for (LabelId l : label_sets_[node_label_set_[n]]) nodes_by_label_[l].push_back(static_cast<NodeId>(n));
  }

  rel_from_ = std::move(r.from);
  rel_to_ = std::move(r.to);
  rel_type_ = std::move(r.type);
  rel_dead_.assign(rel_from_.size(), false);
  for (RelId d : r.dead_relationships) rel_dead_[d] = true;
  dead_rels_ = r.dead_relationships.size();
  toggled_.clear();
  if (r.out && r.in) {
    out_ = std::move(*r.out);
    in_ = std::move(*r.in);
    adjacency_covers_ = rel_from_.size();
    adjacency_stale_ = false;
  } else {
    adjacency_covers_ = 0;
    adjacency_stale_ = true;
  }

  node_columns_ = std::move(r.node_columns);
  rel_columns_ = std::move(r.relationship_columns);
  if (r.names) {
    names_ = std::move(*r.names);
    return;
  }
  for (const KeyId key : {name_key_, aliases_key_}) {
    if (key >= node_columns_.size() || node_columns_[key].kind() == PropertyColumn::Kind::empty) continue;
    const PropertyColumn& column = node_columns_[key];
    const bool strings = column.kind() == PropertyColumn::Kind::string;
    if (strings) names_.reserve(names_.size() + column.count());
    // Strings in groups (NameIndex::add_all overlaps their cache misses).
    constexpr std::size_t group = 256;
    std::string_view names[group];
    NodeId ids[group];
    std::size_t held = 0;
    for (std::size_t n = 0; n < nodes; ++n) {
      const auto id = static_cast<NodeId>(n);
      if (!column.has(id)) continue;
      if (!strings) {
        index_names(id, column.get(id), true);
        continue;
      }
      names[held] = column.string_at(id);
      ids[held++] = id;
      if (held == group) {
        names_.add_all({names, held}, {ids, held});
        held = 0;
      }
    }
    names_.add_all({names, held}, {ids, held});
  }
}

void Graph::set_label_set(NodeId n, const std::vector<LabelId>& labels) {
  const std::vector<LabelId> old = label_sets_[node_label_set_[n]];
  if (old == labels) return;
  if (logs_node(n)) undo_.push_back({UndoEntry::Kind::node_labels, 0, n, node_label_set_[n], {}});
  node_label_set_[n] = label_set_id(labels);
  // Both sets are sorted: walk them together, leaving and joining label
  // lists (each kept ascending) where they differ.
  std::size_t i = 0, j = 0;
  while (i < old.size() || j < labels.size()) {
    if (j == labels.size() || (i < old.size() && old[i] < labels[j])) {
      auto& nodes = nodes_by_label_[old[i++]];
      auto at = std::lower_bound(nodes.begin(), nodes.end(), n);
      if (at != nodes.end() && *at == n) nodes.erase(at);
    } else if (i == old.size() || labels[j] < old[i]) {
      LabelId l = labels[j++];
      if (nodes_by_label_.size() <= l) nodes_by_label_.resize(l + 1);
      auto& nodes = nodes_by_label_[l];
      nodes.insert(std::lower_bound(nodes.begin(), nodes.end(), n), n);
    } else {
      ++i, ++j;
    }
  }
}

bool Graph::add_label(NodeId n, LabelId label) {
  if (has_label(n, label)) return false;
  auto set = labels_of(n);
  std::vector<LabelId> labels(set.begin(), set.end());
  labels.insert(std::lower_bound(labels.begin(), labels.end(), label), label);
  set_label_set(n, labels);
  return true;
}

bool Graph::remove_label(NodeId n, LabelId label) {
  if (!has_label(n, label)) return false;
  auto set = labels_of(n);
  std::vector<LabelId> labels(set.begin(), set.end());
  labels.erase(std::lower_bound(labels.begin(), labels.end(), label));
  set_label_set(n, labels);
  return true;
}

void Graph::delete_node(NodeId n) {
  if (!node_exists(n)) return;
  for (std::size_t k = 0; k < node_columns_.size(); ++k) {
    if (node_columns_[k].has(n)) set_node_property(n, static_cast<KeyId>(k), Value());
  }
  set_label_set(n, {});
  if (logs_node(n)) undo_.push_back({UndoEntry::Kind::node_deleted, 0, n, 0, {}});
  node_dead_[n] = true;
  ++dead_nodes_;
}

void Graph::delete_relationship(RelId r) {
  if (!relationship_exists(r)) return;
  for (std::size_t k = 0; k < rel_columns_.size(); ++k) {
    if (rel_columns_[k].has(r)) set_relationship_property(r, static_cast<KeyId>(k), Value());
  }
  if (logs_relationship(r)) undo_.push_back({UndoEntry::Kind::relationship_deleted, 0, r, 0, {}});
  rel_dead_[r] = true;
  ++dead_rels_;
  note_toggled(r);
}

void Graph::note_toggled(RelId r) {
  if (r < adjacency_covers_) toggled_.push_back(r);
  adjacency_stale_ = true;
}

bool Graph::has_label(NodeId n, LabelId label) const {
  auto set = labels_of(n);
  return std::binary_search(set.begin(), set.end(), label);
}

std::span<const NodeId> Graph::nodes_with_label(LabelId label) const {
  if (label >= nodes_by_label_.size()) return {};
  return nodes_by_label_[label];
}

void Graph::reserve(std::size_t more_nodes, std::size_t more_relationships) {
  const std::size_t nodes = text::with_room_to_grow(node_count() + more_nodes);
  node_label_set_.reserve(nodes);
  node_dead_.reserve(nodes);
  const std::size_t rels = text::with_room_to_grow(relationship_count() + more_relationships);
  rel_from_.reserve(rels);
  rel_to_.reserve(rels);
  rel_type_.reserve(rels);
  rel_dead_.reserve(rels);
}

void Graph::make_room_to_grow() {
  const std::size_t nodes = text::with_room_to_grow(node_count());
  const std::size_t rels = text::with_room_to_grow(relationship_count());
  reserve(0, 0);  // the node and relationship arrays, an eighth more
  for (PropertyColumn& c : node_columns_) c.reserve_rows(nodes);
  for (PropertyColumn& c : rel_columns_) c.reserve_rows(rels);
  for (Adjacency* a : {&out_, &in_}) a->reserve(nodes, text::with_room_to_grow(a->footprint()));
}

void Graph::plan_node_property(KeyId key, std::size_t rows) {
  if (node_columns_.size() <= key) node_columns_.resize(key + 1);
  node_columns_[key].plan_rows(rows);
  if (key == name_key_ && rows > node_count()) names_.reserve(names_.size() + (rows - node_count()));
}

void Graph::plan_relationship_property(KeyId key, std::size_t rows) {
  if (rel_columns_.size() <= key) rel_columns_.resize(key + 1);
  rel_columns_[key].plan_rows(rows);
}

RelId Graph::add_relationship(NodeId from, TypeId type, NodeId to) {
  RelId id = static_cast<RelId>(rel_from_.size());
  rel_from_.push_back(from);
  rel_to_.push_back(to);
  rel_type_.push_back(type);
  rel_dead_.push_back(false);
  adjacency_stale_ = true;
  return id;
}

void Graph::add_relationships(std::span<const NodeId> from, std::span<const TypeId> type,
                              std::span<const NodeId> to) {
  rel_from_.insert(rel_from_.end(), from.begin(), from.end());
  rel_to_.insert(rel_to_.end(), to.begin(), to.end());
  rel_type_.insert(rel_type_.end(), type.begin(), type.end());
  rel_dead_.resize(rel_dead_.size() + from.size(), false);
  adjacency_stale_ = true;
}

void Graph::index_names(NodeId n, const Value& value, bool add) {
  auto apply = [&](const std::string& name) { add ? names_.add(name, n) : names_.remove(name, n); };
  if (auto* s = value.get_if<std::string>()) apply(*s);
  if (auto* list = value.get_if<List>()) {
    for (const Value& item : *list) {
      if (auto* s = item.get_if<std::string>()) apply(*s);
    }
  }
}

void Graph::set_node_property(NodeId n, KeyId key, const Value& value) {
  if (node_columns_.size() <= key) node_columns_.resize(key + 1);
  if (logs_node(n)) {
    Value old = node_columns_[key].get(n);
    if (old.is_null() && value.is_null()) return;
    undo_.push_back({UndoEntry::Kind::node_property, key, n, 0, std::move(old)});
  }
  bool named = key == name_key_ || key == aliases_key_;
  if (named) index_names(n, node_columns_[key].get(n), false);
  node_columns_[key].set(n, value);
  if (named) {
    // Removing one name may have removed an entry another key still holds.
    index_names(n, node_columns_[name_key_].get(n), true);
    if (aliases_key_ < node_columns_.size()) index_names(n, node_columns_[aliases_key_].get(n), true);
  }
}

void Graph::set_new_node_property(NodeId n, KeyId key, const Value& value) {
  if (node_columns_.size() <= key) node_columns_.resize(key + 1);
  if (logs_node(n) || node_columns_[key].has(n)) return set_node_property(n, key, value);
  node_columns_[key].set(n, value);
}

void Graph::set_new_node_integer(NodeId n, KeyId key, std::int64_t value) {
  if (node_columns_.size() <= key) node_columns_.resize(key + 1);
  if (logs_node(n) || node_columns_[key].has(n)) return set_node_property(n, key, Value(value));
  node_columns_[key].set_integer(n, value);
}

void Graph::set_new_node_string(NodeId n, KeyId key, std::string_view value) {
  if (node_columns_.size() <= key) node_columns_.resize(key + 1);
  if (logs_node(n) || node_columns_[key].has(n)) return set_node_property(n, key, Value(value));
  node_columns_[key].set_string(n, value);
}

void Graph::index_names_of(NodeId begin, NodeId end) {
  std::vector<std::string_view> names;
  std::vector<NodeId> nodes;
  for (KeyId key : {name_key_, aliases_key_}) {
    const PropertyColumn* column = node_column(key);
    if (!column) continue;
    for (NodeId n = begin; n < end; ++n) {
      if (!column->has(n)) continue;
      if (column->kind() == PropertyColumn::Kind::string) {
        names.push_back(column->string_at(n));
        nodes.push_back(n);
        continue;
      }
      // Not a column of strings only: take the values one by one.
      index_names(n, column->get(n), true);
    }
  }
  names_.add_all(names, nodes);
}

void Graph::set_relationship_property(RelId r, KeyId key, const Value& value) {
  if (rel_columns_.size() <= key) rel_columns_.resize(key + 1);
  if (logs_relationship(r)) {
    Value old = rel_columns_[key].get(r);
    if (old.is_null() && value.is_null()) return;
    undo_.push_back({UndoEntry::Kind::relationship_property, key, r, 0, std::move(old)});
  }
  rel_columns_[key].set(r, value);
}

void Graph::set_relationship_integer(RelId r, KeyId key, std::int64_t value) {
  if (rel_columns_.size() <= key || logs_relationship(r)) return set_relationship_property(r, key, Value(value));
  rel_columns_[key].set_integer(r, value);
}

void Graph::set_new_relationship_integers(RelId first, KeyId key, std::span<const std::int64_t> values,
                                          std::span<const std::uint8_t> present) {
  if (values.empty()) return;
  if (rel_columns_.size() <= key) rel_columns_.resize(key + 1);
  if (logs_relationship(first)) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (present[i]) set_relationship_integer(static_cast<RelId>(first + i), key, values[i]);
    }
    return;
  }
  rel_columns_[key].set_integers(first, values, present);
}

Value Graph::node_property(NodeId n, KeyId key) const {
  return key < node_columns_.size() ? node_columns_[key].get(n) : Value();
}

Value Graph::relationship_property(RelId r, KeyId key) const {
  return key < rel_columns_.size() ? rel_columns_[key].get(r) : Value();
}

const PropertyColumn* Graph::node_column(KeyId key) const {
  return key < node_columns_.size() ? &node_columns_[key] : nullptr;
}

const PropertyColumn* Graph::relationship_column(KeyId key) const {
  return key < rel_columns_.size() ? &rel_columns_[key] : nullptr;
}

namespace {

Map properties_of(std::uint32_t row, const std::vector<PropertyColumn>& columns,
                  const Interner<KeyId>& keys) {
  Map m;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].has(row)) m.emplace_back(keys.name(static_cast<KeyId>(k)), columns[k].get(row));
  }
  return Value(std::move(m)).as_map();
}

}  // namespace

bool Graph::every_node_uniquely_named() const {
  const PropertyColumn* names = node_column(name_key_);
  return names && names->kind() == PropertyColumn::Kind::string && names->count() == live_node_count() &&
         names_.one_node_per_key();
}

Map Graph::node_properties(NodeId n) const { return properties_of(n, node_columns_, keys_); }

Map Graph::relationship_properties(RelId r) const { return properties_of(r, rel_columns_, keys_); }

Graph::Mark Graph::mark() {
  log_nodes_below_ = node_count();
  log_relationships_below_ = relationship_count();
  return {node_count(), relationship_count(), labels_.size(), types_.size(), keys_.size(), undo_.size(), depth_++};
}

void Graph::accept() {
  if (depth_ > 0) --depth_;
  if (depth_ > 0) return;
  undo_.clear();
  undo_.shrink_to_fit();
  log_nodes_below_ = log_relationships_below_ = 0;
}

void Graph::undo(std::size_t down_to) {
  replaying_ = true;
  while (undo_.size() > down_to) {
    UndoEntry e = std::move(undo_.back());
    undo_.pop_back();
    switch (e.kind) {
      case UndoEntry::Kind::node_property: set_node_property(e.id, e.key, e.old); break;
      case UndoEntry::Kind::relationship_property: set_relationship_property(e.id, e.key, e.old); break;
      case UndoEntry::Kind::node_labels: {
        const std::vector<LabelId> labels = label_sets_[e.label_set];  // a copy: label_sets_ may grow
        set_label_set(e.id, labels);
        break;
      }
      case UndoEntry::Kind::node_deleted:
        node_dead_[e.id] = false;
        --dead_nodes_;
        break;
      case UndoEntry::Kind::relationship_deleted:
        rel_dead_[e.id] = false;
        --dead_rels_;
        note_toggled(e.id);
        break;
    }
  }
  replaying_ = false;
}

void Graph::rollback(const Mark& m) {
  depth_ = m.depth;
  undo(m.undo);
  // Relationships about to be dropped may be in the adjacency (an earlier
  // statement of the transaction committed them): out with them first.
  if (adjacency_covers_ > m.relationships) update_adjacency(m.relationships);
  // Truncation below forgets how many of the dropped elements were deleted.
  for (std::size_t n = m.nodes; n < node_count(); ++n) dead_nodes_ -= node_dead_[n];
  for (std::size_t r = m.relationships; r < relationship_count(); ++r) dead_rels_ -= rel_dead_[r];
  node_dead_.resize(m.nodes);
  rel_dead_.resize(m.relationships);
  for (NodeId n = static_cast<NodeId>(m.nodes); n < node_count(); ++n) {
    index_names(n, node_property(n, name_key_), false);
    index_names(n, node_property(n, aliases_key_), false);
  }
  for (auto& nodes : nodes_by_label_) {
    auto keep = std::lower_bound(nodes.begin(), nodes.end(), static_cast<NodeId>(m.nodes));
    nodes.erase(keep, nodes.end());
  }
  node_label_set_.resize(m.nodes);
  rel_from_.resize(m.relationships);
  rel_to_.resize(m.relationships);
  rel_type_.resize(m.relationships);
  for (auto& column : node_columns_) column.truncate(static_cast<std::uint32_t>(m.nodes));
  for (auto& column : rel_columns_) column.truncate(static_cast<std::uint32_t>(m.relationships));
  if (node_columns_.size() > m.keys) node_columns_.resize(m.keys);
  if (rel_columns_.size() > m.keys) rel_columns_.resize(m.keys);
  if (nodes_by_label_.size() > m.labels) nodes_by_label_.resize(m.labels);
  labels_.truncate(m.labels);
  types_.truncate(m.types);
  keys_.truncate(m.keys);
  adjacency_stale_ = true;
  commit();
}

void Graph::commit(std::size_t threads) {
  if (!adjacency_stale_) return;
  adjacency_stale_ = false;
  // When much of the graph is new (a load), one build in node order is
  // cheaper than inserting slice by slice.
  const std::size_t added = relationship_count() - std::min(adjacency_covers_, relationship_count());
  if (added > 1024 && added >= relationship_count() / 4) {
    const std::vector<bool>* dead = dead_rels_ ? &rel_dead_ : nullptr;
    // The two directions share only their (read) inputs.
    auto build = [&](std::size_t direction) {
      if (direction == 0) out_.build(node_count(), rel_from_, rel_to_, rel_type_, dead);
      else in_.build(node_count(), rel_to_, rel_from_, rel_type_, dead);
    };
    if (threads > 1) {
      text::run_parts(2, build);
    } else {
      build(0);
      build(1);
    }
    adjacency_covers_ = relationship_count();
    toggled_.clear();
    return;
  }
  update_adjacency(relationship_count());
}

void Graph::update_adjacency(std::size_t keep) {
  auto gone = [&](RelId r) { return r >= keep || rel_dead_[r]; };
  std::vector<NodeId> out_losing, in_losing;  // slices that lose entries
  std::vector<Adjacency::Insertion> out_added, in_added;
  auto add = [&](RelId r) {
    out_added.push_back({rel_from_[r], rel_type_[r], rel_to_[r], r});
    in_added.push_back({rel_to_[r], rel_type_[r], rel_from_[r], r});
  };
  std::sort(toggled_.begin(), toggled_.end());
  for (std::size_t i = 0; i < toggled_.size();) {
    std::size_t j = i;
    while (j < toggled_.size() && toggled_[j] == toggled_[i]) ++j;
    const RelId r = toggled_[i];
    if ((j - i) % 2 == 1 && r < keep) {
      if (rel_dead_[r]) {
        out_losing.push_back(rel_from_[r]);
        in_losing.push_back(rel_to_[r]);
      } else {
        add(r);
      }
    }
    i = j;
  }
  toggled_.clear();
  for (std::size_t r = keep; r < adjacency_covers_; ++r) {
    out_losing.push_back(rel_from_[r]);
    in_losing.push_back(rel_to_[r]);
  }
  for (std::size_t r = adjacency_covers_; r < keep; ++r) {
    if (!rel_dead_[r]) add(static_cast<RelId>(r));
  }
  for (auto* nodes : {&out_losing, &in_losing}) {
    std::sort(nodes->begin(), nodes->end());
    nodes->erase(std::unique(nodes->begin(), nodes->end()), nodes->end());
  }
  out_.remove_from(out_losing, gone);
  in_.remove_from(in_losing, gone);
  out_.resize_nodes(node_count());
  in_.resize_nodes(node_count());
  auto slice_order = [](const Adjacency::Insertion& a, const Adjacency::Insertion& b) {
    return std::tuple(a.node, a.type, a.neighbor, a.rel) < std::tuple(b.node, b.type, b.neighbor, b.rel);
  };
  std::sort(out_added.begin(), out_added.end(), slice_order);
  std::sort(in_added.begin(), in_added.end(), slice_order);
  out_.insert(out_added);
  in_.insert(in_added);
  adjacency_covers_ = keep;
}

std::size_t Graph::property_count() const {
  std::size_t n = 0;
  for (const auto& c : node_columns_) n += c.count();
  for (const auto& c : rel_columns_) n += c.count();
  return n;
}

std::size_t Graph::labels_in_use() const {
  std::size_t n = 0;
  for (const auto& nodes : nodes_by_label_) n += !nodes.empty();
  return n;
}

std::size_t Graph::memory_bytes() const {
  std::size_t bytes = node_label_set_.capacity() * 4 + rel_from_.capacity() * 4 +
                      rel_to_.capacity() * 4 + rel_type_.capacity() * 2 + out_.memory_bytes() +
                      in_.memory_bytes();
  for (const auto& nodes : nodes_by_label_) bytes += nodes.capacity() * 4;
  bytes += node_dead_.capacity() / 8 + rel_dead_.capacity() / 8;
  for (const auto& c : node_columns_) bytes += c.memory_bytes();
  for (const auto& c : rel_columns_) bytes += c.memory_bytes();
  return bytes;
}

}  // namespace ergo::store
