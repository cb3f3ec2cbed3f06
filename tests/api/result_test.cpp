// ergo::Result, Row and Value as an embedder reads them: iterating rows as
// views, cells by position and by column name, typed values (nodes,
// relationships, paths, lists, maps, dates), wrong-type access, and the
// errors of a detached result or an unknown column.
#include <gtest/gtest.h>

#include <iterator>
#include <ranges>

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
  EXPECT_NE(e.message().find("'three'"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("second column"), std::string::npos) << e.message();
}

TEST(Result, OutOfRangeRowsAndCells) {
  Result r = bundled().execute("RETURN 1 AS one");
  EXPECT_THROW(r.at(1), std::out_of_range);
  EXPECT_THROW(r.row(1), std::out_of_range);
  EXPECT_THROW(r.at(0).at(1), std::out_of_range);
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
  EXPECT_FALSE(e.message().empty());
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
  EXPECT_EQ(error_of([&] { empty.labels(NodeRef{0}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { empty.property(NodeRef{0}, "name"); }).kind(), ErrorKind::runtime_error);

  Result r = bundled().execute("RETURN 1 AS one");
  EXPECT_EQ(error_of([&] { r.labels(NodeRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.properties(NodeRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.property(NodeRef{1'000'000}, "name"); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.type(RelationshipRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.start_node(RelationshipRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.end_node(RelationshipRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.properties(RelationshipRef{1'000'000}); }).kind(), ErrorKind::runtime_error);
  EXPECT_EQ(error_of([&] { r.property(RelationshipRef{1'000'000}, "x"); }).kind(), ErrorKind::runtime_error);
}

TEST(Result, WarningsForUnknownLabels) {
  Result r = bundled().execute("MATCH (x:NoSuchLabel) RETURN x");
  EXPECT_TRUE(r.empty());
  ASSERT_FALSE(r.warnings().empty());
  EXPECT_NE(r.warnings()[0].find("NoSuchLabel"), std::string::npos) << r.warnings()[0];
}

TEST(Result, CopiesShareTheGraph) {
  Result r = bundled().execute("MATCH (c:Company {name: 'OpenAI'}) RETURN c");
  Result copy = r;
  EXPECT_EQ(copy.rows(), r.rows());
  EXPECT_EQ(copy.property(copy.row(0)[0].as_node(), "name").as_string(), "OpenAI");
}

TEST(Value, ConstructionAndEquality) {
  EXPECT_TRUE(Value().is_null());
  EXPECT_TRUE(Value(nullptr).is_null());
  EXPECT_EQ(Value(42).type(), Value::Type::integer);
  EXPECT_EQ(Value(std::int64_t{42}), Value(42));
  EXPECT_NE(Value(1), Value(1.0));  // identity of values, not Cypher's =
  EXPECT_EQ(Value("s").as_string(), "s");
  EXPECT_EQ(Value(std::string_view("sv")).as_string(), "sv");
  Value m(Map{{"b", Value(2)}, {"a", Value(1)}, {"b", Value(3)}});
  ASSERT_EQ(m.as_map().size(), 2u);
  EXPECT_EQ(m.as_map()[0].first, "a");
  EXPECT_EQ(m.as_map()[1].second.as_int(), 3);  // a repeated key keeps the last
  EXPECT_STREQ(type_name(Value::Type::relationship), "RELATIONSHIP");
  EXPECT_EQ(Value(NodeRef{3}).to_cypher(), "(#3)");
}

TEST(Value, Dates) {
  EXPECT_EQ(Date::parse("2024-02-30"), std::nullopt);
  EXPECT_EQ(Date::from_ymd(2023, 13, 1), std::nullopt);
  EXPECT_EQ(Date().to_string(), "1970-01-01");
  EXPECT_EQ(Date::from_days(1).to_string(), "1970-01-02");
  std::optional<Date> d = Date::parse("2019-07-22");
  ASSERT_TRUE(d);
  EXPECT_EQ(Date::from_days(d->days_since_epoch()), *d);
  EXPECT_LT(*Date::parse("2019-07-22"), *Date::parse("2019-07-23"));
}

TEST(Error, Fields) {
  Error e(ErrorKind::io_error, "cannot read", "x.kg:3:4: error: cannot read\n", "x.kg", 3, 4);
  e.with_code("Detail");
  EXPECT_EQ(e.kind(), ErrorKind::io_error);
  EXPECT_EQ(e.message(), "cannot read");
  EXPECT_EQ(e.file(), "x.kg");
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.column(), 4u);
  EXPECT_EQ(e.code(), "Detail");
  EXPECT_EQ(std::string(e.what()), e.rendered());
  EXPECT_EQ(std::string(Error(ErrorKind::runtime_error, "bare").what()), "bare");
  const std::pair<ErrorKind, const char*> names[] = {
      {ErrorKind::syntax_error, "SyntaxError"},     {ErrorKind::semantic_error, "SemanticError"},
      {ErrorKind::type_error, "TypeError"},         {ErrorKind::argument_error, "ArgumentError"},
      {ErrorKind::data_error, "DataError"},         {ErrorKind::io_error, "IOError"},
      {ErrorKind::runtime_error, "RuntimeError"}};
  for (const auto& [kind, name] : names) EXPECT_STREQ(kind_name(kind), name);
}

}  // namespace
}  // namespace ergo
