// The CSV tokenizer (grammar/csv): RFC 4180 fields (quotes, doubled quotes,
// delimiters and line breaks inside quotes), CRLF, a byte-order mark, blank
// lines, other delimiters; and its diagnostics, compared as rendered text:
// rows left out with line, column and a caret placed by display width, and
// the problems that make a file unusable.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "grammar/csv/csv_reader.hpp"

namespace ergo::csv {
namespace {

using Rows = std::vector<std::vector<std::string>>;

ReadResult read(std::string text, char delimiter = ',', std::size_t max_problems = 20) {
  return read_text("t.csv", std::move(text), {delimiter, max_problems});
}

Rows rows_of(const Table& t) {
  Rows out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    std::vector<std::string> row;
    for (std::size_t c = 0; c < t.columns(); ++c) row.emplace_back(t.field(r, c));
    out.push_back(std::move(row));
  }
  return out;
}

std::string rendered(const ReadResult& r) { return text::render(r.problems); }

// A file that must tokenize without a problem.
Table clean(std::string text, char delimiter = ',') {
  ReadResult r = read(std::move(text), delimiter);
  EXPECT_EQ(rendered(r), "");
  EXPECT_FALSE(r.fatal);
  EXPECT_EQ(r.bad_rows, 0u);
  return std::move(r.table);
}

constexpr const char* kQuoteHint = "(a '\"' inside a quoted field is written '\"\"')";

TEST(CsvReader, HeaderAndRows) {
  Table t = clean("id,name,founded\n1,OpenAI,2015\n2,Anthropic,2021\n");
  EXPECT_EQ(t.file(), "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"id", "name", "founded"}));
  EXPECT_EQ(t.columns(), 3u);
  EXPECT_EQ(rows_of(t), (Rows{{"1", "OpenAI", "2015"}, {"2", "Anthropic", "2021"}}));
}

TEST(CsvReader, HeaderOnly) {
  for (const char* text : {"id,name", "id,name\n", "id,name\n\n\n"}) {
    Table t = clean(text);
    EXPECT_EQ(t.columns(), 2u) << text;
    EXPECT_EQ(t.rows(), 0u) << text;
  }
}

TEST(CsvReader, QuotedFields) {
  Table t = clean("\"id\",\"name\"\n\"1\",\"Sam Altman\"\n\"\",x\n");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(rows_of(t), (Rows{{"1", "Sam Altman"}, {"", "x"}}));
}

TEST(CsvReader, DoubledQuotes) {
  Table t = clean("a,b,c\n\"say \"\"hi\"\"\",\"\"\"\",\"x\"\"\"\"y\"\n");
  EXPECT_EQ(rows_of(t), (Rows{{"say \"hi\"", "\"", "x\"\"y"}}));
  // In the header too.
  Table h = clean("\"the \"\"id\"\"\",b\n1,2\n");
  EXPECT_EQ(h.header()[0], "the \"id\"");
}

TEST(CsvReader, DelimitersAndLineBreaksInsideQuotes) {
  Table t = clean("id,note,n\n1,\"a, b\",5\n2,\"two\nlines\",6\n3,\"\n\",7\n");
  EXPECT_EQ(rows_of(t), (Rows{{"1", "a, b", "5"}, {"2", "two\nlines", "6"}, {"3", "\n", "7"}}));
  // Rows after a field with a line break are placed on their real lines.
  EXPECT_EQ(t.line_of(0), 2u);
  EXPECT_EQ(t.line_of(1), 3u);
  EXPECT_EQ(t.line_of(2), 5u);
  text::Diagnostic d = t.diagnose(1, 2, "here");
  EXPECT_EQ(text::render(d), "t.csv:4:8: error: here\nlines\",6\n       ^\n");
}

TEST(CsvReader, CrLfLineEnds) {
  Table t = clean("id,name\r\n1,x\r\n2,\"y\"\r\n3,\"a\r\nb\"\r\n4,\r\n");
  EXPECT_EQ(rows_of(t), (Rows{{"1", "x"}, {"2", "y"}, {"3", "a\r\nb"}, {"4", ""}}));
  EXPECT_EQ(t.header()[1], "name");
  // The line shown under a diagnostic has no '\r'.
  EXPECT_EQ(text::render(t.diagnose(0, 1, "m")), "t.csv:2:3: error: m\n1,x\n  ^\n");
}

TEST(CsvReader, LoneCarriageReturnAtEndOfFile) {
  EXPECT_EQ(rows_of(clean("a,b\n1,2\r")), (Rows{{"1", "2"}}));
  EXPECT_EQ(rows_of(clean("a,b\n1,\"2\"\r")), (Rows{{"1", "2"}}));
}

TEST(CsvReader, ByteOrderMark) {
  Table t = clean("\xEF\xBB\xBFid,name\n1,x\n");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(rows_of(t), (Rows{{"1", "x"}}));
  // The mark is not a column: "name" starts at column 4.
  EXPECT_EQ(text::render(t.diagnose_header(1, "m")), "t.csv:1:4: error: m\nid,name\n   ^~~~\n");
  EXPECT_EQ(text::render(t.diagnose_header(Table::npos, "m")), "t.csv:1:1: error: m\nid,name\n^\n");
}

TEST(CsvReader, BlankLinesAreSkipped) {
  Table t = clean("\n\r\nid,name\n\n1,x\r\n\r\n\n2,y\n\n");
  EXPECT_EQ(rows_of(t), (Rows{{"1", "x"}, {"2", "y"}}));
  EXPECT_EQ(t.line_of(0), 5u);
  EXPECT_EQ(t.line_of(1), 8u);
  EXPECT_EQ(text::render(t.diagnose_header(0, "m")), "t.csv:3:1: error: m\nid,name\n^~\n");
}

TEST(CsvReader, TrailingNewlineOrNot) {
  Rows expected{{"1", "x"}, {"2", "y"}};
  EXPECT_EQ(rows_of(clean("id,name\n1,x\n2,y\n")), expected);
  EXPECT_EQ(rows_of(clean("id,name\n1,x\n2,y")), expected);
  EXPECT_EQ(rows_of(clean("id,name\n1,x\n2,\"y\"")), expected);
  EXPECT_EQ(rows_of(clean("id,name\r\n1,x\r\n2,y")), expected);
}

TEST(CsvReader, EmptyFields) {
  Table t = clean("a,b,c\n,,\n1,,3\n,2,\n\"\",\"\",\"\"\n");
  EXPECT_EQ(rows_of(t), (Rows{{"", "", ""}, {"1", "", "3"}, {"", "2", ""}, {"", "", ""}}));
  // A line with nothing but spaces is not blank: it is a row of one field.
  EXPECT_EQ(rows_of(clean("a\n \n")), (Rows{{" "}}));
}

TEST(CsvReader, SpacesAreKept) {
  EXPECT_EQ(rows_of(clean("a,b\n 1 , x y \n")), (Rows{{" 1 ", " x y "}}));
}

TEST(CsvReader, QuoteInsideAnUnquotedFieldIsLiteral) {
  Table t = clean("name,size\nab\"c,5\"\nO'Brien,x\"\"y\n");
  EXPECT_EQ(rows_of(t), (Rows{{"ab\"c", "5\""}, {"O'Brien", "x\"\"y"}}));
}

TEST(CsvReader, TextAfterClosingQuoteLeavesTheRowOut) {
  ReadResult r = read("id,name,n\n1,\"abc\"x,3\n2,b,4\n");
  EXPECT_FALSE(r.fatal);
  EXPECT_EQ(r.bad_rows, 1u);
  EXPECT_EQ(rendered(r),
            std::string("t.csv:2:8: error: text after the closing quote; expected ',' or the end of the line ") +
                kQuoteHint + "\n1,\"abc\"x,3\n       ^\n");
  EXPECT_EQ(rows_of(r.table), (Rows{{"2", "b", "4"}}));
  EXPECT_EQ(r.table.line_of(0), 3u);
}

TEST(CsvReader, TextAfterClosingQuoteIsReadToTheRecordsEnd) {
  // The rest of the bad record (here a quoted field with a line break) is
  // still tokenized, so the next row starts where it really does.
  ReadResult r = read("a,b,c\n\"x\" ,\"multi\nline\",1\n2,3,4\n");
  EXPECT_EQ(r.bad_rows, 1u);
  EXPECT_EQ(rendered(r),
            std::string("t.csv:2:4: error: text after the closing quote; expected ',' or the end of the line ") +
                kQuoteHint + "\n\"x\" ,\"multi\n   ^\n");
  EXPECT_EQ(rows_of(r.table), (Rows{{"2", "3", "4"}}));
}

TEST(CsvReader, TextAfterAQuoteClosedOnALaterLineNamesWhereItOpened) {
  ReadResult r = read("id,name\n1,\"Bob\n2,\"Carol\"\n3,Dan\n");
  EXPECT_FALSE(r.fatal);
  EXPECT_EQ(rendered(r),
            "t.csv:3:4: error: text after the closing quote; expected ',' or the end of the line (the quoted "
            "field began on line 2, column 3: is that quote unmatched?)\n"
            "2,\"Carol\"\n"
            "   ^\n");
  EXPECT_EQ(rows_of(r.table), (Rows{{"3", "Dan"}}));
}

TEST(CsvReader, TooManyFields) {
  ReadResult r = read("a,b,c\n1,2,3,4\n5,6,7\n");
  EXPECT_EQ(r.bad_rows, 1u);
  EXPECT_EQ(rendered(r),
            "t.csv:2:7: error: this row has 4 fields; expected 3, one per header column\n"
            "1,2,3,4\n"
            "      ^\n");
  EXPECT_EQ(rows_of(r.table), (Rows{{"5", "6", "7"}}));
}

TEST(CsvReader, TooFewFields) {
  ReadResult r = read("a,b,c,d\n1,2,3\n1,2\n1\n");
  EXPECT_EQ(r.bad_rows, 3u);
  EXPECT_EQ(rendered(r),
            "t.csv:2:6: error: this row has 3 fields; expected 4, one per header column (no value for 'd')\n"
            "1,2,3\n"
            "     ^\n"
            "t.csv:3:4: error: this row has 2 fields; expected 4, one per header column (no value for 'c' and "
            "'d')\n"
            "1,2\n"
            "   ^\n"
            "t.csv:4:2: error: this row has 1 field; expected 4, one per header column (no value for 'b', 'c' "
            "and 'd')\n"
            "1\n"
            " ^\n");
  EXPECT_EQ(r.table.rows(), 0u);
}

TEST(CsvReader, UnterminatedQuoteIsFatal) {
  ReadResult r = read("id,name\n1,x\n2,\"abc\n3,def\n");
  EXPECT_TRUE(r.fatal);
  EXPECT_FALSE(r.io_error);
  EXPECT_EQ(rendered(r),
            std::string("t.csv:3:3: error: this quoted field is never closed; expected a closing '\"' before the "
                        "end of the file ") +
                kQuoteHint + "\n2,\"abc\n  ^\n");
}

TEST(CsvReader, UnterminatedQuoteInTheHeaderIsFatal) {
  ReadResult r = read("id,\"name\n1,x\n");
  EXPECT_TRUE(r.fatal);
  EXPECT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 1u);
  EXPECT_EQ(r.problems[0].column, 4u);
}

TEST(CsvReader, TextAfterClosingQuoteInTheHeaderIsFatal) {
  ReadResult r = read("id,\"name\"s\n1,x\n");
  EXPECT_TRUE(r.fatal);
  EXPECT_EQ(rendered(r),
            std::string("t.csv:1:10: error: text after the closing quote in the header; expected ',' or the end "
                        "of the line ") +
                kQuoteHint + "\nid,\"name\"s\n         ^\n");
}

TEST(CsvReader, EmptyFileIsFatal) {
  for (const char* text : {"", "\n", "\r\n\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n\n"}) {
    ReadResult r = read(text);
    EXPECT_TRUE(r.fatal) << text;
    EXPECT_EQ(rendered(r), "t.csv: error: the file is empty; expected a header row naming the columns\n") << text;
  }
}

TEST(CsvReader, LoneCarriageReturnsAreFatal) {
  ReadResult r = read("id,name\r1,x\r2,y\r");
  EXPECT_TRUE(r.fatal);
  EXPECT_EQ(rendered(r),
            "t.csv: error: the lines end in a lone carriage return (\\r, as on classic Mac OS); expected \\n or "
            "\\r\\n\n");
}

TEST(CsvReader, OtherDelimiters) {
  Table semi = clean("id;name;note\n1;Kim, Minji;\"a;b\"\n", ';');
  EXPECT_EQ(rows_of(semi), (Rows{{"1", "Kim, Minji", "a;b"}}));
  Table tab = clean("id\tname\n1\tx,y\n2\t\"a\tb\"\n", '\t');
  EXPECT_EQ(rows_of(tab), (Rows{{"1", "x,y"}, {"2", "a\tb"}}));
  Table pipe = clean("a|b\n1|2\n", '|');
  EXPECT_EQ(rows_of(pipe), (Rows{{"1", "2"}}));
}

TEST(CsvReader, TabsDoNotMoveTheCaret) {
  // A tab is shown as one space, and the caret counts it as one column.
  ReadResult r = read("id\tname\tn\n1\t\"a\"x\t3\n", '\t');
  EXPECT_EQ(rendered(r),
            std::string("t.csv:2:6: error: text after the closing quote; expected a tab or the end of the line ") +
                kQuoteHint + "\n1 \"a\"x 3\n     ^\n");
}

TEST(CsvReader, QuoteCannotBeTheDelimiter) {
  for (char d : {'"', '\n', '\r'}) {
    ReadResult r = read("a,b\n", d);
    EXPECT_TRUE(r.fatal);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 0u);
    EXPECT_NE(r.problems[0].message.find("cannot be the delimiter"), std::string::npos);
  }
}

