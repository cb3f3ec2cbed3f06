// Reserving large arrays on huge pages: growing keeps every element, in
// order, whether the array is small (plain reserve) or large (a fresh
// advised array the elements move into); grow_huge doubles as push_back
// would; a load's reservation leaves an eighth more room.
#include "grammar/text/huge_pages.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <numeric>
#include <vector>

namespace ergo::text {
namespace {

TEST(HugePages, ReservingKeepsTheElementsSmallOrLarge) {
  for (std::size_t n : {std::size_t{10}, kHugePageWorthy / sizeof(std::uint32_t) + 5}) {
    std::vector<std::uint32_t> v(n);
    std::iota(v.begin(), v.end(), 7u);
    reserve_huge(v, 3 * n);
    EXPECT_GE(v.capacity(), 3 * n);
    ASSERT_EQ(v.size(), n);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(v[i], i + 7) << i;
    const auto* data = v.data();
    reserve_huge(v, n);  // already room: nothing moves
    EXPECT_EQ(v.data(), data);
  }
}

TEST(HugePages, MoveOnlyElementsMoveIn) {
  std::vector<std::unique_ptr<int>> v;
  for (int i = 0; i < 3; ++i) v.push_back(std::make_unique<int>(i));
  reserve_huge(v, kHugePageWorthy / sizeof(v[0]) + 1);
  ASSERT_EQ(v.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(*v[i], i);
}

TEST(HugePages, GrowingDoublesAndALoadLeavesAnEighthMore) {
  std::vector<std::uint64_t> v(kHugePageWorthy / sizeof(std::uint64_t));
  v.shrink_to_fit();
  const std::size_t capacity = v.capacity();
  grow_huge(v, v.size() + 1);
  EXPECT_EQ(v.capacity(), 2 * capacity);
  grow_huge(v, 5 * capacity);  // more than double asked: that much
  EXPECT_EQ(v.capacity(), 5 * capacity);
  EXPECT_EQ(with_room_to_grow(800), 900u);
  EXPECT_EQ(with_room_to_grow(0), 0u);
}

}  // namespace
}  // namespace ergo::text
