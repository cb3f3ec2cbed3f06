// ergo.pageRank, ergo.betweenness and ergo.degree on small graphs with
// hand-checked answers.
//
// PageRank's expected values are the exact fixed point of
//   x = (1 - d) + d * M x,  M[v][u] = (relationships u->v) / (relationships out of u),
// i.e. the solution of (I - d M) x = (1 - d) 1, computed in exact rational
// arithmetic (Python's fractions, Gauss-Jordan elimination; the same as
// numpy.linalg.solve up to rounding). With tolerance 0 and enough
// iterations ergo must reach it to 1e-9; the tests ask for 1e-6.
#include "tests/engine/algo_test_support.hpp"

namespace ergo {
namespace {

using algo_test::by_name;
using algo_test::make_db;

// A -> B -> C -> A (a cycle), C -> D, D <-> E, and F -U-> A; F is a :Q, the
// rest :P.
const char* kCycles =
    "CREATE (a:P {name: 'A'}), (b:P {name: 'B'}), (c:P {name: 'C'}), (d:P {name: 'D'}), (e:P {name: 'E'}), "
    "(f:Q {name: 'F'}), (a)-[:T]->(b), (b)-[:T]->(c), (c)-[:T]->(a), (c)-[:T]->(d), (d)-[:T]->(e), "
    "(e)-[:T]->(d), (f)-[:U]->(a)";

std::map<std::string, Value> scores(Database& db, const std::string& call) {
  return by_name(db.execute("CALL " + call + " YIELD node, score RETURN node.name, score"));
}

void expect_scores(const std::map<std::string, Value>& got, const std::map<std::string, double>& want,
                   double tolerance) {
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [name, x] : want) {
    ASSERT_TRUE(got.count(name)) << name;
    EXPECT_NEAR(got.at(name).as_double(), x, tolerance) << name;
  }
}

TEST(AlgoCentrality, PageRankReachesTheFixedPoint) {
  Database db = make_db(kCycles);
  const std::map<std::string, double> exact = {
      {"A", 6327.0 / 11087}, {"B", 7041.0 / 11087}, {"C", 76479.0 / 110870},
      {"D", 22800.0 / 11087}, {"E", 420861.0 / 221740}, {"F", 0.15}};
  expect_scores(scores(db, "ergo.pageRank({tolerance: 0, maxIterations: 500})"), exact, 1e-9);
  // The defaults (tolerance 1e-7, at most 100 iterations) land close.
  expect_scores(scores(db, "ergo.pageRank()"), exact, 1e-5);
  // Stopping on tolerance instead of the iteration count.
  expect_scores(scores(db, "ergo.pageRank({tolerance: 1e-12, maxIterations: 100000})"), exact, 1e-9);
}

TEST(AlgoCentrality, PageRankOneStepFromTheStart) {
  Database db = make_db(kCycles);
  // From 1/6 each: A = 0.15 + 0.85 (1/6 / 2 + 1/6), B = 0.15 + 0.85 / 6, ...
  expect_scores(scores(db, "ergo.pageRank({maxIterations: 1})"),
                {{"A", 0.3625}, {"B", 0.15 + 0.85 / 6}, {"C", 0.15 + 0.85 / 6}, {"D", 0.3625},
                 {"E", 0.15 + 0.85 / 6}, {"F", 0.15}},
                1e-12);
  expect_scores(scores(db, "ergo.pageRank({maxIterations: 0})"),
                {{"A", 1.0 / 6}, {"B", 1.0 / 6}, {"C", 1.0 / 6}, {"D", 1.0 / 6}, {"E", 1.0 / 6}, {"F", 1.0 / 6}},
                1e-12);
}

TEST(AlgoCentrality, PageRankOnProjections) {
  Database db = make_db(kCycles);
  // Without F (labels), or without its relationship (types: F stays, alone).
  const std::map<std::string, double> without_f = {
      {"A", 4287.0 / 11087}, {"B", 5307.0 / 11087}, {"C", 6174.0 / 11087}, {"D", 760079.0 / 410219},
      {"E", 707600.0 / 410219}};
  expect_scores(scores(db, "ergo.pageRank({labels: ['P'], tolerance: 0, maxIterations: 500})"), without_f, 1e-9);
  auto typed = without_f;
  typed["F"] = 0.15;
  expect_scores(scores(db, "ergo.pageRank({types: 'T', tolerance: 0, maxIterations: 500})"), typed, 1e-9);
  // Both ways: every relationship counts as one each way.
  expect_scores(scores(db, "ergo.pageRank({direction: 'both', tolerance: 0, maxIterations: 500})"),
                {{"A", 39295647.0 / 29845279}, {"B", 26077501.0 / 29845279}, {"C", 36942150.0 / 29845279},
                 {"D", 72343437.0 / 59690558}, {"E", 24974099.0 / 29845279}, {"F", 31221117.0 / 59690558}},
                1e-9);
  // A different damping factor: with 0, every score is 1.
  expect_scores(scores(db, "ergo.pageRank({dampingFactor: 0})"),
                {{"A", 1}, {"B", 1}, {"C", 1}, {"D", 1}, {"E", 1}, {"F", 1}}, 1e-12);
}

TEST(AlgoCentrality, PageRankCountsParallelRelationships) {
  // x -> y twice and x -> z once: y gets two thirds of what x passes on.
  Database db = make_db(
      "CREATE (x {name: 'x'}), (y {name: 'y'}), (z {name: 'z'}), (x)-[:L]->(y), (x)-[:L]->(y), (x)-[:L]->(z), "
      "(y)-[:L]->(x), (z)-[:L]->(x)");
  expect_scores(scores(db, "ergo.pageRank({tolerance: 0, maxIterations: 500})"),
                {{"x", 54.0 / 37}, {"y", 723.0 / 740}, {"z", 417.0 / 740}}, 1e-9);
}

// a -> b -> c -> d; and a diamond s -> x -> t, s -> y -> t with s -> x twice.
const char* kBetween =
    "CREATE (a {name: 'a'}), (b {name: 'b'}), (c {name: 'c'}), (d {name: 'd'}), "
    "(a)-[:L]->(b), (b)-[:L]->(c), (c)-[:L]->(d), "
    "(s:D {name: 's'}), (x:D {name: 'x'}), (y:D {name: 'y'}), (t:D {name: 't'}), "
    "(s)-[:L]->(x), (s)-[:L]->(x), (s)-[:L]->(y), (x)-[:L]->(t), (y)-[:L]->(t)";

TEST(AlgoCentrality, BetweennessSharesEachPairAmongItsShortestPaths) {
  Database db = make_db(kBetween);
  // b lies on a->c and a->d, c on a->d and b->d. x and y each carry half of
  // s->t: the doubled s -> x counts once.
  expect_scores(scores(db, "ergo.betweenness()"),
                {{"a", 0}, {"b", 2}, {"c", 2}, {"d", 0}, {"s", 0}, {"x", 0.5}, {"y", 0.5}, {"t", 0}}, 1e-12);
  // Undirected, each unordered pair once: {s,t} through x or y, {x,y}
  // through s or t.
  expect_scores(scores(db, "ergo.betweenness({direction: 'both', labels: ['D']})"),
                {{"s", 0.5}, {"x", 0.5}, {"y", 0.5}, {"t", 0.5}}, 1e-12);
  // Reversing every relationship reverses every path: the same scores.
  expect_scores(scores(db, "ergo.betweenness({direction: 'in', labels: 'D'})"),
                {{"s", 0}, {"x", 0.5}, {"y", 0.5}, {"t", 0}}, 1e-12);
}

TEST(AlgoCentrality, DegreeCountsRelationships) {
  Database db = make_db(kCycles);
  auto degrees = [&](const std::string& config) {
    Result r = db.execute("CALL ergo.degree(" + config + ") YIELD node, score RETURN node.name, score");
    std::string out;
    for (const auto& row : r.rows()) out += row[0].as_string() + std::to_string(row[1].as_int()) + " ";
    return out;
  };
  EXPECT_EQ(degrees(""), "A1 B1 C2 D1 E1 F1 ");
  EXPECT_EQ(degrees("{direction: 'in'}"), "A2 B1 C1 D2 E1 F0 ");
  EXPECT_EQ(degrees("{direction: 'both'}"), "A3 B2 C3 D3 E2 F1 ");
  EXPECT_EQ(degrees("{direction: 'both', types: ['T']}"), "A2 B2 C3 D3 E2 F0 ");
  EXPECT_EQ(degrees("{direction: 'in', labels: ['P']}"), "A1 B1 C1 D2 E1 ");
  // A self-loop leaves and enters: both counts it twice.
  db.execute("MATCH (a {name: 'A'}) CREATE (a)-[:T]->(a)");
  EXPECT_EQ(degrees("{direction: 'both', labels: ['P']}"), "A4 B2 C3 D3 E2 ");
  Result r = db.execute("CALL ergo.degree() YIELD score RETURN score LIMIT 1");
  EXPECT_TRUE(r.row(0)[0].get_if<std::int64_t>());  // an INTEGER
}

}  // namespace
}  // namespace ergo
