// ergo/format.hpp through the public API: one query's answer — a string, a
// date, a node, a relationship, a null — written in each of the six formats
// exactly, the table's width limits, display_text() and result_summary(),
// format names, and the error for a result that is attached to no database.
// (tests/engine/format_test.cpp covers quoting and alignment in depth.)
#include <gtest/gtest.h>

#include <sstream>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::error_of;

// Acme -[:OWNS]-> Rocket, and a query over it with one cell of each kind.
class Answer : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.execute(
        "CREATE (:Company {name: 'Acme', founded: 2001})-[:OWNS {since: date('2020-01-02')}]->"
        "(:Product {name: 'Rocket'})");
    result_ = db_.execute(
        "MATCH (c:Company)-[o:OWNS]->(p) RETURN c.name AS company, o.since AS since, p, o, c.missing AS none");
  }
  std::string write(Format format, bool header = true) const {
    std::ostringstream out;
    FormatOptions options;
    options.format = format;
    options.header = header;
    write_result(out, result_, options);
    return out.str();
  }
  Database db_;
  Result result_;
};

// A table shows a node compactly, by name and labels; a relationship on its
// own keeps its properties.
TEST_F(Answer, Table) {
  EXPECT_EQ(write(Format::table),
            "+---------+------------+------------------+-----------------------------+------+\n"
            "| company | since      | p                | o                           | none |\n"
            "+---------+------------+------------------+-----------------------------+------+\n"
            "| Acme    | 2020-01-02 | (Rocket:Product) | [:OWNS {since: 2020-01-02}] | null |\n"
            "+---------+------------+------------------+-----------------------------+------+\n");
  EXPECT_EQ(write(Format::table, false),
            "+------+------------+------------------+-----------------------------+------+\n"
            "| Acme | 2020-01-02 | (Rocket:Product) | [:OWNS {since: 2020-01-02}] | null |\n"
            "+------+------------+------------------+-----------------------------+------+\n");
}

TEST_F(Answer, Csv) {
  EXPECT_EQ(write(Format::csv),
            "company,since,p,o,none\n"
            "Acme,2020-01-02,(:Product {name: 'Rocket'}),[:OWNS {since: 2020-01-02}],\n");
  EXPECT_EQ(write(Format::csv, false), "Acme,2020-01-02,(:Product {name: 'Rocket'}),[:OWNS {since: 2020-01-02}],\n");
}

TEST_F(Answer, Tsv) {
  EXPECT_EQ(write(Format::tsv),
            "company\tsince\tp\to\tnone\n"
            "Acme\t2020-01-02\t(:Product {name: 'Rocket'})\t[:OWNS {since: 2020-01-02}]\t\n");
}

TEST_F(Answer, Json) {
  EXPECT_EQ(write(Format::json),
            "[\n"
            "  {\"company\":\"Acme\",\"since\":\"2020-01-02\","
            "\"p\":{\"id\":1,\"labels\":[\"Product\"],\"properties\":{\"name\":\"Rocket\"}},"
            "\"o\":{\"id\":0,\"type\":\"OWNS\",\"start\":0,\"end\":1,\"properties\":{\"since\":\"2020-01-02\"}},"
            "\"none\":null}\n"
            "]\n");
  EXPECT_EQ(write(Format::json, false), write(Format::json));  // JSON keys rows by column name whatever
}

TEST(TemporalAnswer, EveryFormatWritesTheIsoText) {
  Database db;
  Result r = db.execute(
      "RETURN datetime('2019-07-22T09:30[Asia/Seoul]') AS at, duration('PT90M') AS lasts, "
      "[localtime('09:30'), time('09:30Z')] AS times");
  auto write = [&](Format f) {
    std::ostringstream out;
    FormatOptions options;
    options.format = f;
    write_result(out, r, options);
    return out.str();
  };
  EXPECT_EQ(write(Format::csv), "at,lasts,times\n2019-07-22T09:30:00+09:00[Asia/Seoul],PT1H30M,\"[09:30:00, 09:30:00Z]\"\n");
  EXPECT_EQ(write(Format::jsonl),
            "{\"at\":\"2019-07-22T09:30:00+09:00[Asia/Seoul]\",\"lasts\":\"PT1H30M\",\"times\":[\"09:30:00\",\"09:30:00Z\"]}\n");
  EXPECT_EQ(write(Format::table),
            "+---------------------------------------+---------+-----------------------+\n"
            "| at                                    | lasts   | times                 |\n"
            "+---------------------------------------+---------+-----------------------+\n"
            "| 2019-07-22T09:30:00+09:00[Asia/Seoul] | PT1H30M | [09:30:00, 09:30:00Z] |\n"
            "+---------------------------------------+---------+-----------------------+\n");
}

