// Tests of the TCK value-notation parser and renderer: every form the TCK
// writes in expected results, and clear errors for malformed text.
#include "tools/tck/value_parser.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace ergo::tck {
namespace {

TckValue parse(const char* text) { return parse_tck_value(text); }

TEST(TckValueParser, Scalars) {
  EXPECT_TRUE(parse("null").is_null());
  EXPECT_EQ(*parse("true").get_if<bool>(), true);
  EXPECT_EQ(*parse(" false ").get_if<bool>(), false);
  EXPECT_EQ(*parse("42").get_if<std::int64_t>(), 42);
  EXPECT_EQ(*parse("-9223372036854775808").get_if<std::int64_t>(), INT64_MIN);
  EXPECT_EQ(*parse("1.0").get_if<double>(), 1.0);
  EXPECT_EQ(*parse(".5").get_if<double>(), 0.5);
  EXPECT_EQ(*parse("-1e10").get_if<double>(), -1e10);
  EXPECT_EQ(*parse("1E+3").get_if<double>(), 1000.0);
  EXPECT_EQ(*parse("1.2635418652381264e305").get_if<double>(), 1.2635418652381264e305);
  EXPECT_EQ(*parse("1e-305").get_if<double>(), 1e-305);
  EXPECT_TRUE(std::isnan(*parse("NaN").get_if<double>()));
  EXPECT_EQ(*parse("Inf").get_if<double>(), INFINITY);
  EXPECT_EQ(*parse("-Infinity").get_if<double>(), -INFINITY);
  // An integer and a float are different values, even when numerically equal.
  EXPECT_FALSE(values_equal(parse("1"), parse("1.0")));
}

TEST(TckValueParser, Strings) {
  EXPECT_EQ(*parse("''").get_if<std::string>(), "");
  EXPECT_EQ(*parse("'it\\'s'").get_if<std::string>(), "it's");
  // The TCK's Literals6 [5], after Gherkin unescaping.
  EXPECT_EQ(*parse(R"('a\\bcn5t\'"\\//\\"\'')").get_if<std::string>(), R"(a\bcn5t'"\//\"')");
  EXPECT_EQ(*parse("'\\u00e9\\n'").get_if<std::string>(), "\xC3\xA9\n");
  EXPECT_EQ(*parse("'한국어'").get_if<std::string>(), "한국어");
}

TEST(TckValueParser, ListsAndMaps) {
  TckValue v = parse("[1, 'a', [], {k: [2.5, null]}, {}]");
  const TckList& l = *v.get_if<TckList>();
  ASSERT_EQ(l.size(), 5u);
  EXPECT_TRUE(l[2].get_if<TckList>()->empty());
  const TckMap& m = *l[3].get_if<TckMap>();
  EXPECT_EQ(render(m.at("k")), "[2.5, null]");
  EXPECT_EQ(render(parse("{b: 1, a: 2, `odd key`: 3}")), "{a: 2, b: 1, `odd key`: 3}");
}

TEST(TckValueParser, NodesAndRelationships) {
  TckValue n = parse("(:B:A {name: 'x', age: 3})");
  const TckNode& node = *n.get_if<TckNode>();
  EXPECT_EQ(node.labels, (std::vector<std::string>{"A", "B"}));  // a set
  EXPECT_EQ(render(n), "(:A:B {age: 3, name: 'x'})");
  EXPECT_TRUE(values_equal(parse("(:A:B)"), parse("(:B:A)")));
  EXPECT_FALSE(values_equal(parse("(:A)"), parse("(:A {k: 1})")));
  EXPECT_EQ(render(parse("()")), "()");
  TckValue r = parse("[:T {w: 1.5}]");
  EXPECT_EQ(r.get_if<TckRelationship>()->type, "T");
  EXPECT_EQ(render(parse("[[:X], [:Y]]")), "[[:X], [:Y]]");  // a list of relationships
  EXPECT_EQ(render(parse("[ ]")), "[]");
}

TEST(TckValueParser, Paths) {
  TckValue p = parse("<(:A)-[:T]->(:B)<-[:U {k: 1}]-()>");
  const TckPath& path = *p.get_if<TckPath>();
  ASSERT_EQ(path.steps.size(), 2u);
  EXPECT_TRUE(path.steps[0].forward);
  EXPECT_FALSE(path.steps[1].forward);
  EXPECT_EQ(path.steps[1].relationship.type, "U");
  EXPECT_EQ(render(p), "<(:A)-[:T]->(:B)<-[:U {k: 1}]-()>");
  EXPECT_EQ(render(parse("<()>")), "<()>");
  EXPECT_FALSE(values_equal(parse("<(:A)-[:T]->(:B)>"), parse("<(:A)<-[:T]-(:B)>")));
  EXPECT_EQ(render(parse("[<({time: 20})<-[:T]-({time: 10})>]")), "[<({time: 20})<-[:T]-({time: 10})>]");
}

TEST(TckValueParser, RenderRoundTrips) {
  for (const char* text : {"null", "true", "-7", "1.0", "0.30000000000000004", "1e+308", "NaN", "-Inf", "'a\\'b\\\\'",
                           "[1, [2, {a: 'x'}]]", "(:L {k: [1, 2]})", "[:R {k: 'v'}]", "<(:A)-[:T]->(:B)>"}) {
    TckValue v = parse(text);
    EXPECT_TRUE(values_equal(v, parse_tck_value(render(v)))) << text << " -> " << render(v);
  }
}

TEST(TckValueParser, MalformedInputSaysWhatAndWhere) {
  for (const char* text : {"", "[1, 2", "{a 1}", "'open", "(:A", "[:T", "<(:A)-[:T]-(:B)>", "1.", "12abc", "1 2",
                           "nul", "{a: 1, a: 2}", "99999999999999999999", "'\\u12'", "(:A {k: })"}) {
    EXPECT_THROW(parse_tck_value(text), ValueSyntaxError) << text;
  }
  try {
    parse_tck_value("[1, 2");
    FAIL();
  } catch (const ValueSyntaxError& e) {
    EXPECT_EQ(std::string(e.what()), "expected ']' at offset 5 (found end of text) in `[1, 2`");
  }
}

TEST(TckValueEquality, NanFloatsAndListOrder) {
  EXPECT_TRUE(values_equal(parse("NaN"), parse("NaN")));
  EXPECT_TRUE(values_equal(parse("0.1"), TckValue{0.1}));
  EXPECT_FALSE(values_equal(parse("0.1"), TckValue{0.1 + 1e-17 * 3}));
  EXPECT_FALSE(values_equal(parse("[1, 2]"), parse("[2, 1]")));
  EXPECT_TRUE(values_equal(parse("[1, 2]"), parse("[2, 1]"), ListOrder::unordered));
  EXPECT_TRUE(values_equal(parse("{k: [[1, 2], 3]}"), parse("{k: [3, [2, 1]]}"), ListOrder::unordered));
  EXPECT_FALSE(values_equal(parse("[1, 1, 2]"), parse("[1, 2, 2]"), ListOrder::unordered));
  EXPECT_FALSE(values_equal(parse("[1]"), parse("[1, 1]"), ListOrder::unordered));
  EXPECT_FALSE(values_equal(parse("{a: 1}"), parse("{a: 1, b: 2}")));
  EXPECT_FALSE(values_equal(parse("'1'"), parse("1")));
}

}  // namespace
}  // namespace ergo::tck
