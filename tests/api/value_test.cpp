// ergo::Value, Date, NodeRef, RelationshipRef, PathRef, Params and Error on
// their own, without a database: every constructor and accessor of
// value.hpp, the exact error of each wrong-type access, Cypher notation,
// calendar edge cases, and the fields of error.hpp.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string_view>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::error_of;

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

TEST(Value, EveryConstructorAndItsAccessor) {
  const PathRef path{{NodeRef{1}, NodeRef{3}}, {RelationshipRef{2}}};
  const Date day = *Date::from_ymd(2019, 7, 22);

  EXPECT_EQ(Value().type(), Value::Type::null);
  EXPECT_EQ(Value(nullptr).type(), Value::Type::null);
  EXPECT_EQ(Value(true).type(), Value::Type::boolean);
  EXPECT_EQ(Value(true).as_bool(), true);
  EXPECT_EQ(Value(false).as_bool(), false);
  EXPECT_EQ(Value(-7).as_int(), -7);
  EXPECT_EQ(Value(std::numeric_limits<std::int64_t>::max()).as_int(), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(Value(2.5).type(), Value::Type::floating);
  EXPECT_EQ(Value(2.5).as_double(), 2.5);
  EXPECT_EQ(Value(3).as_double(), 3.0);  // an integer reads as a double too
  EXPECT_EQ(Value("c string").type(), Value::Type::string);
  EXPECT_EQ(Value(std::string("std::string")).as_string(), "std::string");
  EXPECT_EQ(Value(std::string_view("view")).as_string(), "view");
  EXPECT_EQ(Value(day).type(), Value::Type::date);
  EXPECT_EQ(Value(day).as_date(), day);
  EXPECT_EQ(Value(List{Value(1), Value("x")}).type(), Value::Type::list);
  EXPECT_EQ(Value(List{Value(1), Value("x")}).as_list(), (List{Value(1), Value("x")}));
  EXPECT_EQ(Value(Map{}).type(), Value::Type::map);
  EXPECT_TRUE(Value(Map{}).as_map().empty());
  EXPECT_EQ(Value(NodeRef{5}).type(), Value::Type::node);
  EXPECT_EQ(Value(NodeRef{5}).as_node(), NodeRef{5});
  EXPECT_EQ(Value(RelationshipRef{6}).type(), Value::Type::relationship);
  EXPECT_EQ(Value(RelationshipRef{6}).as_relationship(), RelationshipRef{6});
  EXPECT_EQ(Value(path).type(), Value::Type::path);
  EXPECT_EQ(Value(path).as_path(), path);

  // Implicit conversions, as Params and List literals use them.
  List converted{1, 2.5, "s", true, day, NodeRef{1}, nullptr};
  EXPECT_EQ(converted[0].type(), Value::Type::integer);
  EXPECT_EQ(converted[1].type(), Value::Type::floating);
  EXPECT_EQ(converted[2].type(), Value::Type::string);
  EXPECT_EQ(converted[3].type(), Value::Type::boolean);
  EXPECT_EQ(converted[4].type(), Value::Type::date);
  EXPECT_EQ(converted[5].type(), Value::Type::node);
  EXPECT_EQ(converted[6].type(), Value::Type::null);
}

TEST(Value, GetIfForEveryType) {
  const Value i(42), s("x"), l(List{Value(1)}), p(PathRef{{NodeRef{1}}, {}});
  ASSERT_NE(i.get_if<std::int64_t>(), nullptr);
  EXPECT_EQ(*i.get_if<std::int64_t>(), 42);
  EXPECT_EQ(i.get_if<double>(), nullptr);  // no conversion, unlike as_double()
  EXPECT_EQ(i.get_if<bool>(), nullptr);
  EXPECT_EQ(i.get_if<std::string>(), nullptr);
  EXPECT_EQ(*s.get_if<std::string>(), "x");
  EXPECT_EQ(s.get_if<Date>(), nullptr);
  EXPECT_EQ(l.get_if<List>()->size(), 1u);
  EXPECT_EQ(l.get_if<Map>(), nullptr);
  EXPECT_EQ(p.get_if<PathRef>()->nodes.size(), 1u);
  EXPECT_EQ(p.get_if<NodeRef>(), nullptr);
  EXPECT_EQ(p.get_if<RelationshipRef>(), nullptr);
  EXPECT_EQ(*Value(true).get_if<bool>(), true);
  EXPECT_EQ(*Value(0.5).get_if<double>(), 0.5);
  EXPECT_EQ(*Value(Date::from_days(3)).get_if<Date>(), Date::from_days(3));
  EXPECT_TRUE(Value(Map{{"k", Value(1)}}).get_if<Map>() != nullptr);
  EXPECT_EQ(Value(NodeRef{2}).get_if<NodeRef>()->id, 2u);
  EXPECT_EQ(Value(RelationshipRef{4}).get_if<RelationshipRef>()->id, 4u);
  EXPECT_EQ(Value().get_if<bool>(), nullptr);
  // The pointer is into the value itself.
  EXPECT_EQ(s.get_if<std::string>(), &s.as_string());
}

TEST(Value, WrongTypeAccessThrowsTypeErrorNamingBothTypes) {
  struct Case {
    Value value;
    std::function<void(const Value&)> access;
    const char* message;
  };
  const Case cases[] = {
      {Value("text"), [](const Value& v) { (void)v.as_int(); }, "expected a value of type INTEGER, got STRING"},
      {Value(1), [](const Value& v) { (void)v.as_string(); }, "expected a value of type STRING, got INTEGER"},
      {Value(), [](const Value& v) { (void)v.as_bool(); }, "expected a value of type BOOLEAN, got NULL"},
      {Value("1.5"), [](const Value& v) { (void)v.as_double(); }, "expected a value of type FLOAT, got STRING"},
      {Value(1.5), [](const Value& v) { (void)v.as_int(); }, "expected a value of type INTEGER, got FLOAT"},
      {Value("2019-07-22"), [](const Value& v) { (void)v.as_date(); }, "expected a value of type DATE, got STRING"},
      {Value(Map{}), [](const Value& v) { (void)v.as_list(); }, "expected a value of type LIST, got MAP"},
      {Value(List{}), [](const Value& v) { (void)v.as_map(); }, "expected a value of type MAP, got LIST"},
      {Value(RelationshipRef{1}), [](const Value& v) { (void)v.as_node(); },
       "expected a value of type NODE, got RELATIONSHIP"},
      {Value(NodeRef{1}), [](const Value& v) { (void)v.as_relationship(); },
       "expected a value of type RELATIONSHIP, got NODE"},
      {Value(NodeRef{1}), [](const Value& v) { (void)v.as_path(); }, "expected a value of type PATH, got NODE"},
      {Value(PathRef{}), [](const Value& v) { (void)v.as_bool(); }, "expected a value of type BOOLEAN, got PATH"},
      {Value(true), [](const Value& v) { (void)v.as_int(); }, "expected a value of type INTEGER, got BOOLEAN"},
      {Value(Date()), [](const Value& v) { (void)v.as_string(); }, "expected a value of type STRING, got DATE"},
  };
  for (const Case& c : cases) {
    Error e = error_of([&] { c.access(c.value); });
    EXPECT_EQ(e.kind(), ErrorKind::type_error) << c.message;
    EXPECT_EQ(e.message(), c.message);
    EXPECT_EQ(std::string(e.what()), c.message);
    EXPECT_EQ(e.code(), "");
    EXPECT_EQ(e.line(), 0u);
    EXPECT_EQ(e.column(), 0u);
    EXPECT_EQ(e.file(), "");
  }
}

TEST(Value, CypherNotation) {
  EXPECT_EQ(Value().to_cypher(), "null");
  EXPECT_EQ(Value(true).to_cypher(), "true");
  EXPECT_EQ(Value(false).to_cypher(), "false");
  EXPECT_EQ(Value(-42).to_cypher(), "-42");
  EXPECT_EQ(Value(1.5).to_cypher(), "1.5");
  EXPECT_EQ(Value(10.0).to_cypher(), "10.0");
  EXPECT_EQ(Value(std::nan("")).to_cypher(), "NaN");
  EXPECT_EQ(Value(-std::numeric_limits<double>::infinity()).to_cypher(), "-Infinity");
  EXPECT_EQ(Value("it's \\ \"x\"\n").to_cypher(), "'it\\'s \\\\ \"x\"\\n'");
  EXPECT_EQ(Value(*Date::from_ymd(2024, 1, 31)).to_cypher(), "date('2024-01-31')");
  EXPECT_EQ(Value(List{Value(1), Value(List{Value("a")}), Value()}).to_cypher(), "[1, ['a'], null]");
  EXPECT_EQ(Value(Map{{"b", Value(2)}, {"a", Value("x")}}).to_cypher(), "{a: 'x', b: 2}");
  EXPECT_EQ(Value(NodeRef{3}).to_cypher(), "(#3)");
  EXPECT_EQ(Value(RelationshipRef{4}).to_cypher(), "[#4]");
  EXPECT_EQ(Value(PathRef{{NodeRef{1}, NodeRef{3}}, {RelationshipRef{2}}}).to_cypher(), "<(#1)-[#2]-(#3)>");
}

TEST(Value, TypeNames) {
  const std::pair<Value::Type, const char*> names[] = {
      {Value::Type::null, "NULL"},       {Value::Type::boolean, "BOOLEAN"},
      {Value::Type::integer, "INTEGER"}, {Value::Type::floating, "FLOAT"},
      {Value::Type::string, "STRING"},   {Value::Type::date, "DATE"},
      {Value::Type::list, "LIST"},       {Value::Type::map, "MAP"},
      {Value::Type::node, "NODE"},       {Value::Type::relationship, "RELATIONSHIP"},
      {Value::Type::path, "PATH"}};
  for (const auto& [type, name] : names) EXPECT_STREQ(type_name(type), name);
}

TEST(Value, EqualityIsStructural) {
  EXPECT_EQ(Value(List{Value(1), Value("a")}), Value(List{Value(1), Value("a")}));
  EXPECT_NE(Value(List{Value(1)}), Value(List{Value(2)}));
  EXPECT_EQ(Value(Map{{"b", Value(1)}, {"a", Value(2)}}), Value(Map{{"a", Value(2)}, {"b", Value(1)}}));
  EXPECT_NE(Value(), Value(false));
  EXPECT_NE(Value(NodeRef{1}), Value(RelationshipRef{1}));
  EXPECT_EQ(Value(), Value(nullptr));
}

TEST(Value, GraphReferencesCompare) {
  EXPECT_LT(NodeRef{1}, NodeRef{2});
  EXPECT_EQ(NodeRef{}, NodeRef{0});
  EXPECT_GT(RelationshipRef{9}, RelationshipRef{3});
  const PathRef a{{NodeRef{1}, NodeRef{2}}, {RelationshipRef{0}}};
  PathRef b = a;
  EXPECT_EQ(a, b);
  b.relationships[0] = RelationshipRef{1};
  EXPECT_NE(a, b);
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

TEST(Date, CalendarEdges) {
  EXPECT_EQ(Date::from_ymd(2000, 3, 1)->days_since_epoch(), 11017);
  EXPECT_EQ(Date::from_ymd(2019, 7, 22)->days_since_epoch(), 18099);
  EXPECT_TRUE(Date::from_ymd(2024, 2, 29));   // leap year
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29));   // divisible by 400
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29));  // divisible by 100
  EXPECT_FALSE(Date::from_ymd(2023, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2023, 4, 31));
  EXPECT_FALSE(Date::from_ymd(2023, 0, 1));
  EXPECT_FALSE(Date::from_ymd(2023, 1, 0));
  EXPECT_FALSE(Date::from_ymd(2023, 1, 32));
  EXPECT_TRUE(Date::from_ymd(2023, 12, 31));

  Date before = Date::from_days(-1);
  EXPECT_EQ(before.to_string(), "1969-12-31");
  EXPECT_EQ(before.year(), 1969);
  EXPECT_EQ(before.month(), 12);
  EXPECT_EQ(before.day(), 31);
  EXPECT_EQ(Date::from_ymd(10000, 1, 1)->to_string(), "+10000-01-01");
  EXPECT_EQ(Date::from_ymd(-1, 3, 1)->to_string(), "-0001-03-01");  // as java.time writes it
  EXPECT_EQ(Date::from_ymd(1, 1, 1)->to_string(), "0001-01-01");
}

