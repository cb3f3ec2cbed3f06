// Large arrays on huge pages: a large array starts at a 2 MiB boundary
// (where the kernel can back it with whole huge pages); small ones come
// from the ordinary allocator; growing across the threshold keeps every
// element; a file's bytes are left unwritten, and so is what an unzeroed
// array grows by; a copy leaves an eighth more.
#include "grammar/text/huge_pages.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <numeric>
#include <string>

namespace ergo::text {
namespace {

constexpr std::uintptr_t kTwoMiB = std::uintptr_t{2} << 20;

bool on_a_huge_page_boundary(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % kTwoMiB == 0; }

TEST(HugePages, LargeArraysStartAtAHugePageBoundary) {
  HugeVector<std::uint32_t> large(kHugePageWorthy / sizeof(std::uint32_t) * 3 + 7);
  EXPECT_TRUE(on_a_huge_page_boundary(large.data()));
  // Every byte is usable, up to the last element.
  std::iota(large.begin(), large.end(), 0u);
  EXPECT_EQ(large.back(), large.size() - 1);

  HugeVector<std::uint32_t> small(10);
  std::iota(small.begin(), small.end(), 0u);
  EXPECT_EQ(small[9], 9u);
}

TEST(HugePages, GrowingPastTheThresholdKeepsEveryElement) {
  HugeVector<std::uint64_t> v;
  const std::size_t n = kHugePageWorthy / sizeof(std::uint64_t) * 5;
  for (std::uint64_t i = 0; i < n; ++i) v.push_back(i * 3);
  ASSERT_EQ(v.size(), n);
  EXPECT_TRUE(on_a_huge_page_boundary(v.data()));
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(v[i], i * 3) << i;
  v.resize(5);  // capacity stays large
  v.shrink_to_fit();  // back to the ordinary allocator
  EXPECT_EQ(v, (HugeVector<std::uint64_t>{0, 3, 6, 9, 12}));
}

// An array that is not zeroed when it grows (what the tokenizing threads
// write into): large ones are on huge pages too; what it held is kept,
// values given are written, and types that need constructing are
// constructed.
TEST(HugePages, UnzeroedArraysKeepWhatTheyHeldAndConstructWhatNeedsIt) {
  UnzeroedHugeVector<std::uint32_t> v{1, 2, 3};
  v.resize(kHugePageWorthy / sizeof(std::uint32_t) * 2);
  EXPECT_TRUE(on_a_huge_page_boundary(v.data()));
  EXPECT_EQ(v[0] + v[1] + v[2], 6u);
  v.resize(v.size() + 5, 7u);
  EXPECT_EQ(v.back(), 7u);
  std::iota(v.begin(), v.end(), 0u);
  v.resize(4);
  v.shrink_to_fit();
  EXPECT_EQ(v, (UnzeroedHugeVector<std::uint32_t>{0, 1, 2, 3}));

  UnzeroedHugeVector<std::string> strings(3);
  strings.resize(kHugePageWorthy / sizeof(std::string) + 1);
  EXPECT_EQ(strings.front(), "");
  EXPECT_EQ(strings.back(), "");
}

TEST(HugePages, ArraysMoveAndSwapAsWithTheOrdinaryAllocator) {
  HugeVector<int> a(kHugePageWorthy / sizeof(int) + 1, 7);
  const int* data = a.data();
  HugeVector<int> b = std::move(a);
  EXPECT_EQ(b.data(), data);  // moved, not copied
  HugeVector<int> c{1, 2};
  c.swap(b);
  EXPECT_EQ(c.data(), data);
  EXPECT_EQ(b, (HugeVector<int>{1, 2}));
}

TEST(HugePages, StringsOfAnySize) {
  HugeString s;
  for (int i = 0; i < 300000; ++i) s += "name";
  EXPECT_EQ(s.size(), 1200000u);
  EXPECT_EQ(std::string_view(s).substr(s.size() - 4), "name");
  EXPECT_TRUE(on_a_huge_page_boundary(s.data()));
}

TEST(HugePages, BytesSmallAndLarge) {
  for (std::size_t n : {std::size_t{0}, std::size_t{100}, kHugePageWorthy + 1}) {
    HugeBytes bytes = allocate_huge_bytes(n);
    if (n >= kHugePageWorthy) {
      EXPECT_TRUE(on_a_huge_page_boundary(bytes.get()));
    }
    std::memset(bytes.get(), 'x', n);
    if (n > 0) {
      EXPECT_EQ(bytes[n - 1], 'x');
    }
  }
}

// Huge pages are advised only when ERGO_HUGE_PAGES asks for them (the
// default is off: huge_pages.hpp says why); the process reads it once.
TEST(HugePages, AdvisedOnlyWhenTheEnvironmentAsks) {
  EXPECT_FALSE(huge_pages_asked(nullptr));
  for (const char* on : {"1", "on", "yes", "true"}) EXPECT_TRUE(huge_pages_asked(on)) << on;
  for (const char* off : {"", "0", "off", "no", "false", "2", "ON", " 1"}) EXPECT_FALSE(huge_pages_asked(off)) << off;
  const char* setting = std::getenv("ERGO_HUGE_PAGES");
  EXPECT_EQ(huge_pages_advised(), huge_pages_asked(setting));
}

TEST(HugePages, ACopyLeavesAnEighthMoreRoom) {
  HugeVector<std::uint32_t> v(800);
  std::iota(v.begin(), v.end(), 1u);
  const HugeVector<std::uint32_t> copy = copy_with_room(v);
  EXPECT_EQ(copy, v);
  EXPECT_GE(copy.capacity(), 900u);
  EXPECT_EQ(with_room_to_grow(800), 900u);
  EXPECT_EQ(with_room_to_grow(0), 0u);
}

}  // namespace
}  // namespace ergo::text
