// ergo.wcc and ergo.scc on a small graph with hand-checked components,
// including projections by label and type.
#include "tests/engine/algo_test_support.hpp"

namespace ergo {
namespace {

using algo_test::make_db;

// A -> B -> C -> A (a cycle), C -> D, D <-> E, and F -U-> A; F is a :Q, the
// rest :P. Ids follow creation order, A first.
const char* kCycles =
    "CREATE (a:P {name: 'A'}), (b:P {name: 'B'}), (c:P {name: 'C'}), (d:P {name: 'D'}), (e:P {name: 'E'}), "
    "(f:Q {name: 'F'}), (a)-[:T]->(b), (b)-[:T]->(c), (c)-[:T]->(a), (c)-[:T]->(d), (d)-[:T]->(e), "
    "(e)-[:T]->(d), (f)-[:U]->(a)";

// "A0 B0 ..." in node order.
std::string components(Database& db, const std::string& call) {
  Result r = db.execute("CALL " + call + " YIELD node, componentId RETURN node.name, componentId");
  std::string out;
  for (const auto& row : r.rows()) out += row[0].as_string() + std::to_string(row[1].as_int()) + " ";
  return out;
}

TEST(AlgoComponents, WeakComponentsIgnoreDirection) {
  Database db = make_db(kCycles);
  EXPECT_EQ(components(db, "ergo.wcc()"), "A0 B0 C0 D0 E0 F0 ");
  EXPECT_EQ(components(db, "ergo.wcc({types: ['T']})"), "A0 B0 C0 D0 E0 F1 ");
  EXPECT_EQ(components(db, "ergo.wcc({labels: ['P']})"), "A0 B0 C0 D0 E0 ");
  EXPECT_EQ(components(db, "ergo.wcc({labels: ['Nothing']})"), "");
  // A node with no relationships is a component of its own.
  db.execute("CREATE (:P {name: 'G'})");
  EXPECT_EQ(components(db, "ergo.wcc({types: ['T', 'U']})"), "A0 B0 C0 D0 E0 F0 G1 ");
}

TEST(AlgoComponents, StrongComponentsFollowDirection) {
  Database db = make_db(kCycles);
  EXPECT_EQ(components(db, "ergo.scc()"), "A0 B0 C0 D1 E1 F2 ");
  EXPECT_EQ(components(db, "ergo.scc({labels: ['P'], types: ['T']})"), "A0 B0 C0 D1 E1 ");
  // Breaking the cycle at C -> A leaves every node of it on its own.
  Database acyclic = make_db(
      "CREATE (a {name: 'A'}), (b {name: 'B'}), (c {name: 'C'}), (a)-[:T]->(b), (b)-[:T]->(c), (a)-[:T]->(c)");
  EXPECT_EQ(components(acyclic, "ergo.scc()"), "A0 B1 C2 ");
}

TEST(AlgoComponents, CountsAndSizesByAggregation) {
  Database db = make_db(kCycles);
  Result r = db.execute(
      "CALL ergo.scc() YIELD componentId, node WITH componentId, count(node) AS size "
      "RETURN size, count(*) AS components ORDER BY size DESC");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r.row(0), (std::vector<Value>{Value(3), Value(1)}));
  EXPECT_EQ(r.row(1), (std::vector<Value>{Value(2), Value(1)}));
  EXPECT_EQ(r.row(2), (std::vector<Value>{Value(1), Value(1)}));
}

}  // namespace
}  // namespace ergo