TEST(Date, ParseAcceptsOnlyYyyyMmDd) {
  EXPECT_EQ(Date::parse("2019-07-22")->to_string(), "2019-07-22");
  EXPECT_EQ(Date::parse("0001-01-01")->to_string(), "0001-01-01");
  for (const char* bad : {"", "2019-7-22", "2019/07/22", "20190722", "2019-07-22x", " 2019-07-22", "abcd-ef-gh",
                          "2019-00-10", "2019-13-01", "2019-02-29", "+019-07-22", "2019-07-2x"}) {
    EXPECT_EQ(Date::parse(bad), std::nullopt) << bad;
  }
}

TEST(Date, Ordering) {
  const Date a = *Date::parse("2019-07-22"), b = *Date::parse("2023-12-05");
  EXPECT_LT(a, b);
  EXPECT_LE(a, a);
  EXPECT_GT(b, a);
  EXPECT_EQ(a <=> b, std::strong_ordering::less);
  EXPECT_EQ(Date::from_days(0), Date());
}

TEST(Params, NamedValuesWithStringViewLookup) {
  Params p{{"name", "OpenAI"}, {"min", 10}, {"when", *Date::parse("2019-07-22")}, {"ids", List{1, 2}}};
  EXPECT_EQ(p.size(), 4u);
  auto it = p.find(std::string_view("name"));  // transparent: no std::string made
  ASSERT_NE(it, p.end());
  EXPECT_EQ(it->second.as_string(), "OpenAI");
  EXPECT_EQ(p.at("min").as_int(), 10);
  EXPECT_EQ(p.find(std::string_view("$name")), p.end());  // names have no '$'
  EXPECT_EQ(p.begin()->first, "ids");                     // sorted by name
}

