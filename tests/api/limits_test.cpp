// Database::set_limits (ergo/limits.hpp): a statement past its time limit
// stops with "TimedOut" and changes nothing; a text past the length limit
// is refused before parsing, positioned at the limit.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::error_of;

const std::string timed_out_500ms =
    "the statement ran past its time limit of 500 ms and was stopped; nothing it changed was kept (raise the "
    "limit with --timeout or :timeout, or bound the query with LIMIT or a maximum path length)";

TEST(Limits, DefaultsAreNoTimeLimitAndOneMebibyteOfText) {
  Database db;
  EXPECT_EQ(db.limits(), (Limits{0, 1048576}));
  db.set_limits(Limits{250, 0});
  EXPECT_EQ(db.limits(), (Limits{250, 0}));
  db.set_limits(Limits{-5, 7});  // a negative time limit is none
  EXPECT_EQ(db.limits(), (Limits{0, 7}));
}

// The unbounded queries on the bundled graph end by themselves.
TEST(Limits, UnboundedPathQueriesStopAtTheTimeLimit) {
  Database db = Database::open({ERGO_DATA_DIR});
  db.set_limits(Limits{500, Limits{}.max_query_length});
  for (const char* query : {"MATCH p = ()-[*0..]->() RETURN p", "OPTIONAL MATCH (f)-[rs*]->(s) RETURN f, s",
                            "MATCH p = ()-[*]-() RETURN count(p)"}) {
    const auto start = std::chrono::steady_clock::now();
    Error e = error_of([&] { db.execute(query); });
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(e.kind(), ErrorKind::runtime_error) << query;
    EXPECT_EQ(e.code(), "TimedOut") << query;
    EXPECT_EQ(e.message(), timed_out_500ms) << query;
    EXPECT_LT(took, std::chrono::seconds(5)) << query;
  }
  // The limit is per statement: the next one runs in full.
  EXPECT_EQ(db.execute("MATCH (n) RETURN count(n) AS n").at(0)["n"].as_int(), 86);
}

TEST(Limits, AWriteThatTimesOutChangesNothing) {
  Database db = Database::open({ERGO_DATA_DIR});
  const GraphStatistics before = db.statistics();
  db.set_limits(Limits{500, Limits{}.max_query_length});
  Error e = error_of([&] { db.execute("UNWIND range(1, 1000000000) AS i CREATE (:Gone {i: i})"); });
  EXPECT_EQ(e.code(), "TimedOut");
  // Writes done, then a read that runs past the limit: all undone.
  e = error_of([&] {
    db.execute("MATCH (a) CREATE (a)-[:TOUCHED]->(:Mark) WITH count(*) AS c MATCH p = ()-[*0..]->() RETURN p");
  });
  EXPECT_EQ(e.code(), "TimedOut");
  EXPECT_EQ(db.statistics(), before);
  EXPECT_EQ(db.execute("MATCH (m:Mark) RETURN count(m) AS n").at(0)["n"].as_int(), 0);
}

TEST(Limits, PreparedQueriesTakeTheLimitInForceWhenTheyRun) {
  Database db = Database::open({ERGO_DATA_DIR});
  PreparedQuery q = db.prepare("MATCH p = ()-[*0..]->() RETURN count(p) AS n");
  db.set_limits(Limits{500, Limits{}.max_query_length});
  EXPECT_EQ(error_of([&] { q.execute(); }).code(), "TimedOut");
}

TEST(Limits, ASortOfManyRowsStopsAtTheTimeLimit) {
  Database db;
  db.set_limits(Limits{300, 0});
  Error e = error_of([&] { db.execute("UNWIND range(1, 100000000) AS x RETURN x ORDER BY -x LIMIT 1"); });
  EXPECT_EQ(e.code(), "TimedOut");
  EXPECT_EQ(e.message().substr(0, 52), "the statement ran past its time limit of 300 ms and ");
}

TEST(Limits, NestedComprehensionsStopAtTheTimeLimit) {
  Database db;
  db.set_limits(Limits{300, 0});
  Error e = error_of([&] {
    db.execute("RETURN size([x IN range(1, 100000) WHERE size([y IN range(1, 100000) WHERE x = y]) > 0]) AS n");
  });
  EXPECT_EQ(e.code(), "TimedOut");
  e = error_of([&] { db.execute("RETURN any(x IN range(1, 100000) WHERE none(y IN range(1, 100000) WHERE x = -y))"); });
  EXPECT_EQ(e.code(), "TimedOut");
}

