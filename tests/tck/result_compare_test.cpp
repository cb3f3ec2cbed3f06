// Tests of result comparison: column names, any order vs in order, list
// element order, and actual ergo values (nodes, relationships, paths) turned
// into TCK values through a fake graph.
#include "tools/tck/result_compare.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "tools/tck/convert.hpp"
#include "tools/tck/value_parser.hpp"

namespace ergo::tck {
namespace {

ExpectedTable expected(const Table& t) { return parse_expected_table(t); }

ActualTable actual(std::vector<std::string> columns, std::vector<std::vector<TckValue>> rows) {
  return ActualTable{std::move(columns), std::move(rows)};
}

TEST(TckCompareTables, AnyOrderIsAMultiset) {
  ExpectedTable e = expected({{"x", "y"}, {"1", "'a'"}, {"2", "'b'"}, {"2", "'b'"}});
  EXPECT_FALSE(compare_tables(e, actual({"x", "y"}, {{2, "b"}, {1, "a"}, {2, "b"}}), RowOrder::any, ListOrder::ordered));
  auto m = compare_tables(e, actual({"x", "y"}, {{2, "b"}, {1, "a"}, {1, "a"}}), RowOrder::any, ListOrder::ordered);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->summary, "expected 3 rows, got 3; missing | 2 | 'b' | (+1 more)");
  EXPECT_NE(m->details.find("unexpected: | 1 | 'a' |"), std::string::npos) << m->details;
}

TEST(TckCompareTables, InOrderIsASequence) {
  ExpectedTable e = expected({{"x"}, {"1"}, {"2"}});
  EXPECT_FALSE(compare_tables(e, actual({"x"}, {{1}, {2}}), RowOrder::in_order, ListOrder::ordered));
  auto m = compare_tables(e, actual({"x"}, {{2}, {1}}), RowOrder::in_order, ListOrder::ordered);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->summary, "rows in the wrong order: row 1 expected | 1 |, got | 2 |");
  EXPECT_FALSE(compare_tables(e, actual({"x"}, {{2}, {1}}), RowOrder::any, ListOrder::ordered));
}

TEST(TckCompareTables, ColumnsMustMatchInOrder) {
  ExpectedTable e = expected({{"a", "b"}});
  auto m = compare_tables(e, actual({"b", "a"}, {}), RowOrder::any, ListOrder::ordered);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->summary, "columns differ: expected [a, b], got [b, a]");
  EXPECT_FALSE(compare_tables(e, actual({"a", "b"}, {}), RowOrder::any, ListOrder::ordered));  // header only: no rows
  EXPECT_TRUE(compare_tables(e, actual({"a", "b"}, {{1, 2}}), RowOrder::any, ListOrder::ordered));
}

TEST(TckCompareTables, ListElementOrder) {
  ExpectedTable e = expected({{"l"}, {"[1, 2, [3, 4]]"}});
  TckValue shuffled = TckList{TckList{4, 3}, 2, 1};
  EXPECT_TRUE(compare_tables(e, actual({"l"}, {{shuffled}}), RowOrder::any, ListOrder::ordered));
  EXPECT_FALSE(compare_tables(e, actual({"l"}, {{shuffled}}), RowOrder::any, ListOrder::unordered));
}

TEST(TckCompareTables, FloatsAndNaN) {
  ExpectedTable e = expected({{"f"}, {"NaN"}, {"0.30000000000000004"}, {"1.0"}});
  EXPECT_FALSE(compare_tables(e, actual({"f"}, {{std::nan("")}, {0.1 + 0.2}, {1.0}}), RowOrder::in_order,
                              ListOrder::ordered));
  EXPECT_TRUE(compare_tables(e, actual({"f"}, {{std::nan("")}, {0.3}, {1.0}}), RowOrder::in_order, ListOrder::ordered));
  EXPECT_TRUE(compare_tables(e, actual({"f"}, {{std::nan("")}, {0.1 + 0.2}, {1}}), RowOrder::in_order,
                             ListOrder::ordered));  // 1 is an integer
}

