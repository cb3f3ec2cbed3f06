// Describes a graph (see ergo/schema.hpp): one pass over the relationships
// for the label pairs each type connects; label and key counts come from the
// store's indexes and columns.
#include "engine/api/schema.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace ergo::api {
namespace {

// Label ids of a node, or the "no label" marker when it has none.
constexpr std::uint32_t no_label = ~std::uint32_t{0};

std::vector<std::uint32_t> label_ids(const store::Graph& g, store::NodeId n) {
  std::vector<std::uint32_t> out;
  for (store::LabelId l : g.labels_of(n)) out.push_back(l);
  if (out.empty()) out.push_back(no_label);
  return out;
}

}  // namespace

Schema describe_schema(const store::Graph& g) {
  Schema s;
  s.nodes = g.live_node_count();
  s.relationships = g.live_relationship_count();

  for (std::size_t l = 0; l < g.labels().size(); ++l) {
    auto id = static_cast<store::LabelId>(l);
    std::size_t count = g.nodes_with_label(id).size();
    if (count) s.labels.push_back({g.labels().name(id), count});
  }

  // (type, start label, end label) → relationships.
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::size_t> pairs;
  std::vector<std::size_t> per_type(g.types().size(), 0);
  for (store::RelId r = 0; r < g.relationship_count(); ++r) {
    if (!g.relationship_exists(r)) continue;  // deleted (ADR 0006)
    store::TypeId t = g.type_of(r);
    ++per_type[t];
    for (std::uint32_t from : label_ids(g, g.source(r))) {
      for (std::uint32_t to : label_ids(g, g.target(r))) ++pairs[{t, from, to}];
    }
  }
  auto label_name = [&](std::uint32_t l) {
    return l == no_label ? std::string() : g.labels().name(static_cast<store::LabelId>(l));
  };
  for (std::size_t t = 0; t < per_type.size(); ++t) {
    if (!per_type[t]) continue;
    RelationshipTypeInfo info{g.types().name(static_cast<store::TypeId>(t)), per_type[t], {}};
    for (const auto& [key, count] : pairs) {
      if (std::get<0>(key) == t) info.connects.push_back({label_name(std::get<1>(key)), label_name(std::get<2>(key)), count});
    }
    std::stable_sort(info.connects.begin(), info.connects.end(), [](const Connection& a, const Connection& b) {
      return std::tie(b.relationships, a.start_label, a.end_label) < std::tie(a.relationships, b.start_label, b.end_label);
    });
    s.relationship_types.push_back(std::move(info));
  }

  for (std::size_t k = 0; k < g.keys().size(); ++k) {
    auto id = static_cast<store::KeyId>(k);
    const store::PropertyColumn* nodes = g.node_column(id);
    const store::PropertyColumn* rels = g.relationship_column(id);
    PropertyKeyInfo info{g.keys().name(id), nodes ? nodes->count() : 0, rels ? rels->count() : 0};
    if (info.nodes || info.relationships) s.property_keys.push_back(std::move(info));
  }

  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(s.labels.begin(), s.labels.end(), by_name);
  std::sort(s.relationship_types.begin(), s.relationship_types.end(), by_name);
  std::sort(s.property_keys.begin(), s.property_keys.end(), by_name);
  return s;
}

}  // namespace ergo::api
