// Record framing (see frame.hpp).
#include "engine/storage/frame.hpp"

#include <algorithm>
#include <cstring>

#include "engine/storage/crc32.hpp"

namespace ergo::storage {
namespace {

void put32(std::byte* out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<std::byte>(v >> (8 * i));
}

std::uint32_t get32(const std::byte* in) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= std::uint32_t(static_cast<std::uint8_t>(in[i])) << (8 * i);
  return v;
}

}  // namespace

bool all_zero(std::span<const std::byte> bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](std::byte b) { return b == std::byte{0}; });
}

std::array<std::byte, file_header_size> file_header(const Magic& magic, std::uint32_t version) {
  std::array<std::byte, file_header_size> h{};
  std::memcpy(h.data(), magic.data(), 8);
  put32(h.data() + 8, version);
  put32(h.data() + 12, crc32(std::span<const std::byte>(h.data(), 12)));
  return h;
}

std::optional<std::uint32_t> read_file_header(std::span<const std::byte> bytes, const Magic& magic) {
  if (bytes.size() < file_header_size) return std::nullopt;
  if (std::memcmp(bytes.data(), magic.data(), 8) != 0) return std::nullopt;
  if (get32(bytes.data() + 12) != crc32(bytes.first(12))) return std::nullopt;
  return get32(bytes.data() + 8);
}

void append_record(std::vector<std::byte>& out, std::span<const std::byte> payload) {
  std::byte header[record_header_size];
  put32(header, static_cast<std::uint32_t>(payload.size()));
  put32(header + 4, crc32(std::span<const std::byte>(header, 4)));
  put32(header + 8, crc32(payload));
  out.insert(out.end(), header, header + record_header_size);
  out.insert(out.end(), payload.begin(), payload.end());
}

ScanResult scan_records(std::span<const std::byte> bytes, std::uint64_t start) {
  ScanResult result;
  result.valid_end = start;
  std::uint64_t at = start;
  const std::uint64_t end = bytes.size();
  auto damaged = [&](std::string what) {
    result.damage_offset = at;
    result.damage = std::move(what);
  };
  while (at < end) {
    const auto rest = bytes.subspan(at);
    // Zeros to the end of the file: extended by the crash, never written.
    // Only looked for where a record fails, so a long log is read once.
    const auto torn_zeros = [&](std::size_t from) { return all_zero(rest.subspan(std::min(from, rest.size()))); };
    if (rest.size() < record_header_size) break;  // header cut short
    const std::uint32_t length = get32(rest.data());
    if (get32(rest.data() + 4) != crc32(rest.first(4)) || length > max_record_size) {
      if (!torn_zeros(0)) damaged("the record's length is damaged");
      break;
    }
    if (rest.size() - record_header_size < length) break;  // payload cut short
    const auto payload = rest.subspan(record_header_size, length);
    if (get32(rest.data() + 8) != crc32(payload)) {
      if (!torn_zeros(record_header_size + length)) {
        damaged("checksum mismatch in a record of " + std::to_string(length) + " bytes");
      }
      break;
    }
    result.records.push_back({at, payload});
    at += record_header_size + length;
    result.valid_end = at;
  }
  return result;
}

}  // namespace ergo::storage