TEST(CsvReader, HangulCaretByDisplayWidth) {
  // Hangul takes two terminal columns: the caret moves two per syllable,
  // the column number one.
  ReadResult r = read("id,name,n\n1,\"마이크로소프트\"x,3\n1,마이크로소프트,3,4\n");
  EXPECT_EQ(rendered(r),
            std::string("t.csv:2:12: error: text after the closing quote; expected ',' or the end of the line ") +
                kQuoteHint +
                "\n1,\"마이크로소프트\"x,3\n"
                "                  ^\n"
                "t.csv:3:13: error: this row has 4 fields; expected 3, one per header column\n"
                "1,마이크로소프트,3,4\n"
                "                   ^\n");
  // A caret under a Hangul field spans its width.
  Table t = clean("id,name\n1,오픈AI\n");
  EXPECT_EQ(text::render(t.diagnose(0, 1, "m")), "t.csv:2:3: error: m\n1,오픈AI\n  ^~~~~~\n");
}

TEST(CsvReader, InvalidUtf8IsShownAsReplacementCharacter) {
  ReadResult r = read("a,b\n\xFF,1,2\n");
  EXPECT_EQ(rendered(r),
            "t.csv:2:5: error: this row has 3 fields; expected 2, one per header column\n"
            "\xEF\xBF\xBD,1,2\n"
            "    ^\n");
}

