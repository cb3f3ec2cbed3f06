// ergo::PreparedQuery: prepared once, executed many times with different
// parameters; errors at prepare() (syntax, binding, a misplaced aggregate, a
// later statement; prepare() runs nothing) and at execute() (missing
// parameter, wrong type, runtime), compared exactly; empty queries, a
// destroyed database, interrupt().
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::bundled;
using api_test::error_of;

TEST(PreparedQuery, ExecuteManyTimesWithDifferentParameters) {
  PreparedQuery q = bundled().prepare(
      "MATCH (c:Company {name: $name})-[r]->(o) WHERE type(r) = $type RETURN o.name AS target ORDER BY target");
  EXPECT_TRUE(q.valid());
  EXPECT_EQ(q.parameters(), (std::vector<std::string>{"name", "type"}));

  Result a = q.execute({{"name", "Microsoft"}, {"type", "INVESTS_IN"}});
  ASSERT_EQ(a.size(), 4u);
  for (const Row& row : a) EXPECT_EQ(row["target"].as_string(), "OpenAI");

  Result b = q.execute({{"name", "Nobody"}, {"type", "INVESTS_IN"}});
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(b.columns(), std::vector<std::string>{"target"});

  // The same answers as execute() with the text.
  for (const char* company : {"Microsoft", "Google", "OpenAI"}) {
    Params p{{"name", company}, {"type", "DEVELOPS"}};
    EXPECT_EQ(q.execute(p).rows(), bundled().execute(q.text(), p).rows()) << company;
  }
}

