// CRC-32 (the IEEE polynomial zlib and gzip use), so every record on disk can
// say whether it reads back as written. Written here rather than linked from
// zlib (no new dependency for embedders), and faster than zlib's where the
// processor multiplies carry-less (crc32.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace ergo::storage {

// The CRC-32 of `bytes`, continuing from `crc` (0 to start).
std::uint32_t crc32(std::span<const std::byte> bytes, std::uint32_t crc = 0);

// The CRC-32 of A followed by B from the CRC-32s of each and B's length:
// a long record's bytes checked in parts at once, then joined (O(log n)).
std::uint32_t crc32_combine(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t bytes_b);

// The same value by the table alone, as on a processor without the
// carry-less multiply: for tests and benchmarks to hold the two together.
std::uint32_t crc32_portable(std::span<const std::byte> bytes, std::uint32_t crc = 0);

}  // namespace ergo::storage
