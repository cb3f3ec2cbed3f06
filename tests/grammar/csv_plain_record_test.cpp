// The tokenizer's fast path (grammar/csv/plain_record.hpp) against a
// byte-at-a-time model of what it promises, on records cut across its
// 16-byte blocks every way: quotes before, at and after the line's end,
// '\r' inside a field and before the '\n', the text ending mid-record, too
// many and too few fields, records just within and just past the length
// limit.
#include "grammar/csv/plain_record.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace ergo::csv {
namespace {

constexpr std::size_t kNotPlain = std::string_view::npos;

// What scan_plain_record must find: the field ends and the next record, or
// kNotPlain.
std::size_t model(std::string_view text, std::size_t pos, char delimiter, std::size_t columns,
                  std::vector<std::uint32_t>& ends, std::size_t max_length) {
  ends.clear();
  std::size_t i = pos;
  for (; i < text.size() && text[i] != '\n'; ++i) {
    if (text[i] == '"') return kNotPlain;
    if (text[i] == delimiter) ends.push_back(static_cast<std::uint32_t>(i - pos));
  }
  if (i - pos >= max_length) return kNotPlain;
  const std::size_t last_begin = ends.empty() ? pos : pos + ends.back() + 1;
  std::size_t end = i;
  if (end > last_begin && text[end - 1] == '\r') --end;
  ends.push_back(static_cast<std::uint32_t>(end - pos));
  if (ends.size() != columns) return kNotPlain;
  return i < text.size() ? i + 1 : text.size();
}

TEST(CsvPlainRecord, AgreesWithAByteAtATimeModel) {
  std::mt19937 rng(20261207);
  const std::string alphabet = "ab1-,,,\t\r\"";
  std::size_t plain = 0, not_plain = 0;
  for (int round = 0; round < 20000; ++round) {
    const char delimiter = rng() % 4 == 0 ? '\t' : ',';
    // A record of 0-70 bytes, mostly plain; then a line end or the text's end.
    std::string text;
    const std::size_t length = rng() % 71;
    for (std::size_t i = 0; i < length; ++i) {
      char c = alphabet[rng() % alphabet.size()];
      if (c == '"' && rng() % 8 != 0) c = 'x';  // quotes now and then
      text += c;
    }
    switch (rng() % 4) {
      case 0: break;  // the text ends here
      case 1: text += "\n"; break;
      case 2: text += "\r\n"; break;
      default: text += "\n\"q\",x\n"; break;  // a quote in the next record
    }
    const std::size_t pos = 0;
    std::size_t columns = 1;
    for (char c : text.substr(0, text.find('\n'))) columns += c == delimiter;
    if (rng() % 5 == 0) columns += rng() % 2 ? 1 : -1;  // the wrong count
    if (columns == 0) columns = 1;
    const std::size_t max_length = rng() % 3 == 0 ? rng() % 80 + 1 : 0x8000;
    std::vector<std::uint32_t> expected, got(columns + 1, 0xEEEEEEEE);
    const std::size_t want = model(text, pos, delimiter, columns, expected, max_length);
    const std::size_t next = scan_plain_record(text, pos, delimiter, columns, got.data(), max_length);
    ASSERT_EQ(next, want) << "round " << round << ": " << testing::PrintToString(text);
    if (next == kNotPlain) {
      ++not_plain;
      continue;
    }
    ++plain;
    got.resize(columns);
    ASSERT_EQ(got, expected) << "round " << round << ": " << testing::PrintToString(text);
  }
  // Both outcomes were tried many times.
  EXPECT_GT(plain, 5000u);
  EXPECT_GT(not_plain, 2000u);
}

TEST(CsvPlainRecord, StartsAnywhereInTheText) {
  const std::string text = "x,y\n10,twenty,30\n4,5,6";
  std::uint32_t ends[3];
  EXPECT_EQ(scan_plain_record(text, 4, ',', 3, ends, 0x8000), 17u);
  EXPECT_EQ(ends[0], 2u);
  EXPECT_EQ(ends[1], 9u);
  EXPECT_EQ(ends[2], 12u);
  EXPECT_EQ(scan_plain_record(text, 17, ',', 3, ends, 0x8000), text.size());
  EXPECT_EQ(ends[2], 5u);
  EXPECT_EQ(scan_plain_record(text, 0, ',', 3, ends, 0x8000), kNotPlain);  // two fields
}

}  // namespace
}  // namespace ergo::csv
