// Commit records: captured from the store's change tracking at the commit
// point, replayed through the store's ordinary mutators (commit_record.hpp).
#include "engine/storage/commit_record.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "engine/storage/bytes.hpp"

namespace ergo::storage {
namespace {

using store::Graph;
using Kind = Graph::UndoEntry::Kind;
// Kind 1 records (before the names added below) are still read.
constexpr std::uint8_t commit_kind_v1 = 1;
constexpr std::uint8_t commit_kind = 2;

// The record's own name table: each label, type or key name once.
class Names {
 public:
  std::uint32_t of(const std::string& name) {
    auto [it, added] = index_.try_emplace(name, static_cast<std::uint32_t>(names_.size()));
    if (added) names_.push_back(name);
    return it->second;
  }
  const std::vector<std::string>& all() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

void write_labels(ByteWriter& w, Names& names, const Graph& g, store::NodeId n) {
  const auto labels = g.labels_of(n);
  w.u16(static_cast<std::uint16_t>(labels.size()));
  for (store::LabelId l : labels) w.u32(names.of(g.labels().name(l)));
}

// Every property of a new element, in key order.
template <class Column>
void write_all_props(ByteWriter& w, Names& names, const Graph& g, std::uint32_t id, Column column) {
  std::vector<std::pair<store::KeyId, Value>> props;
  for (std::size_t k = 0; k < g.keys().size(); ++k) {
    const store::PropertyColumn* c = (g.*column)(static_cast<store::KeyId>(k));
    if (c && c->has(id)) props.emplace_back(static_cast<store::KeyId>(k), c->get(id));
  }
  w.u32(static_cast<std::uint32_t>(props.size()));
  for (const auto& [key, value] : props) {
    w.u32(names.of(g.keys().name(key)));
    w.value(value);
  }
}

struct OldChange {
  bool deleted = false, labels = false;
  std::set<store::KeyId> keys;
};

}  // namespace

namespace {

// Rows in [from, to) that have a value.
std::uint64_t present_between(const store::PropertyColumn& c, std::size_t from, std::size_t to) {
  const std::span<const std::uint64_t> bits = c.presence();
  std::uint64_t n = 0;
  for (std::size_t row = from; row < to && row / 64 < bits.size();) {
    std::uint64_t word = bits[row / 64] >> (row % 64);
    const std::size_t span = std::min<std::size_t>(64 - row % 64, to - row);
    if (span < 64) word &= (std::uint64_t{1} << span) - 1;
    n += static_cast<std::uint64_t>(std::popcount(word));
    row += span;
  }
  return n;
}

// What the properties of the new elements take at least: the key (u32)
// and the value's tag, plus eight bytes of an integer or a float, or the
// length (u32) of a string.
template <typename Column>
std::uint64_t new_properties_lower_bound(const Graph& g, Column column, std::size_t from, std::size_t to) {
  std::uint64_t bytes = 0;
  for (std::size_t k = 0; k < g.keys().size(); ++k) {
    const store::PropertyColumn* c = (g.*column)(static_cast<store::KeyId>(k));
    if (!c) continue;
    using Kind = store::PropertyColumn::Kind;
    const std::uint64_t each = c->kind() == Kind::integer || c->kind() == Kind::floating ? 13
                               : c->kind() == Kind::string                             ? 9
                                                                                        : 5;
    bytes += each * present_between(*c, from, to);
  }
  return bytes;
}

}  // namespace

std::uint64_t commit_record_lower_bound(const Graph& g, const Graph::Mark& m) {
  // A relationship: source, target, type (u32 each), the deleted byte,
  // its properties' count (u32); a node: the deleted byte, its labels'
  // count (u16), its properties' count (u32); then their properties.
  return (g.relationship_count() - m.relationships) * 17 + (g.node_count() - m.nodes) * 7 +
         new_properties_lower_bound(g, &Graph::node_column, m.nodes, g.node_count()) +
         new_properties_lower_bound(g, &Graph::relationship_column, m.relationships, g.relationship_count());
}

std::vector<std::byte> encode_commit(const Graph& g, const Graph::Mark& m, std::uint64_t sequence) {
  // Old elements touched, by id: the undo log may name one many times.
  std::map<std::uint32_t, OldChange> nodes, rels;
  for (const Graph::UndoEntry& e : g.changes_since(m)) {
    const bool node = e.kind == Kind::node_property || e.kind == Kind::node_labels || e.kind == Kind::node_deleted;
    // Elements created since the mark are written whole below; an inner
    // mark may have logged changes to them too.
    if (node ? e.id >= m.nodes : e.id >= m.relationships) continue;
    OldChange& c = (node ? nodes : rels)[e.id];
    switch (e.kind) {
      case Kind::node_property:
      case Kind::relationship_property: c.keys.insert(e.key); break;
      case Kind::node_labels: c.labels = true; break;
      case Kind::node_deleted:
      case Kind::relationship_deleted: c.deleted = true; break;
    }
  }
  const std::size_t new_nodes = g.node_count() - m.nodes, new_rels = g.relationship_count() - m.relationships;
  const bool new_names = g.labels().size() > m.labels || g.types().size() > m.types || g.keys().size() > m.keys;
  if (nodes.empty() && rels.empty() && new_nodes == 0 && new_rels == 0 && !new_names) return {};

  Names names;
  ByteWriter body;
  // The names the change added, in the order it added them: a replay adds
  // them first, so every label, type and key gets the id it has here (and
  // labels(n), keys(n) list them in the same order) whatever the elements
  // below mention, or do not mention at all.
  auto write_added = [&]<class Id>(const store::Interner<Id>& interner, std::size_t from) {
    body.u32(static_cast<std::uint32_t>(interner.size() - from));
    for (std::size_t id = from; id < interner.size(); ++id) body.u32(names.of(interner.name(static_cast<Id>(id))));
  };
  write_added(g.labels(), m.labels);
  write_added(g.types(), m.types);
  write_added(g.keys(), m.keys);
  body.u32(static_cast<std::uint32_t>(m.nodes));
  body.u32(static_cast<std::uint32_t>(new_nodes));
  for (std::size_t n = m.nodes; n < g.node_count(); ++n) {
    const auto id = static_cast<store::NodeId>(n);
    body.u8(g.node_exists(id) ? 0 : 1);
    write_labels(body, names, g, id);
    write_all_props(body, names, g, id, &Graph::node_column);
  }
  body.u32(static_cast<std::uint32_t>(m.relationships));
  body.u32(static_cast<std::uint32_t>(new_rels));
  for (std::size_t r = m.relationships; r < g.relationship_count(); ++r) {
    const auto id = static_cast<store::RelId>(r);
    body.u32(g.source(id));
    body.u32(g.target(id));
    body.u32(names.of(g.types().name(g.type_of(id))));
    body.u8(g.relationship_exists(id) ? 0 : 1);
    write_all_props(body, names, g, id, &Graph::relationship_column);
  }
  auto write_changed = [&](std::uint32_t id, const OldChange& c, bool node) {
    body.u32(id);
    // Deleting clears labels and properties on replay too: nothing else to say.
    const bool deleted = node ? !g.node_exists(id) : !g.relationship_exists(id);
    const bool labels = node && !deleted && c.labels;
    body.u8(static_cast<std::uint8_t>((deleted ? 1 : 0) | (labels ? 2 : 0)));
    if (labels) write_labels(body, names, g, id);
    if (deleted) {
      body.u32(0);
      return;
    }
    body.u32(static_cast<std::uint32_t>(c.keys.size()));
    for (store::KeyId k : c.keys) {
      body.u32(names.of(g.keys().name(k)));
      body.value(node ? g.node_property(id, k) : g.relationship_property(id, k));
    }
  };
  body.u32(static_cast<std::uint32_t>(nodes.size()));
  for (const auto& [id, c] : nodes) write_changed(id, c, true);
  body.u32(static_cast<std::uint32_t>(rels.size()));
  for (const auto& [id, c] : rels) write_changed(id, c, false);

  ByteWriter out;
  out.u8(commit_kind);
  out.u64(sequence);
  out.u32(static_cast<std::uint32_t>(names.all().size()));
  for (const std::string& name : names.all()) out.string(name);
  out.bytes().insert(out.bytes().end(), body.bytes().begin(), body.bytes().end());
  return std::move(out.bytes());
}

std::uint64_t commit_sequence(std::span<const std::byte> payload) {
  ByteReader r(payload);
  const std::uint8_t kind = r.u8();
  if (kind != commit_kind && kind != commit_kind_v1) throw ByteReader::Malformed{"not a commit record"};
  return r.u64();
}

void apply_commit(Graph& g, std::span<const std::byte> payload) {
  ByteReader r(payload);
  commit_sequence(payload);
  const bool adds_names = r.u8() == commit_kind;
  r.u64();
  std::vector<std::string> names(r.u32());
  for (auto& name : names) name = r.string();
  auto name_at = [&](std::uint32_t i) -> const std::string& {
    if (i >= names.size()) throw ByteReader::Malformed{"name index " + std::to_string(i) + " out of range"};
    return names[i];
  };
  auto read_labels = [&] {
    std::vector<store::LabelId> labels(r.u16());
    for (auto& l : labels) l = g.labels().intern(name_at(r.u32()));
    return labels;
  };
  auto read_props = [&](auto set) {
    const std::uint32_t n = r.u32();
    for (std::uint32_t i = 0; i < n; ++i) {
      const store::KeyId key = g.keys().intern(name_at(r.u32()));
      set(key, r.value());
    }
  };
  auto node_ok = [&](std::uint32_t id) {
    if (id >= g.node_count()) throw ByteReader::Malformed{"node " + std::to_string(id) + " does not exist"};
    return id;
  };

  if (adds_names) {
    auto read_added = [&](auto& interner) {
      const std::uint32_t n = r.u32();
      for (std::uint32_t i = 0; i < n; ++i) interner.intern(name_at(r.u32()));
    };
    read_added(g.labels());
    read_added(g.types());
    read_added(g.keys());
  }
  const std::uint32_t first_node = r.u32(), node_count = r.u32();
  if (first_node != g.node_count()) {
    throw ByteReader::Malformed{"the record creates node " + std::to_string(first_node) + " but the next is " +
                                std::to_string(g.node_count()) + " (log and snapshot do not belong together)"};
  }
  std::vector<store::NodeId> dead_nodes;
  for (std::uint32_t i = 0; i < node_count; ++i) {
    const bool dead = r.u8() != 0;
    const store::NodeId n = g.add_node(read_labels());
    read_props([&](store::KeyId k, const Value& v) { g.set_node_property(n, k, v); });
    if (dead) dead_nodes.push_back(n);
  }
  const std::uint32_t first_rel = r.u32(), rel_count = r.u32();
  if (first_rel != g.relationship_count()) {
    throw ByteReader::Malformed{"the record creates relationship " + std::to_string(first_rel) +
                                " but the next is " + std::to_string(g.relationship_count())};
  }
  std::vector<store::RelId> dead_rels;
  for (std::uint32_t i = 0; i < rel_count; ++i) {
    const store::NodeId from = node_ok(r.u32()), to = node_ok(r.u32());
    const store::TypeId type = g.types().intern(name_at(r.u32()));
    const bool dead = r.u8() != 0;
    const store::RelId id = g.add_relationship(from, type, to);
    read_props([&](store::KeyId k, const Value& v) { g.set_relationship_property(id, k, v); });
    if (dead) dead_rels.push_back(id);
  }
  const std::uint32_t changed_nodes = r.u32();
  for (std::uint32_t i = 0; i < changed_nodes; ++i) {
    const store::NodeId n = node_ok(r.u32());
    const std::uint8_t flags = r.u8();
    if (flags & 2) {
      const auto set = g.labels_of(n);
      for (store::LabelId l : std::vector<store::LabelId>(set.begin(), set.end())) g.remove_label(n, l);
      for (store::LabelId l : read_labels()) g.add_label(n, l);
    }
    read_props([&](store::KeyId k, const Value& v) { g.set_node_property(n, k, v); });
    if (flags & 1) dead_nodes.push_back(n);
  }
  const std::uint32_t changed_rels = r.u32();
  for (std::uint32_t i = 0; i < changed_rels; ++i) {
    const std::uint32_t id = r.u32();
    if (id >= g.relationship_count()) throw ByteReader::Malformed{"relationship " + std::to_string(id) + " does not exist"};
    const std::uint8_t flags = r.u8();
    read_props([&](store::KeyId k, const Value& v) { g.set_relationship_property(id, k, v); });
    if (flags & 1) dead_rels.push_back(id);
  }
  if (!r.done()) throw ByteReader::Malformed{"bytes left over after the record"};
  // Relationships go before nodes, as DELETE requires.
  for (store::RelId id : dead_rels) g.delete_relationship(id);
  for (store::NodeId n : dead_nodes) g.delete_node(n);
}

}  // namespace ergo::storage
