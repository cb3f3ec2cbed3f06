// CRC-32 (the IEEE polynomial zlib and gzip use), so every record on disk can
// say whether it reads back as written. Written here rather than linked from
// zlib: 20 lines do not justify a new dependency for embedders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace ergo::storage {

// The CRC-32 of `bytes`, continuing from `crc` (0 to start).
std::uint32_t crc32(std::span<const std::byte> bytes, std::uint32_t crc = 0);

}  // namespace ergo::storage