TEST_F(Answer, JsonLines) {
  EXPECT_EQ(write(Format::jsonl),
            "{\"company\":\"Acme\",\"since\":\"2020-01-02\","
            "\"p\":{\"id\":1,\"labels\":[\"Product\"],\"properties\":{\"name\":\"Rocket\"}},"
            "\"o\":{\"id\":0,\"type\":\"OWNS\",\"start\":0,\"end\":1,\"properties\":{\"since\":\"2020-01-02\"}},"
            "\"none\":null}\n");
}

TEST_F(Answer, Markdown) {
  EXPECT_EQ(write(Format::markdown),
            "| company | since      | p                           | o                           | none |\n"
            "| ------- | ---------- | --------------------------- | --------------------------- | ---- |\n"
            "| Acme    | 2020-01-02 | (:Product {name: 'Rocket'}) | [:OWNS {since: 2020-01-02}] | null |\n");
}

TEST_F(Answer, DisplayText) {
  const Row row = result_.at(0);
  EXPECT_EQ(display_text(result_, row["company"]), "Acme");
  EXPECT_EQ(display_text(result_, row["since"]), "2020-01-02");
  EXPECT_EQ(display_text(result_, row["p"]), "(:Product {name: 'Rocket'})");
  EXPECT_EQ(display_text(result_, row["o"]), "[:OWNS {since: 2020-01-02}]");
  EXPECT_EQ(display_text(result_, row["none"]), "null");
  EXPECT_EQ(display_text(result_, Value(List{Value("a"), Value(1), Value()})), "['a', 1, null]");
  EXPECT_EQ(display_text(result_, Value(Map{{"k", Value("v")}})), "{k: 'v'}");
  EXPECT_EQ(display_text(result_, Value(true)), "true");
  EXPECT_EQ(display_text(result_, Value(2.5)), "2.5");
  Result path = db_.execute("MATCH p = (:Company)-[:OWNS]->() RETURN p");
  EXPECT_EQ(display_text(path, path.at(0)["p"]),
            "(:Company {name: 'Acme', founded: 2001})-[:OWNS {since: 2020-01-02}]->(:Product {name: 'Rocket'})");
}

// Vertical: one field per line, values whole (nodes as CSV shows them).
TEST_F(Answer, Vertical) {
  EXPECT_EQ(write(Format::vertical),
            "-[ row 1 ]---------------------------\n"
            "company | Acme\n"
            "since   | 2020-01-02\n"
            "p       | (:Product {name: 'Rocket'})\n"
            "o       | [:OWNS {since: 2020-01-02}]\n"
            "none    | null\n");
  EXPECT_EQ(parse_format("vertical"), Format::vertical);
  EXPECT_STREQ(format_name(Format::automatic), "auto");
}

// Auto: the table while every row fits, vertical as soon as one does not.
TEST_F(Answer, AutoSwitchesToVerticalWhenARowDoesNotFit) {
  FormatOptions options;
  options.format = Format::automatic;
  options.max_width = 200;
  std::ostringstream wide;
  write_result(wide, result_, options);
  EXPECT_EQ(wide.str(), write(Format::table));
  options.max_width = 40;
  std::ostringstream narrow;
  write_result(narrow, result_, options);
  EXPECT_TRUE(narrow.str().starts_with("-[ row 1 ]----")) << narrow.str();
}

