// The graph as CSV in the convention of `neo4j-admin database import`
// (docs/export.md): a nodes file headed `:ID,:LABEL,key:type,...` and a
// relationships file headed `:START_ID,:END_ID,:TYPE,key:type,...`, labels
// and list items separated by ';'. ergo's CSV import reads both back
// (docs/csv-import.md). A column has one type, so a key holding two types,
// a map, a nested or mixed list, or text a list cannot split back is
// refused, pointing at the formats that keep them.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "engine/export/literals.hpp"
#include "engine/export/refusal.hpp"
#include "engine/export/writers.hpp"

namespace ergo::dump {
namespace {

constexpr std::string_view kFormat = "CSV";
const std::string kUseOther = "export as .kg or Cypher (--format kg, --format cypher), which keep it";

// The neo4j-admin type of a scalar: int, float, boolean, string, date.
const char* scalar_type(const Value& v) {
  switch (v.type()) {
    case Value::Type::boolean: return "boolean";
    case Value::Type::integer: return "int";
    case Value::Type::floating: return "float";
    case Value::Type::string: return "string";
    case Value::Type::date: return "date";
    default: return nullptr;
  }
}

// A field as RFC 4180 writes it: quoted when it holds a comma, quote or
// line break, or is empty text ("" reads back as the empty string).
std::string quote_field(const std::string& s) {
  if (!s.empty() && s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// One file's property columns: key → its neo4j-admin type.
class Columns {
 public:
  explicit Columns(std::string kind) : kind_(std::move(kind)) {}

  void see(const Map& props, const std::string& where) {
    for (const auto& [key, value] : props) {
      std::string type = type_of(value, where + "'s property " + cypher_name(key));
      auto [it, added] = types_.emplace(key, Seen{type, where});
      if (added || it->second.type == type) continue;
      if (it->second.type == "?[]" && type.ends_with("[]")) {
        it->second.type = type;
      } else if (!(type == "?[]" && it->second.type.ends_with("[]"))) {
        refuse(kFormat,
               "the " + kind_ + " property " + cypher_name(key) + " is " + shown(it->second.type) + " on " +
                   it->second.first + " and " + shown(type) + " on " + where + ", and a CSV column has one type",
               "make them one type, or " + kUseOther);
      }
    }
  }

  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const auto& [key, seen] : types_) out.push_back(key);
    return out;
  }

  // "key:type", an all-empty list column typed string[].
  std::string header(const std::string& key) const {
    const std::string& type = types_.at(key).type;
    return quote_field(key + ":" + (type == "?[]" ? "string[]" : type));
  }

 private:
  struct Seen {
    std::string type;
    std::string first;  // where it was first seen
  };

  static std::string shown(const std::string& type) {
    if (type == "?[]") return "an empty list";
    if (type.ends_with("[]")) return "a list of " + plural(type.substr(0, type.size() - 2));
    return type == "int" ? "an integer" : "a " + type;
  }
  static std::string plural(const std::string& type) {
    return type == "int" ? "integers" : type == "boolean" ? "booleans" : type + "s";
  }

  static std::string type_of(const Value& v, const std::string& where) {
    if (const char* t = scalar_type(v)) return t;
    if (v.type() == Value::Type::map) refuse(kFormat, where + " is a map, which CSV has no column type for", kUseOther);
    const List& items = v.as_list();
    if (items.empty()) return "?[]";
    const char* first = scalar_type(items[0]);
    for (const Value& item : items) {
      const char* t = scalar_type(item);
      if (!t || std::string_view(t) != first) {
        refuse(kFormat, where + " is a list of " + (t && first ? "mixed types" : "other than plain values") +
                            ", and a CSV list column holds values of one type",
               kUseOther);
      }
    }
    return std::string(first) + "[]";
  }

  std::string kind_;
  std::map<std::string, Seen> types_;
};

std::string scalar_text(const Value& v, const std::string& where) {
  if (v.type() == Value::Type::floating && !std::isfinite(v.as_double())) {
    refuse(kFormat, where + " is " + v.to_cypher() + ", which ergo's CSV import does not read", kUseOther);
  }
  switch (v.type()) {
    case Value::Type::boolean: return v.as_bool() ? "true" : "false";
    case Value::Type::integer: return std::to_string(v.as_int());
    case Value::Type::floating: return float_text(v.as_double());
    case Value::Type::date: return v.as_date().to_string();
    default: return v.as_string();
  }
}

// A property's field: empty when absent, "" for empty text or an empty
// list, list items joined by ';'.
std::string field_text(const Value& v, const std::string& where) {
  if (v.is_null()) return "";
  if (v.type() != Value::Type::list) {
    if (v.type() == Value::Type::date && (v.as_date().year() < 0 || v.as_date().year() > 9999)) {
      refuse(kFormat, where + " is the date " + v.as_date().to_string() + ", and CSV dates have four-digit years",
             kUseOther);
    }
    std::string s = scalar_text(v, where);
    return s.empty() ? "\"\"" : quote_field(s);
  }
  std::string joined;
  const List& items = v.as_list();
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string s = scalar_text(items[i], where);
    if (s.empty() || s.find(';') != std::string::npos) {
      refuse(kFormat, where + " holds the list item " + items[i].to_cypher() +
                          ", and CSV list items are split at ';' with empty items dropped",
             kUseOther);
    }
    joined += (i ? ";" : "") + s;
  }
  return joined.empty() ? "\"\"" : quote_field(joined);
}

void check_name(const std::string& name, const char* what, const std::string& where) {
  if (!is_identifier(name)) {
    refuse(kFormat, where + " has the " + std::string(what) + " " + cypher_name(name) +
                        ", and ergo's CSV import takes only identifiers there",
           kUseOther);
  }
}

void write_nodes(const store::Graph& g, std::ostream& out) {
  Columns columns("node");
  for (store::NodeId n = 0; n < g.node_count(); ++n) {
    if (!g.node_exists(n)) continue;
    const std::string where = describe_node(g, n);
    for (store::LabelId l : g.labels_of(n)) check_name(g.labels().name(l), "label", where);
    columns.see(g.node_properties(n), where);
  }
  const std::vector<std::string> keys = columns.keys();
  out << ":ID,:LABEL";
  for (const std::string& key : keys) out << "," << columns.header(key);
  out << "\n";
  for (store::NodeId n = 0; n < g.node_count(); ++n) {
    if (!g.node_exists(n)) continue;
    const std::string where = describe_node(g, n);
    std::string labels;
    for (store::LabelId l : g.labels_of(n)) labels += (labels.empty() ? "" : ";") + g.labels().name(l);
    std::string line = std::to_string(n) + "," + labels;
    for (const std::string& key : keys) {
      line += "," + field_text(g.node_property(n, *g.keys().find(key)), where + "'s property " + cypher_name(key));
    }
    out << line << "\n";
  }
}

void write_relationships(const store::Graph& g, std::ostream& out) {
  Columns columns("relationship");
  for (store::RelId r = 0; r < g.relationship_count(); ++r) {
    if (!g.relationship_exists(r)) continue;
    const std::string where = describe_relationship(g, r);
    check_name(g.types().name(g.type_of(r)), "type", where);
    columns.see(g.relationship_properties(r), where);
  }
  const std::vector<std::string> keys = columns.keys();
  out << ":START_ID,:END_ID,:TYPE";
  for (const std::string& key : keys) out << "," << columns.header(key);
  out << "\n";
  for (store::RelId r = 0; r < g.relationship_count(); ++r) {
    if (!g.relationship_exists(r)) continue;
    const std::string where = describe_relationship(g, r);
    std::string line =
        std::to_string(g.source(r)) + "," + std::to_string(g.target(r)) + "," + g.types().name(g.type_of(r));
    for (const std::string& key : keys) {
      line += "," +
              field_text(g.relationship_property(r, *g.keys().find(key)), where + "'s property " + cypher_name(key));
    }
    out << line << "\n";
  }
}

}  // namespace

void write_csv(const store::Graph& graph, std::ostream& nodes, std::ostream& relationships) {
  write_nodes(graph, nodes);
  write_relationships(graph, relationships);
}

}  // namespace ergo::dump