TEST(CsvReader, ProblemsAreCappedButAllCounted) {
  std::string text = "a,b\n";
  for (int i = 0; i < 50; ++i) text += "1,2,3\n";
  text += "4,5\n";
  ReadResult r = read(text, ',', 3);
  EXPECT_FALSE(r.fatal);
  EXPECT_EQ(r.bad_rows, 50u);
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].line, 2u);
  EXPECT_EQ(r.problems[2].line, 4u);
  EXPECT_EQ(rows_of(r.table), (Rows{{"4", "5"}}));
}

TEST(CsvReader, DiagnoseAFieldOrARow) {
  Table t = clean("id,name\n1,\"Sam Altman\"\n");
  // A quoted field's caret covers its quotes.
  EXPECT_EQ(text::render(t.diagnose(0, 1, "m")), "t.csv:2:3: error: m\n1,\"Sam Altman\"\n  ^~~~~~~~~~~~\n");
  EXPECT_EQ(text::render(t.diagnose(0, Table::npos, "m")), "t.csv:2:1: error: m\n1,\"Sam Altman\"\n^\n");
}

class CsvFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ergo-csv-reader-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(CsvFiles, ReadsAFile) {
  std::string path = (dir_ / "n.csv").string();
  std::ofstream(path, std::ios::binary) << "id,name\r\n1,\"a\"\"b\"\r\n";
  ReadResult r = read_file(path, {});
  EXPECT_EQ(rendered(r), "");
  EXPECT_EQ(r.table.file(), path);
  EXPECT_EQ(rows_of(r.table), (Rows{{"1", "a\"b"}}));
}

