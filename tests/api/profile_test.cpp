// PROFILE through the public API: the query runs and answers as without
// it, and Result::profile() holds EXPLAIN's plan with the rows each
// operator produced and its own time.
#include <gtest/gtest.h>

#include <regex>
#include <vector>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::bundled;

// The profile's lines with each "(rows N, T ms)" cut to "(rows N)": times vary.
std::string without_times(const std::string& profile) {
  return std::regex_replace(profile, std::regex(R"(\(rows (\d+), \d+\.\d{3} ms\))"), "(rows $1)");
}

TEST(Profile, RunsTheQueryAndCountsRowsPerOperator) {
  Database& db = bundled();
  const std::string query =
      "MATCH (c:Company)-[:INVESTS_IN]->(t) WHERE EXISTS { (t)-[:DEVELOPS]->() } "
      "RETURN c.name AS company, count(t) AS deals ORDER BY deals DESC";
  Result plain = db.execute(query);
  Result profiled = db.execute("PROFILE " + query);
  EXPECT_EQ(profiled.columns(), plain.columns());
  EXPECT_EQ(profiled.rows(), plain.rows());
  EXPECT_TRUE(plain.profile().empty());
  EXPECT_EQ(without_times(profiled.profile()),
            "Produce company, deals\n"
            "  Sort deals DESC  (rows 1)\n"
            "    Project $6 = count(t)  (rows 1)\n"
            "      Aggregate $5 = c.name, $7 = count(t)  (rows 1)\n"
            "        Filter EXISTS { ... }  (rows 4)\n"
            "          Expand ($0)-[:INVESTS_IN $1]->($2)  (rows 6)\n"
            "            NodeByLabelScan $0:Company  (rows 20)\n"
            "              Once  (rows 1)\n");
  // Each line carries a time.
  std::size_t lines = 0, timed = 0;
  for (std::size_t at = 0; (at = profiled.profile().find('\n', at)) != std::string::npos; ++at) ++lines;
  const std::string& text = profiled.profile();
  const std::regex time(R"(, \d+\.\d{3} ms\))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), time); it != std::sregex_iterator(); ++it) ++timed;
  EXPECT_EQ(timed, lines - 1);  // all but "Produce"

  // profiled_plan(): the tree the text is made from.
  ASSERT_TRUE(profiled.profiled_plan());
  EXPECT_FALSE(plain.profiled_plan());
  const ProfiledOperator* op = &*profiled.profiled_plan();
  std::vector<std::string> chain;
  std::uint64_t total = 0;
  while (true) {
    chain.push_back(op->name + " " + op->details + " " + std::to_string(op->rows));
    total += op->nanoseconds;
    if (op->children.empty()) break;
    ASSERT_EQ(op->children.size(), 1u);
    op = &op->children[0];
  }
  EXPECT_EQ(chain, (std::vector<std::string>{"Produce company, deals 1", "Sort deals DESC 1",
                                             "Project $6 = count(t) 1", "Aggregate $5 = c.name, $7 = count(t) 1",
                                             "Filter EXISTS { ... } 4", "Expand ($0)-[:INVESTS_IN $1]->($2) 6",
                                             "NodeByLabelScan $0:Company 20", "Once  1"}));
  EXPECT_GT(total, 0u);
}

TEST(Profile, WritesRunAndUnionsShowEachPart) {
  Database db;
  Result r = db.execute("PROFILE CREATE (n:X {v: 1}) RETURN n.v AS v");
  EXPECT_EQ(r.stats().nodes_created, 1u);
  EXPECT_EQ(db.node_count(), 1u);
  EXPECT_NE(without_times(r.profile()).find("Create 1 node(s), 0 relationship(s)  (rows 1)"), std::string::npos)
      << r.profile();
  r = db.execute("PROFILE RETURN 1 AS x UNION ALL RETURN 2 AS x");
  EXPECT_EQ(r.size(), 2u);
  EXPECT_EQ(without_times(r.profile()),
            "Produce x\n  Project $0 = 1  (rows 1)\n    Once  (rows 1)\n"
            "UNION ALL\n"
            "Produce x\n  Project $1 = 2  (rows 1)\n    Once  (rows 1)\n");
  // The same plan as a tree: a Union over one Produce per part.
  ASSERT_TRUE(r.profiled_plan());
  const ProfiledOperator& plan = *r.profiled_plan();
  EXPECT_EQ(plan.name, "Union");
  EXPECT_EQ(plan.details, "UNION ALL");
  EXPECT_EQ(plan.rows, 2u);
  ASSERT_EQ(plan.children.size(), 2u);
  EXPECT_EQ(plan.children[1].name, "Produce");
  EXPECT_EQ(plan.children[1].details, "x");
  ASSERT_EQ(plan.children[1].children.size(), 1u);
  EXPECT_EQ(plan.children[1].children[0].name, "Project");
  EXPECT_EQ(plan.children[1].children[0].details, "$1 = 2");
  EXPECT_EQ(plan.children[1].children[0].children[0].name, "Once");
  EXPECT_EQ(to_text(plan), r.profile());
  // EXPLAIN still runs nothing.
  r = db.execute("EXPLAIN CREATE (:Y)");
  EXPECT_EQ(db.node_count(), 1u);
  EXPECT_TRUE(r.profile().empty());
}

}  // namespace
}  // namespace ergo