TEST(Error, Fields) {
  Error e(ErrorKind::io_error, "cannot read", "x.kg:3:4: error: cannot read\n", "x.kg", 3, 4);
  e.with_code("Detail");
  EXPECT_EQ(e.kind(), ErrorKind::io_error);
  EXPECT_EQ(e.message(), "cannot read");
  EXPECT_EQ(e.rendered(), "x.kg:3:4: error: cannot read\n");
  EXPECT_EQ(e.file(), "x.kg");
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.column(), 4u);
  EXPECT_EQ(e.code(), "Detail");
  EXPECT_EQ(std::string(e.what()), e.rendered());
  const std::pair<ErrorKind, const char*> names[] = {
      {ErrorKind::syntax_error, "SyntaxError"},     {ErrorKind::semantic_error, "SemanticError"},
      {ErrorKind::type_error, "TypeError"},         {ErrorKind::argument_error, "ArgumentError"},
      {ErrorKind::data_error, "DataError"},         {ErrorKind::io_error, "IOError"},
      {ErrorKind::runtime_error, "RuntimeError"}};
  for (const auto& [kind, name] : names) EXPECT_STREQ(kind_name(kind), name);
}

TEST(Error, WithoutPositionRendersAsTheMessage) {
  Error bare(ErrorKind::runtime_error, "bare");
  EXPECT_EQ(bare.message(), "bare");
  EXPECT_EQ(bare.rendered(), "bare");
  EXPECT_EQ(std::string(bare.what()), "bare");
  EXPECT_EQ(bare.file(), "");
  EXPECT_EQ(bare.line(), 0u);
  EXPECT_EQ(bare.column(), 0u);
  EXPECT_EQ(bare.code(), "");
}

