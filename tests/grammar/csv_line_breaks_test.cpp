// count_line_breaks (grammar/csv/line_breaks.hpp) against std::count on
// texts of every length around its 64-byte steps, at every alignment.
#include "grammar/csv/line_breaks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace ergo::csv {
namespace {

TEST(CsvLineBreaks, CountsWhatStdCountCounts) {
  std::mt19937 rng(20261207);
  std::string text(400, 'x');
  for (char& c : text) c = rng() % 5 == 0 ? '\n' : static_cast<char>(rng() % 256);
  for (std::size_t begin = 0; begin < 70; ++begin) {
    for (std::size_t length = 0; begin + length <= text.size(); length += 1 + length / 16) {
      const std::string_view part = std::string_view(text).substr(begin, length);
      ASSERT_EQ(count_line_breaks(part), static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n')))
          << begin << "+" << length;
    }
  }
  EXPECT_EQ(count_line_breaks(std::string(1000, '\n')), 1000u);
}

}  // namespace
}  // namespace ergo::csv
