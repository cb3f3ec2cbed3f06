// SET, REMOVE and [DETACH] DELETE through the public API: statistics, the
// indexes every reader uses (labels, names, :schema, procedures) after each
// kind of write, positioned errors, and a failed statement leaving nothing
// behind — including changes to nodes that existed before it (the undo log,
// docs/adr/0006-writes.md).
#include <algorithm>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::error_of;

// The values of the first column, as Cypher literals, in result order.
std::vector<std::string> column(const Result& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows()) out.push_back(row[0].to_cypher());
  return out;
}

std::vector<std::string> names(Database& db, const std::string& query) {
  return column(db.execute(query));
}

// A small graph: Alice knows Bob and Carol; Bob works at Acme.
Database small() {
  Database db;
  db.execute(
      "CREATE (a:Person {name: 'Alice', age: 30}), (b:Person {name: 'Bob', aliases: ['Bobby']}),"
      " (c:Person:Admin {name: 'Carol'}), (x:Company {name: 'Acme'}),"
      " (a)-[:KNOWS {since: 2001}]->(b), (a)-[:KNOWS]->(c), (b)-[:WORKS_AT]->(x)");
  return db;
}

TEST(Writes, SetReportsWhatChanged) {
  Database db = small();
  Result r = db.execute("MATCH (p:Person {name: 'Alice'}) SET p.age = 31, p.city = 'Seoul', p:Manager RETURN p.age");
  EXPECT_EQ(column(r), std::vector<std::string>{"31"});
  EXPECT_EQ(r.stats().properties_set, 2u);
  EXPECT_EQ(r.stats().labels_added, 1u);
  EXPECT_EQ(result_summary(r), "1 row; added 1 label, set 2 properties");
  EXPECT_EQ(names(db, "MATCH (m:Manager) RETURN m.name"), std::vector<std::string>{"'Alice'"});
}

TEST(Writes, RemoveReportsWhatChanged) {
  Database db = small();
  Result r = db.execute("MATCH (p:Admin) REMOVE p:Admin, p.name");
  EXPECT_EQ(r.stats().labels_removed, 1u);
  EXPECT_EQ(r.stats().properties_set, 1u);
  EXPECT_EQ(result_summary(r), "Removed 1 label, set 1 property");
  EXPECT_TRUE(names(db, "MATCH (p:Admin) RETURN p").empty());
  EXPECT_TRUE(db.find_by_name("Carol").empty());
}

TEST(Writes, DetachDeleteReportsNodesAndRelationships) {
  Database db = small();
  Result r = db.execute("MATCH (p {name: 'Alice'}) DETACH DELETE p");
  EXPECT_EQ(r.stats().nodes_deleted, 1u);
  EXPECT_EQ(r.stats().relationships_deleted, 2u);
  EXPECT_EQ(result_summary(r), "Deleted 1 node and 2 relationships");
  EXPECT_EQ(db.node_count(), 3u);
  EXPECT_EQ(db.relationship_count(), 1u);
  EXPECT_EQ(db.statistics().properties, 4u);  // name ×3, aliases
}

TEST(Writes, NameIndexFollowsEveryWrite) {
  Database db = small();
  db.execute("MATCH (p {name: 'Bob'}) SET p.name = 'Robert'");
  EXPECT_TRUE(db.find_by_name("bob").empty());
  EXPECT_EQ(db.find_by_name("ROBERT").size(), 1u);
  EXPECT_EQ(db.find_by_name("bobby").size(), 1u);  // the alias stays
  db.execute("MATCH (p {name: 'Robert'}) SET p = {name: 'Rob'}");
  EXPECT_TRUE(db.find_by_name("bobby").empty());
  EXPECT_EQ(db.find_by_name("rob").size(), 1u);
  db.execute("MATCH (p {name: 'Rob'}) DETACH DELETE p");
  EXPECT_TRUE(db.find_by_name("rob").empty());
  EXPECT_TRUE(names(db, "CALL ergo.find('Rob') YIELD node RETURN node").empty());
}

TEST(Writes, SchemaCountsOnlyTheLiving) {
  Database db = small();
  db.execute("MATCH (c:Company) DETACH DELETE c");
  db.execute("MATCH (p:Admin) REMOVE p:Admin");
  Schema s = db.schema();
  EXPECT_EQ(s.nodes, 3u);
  EXPECT_EQ(s.relationships, 2u);
  ASSERT_EQ(s.labels.size(), 1u);
  EXPECT_EQ(s.labels[0].name, "Person");
  EXPECT_EQ(s.labels[0].nodes, 3u);
  ASSERT_EQ(s.relationship_types.size(), 1u);
  EXPECT_EQ(s.relationship_types[0].name, "KNOWS");
}

