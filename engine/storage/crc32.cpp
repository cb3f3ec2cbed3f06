// CRC-32 (see crc32.hpp) two ways that give the same values:
// - where the processor multiplies carry-less (PCLMULQDQ, every x86-64 of the
//   last decade), 64 bytes at a time are folded forward by multiplying with
//   x^n mod P (Intel's "Fast CRC Computation for Generic Polynomials Using
//   PCLMULQDQ"), several GB/s: opening a database checks every byte of its
//   snapshot, and the table below was a quarter of a reopen;
// - elsewhere, and for the last 16 + <16 bytes, a table eight bytes at a time
//   ("slicing-by-8").
#include "engine/storage/crc32.hpp"

#include <array>
#include <bit>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define ERGO_CRC32_CLMUL 1
#endif

namespace ergo::storage {
namespace {

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

// tables[0] is the classic byte table; tables[k][i] is the CRC of byte i
// followed by k zero bytes, so eight lookups fold eight bytes at once.
constexpr Tables make_tables() {
  Tables t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (std::uint32_t i = 0; i < 256; ++i) {
    for (std::size_t k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
  }
  return t;
}

constexpr Tables tables = make_tables();

// The register (not inverted) after `n` more bytes.
std::uint32_t by_table(std::uint32_t crc, const std::byte* p, std::size_t n) {
  static_assert(std::endian::native == std::endian::little, "the eight-byte fold reads little-endian words");
  for (; n >= 8; p += 8, n -= 8) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + 4, 4);
    lo ^= crc;
    crc = tables[7][lo & 0xFF] ^ tables[6][(lo >> 8) & 0xFF] ^ tables[5][(lo >> 16) & 0xFF] ^ tables[4][lo >> 24] ^
          tables[3][hi & 0xFF] ^ tables[2][(hi >> 8) & 0xFF] ^ tables[1][(hi >> 16) & 0xFF] ^ tables[0][hi >> 24];
  }
  for (; n > 0; ++p, --n) crc = tables[0][(crc ^ static_cast<std::uint8_t>(*p)) & 0xFF] ^ (crc >> 8);
  return crc;
}

#ifdef ERGO_CRC32_CLMUL

// Folds 16 bytes `x` forward over the next `distance` bytes: its low and
// high halves times x^(8·distance+32) and x^(8·distance-32) mod P (bit
// reflected, as the register is), so x followed by the rest of the message
// has the same CRC as before. The constants are those powers for 64 and 16
// bytes.
__attribute__((target("pclmul,sse2"))) inline __m128i fold(__m128i x, __m128i powers) {
  return _mm_xor_si128(_mm_clmulepi64_si128(x, powers, 0x00), _mm_clmulepi64_si128(x, powers, 0x11));
}

// The register after at least 64 bytes: four lanes folded 64 bytes at a
// time, then into one, then 16 at a time; the last 16 folded bytes and the
// under-16 tail go through the table (folding keeps the message's CRC the
// same, so the folded value is simply the rest of the message, from 0).
__attribute__((target("pclmul,sse2"))) std::uint32_t by_clmul(std::uint32_t crc, const std::byte* p, std::size_t n) {
  const __m128i by_64 = _mm_set_epi64x(0x1c6e41596, 0x154442bd4);
  const __m128i by_16 = _mm_set_epi64x(0x0ccaa009e, 0x1751997d0);
  auto load = [](const std::byte* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
  __m128i x0 = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(crc)));
  __m128i x1 = load(p + 16), x2 = load(p + 32), x3 = load(p + 48);
  p += 64;
  n -= 64;
  for (; n >= 64; p += 64, n -= 64) {
    x0 = _mm_xor_si128(fold(x0, by_64), load(p));
    x1 = _mm_xor_si128(fold(x1, by_64), load(p + 16));
    x2 = _mm_xor_si128(fold(x2, by_64), load(p + 32));
    x3 = _mm_xor_si128(fold(x3, by_64), load(p + 48));
  }
  __m128i x = _mm_xor_si128(fold(x0, by_16), x1);
  x = _mm_xor_si128(fold(x, by_16), x2);
  x = _mm_xor_si128(fold(x, by_16), x3);
  for (; n >= 16; p += 16, n -= 16) x = _mm_xor_si128(fold(x, by_16), load(p));
  alignas(16) std::byte last[16];
  _mm_store_si128(reinterpret_cast<__m128i*>(last), x);
  return by_table(by_table(0, last, 16), p, n);
}

bool has_clmul() {
  static const bool has = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse2");
  return has;
}

// The folding constant for `bits`: x^bits mod P, bit-reflected and shifted
// left by one, as the paper's (and the constants above: checked below).
constexpr std::uint64_t fold_constant(unsigned bits) {
  std::uint64_t v = 1;
  for (unsigned i = 0; i < bits; ++i) {
    v <<= 1;
    if (v & 0x100000000ull) v ^= 0x104C11DB7ull;  // P, not reflected
  }
  std::uint32_t reflected = 0;
  for (int b = 0; b < 32; ++b) {
    if (v & (std::uint64_t{1} << b)) reflected |= 1u << (31 - b);
  }
  return std::uint64_t{reflected} << 1;
}
static_assert(fold_constant(8 * 64 + 32) == 0x154442bd4 && fold_constant(8 * 64 - 32) == 0x1c6e41596);
static_assert(fold_constant(8 * 16 + 32) == 0x1751997d0 && fold_constant(8 * 16 - 32) == 0x0ccaa009e);

