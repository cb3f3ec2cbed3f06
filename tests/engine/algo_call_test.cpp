// CALL itself: standalone and in-query calls, YIELD with aliases and WHERE,
// arguments from expressions and parameters, results joined with MATCH and
// ordered, EXPLAIN, and every kind of mistake reported with its code and
// position.
#include "ergo/language.hpp"
#include "tests/engine/algo_test_support.hpp"

namespace ergo {
namespace {

using algo_test::error_of;
using algo_test::make_db;

const char* kCycles =
    "CREATE (a:P {name: 'A'}), (b:P {name: 'B'}), (c:P {name: 'C'}), (d:P {name: 'D'}), (e:P {name: 'E'}), "
    "(f:Q {name: 'F'}), (a)-[:T]->(b), (b)-[:T]->(c), (c)-[:T]->(a), (c)-[:T]->(d), (d)-[:T]->(e), "
    "(e)-[:T]->(d), (f)-[:U]->(a)";

std::vector<std::string> column(const Result& r, std::size_t i = 0) {
  std::vector<std::string> out;
  for (const auto& row : r.rows()) out.push_back(row[i].get_if<std::string>() ? row[i].as_string() : row[i].to_cypher());
  return out;
}

TEST(AlgoCall, ProceduresListsEveryProcedure) {
  Database db;
  Result r = db.execute("CALL ergo.procedures()");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"name", "signature", "description"}));
  EXPECT_EQ(column(r), (std::vector<std::string>{"db.labels", "db.propertyKeys", "db.relationshipTypes",
                                                 "dbms.components", "dbms.functions", "dbms.procedures",
                                                 "ergo.allShortestPaths",
                                                 "ergo.betweenness", "ergo.degree", "ergo.dijkstra", "ergo.evidence",
                                                 "ergo.find", "ergo.khop", "ergo.pageRank", "ergo.procedures",
                                                 "ergo.scc", "ergo.shortestPath", "ergo.triangles", "ergo.wcc"}));
  EXPECT_EQ(r.row(12)[1], Value("ergo.khop(source :: NODE, k :: INTEGER, config :: MAP = {}) :: "
                                "(node :: NODE, distance :: INTEGER)"));
  EXPECT_EQ(r.row(0)[1], Value("db.labels() :: (label :: STRING)"));
  for (const auto& row : r.rows()) EXPECT_FALSE(row[2].as_string().empty());
  // Without parentheses, and filtered as a query.
  EXPECT_EQ(db.execute("CALL ergo.procedures").size(), 19u);
  r = db.execute("CALL ergo.procedures() YIELD name WHERE name STARTS WITH 'ergo.s' RETURN name");
  EXPECT_EQ(column(r), (std::vector<std::string>{"ergo.scc", "ergo.shortestPath"}));
}

// db.labels(), db.relationshipTypes() and db.propertyKeys() list what the
// graph uses, in the order the names first appeared (Neo4j's token order):
// a label or type nothing carries any more is gone, a key stays (as in
// Neo4j, where property key tokens outlive their values).
TEST(AlgoCall, SchemaProceduresListWhatTheGraphUses) {
  Database db;
  db.execute("CREATE (:Zebra {stripes: 1})-[:KNOWS {since: 2020}]->(:Ant:Bee), (:Gone {temp: 1})-[:OLD]->(:Ant)");
  EXPECT_EQ(column(db.execute("CALL db.labels()")), (std::vector<std::string>{"Zebra", "Ant", "Bee", "Gone"}));
  EXPECT_EQ(column(db.execute("CALL db.relationshipTypes()")), (std::vector<std::string>{"KNOWS", "OLD"}));
  db.execute("MATCH (g:Gone) DETACH DELETE g");
  EXPECT_EQ(column(db.execute("CALL db.labels()")), (std::vector<std::string>{"Zebra", "Ant", "Bee"}));
  EXPECT_EQ(column(db.execute("CALL db.relationshipTypes()")), (std::vector<std::string>{"KNOWS"}));
  EXPECT_EQ(column(db.execute("CALL db.propertyKeys() YIELD propertyKey WHERE propertyKey <> 'name' "
                              "AND propertyKey <> 'aliases' RETURN propertyKey")),
            (std::vector<std::string>{"stripes", "temp", "since"}));  // CREATE makes the nodes first
  Result r = db.execute("CALL db.labels() YIELD label AS l RETURN count(l) AS n");
  EXPECT_EQ(r.row(0)[0], Value(3));
  Database empty;
  EXPECT_EQ(empty.execute("CALL db.labels()").size(), 0u);
  EXPECT_EQ(empty.execute("CALL db.relationshipTypes()").size(), 0u);
  EXPECT_EQ(empty.execute("CALL db.propertyKeys()").size(), 0u);
}