TEST_F(CsvFiles, MissingFileIsAnIoError) {
  std::string path = (dir_ / "missing.csv").string();
  ReadResult r = read_file(path, {});
  EXPECT_TRUE(r.fatal);
  EXPECT_TRUE(r.io_error);
  EXPECT_EQ(rendered(r), path + ": error: cannot open the file (No such file or directory)\n");
}

TEST_F(CsvFiles, DirectoryIsAnIoError) {
  ReadResult r = read_file(dir_.string(), {});
  EXPECT_TRUE(r.fatal);
  EXPECT_TRUE(r.io_error);
  EXPECT_EQ(rendered(r), dir_.string() + ": error: cannot read a directory; expected a CSV file\n");
}

TEST_F(CsvFiles, EmptyFileIsADataProblem) {
  std::string path = (dir_ / "empty.csv").string();
  std::ofstream(path).flush();
  ReadResult r = read_file(path, {});
  EXPECT_TRUE(r.fatal);
  EXPECT_FALSE(r.io_error);
}

// --- Tokenizing on several threads

// Random CSV text: plain, quoted and escaped fields, quoted line breaks,
// "" fields, blank lines, CRLF, rows with a field too many or too few, text
// after a closing quote; now and then an unterminated quote at the end.
std::string random_csv(std::mt19937& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  std::string text = "a,b,c\n";
  const int rows = 1 + pick(300);
  for (int r = 0; r < rows; ++r) {
    if (pick(20) == 0) text += pick(2) ? "\n" : "\r\n";
    int fields = pick(25) == 0 ? 2 + 2 * pick(2) : 3;
    for (int f = 0; f < fields; ++f) {
      if (f > 0) text += ',';
      switch (pick(10)) {
        case 0: text += "\"x,\ny\""; break;
        case 1: text += "\"say \"\"hi\"\"\""; break;
        case 2: text += "\"\""; break;
        case 3: text += "\"q\"z"; break;
        case 4: break;
        default: text += "v" + std::to_string(pick(1000));
      }
    }
    text += pick(8) == 0 ? "\r\n" : "\n";
  }
  if (pick(30) == 0) text += "\"never closed\n";
  return text;
}

