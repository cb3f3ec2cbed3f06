// CRC-32 as every file ergo writes records it: the IEEE polynomial's check
// value, and both fast paths (the carry-less multiply from 64 bytes on, the
// eight-bytes-at-a-time table below that and for the tail) giving what one
// bit at a time gives for every length and alignment, in one call or continued.
#include <gtest/gtest.h>

#include <random>
#include <string_view>
#include <vector>

#include "engine/storage/crc32.hpp"

namespace ergo::storage {
namespace {

std::span<const std::byte> bytes_of(std::string_view s) { return std::as_bytes(std::span(s.data(), s.size())); }

// The definition, one bit at a time.
std::uint32_t crc32_bitwise(std::span<const std::byte> bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::byte b : bytes) {
    crc ^= static_cast<std::uint8_t>(b);
    for (int k = 0; k < 8; ++k) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  return ~crc;
}

TEST(Crc32, KnownValues) {
  EXPECT_EQ(crc32(bytes_of("")), 0u);
  EXPECT_EQ(crc32(bytes_of("123456789")), 0xCBF43926u);  // the polynomial's check value
  EXPECT_EQ(crc32(bytes_of("The quick brown fox jumps over the lazy dog")), 0x414FA339u);
}

TEST(Crc32, EveryLengthAlignmentAndSplitAgreesWithTheDefinition) {
  std::mt19937 rng(5);
  std::vector<std::byte> data(5000);
  for (auto& b : data) b = static_cast<std::byte>(rng());
  for (std::size_t start = 0; start < 8; ++start) {
    for (std::size_t length = 0; start + length <= data.size(); length += 1 + length / 16) {
      const std::span<const std::byte> part(data.data() + start, length);
      const std::uint32_t expected = crc32_bitwise(part);
      ASSERT_EQ(crc32(part), expected) << start << "+" << length;
      ASSERT_EQ(crc32_portable(part), expected) << start << "+" << length;
      const std::size_t cut = length / 3;
      EXPECT_EQ(crc32(part.subspan(cut), crc32(part.first(cut))), expected) << start << "+" << length;
      EXPECT_EQ(crc32(part.subspan(cut), crc32_portable(part.first(cut))), expected) << start << "+" << length;
    }
  }
}

// A long record is checked in pieces on several threads and its pieces'
// checksums joined: the join must give the whole's, for every cut, an empty
// piece either side included, and for pieces far longer than the 32 bits
// of the register (the shift is taken by squaring).
TEST(Crc32, PiecesJoinIntoTheChecksumOfTheWhole) {
  std::mt19937 rng(9);
  std::vector<std::byte> data(3 << 20);
  for (auto& b : data) b = static_cast<std::byte>(rng());
  const std::span<const std::byte> all(data);
  // Long enough for every fold: 256-bit (where the processor has it), 64-byte, 16-byte.
  EXPECT_EQ(crc32(all), crc32_portable(all));
  EXPECT_EQ(crc32(all.subspan(5, 1000003)), crc32_portable(all.subspan(5, 1000003)));
  for (std::size_t length : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{64}, std::size_t{1000},
                             std::size_t{65537}, data.size()}) {
    const auto whole = all.first(length);
    const std::uint32_t expected = crc32(whole);
    for (std::size_t cut : {std::size_t{0}, length / 7, length / 2, length}) {
      EXPECT_EQ(crc32_combine(crc32(whole.first(cut)), crc32(whole.subspan(cut)), length - cut), expected)
          << length << " cut at " << cut;
    }
  }
  // Three pieces joined left to right, as the reader joins a record's.
  const std::size_t a = 1 << 20, b = (1 << 20) + 3;
  std::uint32_t joined = crc32(all.first(a));
  joined = crc32_combine(joined, crc32(all.subspan(a, b)), b);
  joined = crc32_combine(joined, crc32(all.subspan(a + b)), all.size() - a - b);
  EXPECT_EQ(joined, crc32(all));
}

}  // namespace
}  // namespace ergo::storage
