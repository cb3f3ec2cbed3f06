// ergo::Database through the public API only: opening (in memory, .kg files,
// directories; missing files and directories, empty directories, bad files,
// load warnings), execute() with named parameters of every type and its
// errors compared exactly (kind, code, message, file, line, column, rendered
// text), rollback, interrupt(), counts, statistics, schema and name lookup.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::bundled;
using api_test::error_of;
namespace fs = std::filesystem;

// A scratch directory with .kg files, removed afterwards.
class KgFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ergo-api-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  fs::path dir_;
};

TEST(Database, DefaultIsEmptyAndInMemory) {
  Database db;
  EXPECT_EQ(db.node_count(), 0u);
  EXPECT_EQ(db.relationship_count(), 0u);
  EXPECT_EQ(db.statistics(), GraphStatistics{});
  Result r = db.execute("MATCH (n) RETURN count(n) AS n");
  EXPECT_EQ(r.row(0)[0].as_int(), 0);
}

TEST(Database, OpenBundledDirectory) {
  Database& db = bundled();
  EXPECT_EQ(db.node_count(), 86u);
  EXPECT_EQ(db.relationship_count(), 162u);
  GraphStatistics s = db.statistics();
  EXPECT_EQ(s.nodes, 86u);
  EXPECT_EQ(s.relationships, 162u);
  EXPECT_GT(s.labels, 5u);
  EXPECT_GT(s.properties, 200u);
}

// {name: ...} stays exact (openCypher); ergo.find is the forgiving lookup
// :find uses: aliases, any letter case, usable as a MATCH start.
TEST_F(KgFiles, ErgoFindMatchesNamesAndAliases) {
  Database db = Database::open({write("a.kg", "Microsoft : Company aka \"마이크로소프트\", \"MS\"\nOpenAI : Company\n"
                                              "Microsoft INVESTS_IN OpenAI\n")});
  EXPECT_TRUE(db.execute("MATCH (n {name: '마이크로소프트'}) RETURN n").empty());
  auto names = [&](const std::string& query) {
    std::vector<std::string> out;
    Result r = db.execute(query);
    for (const auto& row : r.rows()) out.push_back(row[0].as_string());
    return out;
  };
  EXPECT_EQ(names("CALL ergo.find('마이크로소프트') YIELD node RETURN node.name"), std::vector<std::string>{"Microsoft"});
  EXPECT_EQ(names("CALL ergo.find('ms') YIELD node RETURN node.name"), std::vector<std::string>{"Microsoft"});
  EXPECT_EQ(names("CALL ergo.find('openai') YIELD node MATCH (node)<-[:INVESTS_IN]-(i) RETURN i.name"),
            std::vector<std::string>{"Microsoft"});
  EXPECT_TRUE(names("CALL ergo.find('nobody') YIELD node RETURN node.name").empty());
}

TEST_F(KgFiles, OpenFilesAndLoadMore) {
  std::string a = write("a.kg", "Alpha : Thing\nBeta : Thing\nAlpha LIKES Beta\n");
  std::string b = write("b.kg", "Gamma : Thing {size: 3}\n");
  Database db = Database::open({a});
  EXPECT_EQ(db.node_count(), 2u);
  EXPECT_EQ(db.relationship_count(), 1u);
  LoadSummary summary = db.load({b});
  EXPECT_EQ(summary.files, 1u);
  EXPECT_EQ(summary.entities, 1u);
  EXPECT_EQ(summary.relationships, 0u);
  EXPECT_EQ(db.node_count(), 3u);
  EXPECT_EQ(db.execute("MATCH (t:Thing {name: 'Gamma'}) RETURN t.size").row(0)[0].as_int(), 3);
}