TEST(CsvReader, SeveralThreadsReadWhatOneReads) {
  std::mt19937 rng(20261205);
  for (int round = 0; round < 300; ++round) {
    std::string text = random_csv(rng);
    ReadResult one = read_text("t.csv", text, {',', 5});
    ReadOptions options{',', 5};
    options.threads = 1 + rng() % 6;
    options.bytes_per_thread = 1 + rng() % 200;
    ReadResult many = read_text("t.csv", text, options);
    SCOPED_TRACE(text);
    EXPECT_EQ(rows_of(many.table), rows_of(one.table));
    EXPECT_EQ(rendered(many), rendered(one));
    EXPECT_EQ(many.bad_rows, one.bad_rows);
    EXPECT_EQ(many.fatal, one.fatal);
    for (std::size_t r = 0; r < one.table.rows(); ++r) {
      EXPECT_EQ(many.table.line_of(r), one.table.line_of(r));
      for (std::size_t c = 0; c < one.table.columns(); ++c) {
        EXPECT_EQ(many.table.quoted_empty(r, c), one.table.quoted_empty(r, c));
      }
    }
  }
}

// A file is read in parts, one a thread, each into its place.
TEST(CsvReader, AFileReadInPartsOnSeveralThreadsIsTheFile) {
  const auto path = std::filesystem::temp_directory_path() / ("ergo-csv-parts-" + std::to_string(::getpid()) + ".csv");
  std::mt19937 rng(20261206);
  for (int round = 0; round < 40; ++round) {
    std::string text = random_csv(rng);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    ReadResult one = read_text(path.string(), text, {',', 5});
    ReadOptions options{',', 5};
    options.threads = 2 + rng() % 5;
    options.bytes_per_thread = 1 + rng() % 64;
    ReadResult parts = read_file(path.string(), options);
    SCOPED_TRACE(text);
    EXPECT_EQ(rows_of(parts.table), rows_of(one.table));
    EXPECT_EQ(rendered(parts), rendered(one));
    EXPECT_EQ(parts.fatal, one.fatal);
  }
  std::filesystem::remove(path);
}

