// The streaming CSV records of LOAD CSV (grammar/csv/record_reader.hpp):
// quoting, line ends, blank lines, absent versus empty fields, and where
// malformed records are reported.
#include <gtest/gtest.h>

#include <sstream>

#include "grammar/csv/record_reader.hpp"

namespace ergo::csv {
namespace {

// Every record, fields shown as text or `-` when absent, joined by '|'.
std::vector<std::string> records(const std::string& text, char delimiter = ',') {
  std::istringstream in(text);
  RecordReader reader(in, delimiter);
  std::vector<std::string> out;
  std::vector<RecordField> fields;
  while (reader.next(fields)) {
    std::string line = std::to_string(reader.line()) + ":";
    for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "|" : "") + (fields[i].present ? fields[i].text : "-");
    out.push_back(line);
  }
  return out;
}

std::string failure(const std::string& text) {
  std::istringstream in(text);
  RecordReader reader(in, ',');
  std::vector<RecordField> fields;
  try {
    while (reader.next(fields)) {
    }
  } catch (const RecordError& e) {
    return std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.what();
  }
  return "no error";
}

TEST(CsvRecords, FieldsQuotesAndLineEnds) {
  EXPECT_EQ(records("a,b,c\n1,,3\r\n,\n"), (std::vector<std::string>{"1:a|b|c", "2:1|-|3", "3:-|-"}));
  EXPECT_EQ(records("\"a,b\",\"say \"\"hi\"\"\",\"\"\n"), (std::vector<std::string>{"1:a,b|say \"hi\"|"}));
  EXPECT_EQ(records("\"two\nlines\",x\nnext"), (std::vector<std::string>{"1:two\nlines|x", "3:next"}));
  EXPECT_EQ(records("in\"side,x\n"), (std::vector<std::string>{"1:in\"side|x"}));
}

TEST(CsvRecords, BlankLinesAndByteOrderMarkAreSkipped) {
  EXPECT_EQ(records("\xEF\xBB\xBFh\n\n\r\nv\n\n"), (std::vector<std::string>{"1:h", "4:v"}));
  EXPECT_TRUE(records("").empty());
  EXPECT_TRUE(records("\n\n").empty());
}

TEST(CsvRecords, OtherDelimiters) {
  EXPECT_EQ(records("a;b,c\n", ';'), (std::vector<std::string>{"1:a|b,c"}));
  EXPECT_EQ(records("a\tb\n", '\t'), (std::vector<std::string>{"1:a|b"}));
}

TEST(CsvRecords, MalformedRecordsSayWhere) {
  EXPECT_EQ(failure("ok\n\"never closed\n"),
            "2:1 a quoted field is never closed: add the closing '\"' (a quote inside a quoted field is written "
            "twice, \"\")");
  EXPECT_EQ(failure("a,\"b\"c\n"),
            "1:6 text after the closing quote of a field: quote the whole field, writing a quote inside it twice "
            "(\"\")");
}

}  // namespace
}  // namespace ergo::csv
