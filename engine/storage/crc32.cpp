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
  if (bytes.size() >= 64 && has_clmul()) return ~by_clmul(crc, bytes.data(), bytes.size());
#endif
  return ~by_table(crc, bytes.data(), bytes.size());
}

std::uint32_t crc32_portable(std::span<const std::byte> bytes, std::uint32_t crc) {
  return ~by_table(~crc, bytes.data(), bytes.size());
}

}  // namespace ergo::storage
