// Record framing (see frame.hpp).
#include "engine/storage/frame.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

#include "engine/storage/crc32.hpp"
#include "grammar/text/parallel.hpp"

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

PayloadChecksums::PayloadChecksums(const std::vector<RecordSpan>& records) : crcs_(records.size()) {
  constexpr std::size_t piece_bytes = std::size_t{1} << 20;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::span<const std::byte> p = records[i].payload;
    if (p.empty()) pieces_.push_back({i, p});
    for (std::size_t at = 0; at < p.size(); at += piece_bytes) {
      pieces_.push_back({i, p.subspan(at, std::min(piece_bytes, p.size() - at))});
    }
    bytes_ += p.size();
  }
}

void PayloadChecksums::work() {
  for (std::size_t i; (i = next_.fetch_add(1, std::memory_order_relaxed)) < pieces_.size();) {
    pieces_[i].crc = crc32(pieces_[i].bytes);
  }
}

std::vector<std::uint32_t> PayloadChecksums::crcs() {
  // Every piece is checked once work() has returned on the threads that
  // took them (the caller joined them).
  std::vector<bool> started(crcs_.size(), false);
  for (const Piece& piece : pieces_) {
    std::uint32_t& crc = crcs_[piece.record];
    crc = started[piece.record] ? crc32_combine(crc, piece.crc, piece.bytes.size()) : piece.crc;
    started[piece.record] = true;
  }
  return std::move(crcs_);
}

FramedRecords frame_records(std::span<const std::byte> bytes, std::uint64_t start) {
  FramedRecords framed;
  framed.end = start;
  while (framed.end < bytes.size()) {
    const auto rest = bytes.subspan(framed.end);
    if (rest.size() < record_header_size) break;  // header cut short
    const std::uint32_t length = get32(rest.data());
    if (get32(rest.data() + 4) != crc32(rest.first(4)) || length > max_record_size) {
      framed.bad_length = true;
      break;
    }
    if (rest.size() - record_header_size < length) break;  // payload cut short
    framed.records.push_back({framed.end, rest.subspan(record_header_size, length)});
    framed.end += record_header_size + length;
  }
  return framed;
}

ScanResult check_records(std::span<const std::byte> bytes, FramedRecords framed, std::span<const std::uint32_t> crcs) {
  ScanResult result;
  result.valid_end = framed.records.empty() ? framed.end : framed.records.front().offset;
  const std::uint64_t end = bytes.size();
  // Zeros from `from` to the end of the file: extended by a crash, never
  // written. Only looked for where a record fails, so a long log is read once.
  const auto torn_zeros = [&](std::uint64_t from) { return all_zero(bytes.subspan(std::min<std::uint64_t>(from, end))); };
  result.records = std::move(framed.records);
  for (std::size_t i = 0; i < result.records.size(); ++i) {
    const RecordSpan& rec = result.records[i];
    const std::uint64_t rec_end = rec.offset + record_header_size + rec.payload.size();
    if (get32(bytes.data() + rec.offset + 8) != crcs[i]) {
      if (!torn_zeros(rec_end)) {
        result.damage_offset = rec.offset;
        result.damage = "checksum mismatch in a record of " + std::to_string(rec.payload.size()) + " bytes";
      }
      result.records.resize(i);  // only the whole, valid records before it
      return result;
    }
    result.valid_end = rec_end;
  }
  if (framed.bad_length && !torn_zeros(framed.end)) {
    result.damage_offset = framed.end;
    result.damage = "the record's length is damaged";
  }
  return result;
}

ScanResult scan_records(std::span<const std::byte> bytes, std::uint64_t start) {
  FramedRecords framed = frame_records(bytes, start);
  PayloadChecksums checksums(framed.records);
  // On up to four threads when there are many bytes (opening a large
  // snapshot checks every byte).
  constexpr std::size_t bytes_per_part = std::size_t{16} << 20;
  const std::size_t parts = std::clamp<std::size_t>(
      std::min<std::size_t>(checksums.bytes() / bytes_per_part, std::thread::hardware_concurrency()), 1, 4);
  text::run_parts(parts, [&](std::size_t) { checksums.work(); });
  const std::vector<std::uint32_t> crcs = checksums.crcs();
  return check_records(bytes, std::move(framed), crcs);
}

}  // namespace ergo::storage