TEST_F(KgFiles, BadFileLoadsNothing) {
  std::string good = write("good.kg", "Alpha : Thing\n");
  std::string bad = write("bad.kg", "Beta : Thing\nthis is not a fact at all (\n");
  Error e = error_of([&] { Database::open({good, bad}); });
  EXPECT_EQ(e.kind(), ErrorKind::data_error);
  EXPECT_NE(e.message().find("nothing was loaded"), std::string::npos) << e.message();
  EXPECT_EQ(fs::path(e.file()).filename(), "bad.kg");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_GT(e.column(), 0u);
  EXPECT_NE(e.rendered().find("bad.kg:2:"), std::string::npos) << e.rendered();

  Database db = Database::open({good});
  EXPECT_THROW(db.load({bad}), Error);
  EXPECT_EQ(db.node_count(), 1u);  // all or nothing
}

TEST(Database, MissingFileIsAnIoError) {
  Error e = error_of([] { Database::open({"/nonexistent/ergo/graph.kg"}); });
  EXPECT_EQ(e.kind(), ErrorKind::io_error) << kind_name(e.kind());
  EXPECT_EQ(e.message(), "no such file or directory (1 error; nothing was loaded)");
  EXPECT_EQ(e.file(), "/nonexistent/ergo/graph.kg");
  EXPECT_EQ(e.line(), 0u);
  EXPECT_EQ(e.column(), 0u);
  EXPECT_EQ(e.code(), "");
  EXPECT_EQ(e.rendered(), "/nonexistent/ergo/graph.kg: error: no such file or directory\n1 error; nothing was loaded\n");
  EXPECT_EQ(std::string(e.what()), e.rendered());
}

TEST(Database, MissingDirectoryIsAnIoError) {
  Error e = error_of([] { Database::open({"/nonexistent/ergo/data/"}); });
  EXPECT_EQ(e.kind(), ErrorKind::io_error) << kind_name(e.kind());
  EXPECT_EQ(e.message(), "no such file or directory (1 error; nothing was loaded)");
  EXPECT_EQ(e.file(), "/nonexistent/ergo/data/");
}

TEST_F(KgFiles, DirectoryWithoutKgFilesIsAnIoError) {
  write("notes.txt", "Alpha : Thing\n");  // only .kg files are read
  Error e = error_of([&] { Database::open({dir_.string()}); });
  EXPECT_EQ(e.kind(), ErrorKind::io_error) << kind_name(e.kind());
  EXPECT_EQ(e.message(), "directory has no .kg files (1 error; nothing was loaded)");
  EXPECT_EQ(e.file(), dir_.string());
}

TEST_F(KgFiles, EveryProblemIsRenderedTheFirstDecides) {
  std::string good = write("good.kg", "Alpha : Thing\n");
  std::string more = write("more.kg", "Beta : Thing\n");
  Database db = Database::open({good});
  Error e = error_of([&] { db.load({"/nonexistent/one.kg", more, "/nonexistent/two.kg"}); });
  EXPECT_EQ(e.kind(), ErrorKind::io_error);
  EXPECT_EQ(e.message(), "no such file or directory (2 errors; nothing was loaded)");
  EXPECT_EQ(e.file(), "/nonexistent/one.kg");
  EXPECT_EQ(e.rendered(),
            "/nonexistent/one.kg: error: no such file or directory\n"
            "/nonexistent/two.kg: error: no such file or directory\n"
            "2 errors; nothing was loaded\n");
  EXPECT_EQ(db.node_count(), 1u);  // unchanged
}

TEST_F(KgFiles, DirectoryLoadsItsKgFiles) {
  write("b.kg", "Beta : Thing\nAlpha LIKES Beta\n");
  write("a.kg", "Alpha : Thing {rank: 1}\n");
  write("ignored.txt", "not read at all (\n");
  Database db = Database::open({dir_.string()});
  EXPECT_EQ(db.node_count(), 2u);
  EXPECT_EQ(db.relationship_count(), 1u);
  Result r = db.execute("MATCH (a)-[:LIKES]->(b) RETURN a.rank AS rank, b.name AS liked");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.at(0)["rank"].as_int(), 1);
  EXPECT_EQ(r.at(0)["liked"].as_string(), "Beta");
}

