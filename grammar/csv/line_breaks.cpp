// SSE2 where it is there (every x86-64), else a byte at a time (see
// line_breaks.hpp).
#include "grammar/csv/line_breaks.hpp"

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ergo::csv {

std::size_t count_line_breaks(std::string_view text) {
  const char* at = text.data();
  const char* const end = at + text.size();
  std::size_t count = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  auto mask = [&](const char* p) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, newline))));
  };
  for (; end - at >= 64; at += 64) {
    count += static_cast<std::size_t>(
        __builtin_popcountll(mask(at) | mask(at + 16) << 16 | mask(at + 32) << 32 | mask(at + 48) << 48));
  }
#endif
  for (; at < end; ++at) count += *at == '\n';
  return count;
}

}  // namespace ergo::csv
