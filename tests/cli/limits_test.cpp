// --timeout, :timeout and --max-query-length end to end (issue 18): the
// issue's unbounded queries end by themselves with the TimedOut error and
// exit status 1, and a write that times out leaves the graph as it was.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {
namespace {

const std::string timed_out =
    " and was stopped; nothing it changed was kept (raise the limit with --timeout or :timeout, or bound the "
    "query with LIMIT or a maximum path length)\n";

TEST(Limits, TimeoutEndsTheIssuesUnboundedQueries) {
  for (const std::string query : {"MATCH p = ()-[*0..]->() RETURN p", "OPTIONAL MATCH (f)-[rs*]->(s) RETURN f, s"}) {
    const auto start = std::chrono::steady_clock::now();
    ErgoRun run = run_ergo({"--timeout", "0.5", "-e", query});
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20)) << query;
    EXPECT_EQ(run.status, 1) << query;
    EXPECT_EQ(run.out, "") << query;
    EXPECT_EQ(run.err, "<command line>:1: error: the statement ran past its time limit of 500 ms" + timed_out) << query;
  }
}

// A regular expression that backtracks on every row of a long UNWIND: each
// match (25 a's: some 30 ms, under PCRE2's match limit, which 26 passes) is
// bounded by PCRE2's limits, the statement by the time limit.
TEST(Limits, TimeoutEndsACatastrophicRegexOverManyRows) {
  ErgoRun run = run_ergo({"--timeout", "1", "-e",
                          "UNWIND range(1, 100000000) AS i WITH i WHERE 'aaaaaaaaaaaaaaaaaaaaaaaaa' + toString(i) =~ "
                          "'(a|aa)*(a|aa)*[b-z]' RETURN count(i)"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "<command line>:1: error: the statement ran past its time limit of 1 s" + timed_out);
}

TEST(Limits, AWriteThatTimesOutLeavesTheGraphUnchanged) {
  ErgoRun run = run_ergo({"--timeout", "0.5", "--continue-on-error", "--format", "csv", "-e",
                          "UNWIND range(1, 1000000000) AS i CREATE (:Gone {i: i})", "-e",
                          "MATCH (n) RETURN count(n) AS nodes"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "nodes\n86\n");
  EXPECT_EQ(run.err, "<command line>:1: error: the statement ran past its time limit of 500 ms" + timed_out);
}

TEST(Limits, TimeoutInTheShell) {
  ErgoRun run = run_ergo({"--format", "csv", "--continue-on-error"},
                         ":timeout\n:timeout 0.25\n:timeout\nMATCH p = ()-[*0..]->() RETURN count(p);\n"
                         ":timeout off\n:timeout\n:timeout soon\nRETURN 1 AS one;\n");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "one\n1\n");
  EXPECT_EQ(run.err,
            "<stdin>:4: error: the statement ran past its time limit of 250 ms" + timed_out +
                "<stdin>:7: error: :timeout takes a number of seconds (e.g. 2 or 0.5) or off\n");
}

TEST(Limits, BadTimeoutIsAUsageError) {
  ErgoRun run = run_ergo({"--timeout", "2s", "-e", "RETURN 1"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "ergo: --timeout needs a number of seconds from 0 to 1000000, e.g. 2 or 0.5, not '2s'\n"
            "Try 'ergo --help' for more information.\n");
}

TEST(Limits, MaxQueryLength) {
  ErgoRun run =
      run_ergo({"--format", "csv", "--max-query-length", "12", "-e", "RETURN 1 + 2", "-e", "RETURN 1 + 23"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "1 + 2\n3\n");
  EXPECT_EQ(run.err,
            "<command line>:1:13: error: the query is 13 bytes long, more than the limit of 12 bytes; split it into "
            "smaller statements, pass large values as parameters, or raise the limit (--max-query-length, "
            "Limits::max_query_length)\nRETURN 1 + 23\n            ^\n");
}

TEST(Limits, MaxMemory) {
  ErgoRun run = run_ergo({"--format", "csv", "--max-memory", "1M", "--continue-on-error", "-e",
                          "UNWIND range(1, 1000000) AS x RETURN x ORDER BY -x", "-e",
                          "UNWIND range(1, 1000000) AS x RETURN x ORDER BY -x LIMIT 1"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "x\n1000000\n");
  EXPECT_EQ(run.err,
            "<command line>:1: error: the statement needs more than its memory budget of 1 MiB to hold its rows "
            "(sorting, DISTINCT, grouping, collect() or the answer itself) and was stopped; nothing it changed was "
            "kept (raise the budget with --max-memory, or ask for less: LIMIT, fewer columns, an aggregate instead "
            "of the rows)\n");
  ErgoRun bad = run_ergo({"--max-memory", "lots", "-e", "RETURN 1"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err,
            "ergo: --max-memory needs a size in bytes, or with K, M or G (e.g. 512M), up to 1024G; 0 for none; not "
            "'lots'\nTry 'ergo --help' for more information.\n");
}

}  // namespace
}  // namespace ergo::testing
