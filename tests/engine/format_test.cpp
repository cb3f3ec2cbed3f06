// ergo::write_result: the exact text of every format — CSV quoting, TSV
// escapes, JSON escaping and graph elements, Markdown, and tables aligned by
// display width with Hangul, emoji and combining marks.
#include "ergo/format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "ergo/database.hpp"

namespace ergo {
namespace {

Result make(std::vector<std::string> columns, std::vector<std::vector<Value>> rows) {
  return Result(std::move(columns), std::move(rows), {}, nullptr);
}

std::string write(const Result& r, Format f, bool header = true) {
  std::ostringstream out;
  FormatOptions options;
  options.format = f;
  options.header = header;
  write_result(out, r, options);
  return out.str();
}

std::string table(const Result& r, std::size_t max_column_width = 60, std::size_t max_width = 0) {
  std::ostringstream out;
  FormatOptions options;
  options.max_column_width = max_column_width;
  options.max_width = max_width;
  write_result(out, r, options);
  return out.str();
}

TEST(FormatNames, RoundTrip) {
  for (Format f : {Format::table, Format::csv, Format::tsv, Format::json, Format::jsonl, Format::markdown}) {
    EXPECT_EQ(parse_format(format_name(f)), f);
  }
  EXPECT_FALSE(parse_format("CSV"));
  EXPECT_FALSE(parse_format("xml"));
}

TEST(Csv, QuotesPerRfc4180) {
  Result r = make({"plain", "odd, column"}, {{Value("a,b"), Value("say \"hi\"")},
                                             {Value("two\nlines"), Value("cr\rhere")},
                                             {Value("plain"), Value()},
                                             {Value(""), Value(1.5)}});
  EXPECT_EQ(write(r, Format::csv),
            "plain,\"odd, column\"\n"
            "\"a,b\",\"say \"\"hi\"\"\"\n"
            "\"two\nlines\",\"cr\rhere\"\n"
            "plain,\n"
            ",1.5\n");
  EXPECT_EQ(write(r, Format::csv, false).substr(0, 6), "\"a,b\",");
}

TEST(Csv, ShowsListsDatesAndHangul) {
  Result r = make({"names", "when"}, {{Value(List{Value("마이크로소프트"), Value("MS")}), Value(*Date::parse("2019-07-22"))}});
  EXPECT_EQ(write(r, Format::csv), "names,when\n\"['마이크로소프트', 'MS']\",2019-07-22\n");
}

TEST(Tsv, EscapesWhatCannotBeQuoted) {
  Result r = make({"a", "b"}, {{Value("tab\there"), Value("back\\slash\nnew")}, {Value(), Value(true)}});
  EXPECT_EQ(write(r, Format::tsv), "a\tb\ntab\\there\tback\\\\slash\\nnew\n\ttrue\n");
}

TEST(Json, EscapesControlCharactersAndKeepsHangul) {
  std::string text = "줄\n바꿈\t\x01 \"q\" \\";
  Result r = make({"s", "n"}, {{Value(text), Value(std::int64_t{-7})}});
  EXPECT_EQ(write(r, Format::json), "[\n  {\"s\":\"줄\\n바꿈\\t\\u0001 \\\"q\\\" \\\\\",\"n\":-7}\n]\n");
}

TEST(Json, ValuesOfEveryPlainType) {
  Result r = make({"b", "f", "nan", "d", "l", "m", "z"},
                  {{Value(true), Value(2.5), Value(std::nan("")), Value(*Date::parse("2023-12-05")),
                    Value(List{Value(1), Value("x")}), Value(Map{{"k", Value(1)}, {"a", Value()}}), Value()}});
  EXPECT_EQ(write(r, Format::jsonl),
            "{\"b\":true,\"f\":2.5,\"nan\":null,\"d\":\"2023-12-05\",\"l\":[1,\"x\"],\"m\":{\"a\":null,\"k\":1},"
            "\"z\":null}\n");
}

TEST(Json, EmptyResultIsAnEmptyArray) {
  EXPECT_EQ(write(make({"a"}, {}), Format::json), "[]\n");
  EXPECT_EQ(write(make({"a"}, {}), Format::jsonl), "");
}

TEST(Json, NodesRelationshipsAndPaths) {
  Database db;
  db.execute("CREATE (:Company {name: 'OpenAI'})<-[:INVESTS_IN {amount: 1}]-(:Company:Big {name: 'Microsoft'})");
  Result r = db.execute("MATCH p = (a)-[r]->(b) RETURN a, r, p");
  EXPECT_EQ(write(r, Format::jsonl),
            "{\"a\":{\"id\":1,\"labels\":[\"Company\",\"Big\"],\"properties\":{\"name\":\"Microsoft\"}},"
            "\"r\":{\"id\":0,\"type\":\"INVESTS_IN\",\"start\":1,\"end\":0,\"properties\":{\"amount\":1}},"
            "\"p\":{\"nodes\":[{\"id\":1,\"labels\":[\"Company\",\"Big\"],\"properties\":{\"name\":\"Microsoft\"}},"
            "{\"id\":0,\"labels\":[\"Company\"],\"properties\":{\"name\":\"OpenAI\"}}],"
            "\"relationships\":[{\"id\":0,\"type\":\"INVESTS_IN\",\"start\":1,\"end\":0,\"properties\":{\"amount\":1}}]}}\n");
}

TEST(DisplayText, GraphElementsPutTheNameFirst) {
  Database db;
  db.execute("CREATE (:Company {name: 'OpenAI', founded: 2015})<-[:INVESTS_IN {amount: 1}]-(:Company {name: 'MS'})");
  Result r = db.execute("MATCH p = (a)-[r]->(b) RETURN b, r, p, [b.name] AS l");
  EXPECT_EQ(display_text(r, r.row(0)[0]), "(:Company {name: 'OpenAI', founded: 2015})");
  EXPECT_EQ(display_text(r, r.row(0)[1]), "[:INVESTS_IN {amount: 1}]");
  EXPECT_EQ(display_text(r, r.row(0)[2]),
            "(:Company {name: 'MS'})-[:INVESTS_IN {amount: 1}]->(:Company {name: 'OpenAI', founded: 2015})");
  EXPECT_EQ(display_text(r, r.row(0)[3]), "['OpenAI']");
}

TEST(Table, AlignsByDisplayWidth) {
  // 마이크로소프트 is 7 syllables, 14 columns; "e\u0301" is one column;
  // 😀 is two.
  Result r = make({"name", "n"}, {{Value("마이크로소프트"), Value(1)},
                                  {Value("Cafe\u0301"), Value(22)},
                                  {Value("😀 smile"), Value(333)},
                                  {Value(), Value()}});
  EXPECT_EQ(table(r),
            "+----------------+------+\n"
            "| name           |    n |\n"
            "+----------------+------+\n"
            "| 마이크로소프트 |    1 |\n"
            "| Cafe\u0301           |   22 |\n"
            "| 😀 smile       |  333 |\n"
            "| null           | null |\n"
            "+----------------+------+\n");
}

TEST(Table, CutsLongValuesWithAnEllipsis) {
  Result r = make({"v"}, {{Value("abcdefghij")}, {Value("가나다라마")}});
  // Width 5: "abcd…"; Hangul fits two syllables in four columns, then "…".
  EXPECT_EQ(table(r, 5),
            "+-------+\n"
            "| v     |\n"
            "+-------+\n"
            "| abcd… |\n"
            "| 가나… |\n"
            "+-------+\n");
  Result odd = make({"v"}, {{Value("가나다라마")}});
  EXPECT_EQ(table(odd, 6),
            "+--------+\n"
            "| v      |\n"
            "+--------+\n"
            "| 가나…  |\n"
            "+--------+\n");
}

TEST(Table, FitsTheTerminalByNarrowingTheWidestColumn) {
  Result r = make({"a", "b"}, {{Value("short"), Value("a rather long value here")}});
  EXPECT_EQ(table(r, 60, 24),
            "+-------+--------------+\n"
            "| a     | b            |\n"
            "+-------+--------------+\n"
            "| short | a rather lo… |\n"
            "+-------+--------------+\n");
}

TEST(Table, EscapesControlCharactersAndHandlesNoRows) {
  Result r = make({"v"}, {{Value("a\nb\x1b")}});
  EXPECT_EQ(table(r), "+------------+\n| v          |\n+------------+\n| a\\nb\\u001b |\n+------------+\n");
  EXPECT_EQ(table(make({"v"}, {})), "+---+\n| v |\n+---+\n");
  EXPECT_EQ(table(make({}, {})), "");
}

TEST(Markdown, EscapesPipesAndAlignsNumbers) {
  Result r = make({"name", "n"}, {{Value("a|b"), Value(10)}, {Value("한국\n어"), Value(2)}});
  EXPECT_EQ(write(r, Format::markdown),
            "| name       |   n |\n"
            "| ---------- | --: |\n"
            "| a\\|b       |  10 |\n"
            "| 한국<br>어 |   2 |\n");
}

TEST(Summary, CountsRowsAndChanges) {
  EXPECT_EQ(result_summary(make({"a"}, {{Value(1)}})), "1 row");
  EXPECT_EQ(result_summary(make({"a"}, {})), "0 rows");
  QueryStats stats;
  stats.nodes_created = 2;
  stats.properties_set = 1;
  EXPECT_EQ(result_summary(Result({}, {}, stats, nullptr)), "Created 2 nodes, set 1 property");
  EXPECT_EQ(result_summary(Result({"n"}, {{Value(1)}, {Value(2)}}, stats, nullptr)),
            "2 rows; created 2 nodes, set 1 property");
}

}  // namespace
}  // namespace ergo
