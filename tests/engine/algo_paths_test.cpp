// ergo.shortestPath, ergo.allShortestPaths, ergo.dijkstra and ergo.khop on a
// small graph with hand-checked answers, including projections by label,
// type and direction.
#include "tests/engine/algo_test_support.hpp"

namespace ergo {
namespace {

using algo_test::by_name;
using algo_test::error_of;
using algo_test::make_db;
using algo_test::path_names;

// s -R-> x -R-> t and s -R-> y -R-> t (two hops each), s -S-> z -S-> w -S-> t
// (three hops, but lightest: 0.5 km a hop against 1 + 1 and 2 + 2). x is an
// :N:X, the others :N:M.
const char* kRoads =
    "CREATE (s:N:M {name: 's'}), (x:N:X {name: 'x'}), (y:N:M {name: 'y'}), (z:N:M {name: 'z'}), "
    "(w:N:M {name: 'w'}), (t:N:M {name: 't'}), "
    "(s)-[:R {km: 1}]->(x), (x)-[:R {km: 1}]->(t), (s)-[:R {km: 2}]->(y), (y)-[:R {km: 2}]->(t), "
    "(s)-[:S {km: 0.5}]->(z), (z)-[:S {km: 0.5}]->(w), (w)-[:S {km: 0.5}]->(t)";

const char* kEnds = "MATCH (s {name: 's'}), (t {name: 't'}) ";

TEST(AlgoPaths, ShortestPathTakesTheFirstOfTheShortest) {
  Database db = make_db(kRoads);
  Result r = db.execute(std::string(kEnds) + "CALL ergo.shortestPath(s, t) YIELD path, length RETURN path, length");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(path_names(r, r.row(0)[0]), "s-x-t");  // x's relationship is examined before y's
  EXPECT_EQ(r.row(0)[1], Value(2));
}

TEST(AlgoPaths, AllShortestPathsListsEachOnce) {
  Database db = make_db(kRoads);
  Result r = db.execute(std::string(kEnds) + "CALL ergo.allShortestPaths(s, t) YIELD path, length RETURN path, length");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(path_names(r, r.row(0)[0]), "s-x-t");
  EXPECT_EQ(path_names(r, r.row(1)[0]), "s-y-t");
  EXPECT_EQ(r.row(1)[1], Value(2));
}

TEST(AlgoPaths, ProjectionsRestrictThePaths) {
  Database db = make_db(kRoads);
  auto names = [&](const std::string& call) {
    Result r = db.execute(std::string(kEnds) + "CALL " + call + " YIELD path RETURN path");
    std::vector<std::string> out;
    for (const auto& row : r.rows()) out.push_back(path_names(r, row[0]));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names("ergo.allShortestPaths(s, t, {labels: ['N']})"), (V{"s-x-t", "s-y-t"}));
  // Without the :X node, or without type R, the other routes remain.
  EXPECT_EQ(names("ergo.allShortestPaths(s, t, {labels: 'M'})"), (V{"s-y-t"}));
  EXPECT_EQ(names("ergo.allShortestPaths(s, t, {types: ['S']})"), (V{"s-z-w-t"}));
  // The order types are listed in is the order edges are examined in: the
  // same paths either way.
  EXPECT_EQ(names("ergo.allShortestPaths(s, t, {types: ['S', 'R']})"), (V{"s-x-t", "s-y-t"}));
  // Against the direction from s, t cannot be reached; from t it can, or either way.
  EXPECT_EQ(names("ergo.shortestPath(s, t, {direction: 'in'})"), V{});
  EXPECT_EQ(names("ergo.shortestPath(t, s, {direction: 'IN'})"), (V{"t-x-s"}));
  EXPECT_EQ(names("ergo.shortestPath(t, s, {direction: 'both', types: ['S']})"), (V{"t-w-z-s"}));
  EXPECT_EQ(names("ergo.shortestPath(s, t, {maxDepth: 1})"), V{});
  EXPECT_EQ(names("ergo.shortestPath(s, t, {maxDepth: 2})"), (V{"s-x-t"}));
  // A node outside the projection has no path.
  EXPECT_EQ(names("ergo.shortestPath(s, t, {labels: ['X']})"), V{});
  // From a node to itself: the path of length 0.
  Result self = db.execute("MATCH (s {name: 's'}) CALL ergo.shortestPath(s, s) YIELD length RETURN length");
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self.row(0)[0], Value(0));
}

TEST(AlgoPaths, DijkstraMinimisesTheWeight) {
  Database db = make_db(kRoads);
  Result r = db.execute(std::string(kEnds) +
                        "CALL ergo.dijkstra(s, t, 'km') YIELD path, length, cost RETURN path, length, cost");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(path_names(r, r.row(0)[0]), "s-z-w-t");
  EXPECT_EQ(r.row(0)[1], Value(3));
  EXPECT_EQ(r.row(0)[2], Value(1.5));

  r = db.execute(std::string(kEnds) + "CALL ergo.dijkstra(s, t, 'km', {types: ['R']}) YIELD path, cost RETURN path, cost");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(path_names(r, r.row(0)[0]), "s-x-t");
  EXPECT_EQ(r.row(0)[1], Value(2.0));

  // Unreachable: no row. To itself: cost 0.
  EXPECT_TRUE(db.execute(std::string(kEnds) + "CALL ergo.dijkstra(t, s, 'km') YIELD cost RETURN cost").empty());
  r = db.execute("MATCH (s {name: 's'}) CALL ergo.dijkstra(s, s, 'km') YIELD cost, length RETURN cost, length");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[0], Value(0.0));
  EXPECT_EQ(r.row(0)[1], Value(0));
}