TEST(Limits, LongTextIsRefusedBeforeParsingAtTheLimit) {
  Database db;
  db.set_limits(Limits{0, 12});
  EXPECT_EQ(db.execute("RETURN 1 + 2").at(0)[0].as_int(), 3);  // exactly 12 bytes
  Error e = error_of([&] { db.execute("RETURN 1 + 23", {}, "q.cypher"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_EQ(e.code(), "QueryTooLong");
  const std::string message =
      "the query is 13 bytes long, more than the limit of 12 bytes; split it into smaller statements, pass large "
      "values as parameters, or raise the limit (--max-query-length, Limits::max_query_length)";
  EXPECT_EQ(e.message(), message);
  EXPECT_EQ(e.file(), "q.cypher");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 13u);
  EXPECT_EQ(e.rendered(), "q.cypher:1:13: error: " + message + "\nRETURN 1 + 2\n            ^\n");
  EXPECT_EQ(error_of([&] { db.prepare("RETURN 1 + 23"); }).code(), "QueryTooLong");

  // A megabyte on one line: the excerpt is the 40 characters before the
  // limit, cut at a character boundary, not the whole line.
  db.set_limits(Limits{0, 1000});
  std::string text = "RETURN '\n" + std::string(2000, 'x');
  for (std::size_t i = 500; i < 1000; i += 3) text.replace(i, 3, "한");
  e = error_of([&] { db.execute(text); });
  EXPECT_EQ(e.line(), 2u);
  const std::string& r = e.rendered();
  EXPECT_EQ(r.find('\n', r.find('\n') + 1) - r.find('\n') - 1, std::string("…").size() + 40 * 3) << r;
  db.set_limits(Limits{0, 0});  // none
  EXPECT_EQ(db.execute("RETURN size('" + std::string(2000000, 'y') + "') AS n").at(0)["n"].as_int(), 2000000);
}

const std::string over_1_mib =
    "the statement needs more than its memory budget of 1 MiB to hold its rows (sorting, DISTINCT, grouping, "
    "collect() or the answer itself) and was stopped; nothing it changed was kept (raise the budget with "
    "--max-memory, or ask for less: LIMIT, fewer columns, an aggregate instead of the rows)";

TEST(Limits, MemoryBudgetStopsEveryOperatorThatHoldsRows) {
  Database db;
  db.set_limits(Limits{0, Limits{}.max_query_length, 1 << 20});
  EXPECT_EQ(db.limits().memory_bytes, 1u << 20);
  for (const char* query : {
           "UNWIND range(1, 1000000) AS x RETURN x ORDER BY -x",                  // sort
           "UNWIND range(1, 1000000) AS x WITH DISTINCT x RETURN count(x) AS n",  // DISTINCT
           "UNWIND range(1, 1000000) AS x RETURN size(collect(x)) AS n",          // collect()
           "UNWIND range(1, 1000000) AS x RETURN count(DISTINCT x) AS n",         // an aggregate's DISTINCT
           "UNWIND range(1, 1000000) AS x RETURN x AS k, count(*) AS n",          // a million groups
           "UNWIND range(1, 1000000) AS x RETURN x",                              // the answer itself
       }) {
    Error e = error_of([&] { db.execute(query); });
    EXPECT_EQ(e.kind(), ErrorKind::runtime_error) << query;
    EXPECT_EQ(e.code(), "MemoryLimitExceeded") << query;
    EXPECT_EQ(e.message(), over_1_mib) << query;
  }
  // A list a function builds is placed at the call.
  Error e = error_of([&] { db.execute("WITH 1000000 AS n RETURN size(range(1, n)) AS n"); });
  EXPECT_EQ(e.code(), "MemoryLimitExceeded");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 31u);

  // What stays small runs, as often as asked: the budget is per statement.
  for (int i = 0; i < 3; ++i) {
    Result top = db.execute("UNWIND range(1, 1000000) AS x RETURN x ORDER BY -x LIMIT 3");
    ASSERT_EQ(top.size(), 3u);
    EXPECT_EQ(top.row(0)[0].as_int(), 1000000);
    EXPECT_EQ(top.row(2)[0].as_int(), 999998);
    EXPECT_EQ(db.execute("UNWIND range(1, 1000000) AS x RETURN count(DISTINCT x % 10) AS n").at(0)["n"].as_int(), 10);
    EXPECT_EQ(db.execute("UNWIND range(1, 1000000) AS x RETURN sum(x) AS n").at(0)["n"].as_int(), 500000500000);
  }
  db.set_limits(Limits{});
  EXPECT_EQ(db.execute("UNWIND range(1, 1000000) AS x RETURN size(collect(x)) AS n").at(0)["n"].as_int(), 1000000);
}

TEST(Limits, AWriteOverTheMemoryBudgetChangesNothing) {
  Database db = Database::open({ERGO_DATA_DIR});
  const GraphStatistics before = db.statistics();
  db.set_limits(Limits{0, Limits{}.max_query_length, 1 << 20});
  Error e = error_of([&] { db.execute("UNWIND range(1, 100000) AS i CREATE (n:Gone {i: i}) RETURN n ORDER BY n.i DESC"); });
  EXPECT_EQ(e.code(), "MemoryLimitExceeded");
  EXPECT_EQ(db.statistics(), before);
}

}  // namespace
}  // namespace ergo
