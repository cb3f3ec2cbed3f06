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
  // Each 16-byte block's matches (0xFF, that is -1) are subtracted from
  // byte counters, 255 blocks at most, which are then summed by psadbw:
  // baseline x86-64 has no popcnt instruction.
  const __m128i newline = _mm_set1_epi8('\n');
  while (end - at >= 16) {
    __m128i counts = _mm_setzero_si128();
    for (int blocks = 0; blocks < 255 && end - at >= 16; ++blocks, at += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(bytes, newline));
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    count += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; at < end; ++at) count += *at == '\n';
  return count;
}

}  // namespace ergo::csv