TEST(AlgoPaths, DijkstraReportsBadWeights) {
  Database db = make_db(kRoads);
  db.execute("MATCH (x {name: 'x'}), (t {name: 't'}) CREATE (x)-[:R]->(t)");  // no km
  const std::string call = std::string(kEnds) + "CALL ergo.dijkstra(s, t, 'km', $config) YIELD cost RETURN cost";
  Error e = error_of(db, call, {{"config", Value(Map{{"types", Value("R")}})}});
  EXPECT_EQ(e.kind(), ErrorKind::argument_error);
  EXPECT_EQ(e.code(), "InvalidArgumentValue");
  EXPECT_NE(e.message().find("has no km"), std::string::npos) << e.message();
  EXPECT_EQ(e.column(), call.find("'km'") + 1);  // under 'km'
  // With a default weight for it, the new relationship is used: 1 + 0.
  Result r = db.execute(call, {{"config", Value(Map{{"types", Value("R")}, {"defaultWeight", Value(0)}})}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[0], Value(1.0));

  db.execute("MATCH (s {name: 's'}), (t {name: 't'}) CREATE (s)-[:NEG {km: -1}]->(t), (s)-[:TXT {km: 'far'}]->(t)");
  e = error_of(db, std::string(kEnds) + "CALL ergo.dijkstra(s, t, 'km', {types: ['NEG']}) YIELD cost RETURN cost");
  EXPECT_EQ(e.code(), "NumberOutOfRange");
  e = error_of(db, std::string(kEnds) + "CALL ergo.dijkstra(s, t, 'km', {types: ['TXT']}) YIELD cost RETURN cost");
  EXPECT_EQ(e.kind(), ErrorKind::type_error);
  EXPECT_EQ(e.code(), "InvalidArgumentType");
}

TEST(AlgoPaths, KhopListsNearestFirst) {
  Database db = make_db(kRoads);
  auto hops = [&](const std::string& args) {
    Result r = db.execute("MATCH (s {name: 's'}) CALL ergo.khop(s, " + args +
                          ") YIELD node, distance RETURN node.name, distance");
    std::string out;
    for (const auto& row : r.rows()) out += row[0].as_string() + std::to_string(row[1].as_int()) + " ";
    return out;
  };
  EXPECT_EQ(hops("0"), "");
  EXPECT_EQ(hops("1"), "x1 y1 z1 ");
  EXPECT_EQ(hops("2"), "x1 y1 z1 t2 w2 ");
  EXPECT_EQ(hops("9"), "x1 y1 z1 t2 w2 ");
  EXPECT_EQ(hops("2, {types: ['S']}"), "z1 w2 ");
  EXPECT_EQ(hops("1, {direction: 'in'}"), "");
  EXPECT_EQ(hops("1, {direction: 'both', labels: ['X']}"), "");  // s is not an :X
  Result r = db.execute("MATCH (t {name: 't'}) CALL ergo.khop(t, 1, {direction: 'both'}) YIELD node RETURN node.name");
  EXPECT_EQ(r.size(), 3u);  // x, y, w
  const std::string negative = "MATCH (s {name: 's'}) CALL ergo.khop(s, -1) YIELD node RETURN node";
  Error e = error_of(db, negative);
  EXPECT_EQ(e.code(), "NumberOutOfRange");
  EXPECT_EQ(e.column(), negative.find("-1") + 1);
}

}  // namespace
}  // namespace ergo
