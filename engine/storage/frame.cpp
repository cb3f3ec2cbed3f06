// Record framing (see frame.hpp).
#include "engine/storage/frame.hpp"

#include <algorithm>
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

namespace {

// The checksums of the records' payloads, on up to four threads when there
// are many bytes (opening a large snapshot checks every byte). A snapshot's
// arrays are one record each, of up to hundreds of megabytes, so records
// are cut into pieces, the pieces into parts of about as many bytes each,
// and each record's pieces joined (crc32_combine).
std::vector<std::uint32_t> payload_checksums(const std::vector<RecordSpan>& records) {
  std::size_t total = 0;
  for (const RecordSpan& r : records) total += r.payload.size();
  constexpr std::size_t bytes_per_part = std::size_t{16} << 20;
  const std::size_t parts =
      std::clamp<std::size_t>(std::min<std::size_t>(total / bytes_per_part, std::thread::hardware_concurrency()), 1, 4);
  std::vector<std::uint32_t> crcs(records.size());
  if (parts == 1) {
    for (std::size_t i = 0; i < records.size(); ++i) crcs[i] = crc32(records[i].payload);
    return crcs;
  }
  struct Piece {
    std::size_t record;
    std::span<const std::byte> bytes;
    std::uint32_t crc = 0;
  };
  constexpr std::size_t piece_bytes = std::size_t{1} << 20;
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::span<const std::byte> p = records[i].payload;
    if (p.empty()) pieces.push_back({i, p});
    for (std::size_t at = 0; at < p.size(); at += piece_bytes) pieces.push_back({i, p.subspan(at, std::min(piece_bytes, p.size() - at))});
  }
  std::vector<std::size_t> cuts{0};  // part p checks pieces [cuts[p], cuts[p + 1])
  for (std::size_t p = 1, i = 0, done = 0; p < parts; ++p) {
    while (i < pieces.size() && done < total * p / parts) done += pieces[i++].bytes.size();
    cuts.push_back(i);
  }
  cuts.push_back(pieces.size());
  text::run_parts(parts, [&](std::size_t p) {
    for (std::size_t i = cuts[p]; i < cuts[p + 1]; ++i) pieces[i].crc = crc32(pieces[i].bytes);
  });
  std::vector<bool> started(records.size(), false);
  for (const Piece& piece : pieces) {
    std::uint32_t& crc = crcs[piece.record];
    crc = started[piece.record] ? crc32_combine(crc, piece.crc, piece.bytes.size()) : piece.crc;
    started[piece.record] = true;
  }
  return crcs;
}

}  // namespace

ScanResult scan_records(std::span<const std::byte> bytes, std::uint64_t start) {
  ScanResult result;
  result.valid_end = start;
  const std::uint64_t end = bytes.size();
  auto damaged = [&](std::uint64_t at, std::string what) {
    result.damage_offset = at;
    result.damage = std::move(what);
  };
  // Zeros from `from` to the end of the file: extended by a crash, never
  // written. Only looked for where a record fails, so a long log is read once.
  const auto torn_zeros = [&](std::uint64_t from) { return all_zero(bytes.subspan(std::min<std::uint64_t>(from, end))); };

  // The records the lengths chain to, up to the first length that is
  // damaged or runs past the end; then every payload's checksum.
  std::uint64_t at = start;
  bool bad_length = false;
  while (at < end) {
    const auto rest = bytes.subspan(at);
    if (rest.size() < record_header_size) break;  // header cut short
    const std::uint32_t length = get32(rest.data());
    if (get32(rest.data() + 4) != crc32(rest.first(4)) || length > max_record_size) {
      bad_length = true;
      break;
    }
    if (rest.size() - record_header_size < length) break;  // payload cut short
    result.records.push_back({at, rest.subspan(record_header_size, length)});
    at += record_header_size + length;
  }
  const std::vector<std::uint32_t> crcs = payload_checksums(result.records);
  for (std::size_t i = 0; i < result.records.size(); ++i) {
    const RecordSpan& rec = result.records[i];
    const std::uint64_t rec_end = rec.offset + record_header_size + rec.payload.size();
    if (get32(bytes.data() + rec.offset + 8) != crcs[i]) {
      if (!torn_zeros(rec_end)) {
        damaged(rec.offset, "checksum mismatch in a record of " + std::to_string(rec.payload.size()) + " bytes");
      }
      result.records.resize(i);  // only the whole, valid records before it
      return result;
    }
    result.valid_end = rec_end;
  }
  if (bad_length && !torn_zeros(at)) damaged(at, "the record's length is damaged");
  return result;
}

}  // namespace ergo::storage
