// Round trips through every format that reads back (docs/export.md):
// dump → load into a fresh database → the same graph, element by element,
// on the bundled graph and on seeded random graphs with every property
// type. .kg loads with Database::load, Cypher runs with execute(), CSV
// imports with import_csv().
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ergo/database.hpp"
#include "tests/cli/run_ergo.hpp"
#include "tests/export/export_test_support.hpp"

namespace ergo {
namespace {

using testing::TempDir;

Database bundled() { return Database::open({ERGO_DATA_DIR}); }

Database random_graph(unsigned seed) {
  Database db;
  testing::fill_random_graph(db, seed, 60, 150);
  return db;
}

Database reload_kg(const Database& db) {
  TempDir dir;
  std::ofstream out(dir / "dump.kg", std::ios::binary);
  db.dump(out, DumpFormat::kg);
  out.close();
  return Database::open({(dir / "dump.kg").string()});
}

Database reload_cypher(const Database& db) {
  std::ostringstream script;
  db.dump(script, DumpFormat::cypher);
  Database fresh;
  fresh.execute(script.str(), {}, "dump.cypher");
  return fresh;
}

Database reload_csv(const Database& db) {
  TempDir dir;
  CsvImport import;
  for (const auto& [name, text] : testing::csv_dump(db)) {
    std::ofstream(dir / name, std::ios::binary) << text;
    (name.starts_with("nodes") ? import.nodes : import.relationships).push_back({(dir / name).string(), ""});
  }
  Database fresh;
  fresh.import_csv(import);
  return fresh;
}

TEST(KgRoundTrip, BundledGraph) {
  Database db = bundled();
  Database back = reload_kg(db);
  EXPECT_EQ(back.node_count(), 86u);
  EXPECT_EQ(back.relationship_count(), 162u);
  testing::expect_same_graph(db, back);
}

TEST(KgRoundTrip, RandomGraphs) {
  for (unsigned seed : {1u, 2u, 3u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Database db = random_graph(seed);
    Database back = reload_kg(db);
    testing::expect_same_graph(db, back);
  }
}

TEST(KgRoundTrip, IsStableAcrossTwoDumps) {
  Database db = random_graph(4);
  Database back = reload_kg(db);
  std::ostringstream first, second;
  reload_kg(back).dump(first, DumpFormat::kg);
  back.dump(second, DumpFormat::kg);
  EXPECT_EQ(first.str(), second.str());
}

TEST(KgRoundTrip, ProvenanceThatDirectivesCannotSay) {
  // @LINE takes 1 and up, @source a name: the rest stays in the map, and a
  // fact without a source comes before every directive.
  Database db;
  db.execute(
      "CREATE (a:A {name: 'a'}), (b:B {name: 'b'}) "
      "CREATE (a)-[:R {source: 'doc one', line: 0}]->(b), (a)-[:R {source: 'doc one', line: -3}]->(b), "
      "(a)-[:R {source: 7, line: 'x'}]->(b), (a)-[:R {line: 5}]->(b), (a)-[:R]->(b), "
      "(a)-[:R {source: 'say \"hi\"', line: 9223372036854775807}]->(b)");
  Database back = reload_kg(db);
  testing::expect_same_graph(db, back);
}

TEST(CypherRoundTrip, BundledGraph) {
  Database db = bundled();
  Database back = reload_cypher(db);
  testing::expect_same_graph(db, back);
  // The temporary label and key are gone.
  EXPECT_EQ(back.execute("MATCH (n:ErgoDumpNode) RETURN count(n) AS c").at(0)["c"], Value(0));
  EXPECT_EQ(back.execute("MATCH (n) WHERE n.ergo_dump_id IS NOT NULL RETURN count(n) AS c").at(0)["c"], Value(0));
}

TEST(CypherRoundTrip, RandomGraphs) {
  for (unsigned seed : {1u, 2u, 3u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Database db = random_graph(seed);
    Database back = reload_cypher(db);
    testing::expect_same_graph(db, back);
  }
}

TEST(CypherRoundTrip, KeepsWhatKgCannot) {
  // No label, no name, NaN and infinity, names that need backquotes.
  Database db;
  db.execute("CREATE ({`odd key`: 1, nan: 0.0 / 0.0, inf: -1.0 / 0.0})-[:`ODD TYPE`]->(:`Odd Label`)");
  Database back = reload_cypher(db);
  Result r = back.execute(
      "MATCH (a)-[r:`ODD TYPE`]->(b:`Odd Label`) RETURN a.`odd key` AS k, isNaN(a.nan) AS nan, a.inf AS inf, "
      "labels(a) AS l");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.at(0)["k"], Value(1));
  EXPECT_EQ(r.at(0)["nan"], Value(true));
  EXPECT_EQ(r.at(0)["inf"], Value(-std::numeric_limits<double>::infinity()));
  EXPECT_EQ(r.at(0)["l"], Value(List{}));
}

TEST(CsvRoundTrip, KeyWithTwoTypesTakesTwoFiles) {
  Database db;
  db.execute("CREATE (:A {v: 1, w: [1]}), (:A {v: 'one', w: []}), (:B {v: 2.5})-[:R {s: ['x']}]->(:B)-[:R {s: 'y'}]->(:B)");
  std::vector<std::string> names;
  for (const auto& [name, text] : testing::csv_dump(db)) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"nodes.csv", "nodes-2.csv", "nodes-3.csv", "relationships.csv",
                                             "relationships-2.csv"}));
  Database back = reload_csv(db);
  testing::expect_same_graph(db, back);
}

