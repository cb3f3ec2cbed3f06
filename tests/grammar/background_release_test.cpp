// Memory given back on the releasing thread (grammar/text/background_release.hpp):
// everything given is done, in order, off the caller's thread, by the time
// wait_for_releases() returns.
#include "grammar/text/background_release.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ergo::text {
namespace {

TEST(BackgroundRelease, RunsEverythingInOrderOffTheCallersThread) {
  std::mutex m;
  std::vector<int> done;
  std::vector<std::thread::id> where;
  for (int i = 0; i < 100; ++i) {
    release_in_background([&, i] {
      std::lock_guard lock(m);
      done.push_back(i);
      where.push_back(std::this_thread::get_id());
    });
  }
  wait_for_releases();
  std::lock_guard lock(m);
  ASSERT_EQ(done.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(done[i], i);
  for (const auto& id : where) EXPECT_NE(id, std::this_thread::get_id());
}

TEST(BackgroundRelease, WhatItOwnsIsFreedThere) {
  auto block = std::make_shared<std::vector<char>>(1 << 20, 'x');
  std::weak_ptr<std::vector<char>> seen = block;
  release_in_background([block = std::move(block)]() mutable { block.reset(); });
  wait_for_releases();
  EXPECT_TRUE(seen.expired());
}

}  // namespace
}  // namespace ergo::text
