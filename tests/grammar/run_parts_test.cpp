// text::run_parts and text::run_in_steps (grammar/text/parallel.hpp):
// every part runs once (once a step), on the calling thread for part 0; the
// parts of a step start only after every part of the step before has
// ended; an exception in any part reaches the caller after every part has
// ended, and no step starts after it.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
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

// What each step's parts saw: the step between() last prepared, and how
// many parts of the step before had ended.
TEST(RunInSteps, EachStepStartsAfterTheWholeStepBeforeAndBetweenRunsBetween) {
  for (std::size_t parts : {1, 2, 3}) {
    const std::size_t steps = 200;
    std::size_t prepared = 0;
    std::atomic<std::size_t> ended{0};
    std::mutex m;
    std::vector<std::string> wrong;
    std::vector<std::vector<int>> runs(steps, std::vector<int>(parts, 0));
    std::thread::id zero;
    run_in_steps(
        steps, parts,
        [&](std::size_t step) {
          if (ended.load() != step * parts) wrong.push_back("between " + std::to_string(step) + " ran early");
          prepared = step;
        },
        [&](std::size_t step, std::size_t part, std::size_t n) {
          if (part == 0) zero = std::this_thread::get_id();
          if (n != parts || prepared != step || ended.load() < step * parts) {
            std::lock_guard lock(m);
            wrong.push_back("step " + std::to_string(step) + " part " + std::to_string(part));
          }
          ++runs[step][part];
          if (step % 7 == part) std::this_thread::sleep_for(std::chrono::microseconds(200));
          ++ended;
        });
    EXPECT_EQ(wrong, std::vector<std::string>{}) << parts << " parts";
    EXPECT_EQ(runs, std::vector<std::vector<int>>(steps, std::vector<int>(parts, 1))) << parts << " parts";
    EXPECT_EQ(zero, std::this_thread::get_id());
  }
}

TEST(RunInSteps, AfterAnExceptionNoStepStartsAndTheFirstReachesTheCaller) {
  for (std::size_t failing = 0; failing < 3; ++failing) {
    std::atomic<int> started_after{0};
    try {
      run_in_steps(
          10, 3, [](std::size_t) {},
          [&](std::size_t step, std::size_t part, std::size_t) {
            if (step > 4) ++started_after;
            if (step == 4 && part == failing) throw std::runtime_error("part " + std::to_string(part));
          });
      ADD_FAILURE() << "no exception for part " << failing;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "part " + std::to_string(failing));
    }
    EXPECT_EQ(started_after.load(), 0) << "failing part " << failing;
  }
  int steps_run = 0;
  EXPECT_THROW(run_in_steps(
                   5, 2,
                   [](std::size_t step) {
                     if (step == 2) throw std::length_error("between");
                   },
                   [&](std::size_t, std::size_t part, std::size_t) { steps_run += part == 0; }),
               std::length_error);
  EXPECT_EQ(steps_run, 2);
}

}  // namespace
}  // namespace ergo::text