TEST(TckCompareTables, RendersTablesWithoutColumns) {
  EXPECT_EQ(render_table({}, {{}}), "  (no columns, 1 rows)\n");
  EXPECT_EQ(render_table({"a"}, {{1}}), "  | a |\n  | 1 |\n");
}

TEST(TckCompareTables, MalformedExpectedCellNamesRowAndColumn) {
  try {
    expected({{"a", "b"}, {"1", "[2"}});
    FAIL();
  } catch (const ValueSyntaxError& e) {
    EXPECT_NE(std::string(e.what()).find("expected row 1, column 'b'"), std::string::npos) << e.what();
  }
}

// A graph of three nodes and two relationships: (0:A {name:'a'})-[0:T]->(1:B), (2)-[1:U {w: 1}]->(1).
class FakeGraph final : public GraphView {
 public:
  std::vector<std::string> labels(NodeRef n) const override {
    static const std::vector<std::string> l[] = {{"A"}, {"B", "C"}, {}};
    return l[n.id];
  }
  Map properties(NodeRef n) const override {
    if (n.id == 0) return {{"name", Value("a")}};
    return {};
  }
  std::string type(RelationshipRef r) const override { return r.id == 0 ? "T" : "U"; }
  NodeRef start_node(RelationshipRef r) const override { return NodeRef{r.id == 0 ? 0u : 2u}; }
  NodeRef end_node(RelationshipRef) const override { return NodeRef{1}; }
  Map properties(RelationshipRef r) const override {
    if (r.id == 1) return {{"w", Value(1)}};
    return {};
  }
};

TEST(TckConvert, GraphElementsResolveToTheirContent) {
  FakeGraph g;
  EXPECT_TRUE(values_equal(to_tck_value(Value(NodeRef{0}), g), parse_tck_value("(:A {name: 'a'})")));
  EXPECT_TRUE(values_equal(to_tck_value(Value(NodeRef{1}), g), parse_tck_value("(:C:B)")));
  EXPECT_TRUE(values_equal(to_tck_value(Value(RelationshipRef{1}), g), parse_tck_value("[:U {w: 1}]")));
  List mixed{Value(1), Value(2.5), Value("s"), Value(nullptr), Value(true), Value(Map{{"k", Value(NodeRef{2})}})};
  EXPECT_TRUE(values_equal(to_tck_value(Value(mixed), g), parse_tck_value("[1, 2.5, 's', null, true, {k: ()}]")));
}

TEST(TckConvert, DatesBecomeStringsAsInTheTck) {
  FakeGraph g;
  Value d(*Date::from_ymd(1910, 5, 6));
  EXPECT_TRUE(values_equal(to_tck_value(d, g), parse_tck_value("'1910-05-06'")));
}

TEST(TckConvert, PathDirectionsComeFromTheRelationships) {
  FakeGraph g;
  PathRef p{{NodeRef{0}, NodeRef{1}, NodeRef{2}}, {RelationshipRef{0}, RelationshipRef{1}}};
  TckValue v = to_tck_value(Value(p), g);
  EXPECT_EQ(render(v), "<(:A {name: 'a'})-[:T]->(:B:C)<-[:U {w: 1}]-()>");
  EXPECT_TRUE(values_equal(v, parse_tck_value("<(:A {name: 'a'})-[:T]->(:B:C)<-[:U {w: 1}]-()>")));
  EXPECT_FALSE(values_equal(v, parse_tck_value("<(:A {name: 'a'})-[:T]->(:B:C)-[:U {w: 1}]->()>")));
  PathRef broken{{NodeRef{0}, NodeRef{2}}, {RelationshipRef{0}}};
  EXPECT_THROW(to_tck_value(Value(broken), g), ConversionError);
}

TEST(TckConvert, ParametersBecomeErgoValues) {
  Value v = to_ergo_value(parse_tck_value("{b: [1, 2.5, 'x', null], a: true}"));
  EXPECT_EQ(v.to_cypher(), "{a: true, b: [1, 2.5, 'x', null]}");
  EXPECT_THROW(to_ergo_value(parse_tck_value("(:A)")), ConversionError);
}

}  // namespace
}  // namespace ergo::tck