// Rows written with quoting where it is needed read back as written, on any
// number of threads: fields with delimiters, quotes and line breaks, and now
// and then a field so long (40,000 bytes) that its record no longer fits
// the compact 4-byte fields and the whole table is tokenized again wide.
TEST(CsvReader, RowsWrittenWithQuotesReadBackAsWritten) {
  std::mt19937 rng(20261207);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  auto quoted = [](const std::string& field) {
    if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  for (int round = 0; round < 60; ++round) {
    Rows rows;
    std::string text = "a,b,c\n";
    const int count = 1 + pick(200);
    const int long_at = pick(3) == 0 ? pick(count) : -1;
    for (int r = 0; r < count; ++r) {
      std::vector<std::string> row;
      for (int f = 0; f < 3; ++f) {
        std::string field;
        switch (pick(8)) {
          case 0: field = "say \"hi\", twice"; break;
          case 1: field = "two\nlines"; break;
          case 2: field = "\"\""; break;
          case 3: break;
          default: field = "v" + std::to_string(pick(100000));
        }
        if (r == long_at && f == 1) field = std::string(40000, 'x') + (pick(2) ? "\"quoted\"" : "");
        text += (f ? "," : "") + quoted(field);
        row.push_back(field);
      }
      text += pick(5) == 0 ? "\r\n" : "\n";
      rows.push_back(std::move(row));
    }
    ReadOptions options{',', 5};
    options.threads = 1 + rng() % 4;
    options.bytes_per_thread = 1 + rng() % 4096;
    ReadResult r = read_text("t.csv", text, options);
    SCOPED_TRACE("round " + std::to_string(round));
    EXPECT_EQ(rendered(r), "");
    EXPECT_EQ(rows_of(r.table), rows);
    for (std::size_t row = 0; row < rows.size(); ++row) {
      EXPECT_EQ(r.table.quoted_empty(row, 0), false);
    }
  }
}

// A row too long for compact fields after a bad row and before others: the
// table is tokenized again, and the problems, line numbers and fields are
// those of one pass.
TEST(CsvReader, ALongRecordTokenizesTheTableAgainWithTheSameProblems) {
  const std::string long_field(33000, 'y');
  const std::string text = "a,b\n1,\"x\"z\n2,\"\"\n3," + long_field + "\n4,\"p \"\"q\"\"\"\n5\n";
  for (std::size_t threads : {1, 3}) {
    ReadOptions options{',', 5};
    options.threads = threads;
    options.bytes_per_thread = 8;
    ReadResult r = read_text("t.csv", text, options);
    SCOPED_TRACE(std::to_string(threads) + " threads");
    EXPECT_EQ(rows_of(r.table), (Rows{{"2", ""}, {"3", long_field}, {"4", "p \"q\""}}));
    EXPECT_TRUE(r.table.quoted_empty(0, 1));
    EXPECT_FALSE(r.table.quoted_empty(1, 1));
    EXPECT_EQ(r.table.line_of(2), 5u);
    EXPECT_EQ(r.bad_rows, 2u);
    EXPECT_EQ(rendered(r),
              "t.csv:2:6: error: text after the closing quote; expected ',' or the end of the line " +
                  std::string(kQuoteHint) + "\n1,\"x\"z\n     ^\n"
                  "t.csv:6:2: error: this row has 1 field; expected 2, one per header column (no value for 'b')\n5\n"
                  " ^\n");
  }
}

}  // namespace
}  // namespace ergo::csv
