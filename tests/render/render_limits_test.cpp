// Large answers: past max_nodes / max_relationships the first elements are
// drawn with a visible note, quickly, instead of the layout running for
// minutes; an answer with nothing to draw says so.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/render/render_test_support.hpp"

namespace ergo {
namespace {

Database& chain() {
  static Database db = [] {
    Database d;
    d.execute("UNWIND range(0, 1999) AS i CREATE (:Thing {name: 'thing ' + toString(i), i: i})");
    d.execute("MATCH (a:Thing), (b:Thing) WHERE b.i = a.i + 1 CREATE (a)-[:NEXT]->(b)");
    return d;
  }();
  return db;
}

TEST(RenderLimits, DrawsTheFirstNodesWithANote) {
  Result r = chain().execute("MATCH (a:Thing)-[n:NEXT]->(b) RETURN a, n, b ORDER BY a.i");
  ASSERT_EQ(r.size(), 1999u);
  RenderOptions o;
  o.max_nodes = 50;
  RenderSummary s;
  auto start = std::chrono::steady_clock::now();
  std::string svg = render(r, o, s);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30.0);
  EXPECT_EQ(s.nodes, 50u);
  EXPECT_EQ(s.relationships, 49u);
  EXPECT_EQ(s.omitted_nodes, 1950u);
  EXPECT_EQ(s.omitted_relationships, 1950u);
  EXPECT_EQ(testing::count(svg, "class=\"node\""), 50u);
  EXPECT_EQ(testing::count(svg, "class=\"edge\""), 49u);
  EXPECT_NE(svg.find("Showing the first 50 of 2,000 nodes and 49 of 1,999 relationships"), std::string::npos);
  EXPECT_NE(svg.find(">thing 0</text>"), std::string::npos) << "the first rows are kept";
  EXPECT_EQ(svg.find(">thing 50</text>"), std::string::npos);
}

TEST(RenderLimits, DefaultLimitsKeepABigAnswerFast) {
  Result r = chain().execute("MATCH (a:Thing)-[n:NEXT]->(b) RETURN a, n, b ORDER BY a.i");
  RenderOptions o;
  RenderSummary s;
  auto start = std::chrono::steady_clock::now();
  std::string svg = render(r, o, s);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 60.0);
  EXPECT_EQ(s.nodes, o.max_nodes);
  EXPECT_EQ(s.layout, "sfdp");
  EXPECT_NE(svg.find("Showing the first"), std::string::npos);
}

TEST(RenderLimits, RelationshipLimit) {
  Result r = chain().execute("MATCH (a:Thing)-[n:NEXT]->(b) WHERE a.i < 100 RETURN n ORDER BY a.i");
  RenderOptions o;
  o.max_relationships = 10;
  RenderSummary s;
  std::string dot = to_dot(r, o);
  render(r, o, s);
  EXPECT_EQ(s.relationships, 10u);
  EXPECT_EQ(s.nodes, 101u) << "the ends of every relationship in the answer";
  EXPECT_EQ(testing::count(dot, "key=r"), 10u);
}

TEST(RenderLimits, NothingToDraw) {
  RenderSummary s;
  std::string svg = render(chain().execute("MATCH (t:Thing) RETURN count(t) AS n"), {}, s);
  EXPECT_EQ(s.nodes, 0u);
  EXPECT_NE(svg.find("Nothing to draw"), std::string::npos);
  svg = render(chain().execute("MATCH (t:Thing) WHERE t.i < 0 RETURN t"));
  EXPECT_NE(svg.find("Nothing to draw"), std::string::npos);
}

}  // namespace
}  // namespace ergo
