// ergo.triangles: triangle counts and local clustering coefficients on small
// graphs with hand-checked answers.
#include "tests/engine/algo_test_support.hpp"

namespace ergo {
namespace {

using algo_test::make_db;

// A triangle a-b-c in mixed directions with a parallel b -> a and c -> a,
// a tail c-d with a self-loop on d, and a 4-clique p, q, r, s (:K).
const char* kTriangles =
    "CREATE (a {name: 'a'}), (b {name: 'b'}), (c {name: 'c'}), (d {name: 'd'}), "
    "(a)-[:L]->(b), (b)-[:L]->(a), (c)-[:L]->(b), (a)-[:L]->(c), (c)-[:M]->(a), (c)-[:L]->(d), (d)-[:L]->(d), "
    "(p:K {name: 'p'}), (q:K {name: 'q'}), (r:K {name: 'r'}), (s:K {name: 's'}), "
    "(p)-[:L]->(q), (p)-[:L]->(r), (p)-[:L]->(s), (q)-[:L]->(r), (s)-[:L]->(q), (r)-[:L]->(s)";

std::string triangles(Database& db, const std::string& config) {
  Result r = db.execute("CALL ergo.triangles(" + config +
                        ") YIELD node, triangles, coefficient RETURN node.name, triangles, coefficient");
  std::string out;
  for (const auto& row : r.rows()) {
    out += row[0].as_string() + ":" + std::to_string(row[1].as_int()) + "/" + row[2].to_cypher() + " ";
  }
  return out;
}

TEST(AlgoTriangles, CountsEachTriangleAtEachCorner) {
  Database db = make_db(kTriangles);
  // c has three neighbours (a, b, d) and one triangle: 1 / 3. d's self-loop
  // is not a neighbour. In K4 every node closes 3 of its 3 possible pairs.
  EXPECT_EQ(triangles(db, ""),
            "a:1/1.0 b:1/1.0 c:1/0.3333333333333333 d:0/0.0 p:3/1.0 q:3/1.0 r:3/1.0 s:3/1.0 ");
  // Without type M, a -> c still joins a and c; type M alone (c -> a) holds
  // no triangle.
  EXPECT_EQ(triangles(db, "{types: ['L']}"),
            "a:1/1.0 b:1/1.0 c:1/0.3333333333333333 d:0/0.0 p:3/1.0 q:3/1.0 r:3/1.0 s:3/1.0 ");
  EXPECT_EQ(triangles(db, "{types: 'M'}"),
            "a:0/0.0 b:0/0.0 c:0/0.0 d:0/0.0 p:0/0.0 q:0/0.0 r:0/0.0 s:0/0.0 ");
  EXPECT_EQ(triangles(db, "{types: ['L'], labels: []}"), "");
  EXPECT_EQ(triangles(db, "{types: ['L'], labels: ['K']}"), "p:3/1.0 q:3/1.0 r:3/1.0 s:3/1.0 ");
  // More relationships between neighbours make no more triangles.
  db.execute("MATCH (p {name: 'p'}), (q {name: 'q'}) CREATE (p)-[:L]->(q), (q)-[:L]->(p)");
  EXPECT_EQ(triangles(db, "{labels: 'K'}"), "p:3/1.0 q:3/1.0 r:3/1.0 s:3/1.0 ");
}

TEST(AlgoTriangles, RemovingAnEdgeOfTheCliqueLeavesTwoTriangles) {
  // K4 minus q-s: triangles p-q-r and p-r-s. p and r have three neighbours
  // and close two of their three pairs.
  Database db = make_db(
      "CREATE (p {name: 'p'}), (q {name: 'q'}), (r {name: 'r'}), (s {name: 's'}), "
      "(p)-[:L]->(q), (p)-[:L]->(r), (p)-[:L]->(s), (q)-[:L]->(r), (r)-[:L]->(s)");
  EXPECT_EQ(triangles(db, ""), "p:2/0.6666666666666666 q:1/1.0 r:2/0.6666666666666666 s:1/1.0 ");
}

}  // namespace
}  // namespace ergo
