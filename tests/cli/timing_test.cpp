// What --timing and :timing show: the time, and for big answers the rate.
#include <gtest/gtest.h>

#include "tools/ergo/session.hpp"

namespace ergo::cli {
namespace {

TEST(Timing, SmallAnswersShowTheTimeOnly) {
  EXPECT_EQ(timing_text(6, 0.4), "0.4 ms");
  EXPECT_EQ(timing_text(9999, 35), "35 ms");
}

TEST(Timing, BigAnswersShowRowsPerSecond) {
  EXPECT_EQ(timing_text(10000000, 1310), "1.31 s, 7.6M rows/s");
  EXPECT_EQ(timing_text(20000, 80), "80 ms, 250k rows/s");
}

}  // namespace
}  // namespace ergo::cli