TEST(PreparedQuery, TextAndParameters) {
  PreparedQuery q = bundled().prepare("RETURN $b + $a + $b AS s");
  EXPECT_EQ(q.text(), "RETURN $b + $a + $b AS s");
  EXPECT_EQ(q.parameters(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(q.execute({{"a", 1}, {"b", 10}}).row(0)[0].as_int(), 21);
  EXPECT_TRUE(bundled().prepare("RETURN 1").parameters().empty());
}

TEST(PreparedQuery, ExtraParametersAreIgnored) {
  PreparedQuery q = bundled().prepare("RETURN $a AS a");
  EXPECT_EQ(q.execute({{"a", "x"}, {"unused", 1}}).row(0)[0].as_string(), "x");
}

TEST(PreparedQuery, SyntaxErrorAtPrepare) {
  Error e = error_of([] { bundled().prepare("MATCH (n RETURN n", "bad.cypher"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.code(), "UnexpectedSyntax");
  EXPECT_EQ(e.file(), "bad.cypher");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 10u);
  EXPECT_EQ(e.message(), "expected ')' to close the node pattern");
  EXPECT_EQ(e.rendered(),
            "bad.cypher:1:10: error: expected ')' to close the node pattern\n"
            "MATCH (n RETURN n\n"
            "         ^~~~~~\n");
}

TEST(PreparedQuery, SyntaxErrorOnALaterLine) {
  Error e = error_of([] { bundled().prepare("MATCH (c:Company)\nWHERE c.name = $name\nRETURN c.name AS name,\n"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.file(), "<query>");
  EXPECT_EQ(e.line(), 4u);
  EXPECT_EQ(e.column(), 1u);
}

TEST(PreparedQuery, BindingErrorAtPrepare) {
  // Reported at prepare() although parameters are not known yet.
  const std::string text = "MATCH (n {name: $name}) RETURN $limit, undefined_thing";
  Error e = error_of([&] { bundled().prepare(text); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.code(), "UndefinedVariable");
  EXPECT_EQ(e.message(), "variable 'undefined_thing' is not defined");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), text.find("undefined_thing") + 1);
}

TEST(PreparedQuery, MisplacedAggregateAtPrepare) {
  Error e = error_of([] { bundled().prepare("MATCH (n) WHERE count(n) > $min RETURN n"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.code(), "InvalidAggregation");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 17u);
}

TEST(PreparedQuery, ErrorInALaterStatementAtPrepareRunsNothing) {
  Database db;
  Error e = error_of([&] { db.prepare("CREATE (:A {v: $v});\nMATCH (a:A) RETURN b"); });
  EXPECT_EQ(e.code(), "UndefinedVariable");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 20u);
  EXPECT_EQ(db.node_count(), 0u);

  PreparedQuery ok = db.prepare("CREATE (:A {v: $v})");  // prepare() runs nothing
  EXPECT_EQ(db.node_count(), 0u);
  ok.execute({{"v", 1}});
  EXPECT_EQ(db.node_count(), 1u);
}

TEST(PreparedQuery, MissingParameterAtExecute) {
  PreparedQuery q = bundled().prepare("MATCH (n {name: $name}) RETURN n LIMIT $limit");
  Error e = error_of([&] { q.execute({{"name", "OpenAI"}}); });
  EXPECT_EQ(e.kind(), ErrorKind::semantic_error);
  EXPECT_EQ(e.code(), "ParameterMissing");
  EXPECT_EQ(e.message(), "missing parameter $limit");
  EXPECT_EQ(e.file(), "<query>");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 40u);
  EXPECT_EQ(q.execute({{"name", "OpenAI"}, {"limit", 1}}).size(), 1u);
  // With none given, the first in the text is reported.
  EXPECT_EQ(error_of([&] { q.execute(); }).message(), "missing parameter $name");
}

TEST(PreparedQuery, RuntimeErrorAtExecuteKeepsNothing) {
  Database db;
  PreparedQuery q = db.prepare("CREATE (:N {v: 10 / $d})", "create.cypher");
  q.execute({{"d", 2}});
  Error e = error_of([&] { q.execute({{"d", 0}}); });
  EXPECT_EQ(e.kind(), ErrorKind::argument_error);
  EXPECT_EQ(e.code(), "DivisionByZero");
  EXPECT_EQ(e.file(), "create.cypher");  // the source_name given to prepare()
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 16u);
  EXPECT_EQ(db.node_count(), 1u);
}

TEST(PreparedQuery, WrongParameterTypeAtExecute) {
  PreparedQuery q = bundled().prepare("RETURN $x + 1 AS y");
  EXPECT_EQ(q.execute({{"x", 1}}).at(0)["y"].as_int(), 2);
  Error e = error_of([&] { q.execute({{"x", true}}); });
  EXPECT_EQ(e.kind(), ErrorKind::type_error);
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 8u);
}

TEST(PreparedQuery, WritesInALoop) {
  Database db;
  PreparedQuery add = db.prepare("CREATE (:Item {n: $n, label: $label})");
  for (int i = 0; i < 50; ++i) {
    Result r = add.execute({{"n", i}, {"label", "item " + std::to_string(i)}});
    EXPECT_EQ(r.stats().nodes_created, 1u);
  }
  EXPECT_EQ(db.node_count(), 50u);
  Result sum = db.execute("MATCH (i:Item) RETURN sum(i.n) AS total");
  EXPECT_EQ(sum.at(0)["total"].as_int(), 49 * 50 / 2);
}

TEST(PreparedQuery, SeesWritesMadeAfterPrepare) {
  Database db;
  PreparedQuery count = db.prepare("MATCH (x:Later) RETURN count(x) AS n");
  EXPECT_EQ(count.execute().row(0)[0].as_int(), 0);
  db.execute("CREATE (:Later), (:Later)");
  EXPECT_EQ(count.execute().row(0)[0].as_int(), 2);
}

TEST(PreparedQuery, SeveralStatements) {
  Database db;
  PreparedQuery q = db.prepare("CREATE (:S {v: $v}); MATCH (s:S) RETURN sum(s.v) AS total");
  EXPECT_EQ(q.execute({{"v", 5}}).row(0)[0].as_int(), 5);
  EXPECT_EQ(q.execute({{"v", 7}}).row(0)[0].as_int(), 12);
}

TEST(PreparedQuery, CopiesShareTheQuery) {
  PreparedQuery a = bundled().prepare("RETURN $x AS x");
  PreparedQuery b = a;
  EXPECT_EQ(b.text(), a.text());
  EXPECT_EQ(b.execute({{"x", 3}}).row(0)[0].as_int(), 3);
}

TEST(PreparedQuery, EmptyQueryThrows) {
  PreparedQuery q;
  EXPECT_FALSE(q.valid());
  EXPECT_TRUE(q.text().empty());
  EXPECT_TRUE(q.parameters().empty());
  Error e = error_of([&] { q.execute(); });
  EXPECT_EQ(e.kind(), ErrorKind::runtime_error);
  EXPECT_EQ(e.message(), "this PreparedQuery is empty; make one with Database::prepare()");
  EXPECT_EQ(e.code(), "");
}

TEST(PreparedQuery, ThrowsOnceItsDatabaseIsGone) {
  PreparedQuery q;
  Result before;
  {
    Database db;
    db.execute("CREATE (:Gone {name: 'g'})");
    q = db.prepare("MATCH (g:Gone) RETURN g");
    before = q.execute();
  }
  Error e = error_of([&] { q.execute(); });
  EXPECT_EQ(e.kind(), ErrorKind::runtime_error);
  EXPECT_EQ(e.message(), "the Database this query was prepared on has been destroyed");
  // Results made before still read their graph.
  EXPECT_EQ(before.property(before.row(0)[0].as_node(), "name").as_string(), "g");
}

TEST(PreparedQuery, SurvivesMovingTheDatabase) {
  Database a;
  PreparedQuery q = a.prepare("CREATE (:Moved)");
  Database b = std::move(a);
  q.execute();
  EXPECT_EQ(b.node_count(), 1u);
}

TEST(PreparedQuery, InterruptStopsPreparedQueriesToo) {
  Database db;
  PreparedQuery q = db.prepare("UNWIND range(1, $n) AS x UNWIND range(1, $n) AS y RETURN count(*)");
  std::atomic<bool> done{false};
  std::string code;
  std::thread worker([&] {
    try {
      q.execute({{"n", 100000}});
    } catch (const Error& e) {
      code = e.code();
    }
    done = true;
  });
  while (!done) {
    db.interrupt();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  worker.join();
  EXPECT_EQ(code, "Cancelled");
  EXPECT_EQ(q.execute({{"n", 3}}).at(0)[0].as_int(), 9);  // later executions are not affected
}

}  // namespace
}  // namespace ergo
