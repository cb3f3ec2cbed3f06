// ergo::Database through the public API only: opening (in memory, .kg files,
// directories, failures), execute() with named parameters and its errors
// (kind, message, line, column, code), rollback, interrupt(), counts,
// statistics, schema and name lookup.
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
  EXPECT_EQ(db.node_count(), 94u);
  EXPECT_EQ(db.relationship_count(), 137u);
  GraphStatistics s = db.statistics();
  EXPECT_EQ(s.nodes, 94u);
  EXPECT_EQ(s.relationships, 137u);
  EXPECT_GT(s.labels, 5u);
  EXPECT_GT(s.properties, 200u);
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

TEST(Database, MissingPathIsAnError) {
  Error e = error_of([] { Database::open({"/nonexistent/ergo/graph.kg"}); });
  EXPECT_TRUE(e.kind() == ErrorKind::io_error || e.kind() == ErrorKind::data_error) << kind_name(e.kind());
  EXPECT_NE(e.rendered().find("/nonexistent/ergo/graph.kg"), std::string::npos) << e.rendered();
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
  EXPECT_EQ(e.file(), "my-query.cypher");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 1u);
  EXPECT_FALSE(e.message().empty());
  EXPECT_NE(e.rendered().find("my-query.cypher:2:1: error:"), std::string::npos) << e.rendered();
  EXPECT_NE(e.rendered().find("^"), std::string::npos);
  EXPECT_EQ(std::string(e.what()), e.rendered());
}

TEST(Database, UndefinedVariableIsReportedWithItsCode) {
  Error e = error_of([] { bundled().execute("MATCH (n) RETURN m"); });
  EXPECT_EQ(e.code(), "UndefinedVariable");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 18u);
}

TEST(Database, MissingParameter) {
  Error e = error_of([] { bundled().execute("MATCH (c {name: $name}) RETURN c"); });
  EXPECT_EQ(e.kind(), ErrorKind::semantic_error);
  EXPECT_EQ(e.code(), "ParameterMissing");
  EXPECT_EQ(e.column(), 17u);
  EXPECT_NE(e.message().find("$name"), std::string::npos);
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
  // Queries started afterwards run normally.
  EXPECT_EQ(db.execute("RETURN 1 AS one").row(0)[0].as_int(), 1);
}

TEST(Database, SchemaCountsLabelsTypesAndKeys) {
  Schema s = bundled().schema();
  EXPECT_EQ(s.nodes, 94u);
  EXPECT_EQ(s.relationships, 137u);
  auto company = std::find_if(s.labels.begin(), s.labels.end(), [](const LabelInfo& l) { return l.name == "Company"; });
  ASSERT_NE(company, s.labels.end());
  EXPECT_EQ(company->nodes, 21u);
  auto invests = std::find_if(s.relationship_types.begin(), s.relationship_types.end(),
                              [](const RelationshipTypeInfo& t) { return t.name == "INVESTS_IN"; });
  ASSERT_NE(invests, s.relationship_types.end());
  EXPECT_EQ(invests->relationships, 4u);
  EXPECT_TRUE(std::any_of(s.property_keys.begin(), s.property_keys.end(),
                          [](const PropertyKeyInfo& k) { return k.name == "name" && k.nodes == 94; }));
}

TEST(Database, FindByNameFoldsCaseAndAliases) {
  for (const char* spelling : {"OpenAI", "openai", "오픈AI"}) {
    Result r = bundled().find_by_name(spelling);
    ASSERT_EQ(r.columns(), std::vector<std::string>{"node"});
    ASSERT_EQ(r.size(), 1u) << spelling;
    EXPECT_EQ(r.property(r.row(0)[0].as_node(), "name").as_string(), "OpenAI");
  }
  EXPECT_TRUE(bundled().find_by_name("no such entity").empty());
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
