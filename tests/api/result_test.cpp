// ergo::Result and Row as an embedder reads them: iterating rows as views,
// cells by position and by column name, typed values from queries (nodes,
// relationships, paths, lists, maps, dates), wrong-type access, and the
// errors of a detached result, an unknown id, an unknown column and an
// out-of-range row or cell. Value, Date and Error alone: value_test.cpp.
#include <gtest/gtest.h>

#include <functional>
#include <iterator>
#include <ranges>
#include <stdexcept>
#include <thread>
#include <type_traits>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::bundled;
using api_test::error_of;

static_assert(std::forward_iterator<RowIterator>);
static_assert(std::ranges::forward_range<const Result>);

TEST(Result, IterateRowsAsViews) {
  Result r = bundled().execute("UNWIND [3, 1, 2] AS x RETURN x, x * 10 AS tens ORDER BY x");
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"x", "tens"}));
  std::size_t expected_index = 0;
  for (const Row& row : r) {
    EXPECT_EQ(row.index(), expected_index);
    EXPECT_EQ(row.size(), 2u);
    EXPECT_EQ(row[0].as_int(), static_cast<std::int64_t>(expected_index + 1));
    EXPECT_EQ(row["tens"].as_int(), row[0].as_int() * 10);
    EXPECT_EQ(&row.values(), &r.row(row.index()));  // a view, not a copy
    EXPECT_EQ(&row.result(), &r);
    ++expected_index;
  }
  EXPECT_EQ(expected_index, 3u);
  EXPECT_EQ(std::distance(r.begin(), r.end()), 3);
  EXPECT_EQ(std::ranges::distance(r), 3);

  std::vector<std::int64_t> cells;
  for (const Value& v : r.at(2)) cells.push_back(v.as_int());
  EXPECT_EQ(cells, (std::vector<std::int64_t>{3, 30}));
}

TEST(Result, ColumnsByName) {
  Result r = bundled().execute("RETURN 1 AS one, 'two' AS `second column`");
  EXPECT_EQ(r.column_index("one"), 0u);
  EXPECT_EQ(r.column_index("second column"), 1u);
  EXPECT_EQ(r.column_index("three"), std::nullopt);
  Row row = r.at(0);
  EXPECT_EQ(row.at("second column").as_string(), "two");
  Error e = error_of([&] { (void)row["three"]; });
  EXPECT_EQ(e.kind(), ErrorKind::argument_error);
  EXPECT_EQ(e.message(), "no column named 'three' (the columns are: one, second column)");
  EXPECT_EQ(std::string(e.what()), e.message());
  EXPECT_EQ(e.line(), 0u);
  EXPECT_EQ(e.code(), "");
  // at(name) is operator[](name); names match exactly (case and all).
  Error by_at = error_of([&] { (void)row.at("ONE"); });
  EXPECT_EQ(by_at.kind(), ErrorKind::argument_error);
  EXPECT_EQ(by_at.message(), "no column named 'ONE' (the columns are: one, second column)");
  EXPECT_EQ(row.at("one").as_int(), 1);
  EXPECT_EQ(&row.at("one"), &row[0]);
}

TEST(Result, OutOfRangeRowsAndCells) {
  // Positions are checked as std::vector::at checks them: std::out_of_range,
  // not ergo::Error (the one failure of the API that is not an ergo::Error).
  Result r = bundled().execute("RETURN 1 AS one");
  EXPECT_THROW(r.at(1), std::out_of_range);
  EXPECT_THROW(r.row(1), std::out_of_range);
  EXPECT_THROW(r.at(0).at(1), std::out_of_range);
  EXPECT_THROW(r.at(0).at(std::size_t{1'000'000}), std::out_of_range);
  static_assert(!std::is_base_of_v<std::out_of_range, Error>);
  Result empty;
  EXPECT_THROW(empty.at(0), std::out_of_range);
  EXPECT_THROW(empty.row(0), std::out_of_range);
  EXPECT_EQ(r.at(0).at(0).as_int(), 1);
}

