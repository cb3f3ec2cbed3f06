// Creating elements and applying SET / REMOVE items, row by row (see
// write_steps.hpp).
#include "engine/exec/write_steps.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "engine/exec/property_values.hpp"

namespace ergo::exec {
namespace {

using plan::SetItem;
using Kind = SetItem::Kind;
using runtime::error_at;
using runtime::ExecContext;
using runtime::Frame;

template <class SetProperty>
void set_properties(const std::vector<std::pair<std::string, expr::ExprPtr>>& props, Frame& frame, ExecContext& ctx,
                    SetProperty set) {
  for (const auto& [key, e] : props) {
    Value v = e->eval(frame, ctx);
    if (v.is_null()) continue;
    check_storable(ctx, e->span(), v);
    set(ctx.graph.keys().intern(key), v);
    ++ctx.stats.properties_set;
  }
}

// The element a SET/REMOVE item changes.
struct Target {
  const NodeRef* node = nullptr;
  const RelationshipRef* rel = nullptr;
};

Value get(const Target& t, store::KeyId k, const store::Graph& g) {
  return t.node ? g.node_property(t.node->id, k) : g.relationship_property(t.rel->id, k);
}

// Sets (or, for null, removes) one property and counts it: a write counts,
// a removal only when there was something to remove.
void put(const Target& t, const std::string& key, const Value& v, ExecContext& ctx) {
  store::Graph& g = ctx.graph;
  if (v.is_null()) {
    auto k = g.keys().find(key);
    if (!k || get(t, *k, g).is_null()) return;
    t.node ? g.set_node_property(t.node->id, *k, v) : g.set_relationship_property(t.rel->id, *k, v);
  } else {
    store::KeyId k = g.keys().intern(key);
    t.node ? g.set_node_property(t.node->id, k, v) : g.set_relationship_property(t.rel->id, k, v);
  }
  ++ctx.stats.properties_set;
}

// The properties `SET t = v` / `SET t += v` writes: a map's entries, or
// another element's properties.
Map properties_from(const Value& v, const SetItem& item, ExecContext& ctx) {
  const store::Graph& g = ctx.graph;
  if (auto* m = v.get_if<Map>()) return *m;
  runtime::check_not_deleted(ctx, item.value->span(), v);
  if (auto* n = v.get_if<NodeRef>()) return g.node_properties(n->id);
  if (auto* r = v.get_if<RelationshipRef>()) return g.relationship_properties(r->id);
  throw error_at(ctx, item.value->span(), ErrorKind::type_error,
                 std::string("SET ") + (item.kind == Kind::merge_properties ? "+=" : "=") +
                     " needs a map, or a node or relationship to copy properties from (this value is of type " +
                     type_name(v.type()) + ")")
      .with_code("InvalidArgumentType");
}

}  // namespace

void create_elements(const std::vector<plan::CreateNode>& nodes,
                     const std::vector<plan::CreateRelationship>& relationships, Frame& frame, ExecContext& ctx) {
  store::Graph& g = ctx.graph;
  for (const plan::CreateNode& spec : nodes) {
    if (spec.existing) continue;
    std::vector<store::LabelId> labels;
    for (const std::string& l : spec.labels) labels.push_back(g.labels().intern(l));
    store::NodeId n = g.add_node(labels);
    ++ctx.stats.nodes_created;
    ctx.stats.labels_added += g.labels_of(n).size();
    frame[spec.slot] = NodeRef{n};
    set_properties(spec.properties, frame, ctx, [&](store::KeyId k, const Value& v) { g.set_node_property(n, k, v); });
  }
  for (const plan::CreateRelationship& spec : relationships) {
    auto from = frame[spec.from_slot].get_if<NodeRef>();
    auto to = frame[spec.to_slot].get_if<NodeRef>();
    if (!from || !to) {
      throw Error(ErrorKind::runtime_error, "cannot create a relationship to or from a null node");
    }
    if (!g.node_exists(from->id) || !g.node_exists(to->id)) {
      throw Error(ErrorKind::runtime_error, "cannot create a relationship to or from a node deleted earlier in this query")
          .with_code("DeletedEntityAccess");
    }
    store::RelId r = g.add_relationship(from->id, g.types().intern(spec.type), to->id);
    ++ctx.stats.relationships_created;
    frame[spec.slot] = RelationshipRef{r};
    set_properties(spec.properties, frame, ctx,
                   [&](store::KeyId k, const Value& v) { g.set_relationship_property(r, k, v); });
  }
}

void apply_set_item(const SetItem& item, Frame& frame, ExecContext& ctx) {
  store::Graph& g = ctx.graph;
  const Value subject = item.target->eval(frame, ctx);
  if (subject.is_null()) return;  // OPTIONAL MATCH found nothing: nothing to change
  Target t{subject.get_if<NodeRef>(), subject.get_if<RelationshipRef>()};
  const bool labels = item.kind == Kind::add_labels || item.kind == Kind::remove_labels;
  if ((!t.node && !t.rel) || (labels && !t.node)) {
    throw error_at(ctx, item.target->span(), ErrorKind::type_error,
                   std::string(labels ? "only nodes have labels" : "only nodes and relationships have properties") +
                       " (this value is of type " + type_name(subject.type()) + ")")
        .with_code("InvalidArgumentType");
  }
  runtime::check_not_deleted(ctx, item.target->span(), subject);
  switch (item.kind) {
    case Kind::property: {
      Value v = item.value->eval(frame, ctx);
      check_storable(ctx, item.value->span(), v);
      put(t, item.key, v, ctx);
      break;
    }
    case Kind::remove_property: put(t, item.key, Value(), ctx); break;
    case Kind::replace_properties:
    case Kind::merge_properties: {
      // Evaluated before anything changes: `SET a = b` with a = b keeps all.
      Map props = properties_from(item.value->eval(frame, ctx), item, ctx);
      for (const auto& [key, v] : props) check_storable(ctx, item.value->span(), v);
      if (item.kind == Kind::replace_properties) {
        Map old = t.node ? g.node_properties(t.node->id) : g.relationship_properties(t.rel->id);
        // Hashed: a scan of the new map per old key was quadratic. (And a
        // lambda capturing a structured binding does not build with clang 14.)
        std::unordered_set<std::string_view> kept;
        for (const auto& [key, v] : props) {
          if (!v.is_null()) kept.insert(key);
        }
        for (const auto& [key, v] : old) {
          if (!kept.contains(key)) put(t, key, Value(), ctx);
        }
      }
      for (const auto& [key, v] : props) put(t, key, v, ctx);
      break;
    }
    case Kind::add_labels:
      for (const std::string& l : item.labels) ctx.stats.labels_added += g.add_label(t.node->id, g.labels().intern(l));
      break;
    case Kind::remove_labels:
      for (const std::string& l : item.labels) {
        if (auto id = g.labels().find(l)) ctx.stats.labels_removed += g.remove_label(t.node->id, *id);
      }
      break;
  }
}

}  // namespace ergo::exec
