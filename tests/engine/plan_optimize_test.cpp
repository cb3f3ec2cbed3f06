// The plan rewrites of engine/plan/optimize.cpp and the fast paths behind
// them (degree counting, breadth-first reach, counts by type, bidirectional
// shortestPath, top-k sort) must give exactly the answer of the plain plan.
// Each test runs a query the rewrite applies to and a twin it does not
// apply to (a named relationship, a named path, a filter in between) on
// seeded random graphs with self-loops, parallel relationships and cycles,
// and compares the rows; EXPLAIN shows which plan ran.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "ergo/database.hpp"

namespace ergo {
namespace {

namespace fs = std::filesystem;

// A random multigraph of `nodes` nodes n0.. (labels A or B, property g with
// few values, for ties) and `rels` relationships of types T0..T2 (property w,
// 0..9, missing on every seventh).
Database random_graph(unsigned seed, int nodes, int rels) {
  fs::path dir = fs::temp_directory_path() / ("ergo-optimize-" + std::to_string(::getpid()) + "-" + std::to_string(seed));
  fs::create_directories(dir);
  std::mt19937 rng(seed);
  {
    std::ofstream n(dir / "nodes.csv");
    n << "id,name,label,g\n";
    for (int i = 0; i < nodes; ++i) n << i << ",n" << i << "," << (rng() % 3 ? "A" : "B") << "," << rng() % 4 << "\n";
    std::ofstream e(dir / "edges.csv");
    e << "src,dst,type,w:int\n";
    auto w = [&](int from, int to) { return (from + to) % 7 ? std::to_string((from * 3 + to) % 10) : ""; };
    for (int i = 0; i < rels; ++i) {
      int from = static_cast<int>(rng() % nodes);
      int to = rng() % 10 == 0 ? from : static_cast<int>(rng() % nodes);  // some self-loops
      e << from << "," << to << ",T" << rng() % 3 << "," << w(from, to) << "\n";
      if (rng() % 15 == 0) e << from << "," << to << ",T0," << w(to, from) << "\n";  // some parallel ones
    }
  }
  Database db;
  db.import_csv({.nodes = {{(dir / "nodes.csv").string()}}, .relationships = {{(dir / "edges.csv").string()}}});
  fs::remove_all(dir);
  return db;
}

std::vector<std::string> rows(Database& db, const std::string& query, const Params& params = {}) {
  std::vector<std::string> out;
  Result r = db.execute(query, params);
  for (const Row& row : r) {
    std::string line;
    for (const Value& v : row) line += v.to_cypher() + "|";
    out.push_back(line);
  }
  return out;
}

std::string plan_of(Database& db, const std::string& query, const Params& params = {}) {
  std::string out;
  for (const Row& row : db.execute("EXPLAIN " + query, params)) out += row[0].as_string() + "\n";
  return out;
}

TEST(PlanOptimize, DegreeCountEqualsCountingRows) {
  for (unsigned seed : {1u, 2u, 3u}) {
    Database db = random_graph(seed, 40, 150);
    for (std::string arrow : {"-->", "<--", "--", "-[:T0|T2]->", "<-[:T1]-", "-[:T1|T0]-"}) {
      std::string fast = "MATCH (a)" + arrow + "() RETURN a.name AS n, count(*) AS c ORDER BY n";
      std::string named = arrow;
      named.insert(named.find('-') + 1, named.find('[') == std::string::npos ? "[r]" : "");
      if (named == arrow) named.insert(named.find('[') + 1, "r");
      std::string plain = "MATCH (a)" + named + "() RETURN a.name AS n, count(*) AS c ORDER BY n";
      // Over a scan the CountExpand becomes a NodeDegree (tested below).
      ASSERT_NE(plan_of(db, fast).find("NodeDegree"), std::string::npos) << fast;
      ASSERT_EQ(plan_of(db, plain).find("NodeDegree"), std::string::npos) << plain;
      EXPECT_EQ(rows(db, fast), rows(db, plain)) << fast << " vs " << plain;
    }
    // Not over a scan: a CountExpand per looked-up node.
    for (int i = 0; i < 40; i += 3) {
      Params p{{"s", Value("n" + std::to_string(i))}};
      std::string fast = "MATCH (a {name: $s})--() RETURN a.name AS n, count(*) AS c";
      ASSERT_NE(plan_of(db, fast, p).find("CountExpand"), std::string::npos);
      EXPECT_EQ(rows(db, fast, p), rows(db, "MATCH (a {name: $s})-[r]-() RETURN a.name AS n, count(*) AS c", p));
    }
    // Grouped by a label of the near node, and with a filter on it.
    EXPECT_EQ(rows(db, "MATCH (a)-->() WHERE a.g > 1 RETURN a.g AS g, count(*) AS c ORDER BY g"),
              rows(db, "MATCH (a)-[r]->() WHERE a.g > 1 RETURN a.g AS g, count(*) AS c ORDER BY g"));
  }
}

// NodeDegree reads each node's count from its adjacency slices; grouped by
// the node itself, no Aggregate is left, and ORDER BY ... LIMIT keeps its
// bounded heap. Twins name the relationship, which keeps the plain plan.
TEST(PlanOptimize, NodeDegreeEqualsCountingRows) {
  for (unsigned seed : {21u, 22u, 23u}) {
    Database db = random_graph(seed, 60, 240);
    for (std::string arrow : {"-->", "<--", "--", "-[:T0|T2]->", "<-[:T1]-", "-[:T1|T0]-", "-[:Missing]->"}) {
      std::string named = arrow;
      if (named.find('[') == std::string::npos) named.insert(named.find('-') + 1, "[r]");
      else named.insert(named.find('[') + 1, "r");
      for (std::string start : {"(a)", "(a:A)", "(a:B:A)"}) {
        for (std::string ret : {"RETURN a.name AS n, count(*) AS c ORDER BY c DESC, n LIMIT 7",
                                "RETURN a.g AS n, count(*) AS c ORDER BY c DESC, n",  // shared keys
                                "RETURN a AS node, a.name AS n, count(*) AS c ORDER BY c DESC, n LIMIT 5",
                                "RETURN a, count(*) AS c"}) {  // no ORDER BY: the scan's order
          std::string fast = "MATCH " + start + arrow + "() " + ret;
          std::string plain = "MATCH " + start + named + "() " + ret;
          std::string plan = plan_of(db, fast);
          ASSERT_NE(plan.find("NodeDegree"), std::string::npos) << fast;
          bool by_node = ret.starts_with("RETURN a,") || ret.starts_with("RETURN a AS");
          EXPECT_EQ(plan.find("Aggregate") == std::string::npos, by_node) << plan;
          // Grouped by properties of the node, groups keep a node, not key values.
          EXPECT_EQ(plan.find("groups keep a node of $0") != std::string::npos, !by_node) << plan;
          ASSERT_EQ(plan_of(db, plain).find("NodeDegree"), std::string::npos) << plain;
          EXPECT_EQ(rows(db, fast), rows(db, plain)) << fast;
        }
      }
    }
    // Not rewritten: the far node constrained or used, properties on the
    // relationship, count(DISTINCT), a start scanned once per input row.
    for (std::string q : {"MATCH (a)-->(:A) RETURN a.name, count(*)", "MATCH (a)-->(b) RETURN a.name, count(*), min(b.name)",
                          "MATCH (a)-[{x: 1}]->() RETURN a.name, count(*)", "MATCH (a)-->() RETURN count(DISTINCT a)",
                          "MATCH (a)-->() RETURN DISTINCT a.g"}) {
      EXPECT_EQ(plan_of(db, q).find("NodeDegree"), std::string::npos) << q;
    }
    // Per input row (each node once per row): the Aggregate must stay.
    std::string q = "UNWIND [1, 2] AS i MATCH (a)-->() RETURN a, count(*) AS c ORDER BY c DESC, a.name LIMIT 4";
    EXPECT_NE(plan_of(db, q).find("Aggregate"), std::string::npos);
    EXPECT_EQ(rows(db, q), rows(db, "UNWIND [1, 2] AS i MATCH (a)-[r]->() RETURN a, count(*) AS c ORDER BY c DESC, a.name LIMIT 4"));
  }
}

// SemiJoin stops at the first match of the expansions nothing reads. Twins
// pass every variable through a WITH, which keeps the plain plan.
// Grouped by a.name over NodeDegree, each node is its own group while the
// graph's names are unique (checked at every run, so a prepared query's
// plan stays right as writes make names repeat, differ only in case, go
// missing or stop being strings); then rows skip the group table.
TEST(PlanOptimize, GroupsByUniqueNamesFollowTheGraphAsItChanges) {
  Database db = random_graph(31, 50, 200);
  const std::string fast = "MATCH (a)-->() RETURN a.name AS n, count(*) AS c ORDER BY c DESC, n";
  const std::string plain = "MATCH (a)-[r]->() RETURN a.name AS n, count(*) AS c ORDER BY c DESC, n";
  ASSERT_NE(plan_of(db, fast).find("a group a node while names are unique"), std::string::npos) << plan_of(db, fast);
  PreparedQuery prepared = db.prepare(fast);
  auto prepared_rows = [&] {
    std::vector<std::string> out;
    for (const Row& row : prepared.execute()) {
      std::string line;
      for (const Value& v : row) line += v.to_cypher() + "|";
      out.push_back(line);
    }
    return out;
  };
  const std::vector<std::string> changes = {
      "RETURN 1",                                         // as loaded: unique
      "MATCH (a {name: 'n5'}) SET a.name = 'n6'",         // two nodes named n6: one group
      "MATCH (a {name: 'n6'}) WITH a LIMIT 1 SET a.name = 'N6'",  // n6 and N6: two groups, one folded key
      "MATCH (a) WHERE a.name IN ['n7', 'n11'] REMOVE a.name",  // nodes without a name: the null group
      "MATCH (a {name: 'n8'}) SET a.name = 8",            // a name that is not a string
      "MATCH (a) WHERE a.name IS NULL OR a.name = 8 DETACH DELETE a",
      "MATCH (a {name: 'N6'}) SET a.name = 'n5'",         // unique again
      "MATCH (a {name: 'n9'}) SET a.aliases = ['n10']",   // an alias shared with another's name
      "MATCH (a {name: 'n9'}) REMOVE a.aliases",
      "CREATE (:A {name: 'new'})-[:T0]->(:B {name: 'other'})",
  };
  std::size_t merged = 0;
  for (const std::string& change : changes) {
    db.execute(change);
    const std::vector<std::string> expected = rows(db, plain);
    EXPECT_EQ(rows(db, fast), expected) << "after " << change;
    EXPECT_EQ(prepared_rows(), expected) << "prepared, after " << change;
    merged += expected.size() < rows(db, "MATCH (a)-->() RETURN DISTINCT a").size();
  }
  EXPECT_GE(merged, 2u);  // the changes did make nodes share a group
}

// ORDER BY count first, LIMIT above a group per node (Q6): only rows whose
// count can make the first skip + limit become groups. Ties at the edge must
// come out as from the full plan (the plain twin names the relationship, so
// it expands, groups every row and sorts them all), both ways of ordering,
// with SKIP, a parameter, LIMIT 0 and LIMIT past the end; and a LIMIT that is
// not a count still fails as it did.
TEST(PlanOptimize, GroupsKeptByCountAreTheFullSortsFirstRows) {
  for (unsigned seed : {41u, 42u, 43u}) {
    Database db = random_graph(seed, 80, 300);
    for (std::string arrow : {"-->", "<--", "-[:T0|T2]->"}) {
      std::string named = arrow;
      if (named.find('[') == std::string::npos) named.insert(named.find('-') + 1, "[r]");
      else named.insert(named.find('[') + 1, "r");
      for (std::string tail : {"ORDER BY c DESC, n LIMIT 7", "ORDER BY c DESC LIMIT 3", "ORDER BY c LIMIT 5",
                               "ORDER BY c, n DESC SKIP 2 LIMIT 4", "ORDER BY c DESC LIMIT $k", "ORDER BY c DESC LIMIT 0",
                               "ORDER BY c DESC, n LIMIT 1000"}) {
        const std::string ret = "RETURN a.name AS n, count(*) AS c " + tail;
        const std::string fast = "MATCH (a)" + arrow + "() " + ret;
        const std::string plain = "MATCH (a)" + named + "() " + ret;
        const Params k{{"k", Value(std::int64_t{6})}};
        ASSERT_NE(plan_of(db, fast, k).find("only groups whose count can make the first"), std::string::npos)
            << plan_of(db, fast, k);
        ASSERT_EQ(plan_of(db, plain, k).find("only groups whose count"), std::string::npos);
        EXPECT_EQ(rows(db, fast, k), rows(db, plain, k)) << fast;
      }
    }
    // Sorted first by the name, or by a count that is not the group's: no bound.
    for (std::string q : {"MATCH (a)-->() RETURN a.name AS n, count(*) AS c ORDER BY n LIMIT 3",
                          "MATCH (a)-->() RETURN a.name AS n, count(*) AS c ORDER BY c + 1 DESC LIMIT 3",
                          "MATCH (a)-->() RETURN a.name AS n, count(*) AS c ORDER BY c DESC"}) {
      EXPECT_EQ(plan_of(db, q).find("only groups whose count"), std::string::npos) << q;
    }
    EXPECT_THROW(db.execute("MATCH (a)-->() RETURN a.name AS n, count(*) AS c ORDER BY c DESC LIMIT $k",
                            {{"k", Value(std::int64_t{-1})}}),
                 Error);
  }
}

TEST(PlanOptimize, SemiJoinEqualsEnumeratingEveryMatch) {
  for (unsigned seed : {31u, 32u, 33u}) {
    Database db = random_graph(seed, 50, 160);
    for (std::string q : {
             "MATCH (a:A)-[r1:T0]->(b)-[:T1]->(c) WHERE b.g >= 2 | RETURN count(DISTINCT a) AS n",
             "MATCH (a)-[:T0|T2]->(b)<-[:T1]-(c) | RETURN a.g AS g, count(DISTINCT a) AS n, min(a.name) AS lo, max(a.name) AS hi",
             "MATCH (a)-->(b)-->(c) WHERE c.g = 1 | RETURN count(DISTINCT b) AS n, max(b.g) AS g",
             "MATCH (a)-[*1..2]->(b)-[:T0]->(c) | RETURN count(DISTINCT a) AS n",
             "MATCH (a:B)-[:T0]->(b)-[:T0]->(c)-[:T0]->(d) | RETURN count(DISTINCT a) AS n",  // uniqueness
             "MATCH (a)--(b)--(c) | RETURN DISTINCT a.name AS n",
             "MATCH (a)-[:T2]-(b)-[:T1]->(c) WHERE a.g <> c.g | RETURN DISTINCT a.g AS g, a.name AS n",
         }) {
      std::string match = q.substr(0, q.find(" | ")), ret = q.substr(q.find(" | ") + 3);
      std::string vars = match.find("(d)") != std::string::npos ? "a, b, c, d" : "a, b, c";
      std::string fast = match + " " + ret, plain = match + " WITH " + vars + " " + ret;
      ASSERT_NE(plan_of(db, fast).find("SemiJoin"), std::string::npos) << fast;
      ASSERT_EQ(plan_of(db, plain).find("SemiJoin"), std::string::npos) << plain;
      EXPECT_EQ(rows(db, fast), rows(db, plain)) << fast;  // same rows, same order
    }
    // Not rewritten: aggregates that see repeats, or that read the far end.
    for (std::string q : {"MATCH (a)-->(b)-->(c) RETURN count(*)", "MATCH (a)-->(b)-->(c) RETURN collect(a.name)",
                          "MATCH (a)-->(b)-->(c) RETURN count(DISTINCT c)", "MATCH (a)-->(b)-->(c) RETURN count(a)",
                          "MATCH (a)-->(b)-->(c) RETURN DISTINCT a.name, c.name"}) {
      EXPECT_EQ(plan_of(db, q).find("SemiJoin"), std::string::npos) << q;
    }
  }
}

// Under an Aggregate a SemiJoin reads every input row, so a large input is
// cut into batches whose rows are split between threads: the same rows in
// the same order, and the same first error (the one a single thread meets
// first, whether in the subplan or in the input), for any number of threads.
// 40,000 nodes: more than two batches, the last one partial.
TEST(PlanOptimize, SemiJoinSplitBetweenThreadsEqualsOneThread) {
  Database db = random_graph(34, 40000, 90000);
  auto outcome = [&](const std::string& q) {
    try {
      return rows(db, q);
    } catch (const Error& e) {
      return std::vector<std::string>{std::string("error: ") + e.what()};
    }
  };
  for (std::string q : {
           "MATCH (a:A)-[r1:T0]->(b)-[:T1]->(c) WHERE b.g >= 2 RETURN count(DISTINCT a) AS n",
           "MATCH (a)-[:T0|T2]->(b)<-[:T1]-(c) RETURN a.g AS g, count(DISTINCT a) AS n, min(a.name) AS lo, max(a.name) AS hi",
           "MATCH (a)-->(b)-->(c) WHERE c.g = 1 RETURN count(DISTINCT b) AS n, max(b.g) AS g",
           // Errors: in the subplan on some rows (the first in input order
           // names its node), and in the input below the SemiJoin.
           "MATCH (a)-->(b)-->(c) WHERE c.g = 3 AND date(c.name) IS NOT NULL RETURN count(DISTINCT a) AS n",
           "MATCH (a)-->(b)-->(c) WHERE c.g = 3 AND b.g / (b.g - 1) > 5 RETURN count(DISTINCT a) AS n",
           "MATCH (a) WHERE a.name <> 'n15000' OR date(a.name) IS NULL MATCH (a)-->(b)-->(c) RETURN count(DISTINCT a) AS n",
           // both: the subplan's error on an early row comes first
           "MATCH (a) WHERE a.name <> 'n15000' OR date(a.name) IS NULL MATCH (a)-->(b)-->(c) WHERE c.g = 3 AND "
           "date(c.name) IS NOT NULL RETURN count(DISTINCT a) AS n",
       }) {
    db.set_threads(1);
    const std::vector<std::string> one = outcome(q);
    EXPECT_NE(plan_of(db, q).find("SemiJoin (first match per row, input split between threads)"), std::string::npos) << q;
    for (std::size_t threads : {2u, 3u, 8u}) {
      db.set_threads(threads);
      EXPECT_EQ(outcome(q), one) << q << " on " << threads << " threads";
    }
  }
  // The answers are not all errors or all empty.
  db.set_threads(2);
  EXPECT_NE(outcome("MATCH (a:A)-[r1:T0]->(b)-[:T1]->(c) WHERE b.g >= 2 RETURN count(DISTINCT a) AS n")[0], "0|");
  EXPECT_EQ(outcome("MATCH (a)-->(b)-->(c) WHERE c.g = 3 AND date(c.name) IS NOT NULL RETURN count(DISTINCT a)")[0].rfind(
                "error: ", 0),
            0u);
}

// A SemiJoin whose first hop reads its relationship's properties may walk
// that hop from the relationships of its type, in id order (Q5): the same
// rows as expanding each scanned node, on any number of threads, in and out
// of a transaction, with deleted relationships. The twin adds a condition
// the rewrite does not take (a function call, which could fail), so it
// expands from the nodes. 40,000 nodes: past the few thousand scanned
// nodes below which the relationships are never walked.
TEST(PlanOptimize, FirstHopFromRelationshipsEqualsExpandingEachNode) {
  Database db = random_graph(35, 40000, 90000);
  const std::string marker = "or from the :";
  auto check = [&](const std::string& q) {
    std::string twin = q;
    twin.replace(twin.find(" RETURN "), 8, " AND coalesce(true, r1) RETURN ");
    ASSERT_NE(plan_of(db, q).find(marker), std::string::npos) << q;
    ASSERT_EQ(plan_of(db, twin).find(marker), std::string::npos) << twin;
    db.set_threads(1);
    const std::vector<std::string> expected = rows(db, twin);
    ASSERT_FALSE(expected.empty()) << twin;
    for (std::size_t threads : {1u, 2u, 3u}) {
      db.set_threads(threads);
      EXPECT_EQ(rows(db, q), expected) << q << " on " << threads << " threads";
    }
  };
  const std::vector<std::string> queries = {
      "MATCH (a:A)-[r1:T0]->(b)-[:T1]->(c) WHERE r1.w >= 5 RETURN count(DISTINCT a) AS n, min(a.name) AS lo, max(a.name) AS hi",
      "MATCH (a:B)<-[r1:T2]-(b:A)-[:T1]->(c) WHERE r1.w < 3 OR c.g = 1 RETURN a.g AS g, count(DISTINCT a) AS n",
      "MATCH (a)-[r1:T1]->(b)<-[r2:T0]-(c) WHERE NOT r1.w = 2 AND r2.w IS NOT NULL AND c:A RETURN count(DISTINCT a) AS n",
      "MATCH (a:B)-[r1:T0]->(b) WHERE r1.w IS NULL RETURN count(DISTINCT a) AS n, max(a.name) AS hi",
      "MATCH (a:A)-[r1:T0]->(b)-[r2:T0]->(c) WHERE r1.w = r2.w AND b.g < c.g RETURN count(DISTINCT a) AS n",
      "MATCH (a:A) WHERE a.g <> 2 MATCH (a)-[r1:T0]->(b) WHERE r1.w > $w RETURN count(DISTINCT a) AS n",
  };
  for (const std::string& q : queries) {
    if (q.find("$w") != std::string::npos) continue;
    check(q);
  }
  // With a parameter.
  {
    const std::string q = queries.back();
    Params p{{"w", Value(std::int64_t{6})}};
    std::string twin = q;
    twin.replace(twin.find(" RETURN "), 8, " AND coalesce(true, r1) RETURN ");
    ASSERT_NE(plan_of(db, q, p).find(marker), std::string::npos);
    db.set_threads(2);
    EXPECT_EQ(rows(db, q, p), rows(db, twin, p));
  }
  // Deleted relationships, then inside a transaction with its own changes.
  db.execute("MATCH (a:A)-[r:T0]->() WHERE r.w = 9 DELETE r");
  check(queries[0]);
  Transaction tx = db.begin();
  tx.execute("MATCH (a:B)-[r:T1]->() WHERE r.w = 4 DELETE r");
  tx.execute("MATCH (a:A) WHERE a.g = 3 WITH a LIMIT 2000 MATCH (b:B {g: 1}) WITH a, b LIMIT 4000 "
             "CREATE (a)-[:T0 {w: 8}]->(b)");
  auto in_tx = [&](const std::string& q) {
    std::vector<std::string> out;
    for (const Row& row : tx.execute(q)) {
      std::string line;
      for (const Value& v : row) line += v.to_cypher() + "|";
      out.push_back(line);
    }
    return out;
  };
  for (std::size_t i : {0u, 2u}) {
    std::string twin = queries[i];
    twin.replace(twin.find(" RETURN "), 8, " AND coalesce(true, r1) RETURN ");
    EXPECT_EQ(in_tx(queries[i]), in_tx(twin)) << queries[i] << " in a transaction";
  }
  tx.rollback();
  // A statement that writes expands from the nodes.
  EXPECT_EQ(plan_of(db, "MATCH (a:A)-[r1:T0]->(b)-[:T1]->(c) WHERE r1.w >= 5 WITH count(DISTINCT a) AS n CREATE (:X {n: n})")
                .find(marker),
            std::string::npos);
}

// The first hop's filter, a property of its relationship against a literal
// or a parameter, is tested on the property's column before a relationship
// seeds the subplan (Q5's r1.since >= 2020). Every operator, either way
// round, against integers, floats, strings, null and a missing parameter;
// then with the column no longer all integers, and for a key no
// relationship has: the rows of expanding from each node every time.
TEST(PlanOptimize, FirstHopColumnTestEqualsTheFilter) {
  Database db = random_graph(36, 40000, 90000);
  const std::string tested = ", each first tested on its .";
  auto twin_of = [](std::string q) { return q.replace(q.find(" RETURN "), 8, " AND coalesce(true, r1) RETURN "); };
  auto check = [&](const std::string& q, const Params& p, bool column_test) {
    const std::string plan = plan_of(db, q, p);
    ASSERT_NE(plan.find("or from the :"), std::string::npos) << q;
    EXPECT_EQ(plan.find(tested) != std::string::npos, column_test) << q << "\n" << plan;
    db.set_threads(1);
    const std::vector<std::string> expected = rows(db, twin_of(q), p);
    for (std::size_t threads : {1u, 2u}) {
      db.set_threads(threads);
      EXPECT_EQ(rows(db, q, p), expected) << q << " on " << threads << " threads";
    }
  };
  const std::string ret = " RETURN count(DISTINCT a) AS n, min(a.name) AS lo";
  std::size_t some = 0;
  for (std::string op : {"=", "<>", "<", ">", "<=", ">="}) {
    for (std::string key : {"w", "missing"}) {
      check("MATCH (a:A)-[r1:T0]->(b)-[:T1]->() WHERE r1." + key + " " + op + " 5" + ret, {}, true);
      check("MATCH (a:A)-[r1:T0]->(b)-[:T1]->() WHERE 5 " + op + " r1." + key + ret, {}, true);
    }
    for (Value v : {Value(std::int64_t{3}), Value(2.5), Value(std::string("x")), Value()}) {
      check("MATCH (a:B)-[r1:T2]->(b) WHERE r1.w " + op + " $v" + ret, {{"v", v}}, true);
    }
    some += rows(db, "MATCH (a:A)-[r1:T0]->(b)-[:T1]->() WHERE r1.w " + op + " 5" + ret)[0] != "0|null|";
  }
  EXPECT_EQ(some, 6u);  // every operator passes some relationships
  // Not a single comparison of the hop's property with a constant: no column test.
  check("MATCH (a:A)-[r1:T0]->(b)-[:T1]->(c) WHERE r1.w < b.g" + ret, {}, false);
  check("MATCH (a:A)-[r1:T0]->(b)-[:T1]->(c) WHERE 2 < r1.w < 7" + ret, {}, false);
  check("MATCH (a:A)-[r1:T0]->(b)-[:T1]->(c) WHERE r1.w IS NULL" + ret, {}, false);
  // A parameter that is missing fails as the filter fails.
  EXPECT_THROW(db.execute("MATCH (a:B)-[r1:T2]->(b) WHERE r1.w > $nothing" + ret), Error);
  // The column stops being all integers: the subplan decides every relationship.
  db.execute("MATCH ()-[r:T0]->() WHERE r.w = 4 WITH r LIMIT 50 SET r.w = 4.0");
  db.execute("MATCH ()-[r:T0]->() WHERE r.w = 6 WITH r LIMIT 50 SET r.w = '6'");
  for (std::string op : {"=", "<", ">="}) {
    check("MATCH (a:A)-[r1:T0]->(b)-[:T1]->() WHERE r1.w " + op + " 4" + ret, {}, true);
    check("MATCH (a:A)-[r1:T0]->(b)-[:T1]->() WHERE r1.w " + op + " '6'" + ret, {}, true);
  }
}

TEST(PlanOptimize, BreadthFirstReachEqualsTrailEnumeration) {
  for (unsigned seed : {4u, 5u, 6u}) {
    Database db = random_graph(seed, 30, 70);
    for (std::string arrow : {"->", "<-"}) {
      for (std::string hops : {"*1..1", "*1..2", "*1..3", "*0..2", "*2", "*..3", "*0..0", "*:T0|T1*1..4"}) {
        std::string rel = hops.starts_with("*:") ? "[" + hops.substr(1) + "]" : "[" + hops + "]";
        std::string left = arrow == "->" ? "-" + rel + "->" : "<-" + rel + "-";
        for (int start : {0, 3, 7, 11}) {
          Params p{{"s", Value("n" + std::to_string(start))}};
          std::string fast = "MATCH (a {name: $s})" + left + "(b) RETURN count(DISTINCT b) AS c, min(b.name) AS lo, max(b.name) AS hi";
          std::string plain = "MATCH path = (a {name: $s})" + left + "(b) RETURN count(DISTINCT b) AS c, min(b.name) AS lo, max(b.name) AS hi";
          bool applies = !hops.starts_with("*2");
          ASSERT_EQ(plan_of(db, fast, p).find("BreadthFirstReach") != std::string::npos, applies) << fast;
          EXPECT_EQ(rows(db, fast, p), rows(db, plain, p)) << fast << " from n" << start;
        }
      }
    }
    // Per start node, grouped, with a filter in between (the benchmark's form).
    EXPECT_EQ(rows(db, "MATCH (a:A)-[*1..2]->(b) WHERE b <> a RETURN a.name AS a, count(DISTINCT b) AS c ORDER BY a"),
              rows(db, "MATCH p = (a:A)-[*1..2]->(b) WHERE b <> a RETURN a.name AS a, count(DISTINCT b) AS c ORDER BY a"));
  }
}

// count(DISTINCT b) alone over a reach counts nodes in a bitmap as the
// search reaches them (CountReach), with the filters in between evaluated on
// each: the same count as the trail enumeration of a named path, for one
// start, many starts reaching the same nodes, and none.
TEST(PlanOptimize, CountReachEqualsCountingDistinctRows) {
  for (unsigned seed : {7u, 8u, 9u}) {
    Database db = random_graph(seed, 40, 100);
    for (std::string start : {"(a {name: 'n3'})", "(a:A)", "(a:B {name: 'n-none'})"}) {
      for (std::string step : {"-[*1..2]->", "<-[*1..3]-", "-[*0..2]->", "-[:T1|T2*..3]->", "-[*1..1]->", "-[*2]->"}) {
        for (std::string where : {"", " WHERE b <> a", " WHERE b <> a AND b.g > 0", " WHERE b.g <> a.g"}) {
          std::string fast = "MATCH " + start + step + "(b)" + where + " RETURN count(DISTINCT b) AS c, count(DISTINCT b) AS d";
          std::string plain = "MATCH p = " + start + step + "(b)" + where + " RETURN count(DISTINCT b) AS c, count(DISTINCT b) AS d";
          bool applies = step != "-[*2]->";
          ASSERT_EQ(plan_of(db, fast).find("CountReach") != std::string::npos, applies) << fast;
          EXPECT_EQ(rows(db, fast), rows(db, plain)) << fast;
        }
      }
    }
    // Grouped, or beside another aggregate, the Aggregate stays over BreadthFirstReach.
    for (std::string ret : {"RETURN a.name AS a, count(DISTINCT b) AS c ORDER BY a", "RETURN count(DISTINCT b) AS c, max(b.name) AS m"}) {
      std::string fast = "MATCH (a:A)-[*1..2]->(b) WHERE b <> a " + ret;
      std::string plan = plan_of(db, fast);
      EXPECT_EQ(plan.find("CountReach"), std::string::npos) << fast;
      EXPECT_NE(plan.find("BreadthFirstReach"), std::string::npos) << fast;
      EXPECT_EQ(rows(db, fast), rows(db, "MATCH p = (a:A)-[*1..2]->(b) WHERE b <> a " + ret)) << fast;
    }
  }
}

// DISTINCT aggregates keep nodes in a set of ids, other values hashed:
// the same answers, in the same order, as over the nodes' ids.
TEST(PlanOptimize, DistinctNodesEqualDistinctIds) {
  for (unsigned seed : {41u, 42u}) {
    Database db = random_graph(seed, 80, 300);
    for (std::string match : {"MATCH (a)-[*1..2]->(b) WHERE b <> a", "MATCH (a:A) OPTIONAL MATCH (a)-[:T1]->()-->(b)",
                              "MATCH (a)-[r1]->()<-[r2]-(b)"}) {
      EXPECT_EQ(rows(db, match + " RETURN a.g AS g, count(DISTINCT b) AS n, [x IN collect(DISTINCT b) | id(x)] AS l"),
                rows(db, match + " RETURN a.g AS g, count(DISTINCT id(b)) AS n, collect(DISTINCT id(b)) AS l"))
          << match;
      EXPECT_EQ(rows(db, match + " RETURN a.name AS a, count(DISTINCT b) AS n ORDER BY a"),
                rows(db, match + " RETURN a.name AS a, count(DISTINCT id(b)) AS n ORDER BY a"))
          << match;
    }
    // Nodes beside other values in one DISTINCT aggregate.
    EXPECT_EQ(rows(db, "MATCH (a)-->(b) UNWIND [b, b.g, b] AS x RETURN count(DISTINCT x) AS n"),
              rows(db, "MATCH (a)-->(b) WITH collect(DISTINCT b) AS bs, collect(DISTINCT b.g) AS gs RETURN size(bs) + size(gs) AS n"));
  }
}

TEST(PlanOptimize, CountByTypeEqualsGroupingRowsInTheSameOrder) {
  for (unsigned seed : {7u, 8u}) {
    Database db = random_graph(seed, 40, 150);
    for (std::string pattern : {"()-[r]->()", "()<-[r]-()", "()-[r:T2|T0]->()"}) {
      for (std::string count : {"count(*)", "count(r)"}) {
        std::string fast = "MATCH " + pattern + " RETURN type(r) AS t, " + count + " AS c";
        std::string plain = "MATCH " + pattern + " WHERE r IS NOT NULL RETURN type(r) AS t, " + count + " AS c";
        ASSERT_NE(plan_of(db, fast).find("CountByType"), std::string::npos) << fast;
        ASSERT_EQ(plan_of(db, plain).find("CountByType"), std::string::npos) << plain;
        EXPECT_EQ(rows(db, fast), rows(db, plain)) << fast;  // same rows, same order
      }
    }
    // Not rewritten: a labelled start, a second grouping key, DISTINCT.
    for (std::string q : {"MATCH (:A)-[r]->() RETURN type(r), count(*)", "MATCH (a)-[r]->() RETURN a.g, type(r), count(*)",
                          "MATCH ()-[r]->() RETURN type(r), count(DISTINCT r)"}) {
      EXPECT_EQ(plan_of(db, q).find("CountByType"), std::string::npos) << q;
    }
  }
}

TEST(PlanOptimize, BidirectionalShortestPathIsAShortestPath) {
  for (unsigned seed : {9u, 10u, 11u}) {
    Database db = random_graph(seed, 50, 90);
    for (std::string arrow : {"->", "<-", "-"}) {
      for (int s = 0; s < 50; s += 7) {
        for (int t = 1; t < 50; t += 5) {
          if (s == t) continue;
          Params p{{"s", Value("n" + std::to_string(s))}, {"t", Value("n" + std::to_string(t))}};
          std::string left = arrow == "<-" ? "<-" : "-", right = arrow == "->" ? "->" : "-";
          std::string rel = left + "[*..4]" + right;
          std::string forward = "startNode(relationships(p)[i]) = nodes(p)[i] AND endNode(relationships(p)[i]) = nodes(p)[i + 1]";
          std::string backward = "endNode(relationships(p)[i]) = nodes(p)[i] AND startNode(relationships(p)[i]) = nodes(p)[i + 1]";
          std::string hop = arrow == "->" ? forward : arrow == "<-" ? backward : "(" + forward + ") OR (" + backward + ")";
          std::vector<std::string> one = rows(
              db,
              "MATCH p = shortestPath((a {name: $s})" + rel + "(b {name: $t})) "
              "RETURN length(p) AS l, nodes(p)[0] = a AND last(nodes(p)) = b AS at_ends, "
              "all(i IN range(0, length(p) - 1) WHERE " + hop + ") AS connected",
              p);
          std::vector<std::string> all = rows(
              db, "MATCH p = allShortestPaths((a {name: $s})" + rel + "(b {name: $t})) RETURN DISTINCT length(p) AS l", p);
          ASSERT_EQ(one.size(), all.size()) << "n" << s << " to n" << t << " " << arrow;
          if (!one.empty()) {
            EXPECT_EQ(one[0], all[0].substr(0, all[0].size() - 1) + "|true|true|");
          }
        }
      }
    }
  }
}

TEST(PlanOptimize, TopKSortKeepsTheFullSortsFirstRows) {
  Database db = random_graph(12, 60, 10);
  std::vector<std::string> full = rows(db, "MATCH (a) RETURN a.g AS g, a.name AS n ORDER BY g DESC");
  for (int skip : {0, 3}) {
    for (int limit : {0, 1, 7, 59, 100}) {
      std::string q = "MATCH (a) RETURN a.g AS g, a.name AS n ORDER BY g DESC SKIP " + std::to_string(skip) +
                      " LIMIT " + std::to_string(limit);
      std::vector<std::string> expected(full.begin() + std::min<std::size_t>(skip, full.size()),
                                        full.begin() + std::min<std::size_t>(skip + limit, full.size()));
      EXPECT_EQ(rows(db, q), expected) << q;  // ties stay in input order
    }
  }
  EXPECT_NE(plan_of(db, "MATCH (a) RETURN a.g AS g ORDER BY g SKIP 2 LIMIT 5").find("Sort g (keep first 2 + 5)"),
            std::string::npos);
}

TEST(PlanOptimize, SeeksByIdElementIdAndNameEqualFilteringTheScan) {
  // Values of every kind a comparison may meet: ids in and out of range, a
  // deleted node's, floats equal to an id or not, element ids well and
  // badly formed, names differing only in case, numbers, null.
  std::vector<Value> values{Value(std::int64_t{0}), Value(std::int64_t{7}),  Value(std::int64_t{39}),
                            Value(std::int64_t{40}), Value(std::int64_t{-1}), Value(7.0),
                            Value(7.5),              Value("n:7"),            Value("n:07"),
                            Value("n:"),             Value("r:7"),            Value("n:-1"),
                            Value("n:7 "),           Value("n7"),             Value("N7"),
                            Value(std::int64_t{5}),  Value(5.0),              Value()};
  for (unsigned seed : {1u, 2u, 3u}) {
    Database db = random_graph(seed, 40, 60);
    db.execute("MATCH (n) WHERE n.name = 'n9' DETACH DELETE n");
    db.execute("MATCH (n) WHERE n.name = 'n11' SET n.name = 5");  // a name that is not a string
    for (std::string subject : {"id(n)", "elementId(n)", "n.name"}) {
      for (std::string pattern : {"(n)", "(n:A)", "(n:B)", "(n:A:B)"}) {
        for (const Value& v : values) {
          const Params p{{"v", v}};
          std::string fast = "MATCH " + pattern + " WHERE " + subject + " = $v RETURN n.name AS n, n.g AS g";
          std::string swapped = "MATCH " + pattern + " WHERE $v = " + subject + " RETURN n.name AS n, n.g AS g";
          std::string plain = "MATCH " + pattern + " WHERE (" + subject + " = $v) = true RETURN n.name AS n, n.g AS g";
          ASSERT_NE(plan_of(db, fast, p).find("Seek"), std::string::npos) << fast;
          ASSERT_EQ(plan_of(db, plain, p).find("Seek"), std::string::npos) << plain;
          const auto expected = rows(db, plain, p);
          EXPECT_EQ(rows(db, fast, p), expected) << fast << " with " << v.to_cypher();
          EXPECT_EQ(rows(db, swapped, p), expected) << swapped << " with " << v.to_cypher();
        }
      }
    }
    // Two scans, values from a list and from the first node: each scan a
    // seek where the value does not read it.
    const std::string pairs = "MATCH (a), (b) WHERE id(a) = $a AND elementId(b) = 'n:' + toString(id(a) + 1) "
                              "RETURN a.name, b.name";
    for (std::int64_t a : {0, 8, 9, 39, 45}) {
      const Params p{{"a", Value(a)}};
      EXPECT_EQ(rows(db, pairs, p), rows(db, "MATCH (a), (b) WHERE (id(a) = $a) = true AND "
                                             "(elementId(b) = 'n:' + toString(id(a) + 1)) = true RETURN a.name, b.name",
                                     p));
    }
    const std::string unwound = "UNWIND [3, 9, 3, 40, 'x', null] AS i MATCH (n) WHERE id(n) = i RETURN i, n.name";
    EXPECT_NE(plan_of(db, unwound).find("NodeByIdSeek $1 id = i"), std::string::npos);
    EXPECT_EQ(rows(db, unwound),
              rows(db, "UNWIND [3, 9, 3, 40, 'x', null] AS i MATCH (n) WHERE (id(n) = i) = true RETURN i, n.name"));
    // A name compared with another node's name is left a filter: the value
    // reads the scan's own node.
    EXPECT_EQ(plan_of(db, "MATCH (n) WHERE n.name = n.g RETURN n").find("Seek"), std::string::npos);
  }
}

TEST(PlanOptimize, IdSeeksFromAListEqualFilteringTheScan) {
  // Lists with repeats, floats, nulls, other types, a deleted node's id and
  // ids past the last node; the seek yields each node once, in id order, as
  // the scan does.
  const std::vector<std::string> lists{"[3, 1, 3.0, null, 'x', -2, 1.5, 9, 45]", "[]", "[null]", "null",
                                       "['n:3', 'n:03', 'n:1', 3, 'n:9', 'n:39']", "[0, 3, 6, 12, 24, 36, 48]"};
  for (unsigned seed : {4u, 5u}) {
    Database db = random_graph(seed, 40, 60);
    db.execute("MATCH (n) WHERE n.name = 'n9' DETACH DELETE n");
    for (std::string subject : {"id(n)", "elementId(n)"}) {
      for (std::string pattern : {"(n)", "(n:A)", "(n:A:B)"}) {
        for (const std::string& list : lists) {
          std::string fast = "MATCH " + pattern + " WHERE " + subject + " IN " + list + " RETURN n.name, n.g";
          std::string plain = "MATCH " + pattern + " WHERE (" + subject + " IN " + list + ") = true RETURN n.name, n.g";
          ASSERT_NE(plan_of(db, fast).find(" IN " + list), std::string::npos) << plan_of(db, fast);
          ASSERT_NE(plan_of(db, fast).find("Seek"), std::string::npos) << fast;
          ASSERT_EQ(plan_of(db, plain).find("Seek"), std::string::npos) << plain;
          EXPECT_EQ(rows(db, fast), rows(db, plain)) << fast;
        }
      }
    }
    // From a parameter, and per row of an UNWIND.
    const Params p{{"ids", Value(List{Value(std::int64_t{5}), Value(std::int64_t{2}), Value(std::int64_t{5})})}};
    EXPECT_EQ(rows(db, "MATCH (n) WHERE id(n) IN $ids RETURN id(n)", p),
              (std::vector<std::string>{"2|", "5|"}));
    const std::string unwound = "UNWIND [[1, 2], [], [2, 40, 0]] AS ids MATCH (n) WHERE id(n) IN ids RETURN ids, id(n)";
    EXPECT_EQ(rows(db, unwound),
              rows(db, "UNWIND [[1, 2], [], [2, 40, 0]] AS ids MATCH (n) WHERE (id(n) IN ids) = true RETURN ids, id(n)"));
    // Not a list: the filter's error, where it would have tested a node.
    for (std::string q : {"MATCH (n) WHERE id(n) IN 5 RETURN n", "MATCH (n) WHERE (id(n) IN 5) = true RETURN n"}) {
      try {
        db.execute(q);
        ADD_FAILURE() << q << " raised nothing";
      } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("IN needs a list on its right, got INTEGER"), std::string::npos) << e.what();
      }
    }
    EXPECT_EQ(rows(db, "MATCH (n:Nobody) WHERE id(n) IN 5 RETURN n"), std::vector<std::string>{});
  }
}

