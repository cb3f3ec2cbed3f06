// text::run_parts (grammar/text/parallel.hpp): every part runs once, on
// the calling thread for part 0; an exception in any part reaches the
// caller after every part has ended.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <stdexcept>
#include <thread>
#include <vector>

#include "grammar/text/parallel.hpp"

namespace ergo::text {
namespace {

TEST(RunParts, EveryPartRunsOnceAndPartZeroOnTheCaller) {
  for (std::size_t parts : {0, 1, 2, 5}) {
    std::vector<std::atomic<int>> runs(parts);
    std::thread::id zero;
    run_parts(parts, [&](std::size_t p) {
      ++runs[p];
      if (p == 0) zero = std::this_thread::get_id();
    });
    for (std::size_t p = 0; p < parts; ++p) EXPECT_EQ(runs[p].load(), 1) << parts << " parts, part " << p;
    if (parts > 0) {
      EXPECT_EQ(zero, std::this_thread::get_id());
    }
  }
}

TEST(RunParts, AnExceptionInAnyPartReachesTheCallerAfterAllHaveEnded) {
  for (std::size_t failing = 0; failing < 3; ++failing) {
    std::atomic<int> ended{0};
    try {
      run_parts(3, [&](std::size_t p) {
        if (p == failing) throw std::runtime_error("part " + std::to_string(p));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        ++ended;
      });
      ADD_FAILURE() << "no exception for part " << failing;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "part " + std::to_string(failing));
    }
    EXPECT_EQ(ended.load(), 2) << "failing part " << failing;
  }
}

}  // namespace
}  // namespace ergo::text
