// :why (see why.hpp): one ergo.evidence call per relationship of the last
// answer, printed for people. Relationship references stay valid because the
// store only ever appends.
#include "tools/ergo/why.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>

#include "ergo/error.hpp"
#include "ergo/format.hpp"
#include "tools/ergo/session.hpp"

namespace ergo::cli {
namespace {

// More than this many relationships is a listing, not a question; the rest
// are counted.
constexpr std::size_t max_shown = 50;

std::string text_of(const Result& r, const Value& v) { return v.is_null() ? std::string() : display_text(r, v); }

// "(Microsoft)-[:INVESTS_IN {amount: …}]->(OpenAI)", without the provenance
// keys that the next lines spell out.
std::string fact_line(Database& db, RelationshipRef rel) {
  Result r = db.execute(
      "WITH $r AS r RETURN coalesce(startNode(r).name, '(unnamed)'), type(r), "
      "coalesce(endNode(r).name, '(unnamed)'), properties(r)",
      {{"r", Value(rel)}}, "<why>");
  const auto& row = r.rows().at(0);
  Map kept;
  for (const auto& [key, value] : row[3].as_map()) {
    if (key != "source" && key != "line") kept.emplace_back(key, value);
  }
  std::string props = kept.empty() ? "" : " " + display_text(r, Value(kept));
  return "(" + row[0].as_string() + ")-[:" + row[1].as_string() + props + "]->(" + row[2].as_string() + ")";
}

}  // namespace

std::vector<RelationshipRef> relationships_of(const Result& answer) {
  std::vector<RelationshipRef> found;
  std::function<void(const Value&)> visit = [&](const Value& v) {
    if (auto* rel = v.get_if<RelationshipRef>()) {
      if (std::find(found.begin(), found.end(), *rel) == found.end()) found.push_back(*rel);
    } else if (auto* path = v.get_if<PathRef>()) {
      for (RelationshipRef r : path->relationships) visit(Value(r));
    } else if (auto* list = v.get_if<List>()) {
      for (const Value& item : *list) visit(item);
    } else if (auto* map = v.get_if<Map>()) {
      for (const auto& [key, item] : *map) visit(item);
    }
  };
  for (const auto& row : answer.rows()) {
    for (const Value& v : row) visit(v);
  }
  return found;
}

void print_why(Session& s) {
  if (!s.last_answer()) {
    throw Error(ErrorKind::runtime_error,
                ":why explains the last answer, and there is none yet; run a query that returns relationships, "
                "e.g. MATCH (a)-[r:INVESTS_IN]->(b) RETURN a, r, b;");
  }
  std::vector<RelationshipRef> rels = relationships_of(s.last_answer()->result);
  if (rels.empty()) {
    throw Error(ErrorKind::runtime_error,
                ":why shows where the facts of the last answer come from, and it holds no relationship; "
                "return them too, e.g. RETURN a, r, b or a path");
  }
  const std::string& sources = s.settings().sources_dir;
  Params config;
  config["r"] = Value();
  config["config"] = sources.empty() ? Value(Map{}) : Value(Map{{"sources", Value(sources)}});
  std::ostream& out = s.out();
  bool any_text_missing = false;
  for (std::size_t i = 0; i < rels.size() && i < max_shown; ++i) {
    Database& db = s.database();
    out << (i ? "\n" : "") << i + 1 << ". " << fact_line(db, rels[i]) << "\n";
    config["r"] = Value(rels[i]);
    Result ev = db.execute(
        "CALL ergo.evidence($r, $config) "
        "YIELD document, title, description, publisher, kind, published, line, text "
        "RETURN document, title, description, publisher, kind, published, line, text",
        config, "<why>");
    if (ev.empty()) {
      out << "   no source recorded\n";
      continue;
    }
    const auto& row = ev.rows()[0];
    std::string title = row[1].is_null() ? (row[2].is_null() ? "" : "(" + text_of(ev, row[2]) + ")")
                                         : "\"" + text_of(ev, row[1]) + "\"";
    std::string about;
    for (std::size_t k : {3u, 4u, 5u}) {
      if (!row[k].is_null()) about += (about.empty() ? "" : ", ") + text_of(ev, row[k]);
    }
    out << "   " << text_of(ev, row[0]) << (row[6].is_null() ? "" : " line " + text_of(ev, row[6]));
    if (!title.empty()) out << "  " << title;
    if (!about.empty()) out << " — " << about;
    out << "\n";
    if (!row[7].is_null()) {
      out << "   > " << text_of(ev, row[7]) << "\n";
    } else if (!sources.empty()) {
      std::filesystem::path file = std::filesystem::path(sources) / (text_of(ev, row[0]) + ".txt");
      out << "   (" << (std::filesystem::exists(file) ? file.string() + " has no such line" : "no " + file.string())
          << ")\n";
    } else {
      any_text_missing = true;
    }
  }
  if (rels.size() > max_shown) out << "\n… and " << rels.size() - max_shown << " more relationships\n";
  if (any_text_missing) out << "\n(The lines' text is shown when ergo is started with --sources DIR.)\n";
}

}  // namespace ergo::cli