TEST(PlanOptimize, NameSeekFindsNamesThatAreNotStrings) {
  // The name index holds string names; {name: 5} must still find a node
  // whose name is 5 (or 5.0), as n.name = 5 does.
  Database db;
  db.execute("CREATE (:X {name: 5}), (:X {name: 'five'}), (:Y {name: 5.0}), (:X {name: [5]})");
  EXPECT_EQ(rows(db, "MATCH (n:X {name: 5}) RETURN n.name"), std::vector<std::string>{"5|"});
  EXPECT_EQ(rows(db, "MATCH (n {name: 5}) RETURN n.name ORDER BY labels(n)[0]"),
            (std::vector<std::string>{"5|", "5.0|"}));
  EXPECT_EQ(rows(db, "MATCH (n {name: [5.0]}) RETURN n.name"), std::vector<std::string>{"[5]|"});
  EXPECT_EQ(rows(db, "MATCH (n) WHERE n.name = 5 RETURN n.name ORDER BY labels(n)[0]"),
            (std::vector<std::string>{"5|", "5.0|"}));
  EXPECT_EQ(rows(db, "MATCH (n {name: null}) RETURN n.name"), std::vector<std::string>{});
}

TEST(PlanOptimize, ExplainNeedsNoParameterValues) {
  Database db = random_graph(13, 5, 5);
  EXPECT_EQ(plan_of(db, "MATCH (a {name: $s})-->(b) RETURN b.name"),
            "Produce b.name\n"
            "  Project $3 = b.name\n"
            "    Expand ($0)-[ $1]->($2)\n"
            "      NodeByNameSeek $0 name = $s\n"
            "        Once\n");
}

}  // namespace
}  // namespace ergo