TEST(CypherRoundTrip, ManyBatches) {
  // More rows than one UNWIND batch holds (500).
  Database db;
  db.execute("UNWIND range(1, 1203) AS i CREATE (:N {i: i})");
  db.execute("MATCH (a:N), (b:N) WHERE b.i = a.i + 1 AND a.i % 2 = 0 CREATE (a)-[:NEXT {i: a.i}]->(b)");
  std::ostringstream script;
  db.dump(script, DumpFormat::cypher);
  const std::string text = script.str();
  std::size_t unwinds = 0;
  for (std::size_t at = text.find("UNWIND ["); at != std::string::npos; at = text.find("UNWIND [", at + 1)) ++unwinds;
  EXPECT_EQ(unwinds, 3u + 2u);  // 1203 nodes in 3 batches, 601 relationships in 2
  Database back;
  back.execute(text);
  testing::expect_same_graph(db, back);
}

TEST(CsvRoundTrip, BundledGraph) {
  Database db = bundled();
  Database back = reload_csv(db);
  testing::expect_same_graph(db, back);
}

TEST(CsvRoundTrip, RandomGraphs) {
  for (unsigned seed : {1u, 2u, 3u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Database db = random_graph(seed);
    Database back = reload_csv(db);
    testing::expect_same_graph(db, back);
  }
}

TEST(CsvRoundTrip, PropertiesNamedLikeRoles) {
  // In a neo4j-admin header the roles are suffixes, so id, label and type
  // are ordinary properties.
  Database db;
  db.execute("CREATE (:A {id: 7, label: 'x', type: 'y'})-[:R {type: 'z', src: 1, source: 'doc'}]->(:B {labels: ['q']})");
  Database back = reload_csv(db);
  testing::expect_same_graph(db, back);
}

TEST(RoundTrip, DeletedElementsAreLeftOut) {
  Database db = random_graph(5);
  db.execute("MATCH (n) WHERE id(n) % 7 = 0 DETACH DELETE n");
  db.execute("MATCH ()-[r]->() WHERE id(r) % 5 = 0 DELETE r");
  Database kg = reload_kg(db);
  testing::expect_same_graph(db, kg);
  Database cypher = reload_cypher(db);
  testing::expect_same_graph(db, cypher);
  Database csv = reload_csv(db);
  testing::expect_same_graph(db, csv);
}

TEST(RoundTrip, EmptyGraph) {
  Database db;
  EXPECT_EQ(reload_kg(db).node_count(), 0u);
  EXPECT_EQ(reload_csv(db).node_count(), 0u);
  // A script of comments alone: nothing for execute() to run.
  std::ostringstream script;
  db.dump(script, DumpFormat::cypher);
  EXPECT_EQ(script.str(),
            "// ergo dump: 0 nodes, 0 relationships.\n"
            "// Runs on ergo (ergo -f FILE), Neo4j 5 (cypher-shell -f FILE) and Memgraph (mgconsole < FILE).\n"
            "// Nodes carry the label ErgoDumpNode and the property ergo_dump_id until the last statement removes "
            "them.\n");
}

}  // namespace
}  // namespace ergo