// The register after at least 128 bytes, 128 bytes at a time in four
// 256-bit lanes pairs where the processor multiplies carry-less 256 bits
// at once (VPCLMULQDQ): twice by_clmul's speed here, and a reopen checks
// every byte of its snapshot. The eight 16-byte lanes are then folded into
// one in order, and the rest goes as in by_clmul.
#define ERGO_VPCLMUL __attribute__((target("vpclmulqdq,avx2,pclmul,sse2")))
// 32 bytes folded forward as two 16-byte lanes, each as fold() does.
ERGO_VPCLMUL inline __m256i fold_256(__m256i x, __m256i powers) {
  return _mm256_xor_si256(_mm256_clmulepi64_epi128(x, powers, 0x00), _mm256_clmulepi64_epi128(x, powers, 0x11));
}
ERGO_VPCLMUL inline __m256i load_256(const std::byte* at) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
}

ERGO_VPCLMUL std::uint32_t by_vpclmul(std::uint32_t crc, const std::byte* p,
                                                                                std::size_t n) {
  constexpr long long lo = static_cast<long long>(fold_constant(8 * 128 + 32));
  constexpr long long hi = static_cast<long long>(fold_constant(8 * 128 - 32));
  const __m256i by_128 = _mm256_set_epi64x(hi, lo, hi, lo);
  const __m128i by_16 = _mm_set_epi64x(0x0ccaa009e, 0x1751997d0);
  __m256i x0 = _mm256_xor_si256(load_256(p), _mm256_set_epi32(0, 0, 0, 0, 0, 0, 0, static_cast<int>(crc)));
  __m256i x1 = load_256(p + 32), x2 = load_256(p + 64), x3 = load_256(p + 96);
  p += 128;
  n -= 128;
  for (; n >= 128; p += 128, n -= 128) {
    x0 = _mm256_xor_si256(fold_256(x0, by_128), load_256(p));
    x1 = _mm256_xor_si256(fold_256(x1, by_128), load_256(p + 32));
    x2 = _mm256_xor_si256(fold_256(x2, by_128), load_256(p + 64));
    x3 = _mm256_xor_si256(fold_256(x3, by_128), load_256(p + 96));
  }
  __m128i x = _mm256_castsi256_si128(x0);
  x = _mm_xor_si128(fold(x, by_16), _mm256_extracti128_si256(x0, 1));
  x = _mm_xor_si128(fold(x, by_16), _mm256_castsi256_si128(x1));
  x = _mm_xor_si128(fold(x, by_16), _mm256_extracti128_si256(x1, 1));
  x = _mm_xor_si128(fold(x, by_16), _mm256_castsi256_si128(x2));
  x = _mm_xor_si128(fold(x, by_16), _mm256_extracti128_si256(x2, 1));
  x = _mm_xor_si128(fold(x, by_16), _mm256_castsi256_si128(x3));
  x = _mm_xor_si128(fold(x, by_16), _mm256_extracti128_si256(x3, 1));
  for (; n >= 16; p += 16, n -= 16) {
    x = _mm_xor_si128(fold(x, by_16), _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  }
  alignas(16) std::byte last[16];
  _mm_store_si128(reinterpret_cast<__m128i*>(last), x);
  return by_table(by_table(0, last, 16), p, n);
}

bool has_vpclmul() {
  static const bool has = has_clmul() && __builtin_cpu_supports("vpclmulqdq") && __builtin_cpu_supports("avx2");
  return has;
}

#endif

// a·b mod P, both bit-reflected as the register is (bit 31 is x^0).
std::uint32_t times_mod_p(std::uint32_t a, std::uint32_t b) {
  std::uint32_t product = 0;
  for (int i = 0; i < 32; ++i, b = (b & 1) ? (b >> 1) ^ 0xEDB88320u : b >> 1) {  // b·x^i
    if (a & (0x80000000u >> i)) product ^= b;
  }
  return product;
}

}  // namespace

std::uint32_t crc32_combine(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t bytes_b) {
  // Appending B shifts A's remainder by 8·|B| bits: times x^(8·|B|) mod P,
  // by squaring. The inversions at either end cancel (as zlib's combine).
  std::uint32_t shift = 0x80000000u;         // x^0
  std::uint32_t power = 0x80000000u >> 8;    // x^8, then x^16, x^32, ...
  for (; bytes_b != 0; bytes_b >>= 1, power = times_mod_p(power, power)) {
    if (bytes_b & 1) shift = times_mod_p(shift, power);
  }
  return times_mod_p(shift, crc_a) ^ crc_b;
}

std::uint32_t crc32(std::span<const std::byte> bytes, std::uint32_t crc) {
  crc = ~crc;
#ifdef ERGO_CRC32_CLMUL
  if (bytes.size() >= 256 && has_vpclmul()) return ~by_vpclmul(crc, bytes.data(), bytes.size());
  if (bytes.size() >= 64 && has_clmul()) return ~by_clmul(crc, bytes.data(), bytes.size());
#endif
  return ~by_table(crc, bytes.data(), bytes.size());
}

std::uint32_t crc32_portable(std::span<const std::byte> bytes, std::uint32_t crc) {
  return ~by_table(~crc, bytes.data(), bytes.size());
}

}  // namespace ergo::storage