TEST_F(Answer, TableWidthLimits) {
  std::ostringstream narrow;
  FormatOptions options;
  options.max_column_width = 8;
  write_result(narrow, result_, options);
  EXPECT_EQ(narrow.str(),
            "+---------+----------+----------+----------+------+\n"
            "| company | since    | p        | o        | none |\n"
            "+---------+----------+----------+----------+------+\n"
            "| Acme    | 2020-01… | (Rocket… | [:OWNS … | null |\n"
            "+---------+----------+----------+----------+------+\n");

  std::ostringstream within;
  options.max_column_width = 0;
  options.max_width = 40;
  write_result(within, result_, options);
  EXPECT_EQ(within.str(),
            "+-------+-------+-------+-------+------+\n"
            "| comp… | since | p     | o     | none |\n"
            "+-------+-------+-------+-------+------+\n"
            "| Acme  | 2020… | (Roc… | [:OW… | null |\n"
            "+-------+-------+-------+-------+------+\n");
}

TEST(Format, ResultSummary) {
  Database db;
  EXPECT_EQ(result_summary(db.execute("RETURN 1 AS x")), "1 row");
  EXPECT_EQ(result_summary(db.execute("UNWIND [1, 2, 3] AS x RETURN x")), "3 rows");
  EXPECT_EQ(result_summary(db.execute("MATCH (n) RETURN n")), "0 rows");
  EXPECT_EQ(result_summary(db.execute("CREATE (a:A {v: 1})-[:R]->(b:B) RETURN a")),
            "1 row; created 2 nodes and 1 relationship, added 2 labels, set 1 property");
  EXPECT_EQ(result_summary(db.execute("CREATE (:A {v: 1, w: 2})")), "Created 1 node, added 1 label, set 2 properties");
  EXPECT_EQ(result_summary(Result()), "0 rows");
}

TEST(Format, Names) {
  const std::pair<Format, const char*> names[] = {{Format::table, "table"}, {Format::csv, "csv"},
                                                  {Format::tsv, "tsv"},     {Format::json, "json"},
                                                  {Format::jsonl, "jsonl"}, {Format::markdown, "markdown"}};
  for (const auto& [format, name] : names) {
    EXPECT_STREQ(format_name(format), name);
    EXPECT_EQ(parse_format(name), format);
  }
  EXPECT_EQ(parse_format("CSV"), std::nullopt);  // exact, lower case
  EXPECT_EQ(parse_format("xml"), std::nullopt);
  EXPECT_EQ(parse_format(""), std::nullopt);
  EXPECT_EQ(FormatOptions{}.format, Format::table);
  EXPECT_TRUE(FormatOptions{}.header);
  EXPECT_EQ(FormatOptions{}.max_column_width, 60u);
  EXPECT_EQ(FormatOptions{}.max_width, 0u);
}

TEST(Format, ResultWithoutColumns) {
  Database db;
  Result none = db.execute("CREATE (:A)");
  for (Format f : {Format::table, Format::csv, Format::tsv, Format::markdown, Format::jsonl}) {
    std::ostringstream out;
    write_result(out, none, {f});
    EXPECT_EQ(out.str(), "") << format_name(f);
  }
  std::ostringstream json;
  write_result(json, none, {Format::json});
  EXPECT_EQ(json.str(), "[]\n");
}

TEST(Format, DetachedResultWithANodeThrows) {
  Result detached({"n"}, {{Value(NodeRef{0})}}, {}, nullptr);
  for (Format f : {Format::table, Format::csv, Format::tsv, Format::json, Format::jsonl, Format::markdown}) {
    std::ostringstream out;
    Error e = error_of([&] { write_result(out, detached, {f}); });
    EXPECT_EQ(e.kind(), ErrorKind::runtime_error) << format_name(f);
    EXPECT_EQ(e.message(), "this result is not attached to a database") << format_name(f);
  }
  EXPECT_EQ(error_of([&] { display_text(detached, detached.at(0)[0]); }).message(),
            "this result is not attached to a database");
  // Plain values need no database.
  Result plain({"x"}, {{Value("a,b")}}, {}, nullptr);
  std::ostringstream csv;
  write_result(csv, plain, {Format::csv});
  EXPECT_EQ(csv.str(), "x\n\"a,b\"\n");
}

}  // namespace
}  // namespace ergo
