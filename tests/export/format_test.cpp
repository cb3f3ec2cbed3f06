// The exported formats themselves (docs/export.md): golden files of a small
// graph in every format, JSON Lines parsed back with nlohmann-json and
// compared value by value, what each format refuses (before writing a
// byte), and the format names.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "ergo/database.hpp"
#include "tests/engine/golden_files.hpp"
#include "tests/export/export_test_support.hpp"

namespace ergo {
namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(ERGO_TESTS_DIR) / "export" / "golden";

Database small_graph() {
  Database db;
  db.execute(testing::read_all(kGolden / "small.cypher"));
  return db;
}

std::string dumped(const Database& db, DumpFormat f) {
  std::ostringstream out;
  db.dump(out, f);
  return out.str();
}

TEST(ExportGolden, EveryFormat) {
  Database db = small_graph();
  testing::expect_golden(kGolden / "small.kg.out", dumped(db, DumpFormat::kg));
  testing::expect_golden(kGolden / "small.cypher.out", dumped(db, DumpFormat::cypher));
  testing::expect_golden(kGolden / "small.graphml.out", dumped(db, DumpFormat::graphml));
  testing::expect_golden(kGolden / "small.jsonl.out", dumped(db, DumpFormat::jsonl));
  auto files = testing::csv_dump(db);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].first, "nodes.csv");
  EXPECT_EQ(files[1].first, "relationships.csv");
  testing::expect_golden(kGolden / "small.nodes.csv.out", files[0].second);
  testing::expect_golden(kGolden / "small.relationships.csv.out", files[1].second);
}

// The JSON an APOC export holds for a value (the test's own conversion).
nlohmann::json expected_json(const Value& v) {
  switch (v.type()) {
    case Value::Type::boolean: return v.as_bool();
    case Value::Type::integer: return v.as_int();
    case Value::Type::floating: return v.as_double();
    case Value::Type::string: return v.as_string();
    case Value::Type::date: return v.as_date().to_string();
    case Value::Type::list: {
      nlohmann::json a = nlohmann::json::array();
      for (const Value& item : v.as_list()) a.push_back(expected_json(item));
      return a;
    }
    case Value::Type::map: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& [k, item] : v.as_map()) o[k] = expected_json(item);
      return o;
    }
    default: return nullptr;
  }
}

