// The graph as JSON Lines in the shape of APOC's apoc.export.json: one
// object per node, then one per relationship (docs/export.md):
//   {"type":"node","id":"0","labels":["Company"],"properties":{"name":"OpenAI"}}
//   {"type":"relationship","id":"0","label":"INVESTS_IN","start":{"id":"1","labels":[...]},
//    "end":{"id":"0","labels":[...]},"properties":{"amount":1000000000}}
// Ids are strings, as APOC writes them.
#include "engine/export/json_values.hpp"
#include "engine/export/writers.hpp"

namespace ergo::dump {
namespace {

using Json = nlohmann::ordered_json;

Json labels_of(const store::Graph& g, store::NodeId n) {
  Json labels = Json::array();
  for (store::LabelId l : g.labels_of(n)) labels.push_back(g.labels().name(l));
  return labels;
}

Json properties(const Map& props) {
  Json out = Json::object();
  for (const auto& [key, value] : props) out[key] = json_value(value);
  return out;
}

}  // namespace

void write_jsonl(const store::Graph& g, std::ostream& out) {
  for (store::NodeId n = 0; n < g.node_count(); ++n) {
    if (!g.node_exists(n)) continue;
    Json j = {{"type", "node"}, {"id", std::to_string(n)}, {"labels", labels_of(g, n)},
              {"properties", properties(g.node_properties(n))}};
    out << json_text(j) << "\n";
  }
  for (store::RelId r = 0; r < g.relationship_count(); ++r) {
    if (!g.relationship_exists(r)) continue;
    Json j = {{"type", "relationship"},
              {"id", std::to_string(r)},
              {"label", g.types().name(g.type_of(r))},
              {"start", {{"id", std::to_string(g.source(r))}, {"labels", labels_of(g, g.source(r))}}},
              {"end", {{"id", std::to_string(g.target(r))}, {"labels", labels_of(g, g.target(r))}}},
              {"properties", properties(g.relationship_properties(r))}};
    out << json_text(j) << "\n";
  }
}

}  // namespace ergo::dump