TEST(Error, WithCodeReturnsItselfToThrow) {
  Error e(ErrorKind::argument_error, "m");
  EXPECT_EQ(&e.with_code("A"), &e);
  EXPECT_EQ(e.code(), "A");
  try {
    throw Error(ErrorKind::semantic_error, "thrown").with_code("Code");
  } catch (const std::runtime_error& caught) {  // an ergo::Error is a std::runtime_error
    const Error* as_error = dynamic_cast<const Error*>(&caught);
    ASSERT_NE(as_error, nullptr);
    EXPECT_EQ(as_error->code(), "Code");
    EXPECT_EQ(as_error->kind(), ErrorKind::semantic_error);
  }
}

// element_id(): what Cypher's elementId() returns and the server sends.
TEST(Value, ElementIdsMatchCyphersElementId) {
  EXPECT_EQ(element_id(NodeRef{42}), "n:42");
  EXPECT_EQ(element_id(RelationshipRef{7}), "r:7");
  Database db;
  db.execute("CREATE (:A {name: 'a'})-[:R]->(:B {name: 'b'})");
  Result r = db.execute("MATCH (a:A)-[r:R]->(b:B) RETURN a, r, elementId(a), elementId(r), elementId(b)");
  const Row& row = r.at(0);
  EXPECT_EQ(row[2], Value(element_id(row[0].as_node())));
  EXPECT_EQ(row[3], Value(element_id(row[1].as_relationship())));
  EXPECT_NE(row[4], row[2]);
  Result found = db.execute("MATCH (n) WHERE elementId(n) = $id RETURN n.name", {{"id", row[4]}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.at(0)[0], Value("b"));
  EXPECT_TRUE(db.execute("RETURN elementId(null)").at(0)[0].is_null());
  Error e = error_of([&] { db.execute("RETURN elementId(1)"); });
  EXPECT_EQ(e.code(), "InvalidArgumentType");
  Error on_path = error_of([&] { db.execute("MATCH p = (:A)-->() RETURN elementId(p)"); });
  EXPECT_EQ(on_path.code(), "InvalidArgumentType");
}

}  // namespace
}  // namespace ergo
