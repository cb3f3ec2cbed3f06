// 16 bytes at a time where SSE2 is there (every x86-64), a byte at a time
// otherwise and for the last bytes of the text (see plain_record.hpp).
#include "grammar/csv/plain_record.hpp"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ergo::csv {
namespace {

constexpr std::size_t kNotPlain = std::string_view::npos;

}  // namespace

std::size_t scan_plain_record(std::string_view text, std::size_t pos, char delimiter, std::size_t columns,
                              std::uint32_t* ends, std::size_t max_length) {
  const char* const base = text.data();
  const std::size_t size = text.size();
  const std::size_t limit = std::min(size, pos + max_length);
  std::size_t fields = 0;  // ended so far, each by a delimiter
  // The record's last field ends at `at` (a '\n' or the end of the text).
  auto finish = [&](std::size_t at) -> std::size_t {
    if (fields + 1 != columns) return kNotPlain;
    const std::size_t last_begin = fields == 0 ? pos : pos + ends[fields - 1] + 1;
    const std::size_t end = at > last_begin && base[at - 1] == '\r' ? at - 1 : at;
    ends[fields] = static_cast<std::uint32_t>(end - pos);
    return at < size ? at + 1 : size;
  };
  auto delimiter_at = [&](std::size_t at) {
    if (fields + 1 >= columns) return false;  // one field too many
    ends[fields++] = static_cast<std::uint32_t>(at - pos);
    return true;
  };
  std::size_t i = pos;
#if defined(__SSE2__)
  const __m128i delimiters = _mm_set1_epi8(delimiter), newlines = _mm_set1_epi8('\n'), quotes = _mm_set1_epi8('"');
  for (; i + 16 <= limit; i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
    const auto mask = [&](__m128i c) { return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, c))); };
    const unsigned newline = mask(newlines);
    // The bytes of this record in the block: up to its '\n'.
    const unsigned mine = newline ? (newline & -newline) - 1 : 0xFFFFu;
    if (mask(quotes) & mine) return kNotPlain;
    for (unsigned d = mask(delimiters) & mine; d != 0; d &= d - 1) {
      if (!delimiter_at(i + static_cast<std::size_t>(__builtin_ctz(d)))) return kNotPlain;
    }
    if (newline) return finish(i + static_cast<std::size_t>(__builtin_ctz(newline)));
  }
#endif
  for (; i < limit; ++i) {
    const char c = base[i];
    if (c == '\n') return finish(i);
    if (c == '"') return kNotPlain;
    if (c == delimiter && !delimiter_at(i)) return kNotPlain;
  }
  // The text ends the record: within the length too?
  return size - pos < max_length ? finish(size) : kNotPlain;
}

}  // namespace ergo::csv