TEST(AlgoCall, DbmsComponentsAndProcedures) {
  Database db;
  Result r = db.execute("CALL dbms.components()");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"name", "versions", "edition"}));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[0], Value("ergo"));
  ASSERT_EQ(r.row(0)[1].type(), Value::Type::list);
  EXPECT_EQ(r.row(0)[1].as_list().size(), 1u);
  EXPECT_EQ(r.row(0)[2], Value("community"));
  r = db.execute("CALL dbms.procedures()");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"name", "signature", "description", "mode", "worksOnSystem"}));
  EXPECT_EQ(r.size(), 19u);
  for (const auto& row : r.rows()) {
    EXPECT_EQ(row[3], Value("READ"));
    EXPECT_EQ(row[4], Value(false));
  }
}

// SHOW PROCEDURES is CALL dbms.procedures() with Neo4j 5's columns: name,
// description, mode, worksOnSystem; YIELD and WHERE as for a CALL.
TEST(AlgoCall, ShowProcedures) {
  Database db;
  Result r = db.execute("SHOW PROCEDURES");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"name", "description", "mode", "worksOnSystem"}));
  EXPECT_EQ(r.size(), 19u);
  r = db.execute("show procedure where name starts with 'db.'");
  EXPECT_EQ(column(r), (std::vector<std::string>{"db.labels", "db.propertyKeys", "db.relationshipTypes"}));
  r = db.execute("SHOW PROCEDURES YIELD name, signature WHERE name = 'ergo.find' RETURN signature");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[0], Value("ergo.find(name :: STRING) :: (node :: NODE)"));
  r = db.execute("SHOW PROCEDURES YIELD *");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"name", "signature", "description", "mode", "worksOnSystem"}));
  try {
    db.execute("MATCH (n) SHOW PROCEDURES");
    ADD_FAILURE() << "SHOW PROCEDURES after MATCH ran";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
    EXPECT_NE(std::string(e.what()).find("SHOW PROCEDURES begins a query"), std::string::npos) << e.what();
  }
}

// SHOW FUNCTIONS is CALL dbms.functions() with Neo4j 5's columns: name,
// category, description; every function of the table, sorted by name.
TEST(AlgoCall, ShowFunctions) {
  Database db;
  Result r = db.execute("SHOW FUNCTIONS");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"name", "category", "description"}));
  EXPECT_EQ(r.size(), cypher_functions().size());
  EXPECT_EQ(column(r), cypher_functions());
  r = db.execute("SHOW BUILT IN FUNCTIONS YIELD name, signature, aggregating WHERE name = 'percentileDisc'");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[1], Value("percentileDisc(input :: NUMBER, percentile :: FLOAT) :: NUMBER"));
  EXPECT_EQ(r.row(0)[2], Value(true));
  r = db.execute("SHOW ALL FUNCTIONS WHERE category = 'Trigonometric' AND name STARTS WITH 'a'");
  EXPECT_EQ(column(r), (std::vector<std::string>{"acos", "asin", "atan", "atan2"}));
  r = db.execute("SHOW FUNCTIONS YIELD *");
  EXPECT_EQ(r.columns(),
            (std::vector<std::string>{"name", "signature", "description", "category", "aggregating", "isBuiltIn"}));
  r = db.execute("CALL dbms.functions() YIELD name, aggregating WHERE aggregating RETURN count(*) AS n");
  EXPECT_EQ(r.row(0)[0], Value(10));
  try {
    db.execute("MATCH (n) SHOW FUNCTIONS");
    ADD_FAILURE() << "SHOW FUNCTIONS after MATCH ran";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "SHOW FUNCTIONS begins a query; to use the functions in a larger query, CALL "
                           "dbms.functions() YIELD name, ...");
  }
}

TEST(AlgoCall, StandaloneCallReturnsItsFields) {
  Database db = make_db(kCycles);
  Result r = db.execute("CALL ergo.degree()");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"node", "score"}));
  EXPECT_EQ(r.size(), 6u);
  r = db.execute("CALL ergo.degree() YIELD *");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"node", "score"}));
  r = db.execute("CALL ergo.degree({direction: 'in'}) YIELD score AS d, node AS n WHERE d > 1");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"d", "n"}));
  ASSERT_EQ(r.size(), 2u);  // A and D
  EXPECT_EQ(r.row(0)[0], Value(2));
  EXPECT_EQ(r.row(0)[1], Value(NodeRef{0}));
  EXPECT_EQ(r.row(1)[1], Value(NodeRef{3}));
}

