// The graph as GraphML (docs/export.md) for Gephi, yEd and networkx: one
// <key> per property key with its type (long, double, boolean, string),
// the labels as the node attribute `labels` (":Company:Organization", as
// APOC writes them) and the type as the edge attribute `label`. Dates are
// strings (YYYY-MM-DD), lists and maps JSON text; a key whose values have
// more than one type is a string key. XML 1.0 cannot hold most control
// characters, even escaped: they are written as U+FFFD.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "engine/export/json_values.hpp"
#include "engine/export/literals.hpp"
#include "engine/export/writers.hpp"

namespace ergo::dump {
namespace {

std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c < 0x20 && ch != '\n' && ch != '\t') {
          out += "\xEF\xBF\xBD";
        } else {
          out += ch;
        }
    }
  }
  return out;
}

// GraphML's attr.type of a value: long, double, boolean, or string for
// everything else.
const char* graphml_type(const Value& v) {
  switch (v.type()) {
    case Value::Type::boolean: return "boolean";
    case Value::Type::integer: return "long";
    case Value::Type::floating: return "double";
    default: return "string";
  }
}

std::string value_text(const Value& v, std::string_view key_type) {
  if (key_type == "string" && v.type() != Value::Type::string && v.type() != Value::Type::date &&
      v.type() != Value::Type::list && v.type() != Value::Type::map) {
    // A mixed key: the value as Cypher writes it.
    return v.to_cypher();
  }
  switch (v.type()) {
    case Value::Type::boolean: return v.as_bool() ? "true" : "false";
    case Value::Type::integer: return std::to_string(v.as_int());
    case Value::Type::floating: {
      const double d = v.as_double();
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "INF" : "-INF";
      return float_text(d);
    }
    case Value::Type::string: return v.as_string();
    case Value::Type::date: return v.as_date().to_string();
    default: return json_text(json_value(v));
  }
}

// The keys of one kind of element: name → (id, type).
class Keys {
 public:
  Keys(std::string prefix, std::string domain) : prefix_(std::move(prefix)), domain_(std::move(domain)) {}
  void see(const std::string& name, const char* type) {
    auto [it, added] = keys_.try_emplace(name, Key{"", type});
    if (!added && it->second.type != type) it->second.type = "string";
  }
  // Numbers the keys in name order, once every one has been seen.
  void number() {
    std::size_t i = 0;
    for (auto& [name, key] : keys_) key.id = prefix_ + std::to_string(i++);
  }
  const std::string& id(const std::string& name) const { return keys_.at(name).id; }
  const std::string& type(const std::string& name) const { return keys_.at(name).type; }
  void declare(std::ostream& out) const {
    for (const auto& [name, key] : keys_) {
      out << "  <key id=\"" << key.id << "\" for=\"" << domain_ << "\" attr.name=\"" << xml_text(name)
          << "\" attr.type=\"" << key.type << "\"/>\n";
    }
  }

 private:
  struct Key {
    std::string id;
    std::string type;
  };
  std::string prefix_, domain_;
  std::map<std::string, Key> keys_;
};

void write_data(std::ostream& out, const Keys& keys, const Map& props, const char* indent) {
  for (const auto& [key, value] : props) {
    out << indent << "<data key=\"" << keys.id(key) << "\">" << xml_text(value_text(value, keys.type(key)))
        << "</data>\n";
  }
}

}  // namespace

void write_graphml(const store::Graph& g, std::ostream& out) {
  Keys node_keys("n", "node"), edge_keys("e", "edge");
  node_keys.see("labels", "string");
  edge_keys.see("label", "string");
  for (store::NodeId n = 0; n < g.node_count(); ++n) {
    if (!g.node_exists(n)) continue;
    for (const auto& [key, value] : g.node_properties(n)) node_keys.see(key, graphml_type(value));
  }
  for (store::RelId r = 0; r < g.relationship_count(); ++r) {
    if (!g.relationship_exists(r)) continue;
    for (const auto& [key, value] : g.relationship_properties(r)) edge_keys.see(key, graphml_type(value));
  }
  node_keys.number();
  edge_keys.number();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  node_keys.declare(out);
  edge_keys.declare(out);
  out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
  for (store::NodeId n = 0; n < g.node_count(); ++n) {
    if (!g.node_exists(n)) continue;
    out << "    <node id=\"n" << n << "\">\n";
    std::string labels;
    for (store::LabelId l : g.labels_of(n)) labels += ":" + g.labels().name(l);
    Map props = g.node_properties(n);
    // The labels first, as APOC writes them; a property named `labels` wins.
    if (!labels.empty() && std::none_of(props.begin(), props.end(), [](const auto& kv) { return kv.first == "labels"; })) {
      out << "      <data key=\"" << node_keys.id("labels") << "\">" << xml_text(labels) << "</data>\n";
    }
    write_data(out, node_keys, props, "      ");
    out << "    </node>\n";
  }
  for (store::RelId r = 0; r < g.relationship_count(); ++r) {
    if (!g.relationship_exists(r)) continue;
    out << "    <edge id=\"e" << r << "\" source=\"n" << g.source(r) << "\" target=\"n" << g.target(r) << "\">\n";
    Map props = g.relationship_properties(r);
    if (std::none_of(props.begin(), props.end(), [](const auto& kv) { return kv.first == "label"; })) {
      out << "      <data key=\"" << edge_keys.id("label") << "\">" << xml_text(g.types().name(g.type_of(r)))
          << "</data>\n";
    }
    write_data(out, edge_keys, props, "      ");
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace ergo::dump