TEST_F(KgFiles, LoadReportsWarnings) {
  // A fact about an entity never declared creates it, with a warning.
  std::string a = write("a.kg", "Alpha : Thing\nAlpha LIKES Stranger\n");
  Database db;
  LoadSummary summary = db.load({a});
  EXPECT_EQ(summary.files, 1u);
  EXPECT_EQ(summary.entities, 2u);
  EXPECT_EQ(summary.relationships, 1u);
  ASSERT_EQ(summary.warnings.size(), 1u);
  EXPECT_EQ(summary.warnings[0].rfind(a + ":2:", 0), 0u) << summary.warnings[0];
  EXPECT_NE(summary.warnings[0].find("warning: "), std::string::npos) << summary.warnings[0];
  EXPECT_NE(summary.warnings[0].find("Stranger"), std::string::npos) << summary.warnings[0];
  EXPECT_EQ(db.execute("MATCH (s {name: 'Stranger'}) RETURN labels(s) AS l").at(0)["l"].as_list().size(), 0u);
}

TEST(Database, ExecuteWithNamedParameters) {
  Result r = bundled().execute(
      "MATCH (i)-[r:INVESTS_IN]->(o {name: $target}) WHERE r.amount >= $min RETURN i.name AS investor, r.amount AS amount",
      {{"target", "OpenAI"}, {"min", 1000}});
  ASSERT_EQ(r.columns(), (std::vector<std::string>{"investor", "amount"}));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[0].as_string(), "Microsoft");
  EXPECT_EQ(r.row(0)[1].as_int(), 1'000'000'000);
  EXPECT_FALSE(r.stats().contains_updates());
}

TEST(Database, SeveralStatementsReturnTheLast) {
  Database db;
  Result r = db.execute("CREATE (:A); CREATE (:A); MATCH (a:A) RETURN count(a) AS n");
  EXPECT_EQ(r.row(0)[0].as_int(), 2);
}

TEST(Database, WritesReportStatsAndPersist) {
  Database db;
  Result r = db.execute("CREATE (a:Person {name: $n})-[:KNOWS {since: 2020}]->(b:Person {name: 'Bo'})",
                        {{"n", "Ann"}});
  EXPECT_TRUE(r.columns().empty());
  EXPECT_EQ(r.stats().nodes_created, 2u);
  EXPECT_EQ(r.stats().relationships_created, 1u);
  EXPECT_EQ(r.stats().labels_added, 2u);
  EXPECT_EQ(r.stats().properties_set, 3u);
  EXPECT_EQ(db.node_count(), 2u);
  EXPECT_EQ(db.relationship_count(), 1u);
}