TEST(AlgoCall, ImplicitArgumentsComeFromParameters) {
  Database db = make_db(kCycles);
  Result r = db.execute("CALL ergo.khop", {{"source", Value(NodeRef{0})}, {"k", Value(1)}});
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"node", "distance"}));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.row(0)[0], Value(NodeRef{1}));
  r = db.execute("CALL ergo.khop", {{"source", Value(NodeRef{0})}, {"k", Value(1)},
                                    {"config", Value(Map{{"direction", Value("both")}})}});
  EXPECT_EQ(r.size(), 3u);  // B, C, F
  Error e = error_of(db, "CALL ergo.khop", {{"k", Value(1)}});
  EXPECT_EQ(e.code(), "MissingParameter");
  EXPECT_EQ(e.kind(), ErrorKind::semantic_error);
  EXPECT_NE(e.message().find("$source"), std::string::npos) << e.message();
}

TEST(AlgoCall, YieldedNodesJoinWithMatchAndOrder) {
  Database db = make_db(kCycles);
  Result r = db.execute(
      "CALL ergo.pageRank({tolerance: 0, maxIterations: 200}) YIELD node, score "
      "MATCH (node)-[:T]->(next) RETURN node.name AS from, next.name AS to, round(score, 3) AS score "
      "ORDER BY score DESC, to LIMIT 3");
  EXPECT_EQ(column(r, 0), (std::vector<std::string>{"D", "E", "C"}));
  EXPECT_EQ(column(r, 1), (std::vector<std::string>{"E", "D", "A"}));
  EXPECT_EQ(r.row(0)[2], Value(2.056));

  r = db.execute(
      "MATCH (p:P) WHERE p.name IN ['A', 'D'] "
      "CALL ergo.degree({direction: 'both'}) YIELD node, score WHERE node = p "
      "RETURN p.name, score ORDER BY p.name");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.row(0), (std::vector<Value>{Value("A"), Value(3)}));
  EXPECT_EQ(r.row(1), (std::vector<Value>{Value("D"), Value(3)}));
}

TEST(AlgoCall, ArgumentsAreExpressionsAndParameters) {
  Database db = make_db(kCycles);
  // Per row: k from UNWIND.
  Result r = db.execute(
      "MATCH (a {name: 'A'}) UNWIND [0, 1, 2, 3] AS k "
      "CALL ergo.khop(a, k) YIELD node RETURN k, count(node) AS reached ORDER BY k");
  EXPECT_EQ(column(r, 1), (std::vector<std::string>{"1", "2", "3"}));  // k = 0 reaches nothing: no row
  EXPECT_EQ(column(r, 0), (std::vector<std::string>{"1", "2", "3"}));
  // Config values from variables, parameters and expressions.
  r = db.execute(
      "WITH 0.0 AS d CALL ergo.pageRank({dampingFactor: d, maxIterations: $n + 1, labels: [$label]}) "
      "YIELD score RETURN collect(DISTINCT score) AS scores",
      {{"n", Value(2)}, {"label", Value("P")}});
  EXPECT_EQ(r.row(0)[0], Value(List{Value(1.0)}));
  r = db.execute("CALL ergo.wcc($config) YIELD componentId RETURN max(componentId)",
                 {{"config", Value(Map{{"types", Value(List{Value("T")})}})}});
  EXPECT_EQ(r.row(0)[0], Value(1));
  // Null config means the defaults.
  EXPECT_EQ(db.execute("CALL ergo.wcc(null)").size(), 6u);
}

TEST(AlgoCall, ExplainShowsTheCall) {
  Database db = make_db(kCycles);
  Result r = db.execute("EXPLAIN CALL ergo.pageRank({types: ['T']}) YIELD node, score AS s RETURN node, s");
  std::string plan;
  for (const auto& row : r.rows()) plan += row[0].as_string() + "\n";
  EXPECT_NE(plan.find("ProcedureCall ergo.pageRank({types: ['T']}) YIELD node $0, score AS s $1"), std::string::npos)
      << plan;
}

struct Mistake {
  const char* query;
  ErrorKind kind;
  const char* code;
  const char* at;          // the text the caret must be under (its first occurrence)
  const char* mentions;    // part of the message
};