TEST(Writes, DeletedIdsNeverResurface) {
  Database db = small();
  db.execute("MATCH (p {name: 'Bob'}) DETACH DELETE p");
  db.execute("CREATE (:Person {name: 'Dave'})");
  // A new node gets a new id; the deleted one is gone from every scan.
  EXPECT_EQ(names(db, "MATCH (n) RETURN id(n) ORDER BY id(n)"),
            (std::vector<std::string>{"0", "2", "3", "4"}));
  EXPECT_EQ(names(db, "MATCH ()-[r]->() RETURN id(r) ORDER BY id(r)"), std::vector<std::string>{"1"});
  EXPECT_EQ(names(db, "CALL ergo.pageRank() YIELD node RETURN id(node) ORDER BY id(node)"),
            (std::vector<std::string>{"0", "2", "3", "4"}));
  EXPECT_EQ(names(db, "CALL ergo.wcc() YIELD node RETURN count(*)"), std::vector<std::string>{"4"});
  EXPECT_EQ(names(db, "MATCH (a {name: 'Alice'})-[*]-(x) RETURN x.name"), std::vector<std::string>{"'Carol'"});
}

TEST(Writes, DeleteConnectedNodeIsPositionedAndSuggestsDetach) {
  Database db = small();
  Error e = error_of([&] { db.execute("MATCH (p:Person {name: 'Bob'})\nDELETE p"); });
  EXPECT_EQ(e.kind(), ErrorKind::runtime_error);
  EXPECT_EQ(e.code(), "DeleteConnectedNode");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 8u);
  EXPECT_NE(e.message().find("node 1 (Bob)"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("DETACH DELETE"), std::string::npos) << e.message();
  EXPECT_EQ(db.node_count(), 4u);
  EXPECT_EQ(names(db, "MATCH (p {name: 'Bob'}) RETURN p.name"), std::vector<std::string>{"'Bob'"});
}

TEST(Writes, FailedStatementUndoesChangesToOldElements) {
  Database db = small();
  const GraphStatistics before = db.statistics();
  Error e = error_of([&] {
    db.execute(
        "MATCH (a {name: 'Alice'}), (b {name: 'Bob'})"
        " SET a.age = 99, a = {name: 'Zed'}, a:Gone REMOVE b:Person, b.aliases"
        " CREATE (a)-[:NEW]->(:Fresh {name: 'Fresh'})"
        " WITH a, b MATCH (a)-[r:KNOWS]->() DELETE r"
        " WITH b DELETE b");  // Bob still works at Acme: the statement fails
  });
  EXPECT_EQ(e.code(), "DeleteConnectedNode");
  const GraphStatistics after = db.statistics();
  EXPECT_EQ(after.nodes, before.nodes);
  EXPECT_EQ(after.relationships, before.relationships);
  EXPECT_EQ(after.labels, before.labels);
  EXPECT_EQ(after.properties, before.properties);
  EXPECT_EQ(names(db, "MATCH (a {name: 'Alice'}) RETURN a.age"), std::vector<std::string>{"30"});
  EXPECT_TRUE(names(db, "MATCH (n:Gone) RETURN n").empty());
  EXPECT_TRUE(names(db, "MATCH (n:Fresh) RETURN n").empty());
  EXPECT_EQ(names(db, "MATCH (n:Person) RETURN n.name ORDER BY n.name"),
            (std::vector<std::string>{"'Alice'", "'Bob'", "'Carol'"}));
  EXPECT_EQ(names(db, "MATCH ({name: 'Alice'})-[r:KNOWS]->(x) RETURN x.name ORDER BY x.name"),
            (std::vector<std::string>{"'Bob'", "'Carol'"}));
  EXPECT_EQ(db.find_by_name("Bobby").size(), 1u);
  EXPECT_TRUE(db.find_by_name("Zed").empty());
}

TEST(Writes, ReadingADeletedNodeFailsButReturningItWorks) {
  Database db = small();
  Result r = db.execute("MATCH (c:Company) DETACH DELETE c RETURN c");
  EXPECT_EQ(r.size(), 1u);
  Error e = error_of([&] { db.execute("MATCH (p {name: 'Carol'}) DETACH DELETE p RETURN p.name"); });
  EXPECT_EQ(e.code(), "DeletedEntityAccess");
  EXPECT_EQ(e.column(), 50u);
  EXPECT_EQ(db.node_count(), 3u);  // that statement failed: Carol stays
}

TEST(Writes, SetRejectsWhatCannotBeAProperty) {
  Database db = small();
  Error e = error_of([&] { db.execute("MATCH (p {name: 'Alice'}) SET p.friend = p"); });
  EXPECT_EQ(e.kind(), ErrorKind::type_error);
  EXPECT_EQ(e.code(), "InvalidPropertyType");
  EXPECT_EQ(e.column(), 42u);
  Error m = error_of([&] { db.execute("MATCH (p {name: 'Alice'}) SET p += 3"); });
  EXPECT_EQ(m.code(), "InvalidArgumentType");
  EXPECT_EQ(names(db, "MATCH (a {name: 'Alice'}) RETURN a.friend"), std::vector<std::string>{"null"});
}

TEST(Writes, ExplainShowsTheWriteOperators) {
  Database db = small();
  std::string plan;
  Result r = db.execute("EXPLAIN MATCH (n:Person) SET n.x = 1, n:L REMOVE n.age DETACH DELETE n");
  for (const auto& row : r.rows()) {
    plan += row[0].as_string() + "\n";
  }
  EXPECT_NE(plan.find("DetachDelete n"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Remove n.age"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Set n.x = 1, n:L"), std::string::npos) << plan;
  EXPECT_EQ(db.node_count(), 4u);  // EXPLAIN runs nothing
}

}  // namespace
}  // namespace ergo