TEST(Database, SyntaxErrorCarriesKindMessageLineColumn) {
  Error e = error_of([] { bundled().execute("MATCH (n)\nRETRUN n", {}, "my-query.cypher"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_STREQ(kind_name(e.kind()), "SyntaxError");
  EXPECT_EQ(e.code(), "UnexpectedSyntax");
  EXPECT_EQ(e.file(), "my-query.cypher");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 1u);
  EXPECT_EQ(e.message(), "unexpected 'RETRUN', did you mean 'RETURN'?");
  EXPECT_EQ(e.rendered(),
            "my-query.cypher:2:1: error: unexpected 'RETRUN', did you mean 'RETURN'?\n"
            "RETRUN n\n"
            "^~~~~~\n");
  EXPECT_EQ(std::string(e.what()), e.rendered());
}

TEST(Database, SyntaxErrorsAtTheirPosition) {
  Error e = error_of([] { bundled().execute("MATCH (n:Company RETURN n"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.code(), "UnexpectedSyntax");
  EXPECT_EQ(e.file(), "<query>");  // the default source_name
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 18u);
  EXPECT_EQ(e.message(), "expected ')' to close the node pattern");
  EXPECT_EQ(e.rendered(),
            "<query>:1:18: error: expected ')' to close the node pattern\n"
            "MATCH (n:Company RETURN n\n"
            "                 ^~~~~~\n");

  // Columns count characters, not bytes: the Hangul before the error is 4.
  Error k = error_of([] { bundled().execute("RETURN '오픈AI' +"); });
  EXPECT_EQ(k.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(k.line(), 1u);
  EXPECT_EQ(k.column(), 16u);
}

TEST(Database, SemanticErrorsBeforeAnythingRuns) {
  Database db;
  Error e = error_of([&] { db.execute("CREATE (a:A) WITH a MATCH (a)-[r]->(b) RETURN count(count(b))"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error) << kind_name(e.kind()) << ": " << e.message();
  EXPECT_EQ(e.code(), "NestedAggregation");
  EXPECT_EQ(db.node_count(), 0u);  // nothing ran
}

TEST(Database, UndefinedVariableIsReportedWithItsCode) {
  // openCypher classifies compile-time errors such as this one as
  // SyntaxError; the detail code says which.
  Error e = error_of([] { bundled().execute("MATCH (n) RETURN m"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.code(), "UndefinedVariable");
  EXPECT_EQ(e.message(), "variable 'm' is not defined, did you mean 'n'?");
  EXPECT_EQ(e.file(), "<query>");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 18u);
  EXPECT_EQ(e.rendered(),
            "<query>:1:18: error: variable 'm' is not defined, did you mean 'n'?\n"
            "MATCH (n) RETURN m\n"
            "                 ^\n");
}

TEST(Database, MissingParameter) {
  Error e = error_of([] { bundled().execute("MATCH (c {name: $name}) RETURN c"); });
  EXPECT_EQ(e.kind(), ErrorKind::semantic_error);
  EXPECT_EQ(e.code(), "ParameterMissing");
  EXPECT_EQ(e.message(), "missing parameter $name");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 17u);
  EXPECT_EQ(e.rendered(),
            "<query>:1:17: error: missing parameter $name\n"
            "MATCH (c {name: $name}) RETURN c\n"
            "                ^~~~~\n");
  // Names are case-sensitive; extra parameters are ignored.
  EXPECT_EQ(error_of([] { bundled().execute("RETURN $Name", {{"name", 1}}); }).message(), "missing parameter $Name");
  EXPECT_EQ(bundled().execute("RETURN $a AS a", {{"a", 1}, {"b", 2}}).at(0)["a"].as_int(), 1);
}

TEST(Database, ParameterOfEveryType) {
  Result r = bundled().execute(
      "RETURN $b AS b, $i AS i, $f AS f, $s AS s, $d AS d, $l AS l, $m AS m, $n AS n",
      {{"b", true}, {"i", std::int64_t{1} << 40}, {"f", 0.25}, {"s", "오픈AI"}, {"d", *Date::parse("2019-07-22")},
       {"l", List{1, "two"}}, {"m", Map{{"k", Value(1)}}}, {"n", nullptr}});
  const Row row = r.at(0);
  EXPECT_EQ(row["b"], Value(true));
  EXPECT_EQ(row["i"], Value(std::int64_t{1} << 40));
  EXPECT_EQ(row["f"], Value(0.25));
  EXPECT_EQ(row["s"], Value("오픈AI"));
  EXPECT_EQ(row["d"], Value(*Date::parse("2019-07-22")));
  EXPECT_EQ(row["l"], Value(List{1, "two"}));
  EXPECT_EQ(row["m"], Value(Map{{"k", Value(1)}}));
  EXPECT_TRUE(row["n"].is_null());
}

TEST(Database, RuntimeErrorUndoesTheWholeStatement) {
  Database db;
  db.execute("CREATE (:Keep)");
  Error e = error_of([&] { db.execute("UNWIND [1, 0] AS x CREATE (:Gone {v: 1 / x})"); });
  EXPECT_EQ(e.kind(), ErrorKind::argument_error) << kind_name(e.kind()) << ": " << e.message();
  EXPECT_GT(e.column(), 0u);
  EXPECT_EQ(db.node_count(), 1u);
  EXPECT_EQ(db.execute("MATCH (g:Gone) RETURN count(g)").row(0)[0].as_int(), 0);
}

TEST(Database, RuntimeErrorExactly) {
  Error e = error_of([] { bundled().execute("RETURN 1 / 0 AS x"); });
  EXPECT_EQ(e.kind(), ErrorKind::argument_error);
  EXPECT_EQ(e.code(), "DivisionByZero");
  EXPECT_EQ(e.message(), "division by zero");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 8u);
}

TEST(Database, TypeErrorAtRunTime) {
  // The parameter's type is known only when the query runs.
  Error e = error_of([] { bundled().execute("RETURN $x + 1", {{"x", Map{{"a", Value(1)}}}}); });
  EXPECT_EQ(e.kind(), ErrorKind::type_error) << kind_name(e.kind()) << ": " << e.message();
  EXPECT_EQ(e.line(), 1u);
  EXPECT_GT(e.column(), 0u);
}

TEST(Database, InterruptCancelsARunningQuery) {
  Database db;
  std::atomic<bool> done{false};
  Error seen(ErrorKind::runtime_error, "");
  bool threw = false;
  std::thread worker([&] {
    try {
      db.execute("UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*)");
    } catch (const Error& e) {
      seen = e;
      threw = true;
    }
    done = true;
  });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!done && std::chrono::steady_clock::now() < deadline) {
    db.interrupt();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  worker.join();
  ASSERT_TRUE(threw);
  EXPECT_EQ(seen.kind(), ErrorKind::runtime_error);
  EXPECT_EQ(seen.code(), "Cancelled");
  EXPECT_EQ(seen.message(), "the query was cancelled");
  // Queries started afterwards run normally.
  EXPECT_EQ(db.execute("RETURN 1 AS one").row(0)[0].as_int(), 1);
}

TEST(Database, InterruptUndoesAWriteAndSparesLaterQueries) {
  Database db;
  db.execute("CREATE (:Keep)");
  db.interrupt();  // nothing is running: no effect on what comes after
  EXPECT_EQ(db.execute("MATCH (k:Keep) RETURN count(k) AS n").at(0)["n"].as_int(), 1);

  std::atomic<bool> done{false};
  std::string code;
  std::thread writer([&] {
    try {
      db.execute("UNWIND range(1, 10000000) AS x CREATE (:Gone {x: x})");
    } catch (const Error& e) {
      code = e.code();
    }
    done = true;
  });
  while (!done) {
    db.interrupt();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  writer.join();
  EXPECT_EQ(code, "Cancelled");
  EXPECT_EQ(db.node_count(), 1u);  // the cancelled CREATE left nothing
  EXPECT_EQ(db.statistics(), (GraphStatistics{1, 0, 1, 0}));
}

TEST(Database, SchemaCountsLabelsTypesAndKeys) {
  Schema s = bundled().schema();
  EXPECT_EQ(s.nodes, 86u);
  EXPECT_EQ(s.relationships, 162u);
  auto company = std::find_if(s.labels.begin(), s.labels.end(), [](const LabelInfo& l) { return l.name == "Company"; });
  ASSERT_NE(company, s.labels.end());
  EXPECT_EQ(company->nodes, 20u);
  auto invests = std::find_if(s.relationship_types.begin(), s.relationship_types.end(),
                              [](const RelationshipTypeInfo& t) { return t.name == "INVESTS_IN"; });
  ASSERT_NE(invests, s.relationship_types.end());
  EXPECT_EQ(invests->relationships, 6u);
  EXPECT_TRUE(std::any_of(s.property_keys.begin(), s.property_keys.end(),
                          [](const PropertyKeyInfo& k) { return k.name == "name" && k.nodes == 86; }));
}

TEST(Database, SchemaOfASmallGraphExactly) {
  Database db;
  db.execute(
      "CREATE (a:Person:Founder {name: 'Ann', born: 1970})-[:FOUNDED {year: 2001}]->(c:Company {name: 'Acme'}), "
      "(b:Person {name: 'Bo'})-[:WORKS_AT]->(c), (a)-[:WORKS_AT]->(c), (b)-[:WORKS_AT]->(:Thing)");
  Schema s = db.schema();
  EXPECT_EQ(s.nodes, 4u);
  EXPECT_EQ(s.relationships, 4u);
  ASSERT_EQ(s.labels.size(), 4u);
  EXPECT_EQ(s.labels[0].name, "Company");
  EXPECT_EQ(s.labels[0].nodes, 1u);
  EXPECT_EQ(s.labels[1].name, "Founder");
  EXPECT_EQ(s.labels[2].name, "Person");
  EXPECT_EQ(s.labels[2].nodes, 2u);
  EXPECT_EQ(s.labels[3].name, "Thing");
  ASSERT_EQ(s.relationship_types.size(), 2u);
  const RelationshipTypeInfo& founded = s.relationship_types[0];
  EXPECT_EQ(founded.name, "FOUNDED");
  EXPECT_EQ(founded.relationships, 1u);
  // Ann is a Person and a Founder: the relationship counts for both labels.
  ASSERT_EQ(founded.connects.size(), 2u);
  EXPECT_EQ(founded.connects[0].start_label, "Founder");
  EXPECT_EQ(founded.connects[0].end_label, "Company");
  EXPECT_EQ(founded.connects[0].relationships, 1u);
  EXPECT_EQ(founded.connects[1].start_label, "Person");
  const RelationshipTypeInfo& works = s.relationship_types[1];
  EXPECT_EQ(works.name, "WORKS_AT");
  EXPECT_EQ(works.relationships, 3u);
  ASSERT_EQ(works.connects.size(), 3u);
  EXPECT_EQ(works.connects[0].start_label, "Person");  // most frequent first
  EXPECT_EQ(works.connects[0].end_label, "Company");
  EXPECT_EQ(works.connects[0].relationships, 2u);
  ASSERT_EQ(s.property_keys.size(), 3u);
  EXPECT_EQ(s.property_keys[0].name, "born");
  EXPECT_EQ(s.property_keys[0].nodes, 1u);
  EXPECT_EQ(s.property_keys[1].name, "name");
  EXPECT_EQ(s.property_keys[1].nodes, 3u);
  EXPECT_EQ(s.property_keys[1].relationships, 0u);
  EXPECT_EQ(s.property_keys[2].name, "year");
  EXPECT_EQ(s.property_keys[2].nodes, 0u);
  EXPECT_EQ(s.property_keys[2].relationships, 1u);
  EXPECT_EQ(db.statistics(), (GraphStatistics{4, 4, 4, 5}));

  Schema empty = Database().schema();
  EXPECT_EQ(empty.nodes, 0u);
  EXPECT_TRUE(empty.labels.empty());
  EXPECT_TRUE(empty.relationship_types.empty());
  EXPECT_TRUE(empty.property_keys.empty());
}

TEST(Database, FindByNameFoldsCaseAndAliases) {
  for (const char* spelling : {"OpenAI", "openai", "오픈AI"}) {
    Result r = bundled().find_by_name(spelling);
    ASSERT_EQ(r.columns(), std::vector<std::string>{"node"});
    ASSERT_EQ(r.size(), 1u) << spelling;
    EXPECT_EQ(r.property(r.row(0)[0].as_node(), "name").as_string(), "OpenAI");
  }
  EXPECT_TRUE(bundled().find_by_name("no such entity").empty());
  EXPECT_EQ(bundled().find_by_name("no such entity").columns(), std::vector<std::string>{"node"});
  EXPECT_TRUE(bundled().find_by_name("").empty());
  EXPECT_TRUE(Database().find_by_name("OpenAI").empty());
  // Case folding and NFC: "MS" and "ms" are an alias of Microsoft.
  Result ms = bundled().find_by_name("ms");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms.property(ms.at(0)["node"].as_node(), "name").as_string(), "Microsoft");
  EXPECT_EQ(ms.labels(ms.at(0)["node"].as_node()), std::vector<std::string>{"Company"});
}

TEST(Database, MoveKeepsTheGraph) {
  Database a;
  a.execute("CREATE (:M)");
  Database b = std::move(a);
  EXPECT_EQ(b.node_count(), 1u);
  Database c;
  c = std::move(b);
  EXPECT_EQ(c.node_count(), 1u);
}

TEST(Database, ResultsOutliveTheirDatabase) {
  Result r;
  {
    Database db;
    r = db.execute("CREATE (n:Kept {name: 'x'}) RETURN n");
  }
  EXPECT_EQ(r.labels(r.row(0)[0].as_node()), std::vector<std::string>{"Kept"});
}

}  // namespace
}  // namespace ergo