TEST(Result, NodesAndRelationships) {
  Result r = bundled().execute(
      "MATCH (i:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(o) WHERE r.amount IS NOT NULL RETURN i, r, o");
  ASSERT_EQ(r.size(), 1u);
  const Row row = r.at(0);
  NodeRef investor = row["i"].as_node();
  RelationshipRef invests = row["r"].as_relationship();
  NodeRef openai = row["o"].as_node();

  EXPECT_EQ(r.labels(investor), std::vector<std::string>{"Company"});
  std::vector<std::string> labels = r.labels(openai);
  EXPECT_EQ(labels.size(), 2u);
  EXPECT_EQ(r.property(investor, "name").as_string(), "Microsoft");
  EXPECT_TRUE(r.property(investor, "no such key").is_null());
  Map props = r.properties(investor);
  ASSERT_FALSE(props.empty());
  EXPECT_TRUE(std::is_sorted(props.begin(), props.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; }));

  EXPECT_EQ(r.type(invests), "INVESTS_IN");
  EXPECT_EQ(r.start_node(invests), investor);
  EXPECT_EQ(r.end_node(invests), openai);
  EXPECT_EQ(r.property(invests, "amount").as_int(), 1'000'000'000);
  EXPECT_EQ(r.property(invests, "currency").as_string(), "USD");
  EXPECT_EQ(r.property(invests, "source").as_string(), "001_009795713d7dc0a1");
  EXPECT_EQ(r.property(invests, "line").as_int(), 4);
  Date date = r.property(invests, "date").as_date();
  EXPECT_EQ(date.year(), 2019);
  EXPECT_EQ(date.month(), 7);
  EXPECT_EQ(date.day(), 22);
  EXPECT_EQ(date.to_string(), "2019-07-22");
  EXPECT_EQ(r.properties(invests).size(), 6u);
}

TEST(Result, Paths) {
  Result r = bundled().execute(
      "MATCH p = (:Person {name: 'Sam Altman'})-[:CEO_OF]->(:Company) RETURN p, length(p) AS hops LIMIT 1");
  ASSERT_EQ(r.size(), 1u);
  const PathRef& p = r.at(0)["p"].as_path();
  ASSERT_EQ(p.nodes.size(), 2u);
  ASSERT_EQ(p.relationships.size(), 1u);
  EXPECT_EQ(r.at(0)["hops"].as_int(), 1);
  EXPECT_EQ(r.property(p.nodes[0], "name").as_string(), "Sam Altman");
  EXPECT_EQ(r.type(p.relationships[0]), "CEO_OF");
  EXPECT_EQ(r.start_node(p.relationships[0]), p.nodes[0]);
  EXPECT_EQ(r.end_node(p.relationships[0]), p.nodes[1]);
}

TEST(Result, ListsMapsDatesAndScalars) {
  Result r = bundled().execute(
      "RETURN [1, 2.5, 'x', null] AS l, {b: [true], a: 1} AS m, date('2024-02-29') AS d, "
      "true AS b, 7 AS i, 0.5 AS f, 'text' AS s, null AS n");
  const Row row = r.at(0);
  const List& l = row["l"].as_list();
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l[0].as_int(), 1);
  EXPECT_DOUBLE_EQ(l[1].as_double(), 2.5);
  EXPECT_EQ(l[2].as_string(), "x");
  EXPECT_TRUE(l[3].is_null());
  const Map& m = row["m"].as_map();
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].first, "a");  // sorted by key
  EXPECT_EQ(m[1].second.as_list()[0].as_bool(), true);
  EXPECT_EQ(row["d"].as_date(), Date::from_ymd(2024, 2, 29));
  EXPECT_TRUE(row["b"].as_bool());
  EXPECT_EQ(row["i"].as_int(), 7);
  EXPECT_DOUBLE_EQ(row["i"].as_double(), 7.0);  // an integer reads as double too
  EXPECT_DOUBLE_EQ(row["f"].as_double(), 0.5);
  EXPECT_EQ(row["s"].as_string(), "text");
  EXPECT_TRUE(row["n"].is_null());
  EXPECT_EQ(row["n"].type(), Value::Type::null);
  EXPECT_EQ(row["l"].type(), Value::Type::list);
  ASSERT_NE(row["s"].get_if<std::string>(), nullptr);
  EXPECT_EQ(row["s"].get_if<std::int64_t>(), nullptr);
  EXPECT_EQ(row["m"].to_cypher(), "{a: 1, b: [true]}");
}

