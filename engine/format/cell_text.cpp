// Values as cell text (see cell_text.hpp and ergo::display_text): strings
// bare at the top level and quoted inside lists and maps, graph elements in
// Cypher pattern notation with the entity's name first, since that is what a
// reader looks for.
#include "engine/value/temporal_text.hpp"
#include "engine/format/cell_text.hpp"

#include <cstdio>

#include "ergo/format.hpp"

namespace ergo {
namespace format {
namespace {

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string name_text(std::string_view name) {
  if (is_identifier(name)) return std::string(name);
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
  return out + "`";
}

std::string nested_text(const Result& r, const Value& v, bool compact = false);

// {name: 'x', a: 1, b: 2}: `name` first, then the rest in key order.
std::string properties_text(const Result& r, const Map& properties) {
  if (properties.empty()) return {};
  std::string out = "{";
  bool first = true;
  auto append = [&](const std::string& key, const Value& value) {
    out += (first ? "" : ", ") + name_text(key) + ": " + nested_text(r, value);
    first = false;
  };
  for (const auto& [key, value] : properties) {
    if (key == "name") append(key, value);
  }
  for (const auto& [key, value] : properties) {
    if (key != "name") append(key, value);
  }
  return out + "}";
}

// (OpenAI:Company:Organization): the name a reader looks for, then the
// labels, which tell a person from a company of the same name.
std::string compact_node_text(const Result& r, NodeRef n) {
  std::string out = "(";
  for (const auto& [key, value] : r.properties(n)) {
    if (key == "name" && value.get_if<std::string>()) out += value.as_string();
  }
  for (const std::string& label : r.labels(n)) out += ":" + name_text(label);
  return out + ")";
}

std::string node_text(const Result& r, NodeRef n, bool compact = false) {
  if (compact) {
    bool named = false;
    for (const auto& [key, value] : r.properties(n)) named = named || (key == "name" && value.get_if<std::string>());
    if (named) return compact_node_text(r, n);
  }
  std::string out = "(";
  for (const std::string& label : r.labels(n)) out += ":" + name_text(label);
  std::string props = properties_text(r, r.properties(n));
  if (!props.empty()) out += (out.size() > 1 ? " " : "") + props;
  return out + ")";
}

std::string relationship_text(const Result& r, RelationshipRef rel) {
  std::string out = "[:" + name_text(r.type(rel));
  std::string props = properties_text(r, r.properties(rel));
  if (!props.empty()) out += " " + props;
  return out + "]";
}

std::string path_text(const Result& r, const PathRef& p, bool compact) {
  std::string out = node_text(r, p.nodes.at(0), compact);
  for (std::size_t i = 0; i < p.relationships.size(); ++i) {
    bool forward = r.start_node(p.relationships[i]) == p.nodes[i];
    out += forward ? "-" : "<-";
    // Inside a compact path the type alone; the nodes carry the meaning.
    out += compact ? "[:" + name_text(r.type(p.relationships[i])) + "]" : relationship_text(r, p.relationships[i]);
    out += forward ? "->" : "-";
    out += node_text(r, p.nodes.at(i + 1), compact);
  }
  return out;
}

std::string nested_text(const Result& r, const Value& v, bool compact) {
  switch (v.type()) {
    case Value::Type::date:
    case Value::Type::local_time:
    case Value::Type::time:
    case Value::Type::local_datetime:
    case Value::Type::datetime:
    case Value::Type::duration: return *temporal_text(v);
    case Value::Type::list: {
      std::string out = "[";
      const List& list = v.as_list();
      for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + nested_text(r, list[i], compact);
      return out + "]";
    }
    case Value::Type::map: {
      std::string out = "{";
      const Map& map = v.as_map();
      for (std::size_t i = 0; i < map.size(); ++i) {
        out += (i ? ", " : "") + name_text(map[i].first) + ": " + nested_text(r, map[i].second, compact);
      }
      return out + "}";
    }
    case Value::Type::node: return node_text(r, v.as_node(), compact);
    case Value::Type::relationship: return relationship_text(r, v.as_relationship());
    case Value::Type::path: return path_text(r, v.as_path(), compact);
    default: return v.to_cypher();
  }
}

}  // namespace

std::string escape_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

CellGrid cell_grid(const Result& result, bool compact) {
  CellGrid grid;
  grid.header = result.columns();
  grid.numeric.assign(grid.header.size(), true);
  for (const Row& row : result) {
    std::vector<std::string>& texts = grid.rows.emplace_back();
    std::vector<bool>& nulls = grid.null.emplace_back();
    for (std::size_t c = 0; c < row.size(); ++c) {
      const Value& v = row[c];
      texts.push_back(compact && !v.get_if<std::string>() ? nested_text(result, v, true) : display_text(result, v));
      nulls.push_back(v.is_null());
      if (c < grid.numeric.size() && !v.is_null()) {
        bool number = v.type() == Value::Type::integer || v.type() == Value::Type::floating;
        grid.numeric[c] = grid.numeric[c] && number;
      }
    }
  }
  // A column of nothing but nulls is not a number column.
  for (std::size_t c = 0; c < grid.numeric.size(); ++c) {
    bool has_value = false;
    for (const auto& nulls : grid.null) has_value = has_value || !nulls[c];
    grid.numeric[c] = grid.numeric[c] && has_value;
  }
  return grid;
}

}  // namespace format

std::string display_text(const Result& result, const Value& value) {
  switch (value.type()) {
    case Value::Type::string: return value.as_string();
    default: return format::nested_text(result, value);
  }
}

}  // namespace ergo