TEST(ExportJsonLines, ParsesBackToTheGraph) {
  for (unsigned seed : {1u, 2u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Database db;
    testing::fill_random_graph(db, seed, 40, 90);
    std::istringstream lines(dumped(db, DumpFormat::jsonl));
    std::map<std::string, nlohmann::json> nodes, relationships;
    std::string line;
    while (std::getline(lines, line)) {
      nlohmann::json j = nlohmann::json::parse(line);  // throws on a bad line
      ASSERT_TRUE(j["type"] == "node" || j["type"] == "relationship") << line;
      (j["type"] == "node" ? nodes : relationships)[j["id"].get<std::string>()] = j;
    }
    ASSERT_EQ(nodes.size(), db.node_count());
    ASSERT_EQ(relationships.size(), db.relationship_count());
    for (const Row& row : db.execute("MATCH (n) RETURN toString(id(n)) AS id, labels(n) AS l, properties(n) AS p")) {
      const nlohmann::json& j = nodes.at(row["id"].as_string());
      EXPECT_EQ(j["labels"], expected_json(row["l"]));
      EXPECT_EQ(j["properties"], expected_json(row["p"]));
    }
    for (const Row& row : db.execute("MATCH (a)-[r]->(b) RETURN toString(id(r)) AS id, type(r) AS t, "
                                     "toString(id(a)) AS a, toString(id(b)) AS b, properties(r) AS p, labels(a) AS la")) {
      const nlohmann::json& j = relationships.at(row["id"].as_string());
      EXPECT_EQ(j["label"], row["t"].as_string());
      EXPECT_EQ(j["start"]["id"], row["a"].as_string());
      EXPECT_EQ(j["start"]["labels"], expected_json(row["la"]));
      EXPECT_EQ(j["end"]["id"], row["b"].as_string());
      EXPECT_EQ(j["properties"], expected_json(row["p"]));
    }
  }
}

// A refused dump throws data_error with `message` and writes nothing.
void expect_refusal(const Database& db, DumpFormat f, const std::string& message) {
  std::ostringstream out;
  try {
    if (f == DumpFormat::csv) {
      db.dump_csv([&](const std::string& name) -> std::ostream& {
        ADD_FAILURE() << "opened " << name;
        return out;
      });
    } else {
      db.dump(out, f);
    }
    ADD_FAILURE() << "no error; wrote:\n" << out.str();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::data_error);
    EXPECT_EQ(e.message(), message);
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ExportRefusals, KgNeedsLabelsAndUniqueNames) {
  Database db;
  db.execute("CREATE (:A {name: 'x'}), ({name: 'y'})");
  expect_refusal(db, DumpFormat::kg,
                 "cannot export as .kg: node 1 ('y') has no label, and a .kg declaration needs one; add one (MATCH (n) "
                 "WHERE id(n) = 1 SET n:Thing) or export as Cypher (--format cypher), which has no such limit");
  Database unnamed;
  unnamed.execute("CREATE (:A)");
  expect_refusal(unnamed, DumpFormat::kg,
                 "cannot export as .kg: node 0 has no name, and .kg names every entity by a non-empty string; give it "
                 "one (SET n.name = '…') or export as Cypher (--format cypher), which has no such limit");
  Database twins;
  twins.execute("CREATE (:A {name: 'Acme'}), (:B {name: 'x', aliases: ['ACME']})");
  expect_refusal(twins, DumpFormat::kg,
                 "cannot export as .kg: node 1 ('x') is called 'ACME', a name or alias that node 0 ('Acme') already "
                 "has (names are compared ignoring case and Unicode form), and a .kg name finds one entity; rename "
                 "one of them or export as Cypher (--format cypher), which has no such limit");
  Database nan;
  nan.execute("CREATE (:A {name: 'n', v: 0.0 / 0.0})");
  expect_refusal(nan, DumpFormat::kg,
                 "cannot export as .kg: node 0 ('n')'s property v is NaN, and .kg has no NaN or infinity; export as "
                 "Cypher (--format cypher), which has no such limit");
}

TEST(ExportRefusals, CsvNeedsPlainListsOfOneType) {
  Database mixed;
  mixed.execute("CREATE (:A {v: [1, 'x']})");
  expect_refusal(mixed, DumpFormat::csv,
                 "cannot export as CSV: node 0's property v is a list of mixed types, and a CSV list column holds "
                 "values of one type; export as .kg or Cypher (--format kg, --format cypher), which keep it");
  Database split;
  split.execute("CREATE (:A {v: ['a;b']})");
  expect_refusal(split, DumpFormat::csv,
                 "cannot export as CSV: node 0's property v holds the list item 'a;b', and CSV list items are split "
                 "at ';' with empty items dropped; export as .kg or Cypher (--format kg, --format cypher), which "
                 "keep it");
}

TEST(ExportRefusals, CypherStoresNoMaps) {
  Database db;
  db.load({(kGolden / "map.kg").string()});
  expect_refusal(db, DumpFormat::cypher,
                 "cannot export as Cypher: node 0 ('Acme')'s property m holds a map, which Cypher cannot store as a "
                 "property; export as .kg (--format kg), which keeps maps");
}

TEST(ExportRefusals, CypherKeepsItsOwnNamesFree) {
  Database db;
  db.execute("CREATE (:ErgoDumpNode {name: 'x'})");
  expect_refusal(db, DumpFormat::cypher,
                 "cannot export as Cypher: node 0 ('x') has the label ErgoDumpNode, which the script uses for itself "
                 "and removes at its end; rename it before dumping, or export as .kg (--format kg)");
}

TEST(ExportApi, CsvThroughDumpIsAnArgumentError) {
  Database db;
  std::ostringstream out;
  try {
    db.dump(out, DumpFormat::csv);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::argument_error);
  }
}

TEST(ExportApi, FailedStreamIsAnIoError) {
  Database db = small_graph();
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  try {
    db.dump(out, DumpFormat::jsonl);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::io_error);
  }
}

TEST(ExportApi, FormatNames) {
  for (DumpFormat f : {DumpFormat::kg, DumpFormat::cypher, DumpFormat::csv, DumpFormat::graphml, DumpFormat::jsonl}) {
    EXPECT_EQ(parse_dump_format(dump_format_name(f)), f);
  }
  EXPECT_EQ(parse_dump_format("json"), std::nullopt);
  EXPECT_EQ(dump_format_for_path("out/Graph.KG"), DumpFormat::kg);
  EXPECT_EQ(dump_format_for_path("g.cql"), DumpFormat::cypher);
  EXPECT_EQ(dump_format_for_path("g.ndjson"), DumpFormat::jsonl);
  EXPECT_EQ(dump_format_for_path("g.graphml"), DumpFormat::graphml);
  EXPECT_EQ(dump_format_for_path("g.csv"), DumpFormat::csv);
  EXPECT_EQ(dump_format_for_path("g.txt"), std::nullopt);
  EXPECT_EQ(dump_format_for_path(".kg"), std::nullopt);
}

}  // namespace
}  // namespace ergo