TEST(Result, WrongTypeAccessIsATypeError) {
  Result r = bundled().execute("RETURN 'text' AS s, 1 AS i, null AS n");
  const Row row = r.at(0);
  Error e = error_of([&] { row["s"].as_int(); });
  EXPECT_EQ(e.kind(), ErrorKind::type_error);
  EXPECT_EQ(e.message(), "expected a value of type INTEGER, got STRING");
  EXPECT_EQ(error_of([&] { row[2].as_string(); }).message(), "expected a value of type STRING, got NULL");
  EXPECT_EQ(error_of([&] { row.at(1).as_date(); }).message(), "expected a value of type DATE, got INTEGER");
  EXPECT_EQ(error_of([&] { row["i"].as_string(); }).kind(), ErrorKind::type_error);
  EXPECT_EQ(error_of([&] { row["n"].as_bool(); }).kind(), ErrorKind::type_error);
  EXPECT_EQ(error_of([&] { row["i"].as_node(); }).kind(), ErrorKind::type_error);
  EXPECT_EQ(error_of([&] { row["i"].as_relationship(); }).kind(), ErrorKind::type_error);
  EXPECT_EQ(error_of([&] { row["i"].as_path(); }).kind(), ErrorKind::type_error);
  EXPECT_EQ(error_of([&] { row["i"].as_list(); }).kind(), ErrorKind::type_error);
  EXPECT_EQ(error_of([&] { row["i"].as_map(); }).kind(), ErrorKind::type_error);
  EXPECT_EQ(error_of([&] { row["i"].as_date(); }).kind(), ErrorKind::type_error);
  EXPECT_EQ(error_of([&] { row["s"].as_double(); }).kind(), ErrorKind::type_error);
}

