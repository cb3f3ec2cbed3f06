// The graph as CSV in the convention of `neo4j-admin database import`
// (docs/export.md): a nodes file headed `:ID,:LABEL,key:type,...` and a
// relationships file headed `:START_ID,:END_ID,:TYPE,key:type,...`, labels
// and list items separated by ';'. ergo's CSV import reads both back
// (docs/csv-import.md). A column has one type: elements whose key holds
// another type go to a second file of their kind (nodes-2.csv, ...). A map,
// a nested or mixed list, or text a list cannot split back is refused,
// pointing at the formats that keep them.
#include <algorithm>
#include <cmath>
#include <functional>
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

// The neo4j-admin type of a property value: a scalar's, or "T[]" for a
// list of T ("?[]" for an empty list, which fits any list column).
std::string column_type(const Value& v, const std::string& where) {
  if (const char* t = scalar_type(v)) return t;
  if (v.type() == Value::Type::map) refuse(kFormat, where + " is a map, which CSV has no column type for", kUseOther);
  const List& items = v.as_list();
  if (items.empty()) return "?[]";
  const char* first = scalar_type(items[0]);
  for (const Value& item : items) {
    const char* t = scalar_type(item);
    if (!t || !first || std::string_view(t) != first) {
      refuse(kFormat, where + " is a list of " + (t && first ? "mixed types" : "other than plain values") +
                          ", and a CSV list column holds values of one type",
             kUseOther);
    }
  }
  return std::string(first) + "[]";
}

bool fits(const std::string& column, const std::string& value) {
  return column == value || (value == "?[]" && column.ends_with("[]")) || (column == "?[]" && value.ends_with("[]"));
}

// One file's elements and its typed property columns. A column has one
// type, so an element whose key holds another type than a file's column
// goes to the next file that fits, or a new one: a graph whose keys keep
// their types is one nodes file and one relationships file.
struct Part {
  std::map<std::string, std::string> types;  // key → type
  std::vector<std::uint32_t> members;        // ids, ascending

  bool accepts(const std::vector<std::pair<std::string, std::string>>& element) const {
    return std::all_of(element.begin(), element.end(), [&](const auto& kv) {
      auto it = types.find(kv.first);
      return it == types.end() || fits(it->second, kv.second);
    });
  }
  void add(std::uint32_t id, const std::vector<std::pair<std::string, std::string>>& element) {
    members.push_back(id);
    for (const auto& [key, type] : element) {
      std::string& t = types[key];
      if (t.empty() || t == "?[]") t = type;
    }
  }
  // "key:type", an all-empty list column typed string[].
  std::string header(const std::string& key) const {
    const std::string& type = types.at(key);
    return quote_field(key + ":" + (type == "?[]" ? "string[]" : type));
  }
};

// Elements into parts; `props(id)` gives an element's properties.
template <class Props>
std::vector<Part> partition(const std::vector<std::uint32_t>& ids, Props props,
                            const std::function<std::string(std::uint32_t)>& where) {
  std::vector<Part> parts(1);
  for (std::uint32_t id : ids) {
    std::vector<std::pair<std::string, std::string>> element;
    for (const auto& [key, value] : props(id)) {
      element.emplace_back(key, column_type(value, where(id) + "'s property " + cypher_name(key)));
    }
    auto part = std::find_if(parts.begin(), parts.end(), [&](const Part& p) { return p.accepts(element); });
    if (part == parts.end()) part = parts.insert(parts.end(), Part{});
    part->add(id, element);
  }
  return parts;
}

// "nodes.csv", then "nodes-2.csv", ...
std::string file_name(const char* base, std::size_t part) {
  return std::string(base) + (part == 0 ? "" : "-" + std::to_string(part + 1)) + ".csv";
}

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

void write_nodes(const store::Graph& g, const CsvOpener& open) {
  std::vector<std::uint32_t> ids;
  for (store::NodeId n = 0; n < g.node_count(); ++n) {
    if (!g.node_exists(n)) continue;
    for (store::LabelId l : g.labels_of(n)) check_name(g.labels().name(l), "label", describe_node(g, n));
    ids.push_back(n);
  }
  auto where = [&](std::uint32_t n) { return describe_node(g, n); };
  std::vector<Part> parts = partition(ids, [&](std::uint32_t n) { return g.node_properties(n); }, where);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Part& part = parts[i];
    std::ostream& out = open(file_name("nodes", i));
    out << ":ID,:LABEL";
    for (const auto& [key, type] : part.types) out << "," << part.header(key);
    out << "\n";
    for (store::NodeId n : part.members) {
      std::string labels;
      for (store::LabelId l : g.labels_of(n)) labels += (labels.empty() ? "" : ";") + g.labels().name(l);
      std::string line = std::to_string(n) + "," + labels;
      for (const auto& [key, type] : part.types) {
        line += "," + field_text(g.node_property(n, *g.keys().find(key)), where(n) + "'s property " + cypher_name(key));
      }
      out << line << "\n";
    }
  }
}

void write_relationships(const store::Graph& g, const CsvOpener& open) {
  std::vector<std::uint32_t> ids;
  for (store::RelId r = 0; r < g.relationship_count(); ++r) {
    if (!g.relationship_exists(r)) continue;
    check_name(g.types().name(g.type_of(r)), "type", describe_relationship(g, r));
    ids.push_back(r);
  }
  auto where = [&](std::uint32_t r) { return describe_relationship(g, r); };
  std::vector<Part> parts = partition(ids, [&](std::uint32_t r) { return g.relationship_properties(r); }, where);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Part& part = parts[i];
    std::ostream& out = open(file_name("relationships", i));
    out << ":START_ID,:END_ID,:TYPE";
    for (const auto& [key, type] : part.types) out << "," << part.header(key);
    out << "\n";
    for (store::RelId r : part.members) {
      std::string line =
          std::to_string(g.source(r)) + "," + std::to_string(g.target(r)) + "," + g.types().name(g.type_of(r));
      for (const auto& [key, type] : part.types) {
        line += "," + field_text(g.relationship_property(r, *g.keys().find(key)),
                                 where(r) + "'s property " + cypher_name(key));
      }
      out << line << "\n";
    }
  }
}

}  // namespace

void write_csv(const store::Graph& graph, const CsvOpener& open) {
  write_nodes(graph, open);
  write_relationships(graph, open);
}

}  // namespace ergo::dump
