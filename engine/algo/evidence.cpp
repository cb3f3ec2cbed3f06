// ergo.evidence: where a fact comes from. The loader keeps each fact's
// document and line as the relationship properties `source` and `line`
// (docs/data-format.md) and each document as a `Document` node named after
// it; this joins the two, and, when given the folder of source texts,
// quotes the line with both ends' mentions in [brackets]. The texts stay
// outside the repository, so the folder is an argument, never built in.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>

#include "engine/algo/families.hpp"

namespace ergo::algo {
namespace {

std::string property_string(const store::Graph& g, store::NodeId n, const char* key) {
  auto k = g.keys().find(key);
  if (!k) return {};
  Value v = g.node_property(n, *k);
  return v.get_if<std::string>() ? v.as_string() : std::string();
}

Value string_or_null(const std::string& s) { return s.empty() ? Value() : Value(s); }

// Line `line` (from 1) of DIR/DOCUMENT.txt, or nullopt when there is none.
std::optional<std::string> source_line(const std::string& dir, const std::string& document, std::int64_t line) {
  if (dir.empty() || document.empty() || line < 1 || document.find('/') != std::string::npos) return std::nullopt;
  std::ifstream in(dir + "/" + document + ".txt", std::ios::binary);
  std::string text;
  for (std::int64_t i = 1; std::getline(in, text); ++i) {
    if (i == line) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      return text;
    }
  }
  return std::nullopt;
}

// The names a line may call a node by: its name and its aliases.
std::vector<std::string> names_of(const store::Graph& g, store::NodeId n) {
  std::vector<std::string> names;
  Value name = g.node_property(n, g.name_key());
  if (name.get_if<std::string>()) names.push_back(name.as_string());
  Value aliases = g.node_property(n, g.aliases_key());
  if (auto* list = aliases.get_if<List>()) {
    for (const Value& a : *list) {
      if (a.get_if<std::string>() && !a.as_string().empty()) names.push_back(a.as_string());
    }
  }
  return names;
}

bool same_at(const std::string& text, std::size_t at, const std::string& name) {
  if (at + name.size() > text.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto a = static_cast<unsigned char>(text[at + i]), b = static_cast<unsigned char>(name[i]);
    // ASCII letters ignore case (Microsoft, MS, ms); Hangul has no case.
    if (a != b && !(a < 128 && b < 128 && std::tolower(a) == std::tolower(b))) return false;
  }
  return true;
}

bool starts_character(unsigned char c) { return (c & 0xC0) != 0x80; }

// The line with every mention of the names in [brackets], longest name
// first at each place, so "Microsoft Azure" wins over "Microsoft".
std::string marked(const std::string& text, std::vector<std::string> names) {
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const std::string* hit = nullptr;
    if (starts_character(static_cast<unsigned char>(text[at]))) {
      for (const std::string& name : names) {
        if (same_at(text, at, name)) {
          hit = &name;
          break;
        }
      }
    }
    if (hit) {
      out += "[" + text.substr(at, hit->size()) + "]";
      at += hit->size();
    } else {
      out += text[at++];
    }
  }
  return out;
}

Rows evidence(const CallContext& c, const Arguments& a) {
  const store::Graph& g = c.graph;
  auto* rel = a[0].get_if<RelationshipRef>();
  if (!rel) {
    throw ArgumentError(0, ErrorKind::type_error, "ergo.evidence: relationship must be a RELATIONSHIP", "InvalidArgumentType");
  }
  if (!g.relationship_exists(rel->id)) {
    throw ArgumentError(0, ErrorKind::argument_error, "relationship " + std::to_string(rel->id) + " does not exist",
                        "EntityNotFound");
  }
  std::string document;
  std::int64_t line = 0;
  for (const auto& [key, value] : g.relationship_properties(rel->id)) {
    if (key == "source" && value.get_if<std::string>()) document = value.as_string();
    if (key == "line" && value.get_if<std::int64_t>()) line = value.as_int();
  }
  if (document.empty()) return {};  // a fact with no recorded source has no evidence

  Row row{Value(document), Value(), Value(), Value(), Value(), Value(), line ? Value(line) : Value(), Value()};
  auto doc_label = g.labels().find("Document");
  for (store::NodeId n : g.find_by_name(document)) {
    if (doc_label && !g.has_label(n, *doc_label)) continue;
    row[1] = string_or_null(property_string(g, n, "title"));
    row[2] = string_or_null(property_string(g, n, "description"));
    row[3] = string_or_null(property_string(g, n, "publisher"));
    row[4] = string_or_null(property_string(g, n, "kind"));
    if (auto k = g.keys().find("published")) row[5] = g.node_property(n, *k);
    break;
  }
  const Value& dir = a.option("sources");
  if (auto text = source_line(dir.is_null() ? std::string() : dir.as_string(), document, line)) {
    std::vector<std::string> names = names_of(g, g.source(rel->id));
    for (std::string& n : names_of(g, g.target(rel->id))) names.push_back(std::move(n));
    row[7] = Value(marked(*text, std::move(names)));
  }
  return {row};
}

}  // namespace

std::vector<Procedure> evidence_procedures() {
  Procedure p;
  p.name = "ergo.evidence";
  p.description =
      "Where a relationship's fact comes from: its document (title, or our description when it has none; "
      "publisher, kind, publication date) and line; with config {sources: DIR}, the text of that line from "
      "DIR/DOCUMENT.txt with both ends' mentions in [brackets]. No row when the fact records no source.";
  p.arguments = {{"relationship", Type::any, std::nullopt}, {"config", Type::map, Value(Map{})}};
  p.options = {{"sources", Type::string, Value(), "the folder of source texts, DOCUMENT.txt each", {}}};
  p.fields = {{"document", Type::string}, {"title", Type::string},     {"description", Type::string},
              {"publisher", Type::string}, {"kind", Type::string},     {"published", Type::any},
              {"line", Type::integer},     {"text", Type::string}};
  p.run = evidence;
  return {p};
}

}  // namespace ergo::algo