TEST(Result, DetachedResultAndUnknownIds) {
  Result empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_TRUE(empty.columns().empty());
  EXPECT_EQ(empty.begin(), empty.end());
  EXPECT_TRUE(empty.rows().empty());
  EXPECT_TRUE(empty.warnings().empty());
  EXPECT_FALSE(empty.stats().contains_updates());
  EXPECT_EQ(empty.column_index("x"), std::nullopt);
  for (const std::function<void()>& f : std::vector<std::function<void()>>{
           [&] { empty.labels(NodeRef{0}); },
           [&] { empty.properties(NodeRef{0}); },
           [&] { empty.property(NodeRef{0}, "name"); },
           [&] { empty.type(RelationshipRef{0}); },
           [&] { empty.start_node(RelationshipRef{0}); },
           [&] { empty.end_node(RelationshipRef{0}); },
           [&] { empty.properties(RelationshipRef{0}); },
           [&] { empty.property(RelationshipRef{0}, "name"); }}) {
    Error e = error_of(f);
    EXPECT_EQ(e.kind(), ErrorKind::runtime_error);
    EXPECT_EQ(e.message(), "this result is not attached to a database");
  }

  Result r = bundled().execute("RETURN 1 AS one");
  EXPECT_EQ(error_of([&] { r.labels(NodeRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.properties(NodeRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.property(NodeRef{1'000'000}, "name"); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.type(RelationshipRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.start_node(RelationshipRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.end_node(RelationshipRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.properties(RelationshipRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.property(RelationshipRef{1'000'000}, "x"); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.labels(NodeRef{86}); }).message(), "this result has no such node or relationship");
  EXPECT_EQ(error_of([&] { r.type(RelationshipRef{162}); }).message(), "this result has no such node or relationship");
  // A Result answers for the elements its rows hold, and the nodes at the
  // ends of their relationships; not for the rest of the graph.
  EXPECT_EQ(error_of([&] { r.labels(NodeRef{85}); }).message(), "this result has no such node or relationship");
  Result one = bundled().execute("MATCH ()-[r]->() WHERE id(r) = 161 RETURN r");
  EXPECT_FALSE(one.type(RelationshipRef{161}).empty());
  EXPECT_FALSE(one.labels(one.start_node(RelationshipRef{161})).empty());
  EXPECT_FALSE(one.labels(one.end_node(RelationshipRef{161})).empty());
}

// A Result answers from the graph as it was when its query ran: later
// commits — a SET, a REMOVE, a DETACH DELETE — do not show through it.
TEST(Result, AnswersFromTheStateItsQueryRan) {
  Database db;
  db.execute("CREATE (a:Company {name: 'Acme', founded: 1999})-[:OWNS {since: 2001}]->(b:Product {name: 'Anvil'})");
  Result before = db.execute("MATCH (a)-[r:OWNS]->(b) RETURN a, r, [b] AS bs, {p: [p = (a)-->() | p]} AS m");
  const NodeRef a = before.rows()[0][0].as_node();
  const RelationshipRef r = before.rows()[0][1].as_relationship();
  db.execute("MATCH (a:Company) SET a.founded = 2000, a:Old REMOVE a:Company SET a.name = 'Acme Corp'");
  db.execute("MATCH (b:Product) DETACH DELETE b");
  EXPECT_EQ(before.labels(a), (std::vector<std::string>{"Company"}));
  EXPECT_EQ(before.property(a, "founded"), Value(1999));
  EXPECT_EQ(before.property(a, "name"), Value("Acme"));
  EXPECT_EQ(before.type(r), "OWNS");
  EXPECT_EQ(before.property(r, "since"), Value(2001));
  const NodeRef b = before.end_node(r);
  EXPECT_EQ(before.property(b, "name"), Value("Anvil"));
  EXPECT_EQ(before.rows()[0][2].as_list().at(0).as_node(), b);
  Result after = db.execute("MATCH (a:Old) RETURN a");
  EXPECT_EQ(after.labels(after.rows()[0][0].as_node()), (std::vector<std::string>{"Old"}));
  EXPECT_EQ(after.property(after.rows()[0][0].as_node(), "founded"), Value(2000));
}

TEST(Result, MadeByHandForTheEngine) {
  // The engine's constructor: rows and columns as given, no graph attached.
  Result r({"a", "b"}, {{Value(1), Value("x")}, {Value(2), Value()}}, QueryStats{1, 2, 3, 4}, nullptr,
           {"a warning"});
  EXPECT_EQ(r.columns(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.size(), 2u);
  EXPECT_EQ(r.rows()[1][0].as_int(), 2);
  EXPECT_EQ(r.at(0)["b"].as_string(), "x");
  EXPECT_EQ(r.stats().nodes_created, 1u);
  EXPECT_EQ(r.stats().relationships_created, 2u);
  EXPECT_EQ(r.stats().labels_added, 3u);
  EXPECT_EQ(r.stats().properties_set, 4u);
  EXPECT_EQ(r.warnings(), std::vector<std::string>{"a warning"});
  EXPECT_EQ(error_of([&] { r.labels(NodeRef{0}); }).message(), "this result is not attached to a database");
}

TEST(Result, QueryStatsContainsUpdates) {
  EXPECT_FALSE(QueryStats{}.contains_updates());
  EXPECT_TRUE((QueryStats{1, 0, 0, 0}.contains_updates()));
  EXPECT_TRUE((QueryStats{0, 1, 0, 0}.contains_updates()));
  EXPECT_TRUE((QueryStats{0, 0, 1, 0}.contains_updates()));
  EXPECT_TRUE((QueryStats{0, 0, 0, 1}.contains_updates()));
}

TEST(Row, IteratorAndDefaults) {
  Result r = bundled().execute("UNWIND ['a', 'b', 'c'] AS x RETURN x");
  RowIterator it = r.begin();
  RowIterator old = it++;  // post-increment returns the position before
  EXPECT_EQ((*old)[0].as_string(), "a");
  EXPECT_EQ((*it)[0].as_string(), "b");
  EXPECT_EQ((*++it)[0].as_string(), "c");
  EXPECT_EQ((*it).index(), 2u);
  EXPECT_NE(it, r.end());
  EXPECT_EQ(++it, r.end());
  EXPECT_EQ(RowIterator(), RowIterator());

  const Row row = r.at(1);
  EXPECT_EQ(row.values(), (std::vector<Value>{Value("b")}));
  EXPECT_EQ(std::distance(row.begin(), row.end()), 1);
  EXPECT_EQ(*row.begin(), Value("b"));
  Row copy = row;  // still a view into r
  EXPECT_EQ(&copy.values(), &r.row(1));
  EXPECT_EQ(Row().index(), 0u);
}

TEST(Result, WarningsForUnknownLabels) {
  Result r = bundled().execute("MATCH (x:NoSuchLabel) RETURN x");
  EXPECT_TRUE(r.empty());
  ASSERT_FALSE(r.warnings().empty());
  EXPECT_NE(r.warnings()[0].find("NoSuchLabel"), std::string::npos) << r.warnings()[0];
}

TEST(Result, ManyRowsReadInOrderByPositionAndAsVectors) {
  // Rows are kept in chunks that grow (1 row, 8, 16, ... up to a cap): an
  // answer of 50,000 rows spans many, and every way of reading a row — in
  // order, by position, as vectors — gives the same cells, also after a
  // copy, a move and an assignment.
  Result r = bundled().execute("UNWIND range(0, 49999) AS i RETURN i, i * 2 AS twice, toString(i) AS text");
  ASSERT_EQ(r.size(), 50000u);
  std::int64_t expected = 0;
  for (const Row& row : r) {
    ASSERT_EQ(row.index(), static_cast<std::size_t>(expected));
    ASSERT_EQ(row.size(), 3u);
    ASSERT_EQ(row[0].as_int(), expected);
    ASSERT_EQ(row["twice"].as_int(), 2 * expected);
    ASSERT_EQ(row[2].as_string(), std::to_string(expected));
    ++expected;
  }
  EXPECT_EQ(expected, 50000);
  for (std::size_t i : {0u, 1u, 8u, 9u, 24u, 25u, 4095u, 4096u, 12345u, 49999u}) {
    EXPECT_EQ(r.at(i)[0].as_int(), static_cast<std::int64_t>(i));
    EXPECT_EQ(r.at(i).index(), i);
  }
  EXPECT_THROW((void)r.at(50000), std::out_of_range);
  Result copy = r;
  const std::vector<std::vector<Value>>& rows = copy.rows();
  ASSERT_EQ(rows.size(), 50000u);
  for (std::size_t i = 0; i < rows.size(); i += 997) {
    EXPECT_EQ(rows[i], (std::vector<Value>{Value(static_cast<std::int64_t>(i)), Value(static_cast<std::int64_t>(2 * i)),
                                           Value(std::to_string(i))}));
    EXPECT_EQ(&copy.row(i), &rows[i]);             // made once, then kept
    EXPECT_EQ(&copy.at(i).values(), &rows[i]);
  }
  Result moved = std::move(copy);
  EXPECT_EQ(&moved.rows(), &rows);  // a move keeps the vectors made
  Result assigned;
  assigned = moved;
  EXPECT_EQ(assigned.rows(), rows);
  assigned = Result({"x"}, {{Value(1)}}, {}, nullptr);
  EXPECT_EQ(assigned.size(), 1u);
  EXPECT_EQ(assigned.row(0), std::vector<Value>{Value(1)});
}

TEST(Result, RowsAsVectorsFromSeveralThreadsAtOnce) {
  // The first reader to ask makes them; every reader gets the same.
  Result r = bundled().execute("UNWIND range(1, 3000) AS i RETURN i");
  std::vector<const std::vector<std::vector<Value>>*> seen(4);
  std::vector<std::thread> readers;
  for (std::size_t t = 0; t < seen.size(); ++t) readers.emplace_back([&, t] { seen[t] = &r.rows(); });
  for (std::thread& t : readers) t.join();
  for (const auto* s : seen) EXPECT_EQ(s, seen[0]);
  EXPECT_EQ(seen[0]->size(), 3000u);
  EXPECT_EQ((*seen[0])[2999][0].as_int(), 3000);
}

TEST(Result, RowsWithoutColumnsAndRowsOfTheWrongWidth) {
  Result r({}, {{}, {}}, {}, nullptr);
  EXPECT_EQ(r.size(), 2u);
  std::size_t n = 0;
  for (const Row& row : r) {
    EXPECT_EQ(row.size(), 0u);
    EXPECT_EQ(row.begin(), row.end());
    ++n;
  }
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(r.rows(), (std::vector<std::vector<Value>>{{}, {}}));
  Error e = error_of([] { Result({"a", "b"}, {{Value(1)}}, {}, nullptr); });
  EXPECT_EQ(e.kind(), ErrorKind::argument_error);
  EXPECT_EQ(e.message(), "a result row has 1 cells for 2 columns");
}

TEST(Result, CopiesShareTheGraph) {
  Result r = bundled().execute("MATCH (c:Company {name: 'OpenAI'}) RETURN c");
  Result copy = r;
  EXPECT_EQ(copy.rows(), r.rows());
  EXPECT_EQ(copy.property(copy.row(0)[0].as_node(), "name").as_string(), "OpenAI");
}

}  // namespace
}  // namespace ergo