TEST(AlgoCall, MistakesAreReportedWithCodeAndPosition) {
  Database db = make_db(kCycles);
  const Mistake mistakes[] = {
      {"CALL ergo.pagerank()", ErrorKind::semantic_error, "ProcedureNotFound", "ergo.pagerank",
       "did you mean 'ergo.pageRank'?"},
      {"CALL ergo.pageRnk() YIELD node RETURN node", ErrorKind::semantic_error, "ProcedureNotFound", "ergo.pageRnk",
       "did you mean 'ergo.pageRank'?"},
      {"CALL db.schema.visualization()", ErrorKind::semantic_error, "ProcedureNotFound", "db.schema.visualization",
       "CALL ergo.procedures()"},
      {"CALL ergo.pageRank({}, 1)", ErrorKind::syntax_error, "InvalidNumberOfArguments", "1",
       "takes 0 to 1 arguments, got 2"},
      {"CALL ergo.khop()", ErrorKind::syntax_error, "InvalidNumberOfArguments", "ergo.khop", "takes 2 to 3 arguments"},
      {"MATCH (n) CALL ergo.khop(n, 'two') YIELD node RETURN node", ErrorKind::syntax_error, "InvalidArgumentType",
       "'two'", "k must be INTEGER, got STRING"},
      {"MATCH (n) CALL ergo.khop(n, n.name) YIELD node RETURN node", ErrorKind::type_error, "InvalidArgumentType",
       "n.name", "k must be INTEGER, got STRING"},
      {"MATCH ()-[r]->() CALL ergo.khop(r, 1) YIELD node RETURN node", ErrorKind::syntax_error,
       "InvalidArgumentType", "r, 1", "'r' is not a node"},
      {"CALL ergo.khop(null, 1)", ErrorKind::argument_error, "InvalidArgumentValue", "null", "source is null"},
      {"OPTIONAL MATCH (n:Nothing) CALL ergo.khop(n, 1) YIELD node RETURN node", ErrorKind::argument_error,
       "InvalidArgumentValue", "n, 1", "source is null"},
      {"CALL ergo.pageRank({dampingFactr: 0.5})", ErrorKind::argument_error, "InvalidArgumentValue", "dampingFactr",
       "did you mean 'dampingFactor'?"},
      {"CALL ergo.pageRank({maxIterations: 'ten'})", ErrorKind::syntax_error, "InvalidArgumentType", "'ten'",
       "'maxIterations' must be INTEGER, got STRING"},
      {"CALL ergo.pageRank({labels: [1]})", ErrorKind::syntax_error, "InvalidArgumentType", "[1]",
       "must be LIST<STRING>, got a LIST holding a INTEGER"},
      {"CALL ergo.wcc({direction: 'both'})", ErrorKind::argument_error, "InvalidArgumentValue", "direction",
       "has no config key 'direction' (it takes labels, types)"},
      {"CALL ergo.degree({direction: 'sideways'})", ErrorKind::argument_error, "InvalidArgumentValue", "direction",
       "must be one of 'out', 'in', 'both'"},
      {"WITH 'x' AS key CALL ergo.pageRank({dampingFactor: 1.5, labels: [key]}) YIELD node RETURN node",
       ErrorKind::argument_error, "NumberOutOfRange", "{dampingFactor", "'dampingFactor' must be from 0.0 to 1.0"},
      {"CALL ergo.pageRank() YIELD nod RETURN nod", ErrorKind::syntax_error, "UndefinedVariable", "nod",
       "has no field 'nod', did you mean 'node'?"},
      {"MATCH (node) CALL ergo.pageRank() YIELD node RETURN node", ErrorKind::syntax_error, "VariableAlreadyBound",
       "node RETURN", "'node' is already defined"},
      {"CALL ergo.pageRank() YIELD node AS x, score AS x RETURN x", ErrorKind::syntax_error, "VariableAlreadyBound",
       "x RETURN", "'x' is already defined"},
      {"MATCH (n) CALL ergo.pageRank() RETURN n", ErrorKind::syntax_error, "UnexpectedSyntax", "ergo.pageRank",
       "needs YIELD"},
      {"MATCH (n) CALL ergo.khop(n, count(n)) YIELD node RETURN node", ErrorKind::syntax_error, "InvalidAggregation",
       "count(n)", "aggregates"},
  };
  for (const Mistake& m : mistakes) {
    SCOPED_TRACE(m.query);
    Error e = error_of(db, m.query);
    EXPECT_EQ(e.kind(), m.kind) << e.rendered();
    EXPECT_EQ(e.code(), m.code) << e.rendered();
    EXPECT_EQ(e.line(), 1u);
    EXPECT_EQ(e.column(), std::string(m.query).find(m.at) + 1) << e.rendered();
    EXPECT_NE(e.message().find(m.mentions), std::string::npos) << e.message();
    EXPECT_NE(e.rendered().find('^'), std::string::npos) << e.rendered();
  }
  // A config map given as a parameter is checked when the call runs, and
  // the error placed under the parameter.
  const std::string q = "CALL ergo.pageRank($config) YIELD node RETURN node";
  Error e = error_of(db, q, {{"config", Value(Map{{"dampingFactr", Value(0.5)}})}});
  EXPECT_EQ(e.code(), "InvalidArgumentValue");
  EXPECT_EQ(e.column(), q.find("$config") + 1);
}

}  // namespace
}  // namespace ergo
