// Golden tests of the query language on the bundled graph: every
// query_golden/NAME.cypher runs and its answer must equal NAME.expect, and
// every query_errors/NAME.cypher must fail exactly as NAME.expect says
// (kind, openCypher code, and the rendered message with line, column and
// caret).
#include <gtest/gtest.h>

#include "ergo/database.hpp"
#include "tests/engine/golden_files.hpp"

namespace ergo {
namespace {

namespace fs = std::filesystem;

Database& bundled() {
  static Database db = Database::open({ERGO_DATA_DIR});
  return db;
}

// Nodes and relationships are shown by label or type and name, which is
// what a reader checks; other values in Cypher literal notation.
std::string show(const Result& r, const Value& v) {
  if (auto* n = v.get_if<NodeRef>()) {
    std::string out = "(";
    for (const std::string& l : r.labels(*n)) out += ":" + l;
    for (const auto& [k, value] : r.properties(*n)) {
      if (k == "name") out += " {name: " + value.to_cypher() + "}";
    }
    return out + ")";
  }
  if (auto* rel = v.get_if<RelationshipRef>()) return "[:" + r.type(*rel) + "]";
  if (auto* p = v.get_if<PathRef>()) {
    std::string out = "<" + show(r, Value(p->nodes[0]));
    for (std::size_t i = 0; i < p->relationships.size(); ++i) {
      bool forward = r.start_node(p->relationships[i]) == p->nodes[i];
      out += (forward ? "-" : "<-") + show(r, Value(p->relationships[i])) + (forward ? "->" : "-") +
             show(r, Value(p->nodes[i + 1]));
    }
    return out + ">";
  }
  if (auto* list = v.get_if<List>()) {
    std::string out = "[";
    for (std::size_t i = 0; i < list->size(); ++i) out += (i ? ", " : "") + show(r, (*list)[i]);
    return out + "]";
  }
  return v.to_cypher();
}

std::string render(const Result& r) {
  std::string out;
  for (std::size_t i = 0; i < r.columns().size(); ++i) out += (i ? " | " : "") + r.columns()[i];
  out += "\n";
  for (const auto& row : r.rows()) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? " | " : "") + show(r, row[i]);
    out += "\n";
  }
  out += "(" + std::to_string(r.size()) + (r.size() == 1 ? " row)\n" : " rows)\n");
  return out;
}

TEST(QueryGolden, AnswersOnTheBundledGraph) {
  auto files = testing::inputs(fs::path(ERGO_TESTS_DIR) / "engine" / "query_golden", ".cypher");
  ASSERT_GE(files.size(), 30u);
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.filename().string());
    std::string actual;
    try {
      actual = render(bundled().execute(testing::read_all(f), {}, f.filename().string()));
    } catch (const Error& e) {
      actual = std::string("error: ") + e.rendered();
    }
    testing::expect_golden(f, actual);
  }
}

TEST(QueryGolden, MalformedQueriesFailWithPositionedErrors) {
  auto files = testing::inputs(fs::path(ERGO_TESTS_DIR) / "engine" / "query_errors", ".cypher");
  ASSERT_GE(files.size(), 30u);
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.filename().string());
    std::string actual;
    try {
      Database db;  // an empty graph, so no query here can change the bundled one
      db.execute("CREATE (:Company {name: 'Acme'})-[:OWNS]->(:Product {name: 'Widget'})");
      Result r = db.execute(testing::read_all(f), {{"known", Value(1)}}, f.filename().string());
      actual = "no error; " + std::to_string(r.size()) + " rows\n";
    } catch (const Error& e) {
      actual = std::string(kind_name(e.kind())) + (e.code().empty() ? "" : " " + e.code()) + "\n" + e.rendered();
    }
    testing::expect_golden(f, actual);
  }
}

}  // namespace
}  // namespace ergo
