// :schema and :find as plain text for people, columns aligned by display
// width. Everything is read through the public API: Database::schema(),
// Database::find_by_name() and one Cypher query per entity.
#include "tools/ergo/describe.hpp"

#include <algorithm>

#include "ergo/format.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::cli {
namespace {

std::string pad(const std::string& s, std::size_t width) {
  std::size_t w = text::display_width(s);
  return s + std::string(width > w ? width - w : 0, ' ');
}

std::string count_text(std::size_t n) { return std::to_string(n); }

std::string right(const std::string& s, std::size_t width) {
  return std::string(width > s.size() ? width - s.size() : 0, ' ') + s;
}

std::string label_text(const std::string& label) { return label.empty() ? "()" : "(:" + label + ")"; }

// The provenance keys the loader puts on every fact (docs/data-format.md).
bool is_provenance(const std::string& key) { return key == "source" || key == "line"; }

}  // namespace

void print_schema(std::ostream& out, const Schema& s, std::size_t width) {
  std::size_t name_width = 0;
  for (const auto& l : s.labels) name_width = std::max(name_width, text::display_width(l.name) + 1);
  for (const auto& t : s.relationship_types) name_width = std::max(name_width, text::display_width(t.name) + 1);
  for (const auto& k : s.property_keys) name_width = std::max(name_width, text::display_width(k.name));

  out << "Labels (" << s.labels.size() << ", on " << s.nodes << " nodes)\n";
  for (const auto& l : s.labels) out << "  " << pad(":" + l.name, name_width) << "  " << right(count_text(l.nodes), 6) << "\n";

  out << "Relationship types (" << s.relationship_types.size() << ", " << s.relationships << " relationships)\n";
  const std::size_t indent = 2 + name_width + 2 + 6 + 2;
  for (const auto& t : s.relationship_types) {
    std::string line = "  " + pad(":" + t.name, name_width) + "  " + right(count_text(t.relationships), 6) + "  ";
    std::size_t column = indent;
    for (std::size_t i = 0; i < t.connects.size(); ++i) {
      const Connection& c = t.connects[i];
      std::string item = label_text(c.start_label) + "->" + label_text(c.end_label) + " " +
                         std::to_string(c.relationships) + (i + 1 < t.connects.size() ? "," : "");
      std::size_t w = text::display_width(item);
      if (i > 0 && column + 1 + w > width) {
        line += "\n" + std::string(indent, ' ');
        column = indent;
      } else if (i > 0) {
        line += " ";
        ++column;
      }
      line += item;
      column += w;
    }
    out << line << "\n";
  }

  out << pad("Property keys (" + std::to_string(s.property_keys.size()) + ")", name_width + 2) << "  "
      << right("nodes", 6) << "  " << right("relationships", 13) << "\n";
  for (const auto& k : s.property_keys) {
    out << "  " << pad(k.name, name_width) << "  " << right(count_text(k.nodes), 6) << "  "
        << right(count_text(k.relationships), 13) << "\n";
  }
}

bool print_entity(std::ostream& out, Database& db, std::string_view name) {
  Result found = db.find_by_name(name);
  if (found.empty()) return false;
  for (const auto& row : found.rows()) {
    NodeRef node = row[0].as_node();
    Map properties = found.properties(node);
    std::string title = "(unnamed)";
    for (const auto& [key, value] : properties) {
      if (key == "name") title = display_text(found, value);
    }
    out << title;
    for (const std::string& label : found.labels(node)) out << " :" << label;
    out << "\n";
    for (const auto& [key, value] : properties) {
      if (key != "name") out << "  " << key << ": " << value.to_cypher() << "\n";
    }
    Result links = db.execute(
        "MATCH (n)-[r]-(m) WHERE n = $node "
        "RETURN startNode(r) = n AS outgoing, type(r) AS type, properties(r) AS props, "
        "coalesce(m.name, '(unnamed)') AS other "
        "ORDER BY outgoing DESC, type, other",
        {{"node", Value(node)}}, "<find>");
    for (const auto& link : links.rows()) {
      bool outgoing = link[0].as_bool();
      std::string props, where;
      Map kept;
      for (const auto& [key, value] : link[2].as_map()) {
        if (!is_provenance(key)) kept.emplace_back(key, value);
      }
      for (const auto& [key, value] : link[2].as_map()) {
        if (key == "source") where = value.is_null() ? "" : display_text(links, value) + where;
        if (key == "line") where += ":" + display_text(links, value);
      }
      if (!kept.empty()) props = " " + display_text(links, Value(kept));
      out << "  " << (outgoing ? "-" : "<-") << "[:" << link[1].as_string() << props << "]" << (outgoing ? "->" : "-")
          << " " << link[3].as_string();
      if (!where.empty() && where[0] != ':') out << "  @" << where;
      out << "\n";
    }
  }
  return true;
}

}  // namespace ergo::cli
