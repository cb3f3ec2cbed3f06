// Framing: how the log and the snapshot cut their bytes into records that
// each say whether they read back whole.
//
//   file   = header(16) record*
//   header = magic(8) format_version(u32) crc32(magic, version)(u32)
//   record = length(u32) crc32(length)(u32) crc32(payload)(u32) payload
//
// The length has its own checksum so a damaged length is told apart from a
// record cut short by a crash: with the length trusted, a record that runs
// past the end of the file is a torn tail, and one that fits but fails its
// checksum is damage (unless it is the very last one: see scan_records).
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ergo::storage {

inline constexpr std::size_t file_header_size = 16;
inline constexpr std::size_t record_header_size = 12;
// No record is larger: a length beyond it is damage, not a big record.
inline constexpr std::uint32_t max_record_size = 1u << 30;

using Magic = std::array<char, 8>;

std::array<std::byte, file_header_size> file_header(const Magic& magic, std::uint32_t version);

// Whether every byte is zero: a tail never written (or room a log keeps).
bool all_zero(std::span<const std::byte> bytes);
// The file's format version; nullopt when the 16 bytes are not a header
// with this magic (damaged, or another file).
std::optional<std::uint32_t> read_file_header(std::span<const std::byte> bytes, const Magic& magic);

// Appends one record holding `payload` to `out`.
void append_record(std::vector<std::byte>& out, std::span<const std::byte> payload);

struct RecordSpan {
  std::uint64_t offset;                // of the record's header in the file
  std::span<const std::byte> payload;
};

struct ScanResult {
  std::vector<RecordSpan> records;     // every whole, valid record, in order
  std::uint64_t valid_end = 0;         // where the last of them ends
  // Damage that is not a torn tail: where and what. Records after it are
  // not read.
  std::optional<std::uint64_t> damage_offset;
  std::string damage;
};

// scan_records in steps, so that a reader can check the payloads'
// checksums on other threads while it reads the records:
// 1. the records the lengths chain to, up to the first length that is
//    damaged or runs past the end;
struct FramedRecords {
  std::vector<RecordSpan> records;
  std::uint64_t end = 0;    // where the chain stops
  bool bad_length = false;  // it stops at a damaged length
};
FramedRecords frame_records(std::span<const std::byte> bytes, std::uint64_t start);
// 2. their payloads' checksums, in pieces of 1 MiB that any number of
//    threads take from a shared count (work()); crcs() once all have
//    returned;
class PayloadChecksums {
 public:
  explicit PayloadChecksums(const std::vector<RecordSpan>& records);
  void work();
  std::vector<std::uint32_t> crcs();
  std::size_t bytes() const { return bytes_; }

 private:
  struct Piece {
    std::size_t record;
    std::span<const std::byte> bytes;
    std::uint32_t crc = 0;
  };
  std::vector<Piece> pieces_;
  std::vector<std::uint32_t> crcs_;
  std::atomic<std::size_t> next_{0};
  std::size_t bytes_ = 0;
};
// 3. the checksums held against the records' headers: what scan_records
//    returns.
ScanResult check_records(std::span<const std::byte> bytes, FramedRecords framed, std::span<const std::uint32_t> crcs);

// Reads the records of `bytes` (the whole file) from `start`. A record cut
// off by the end of the file, or bytes after the last record that are all
// zero (a file extended but never written), end the scan quietly: that is a
// write the crash interrupted, never acknowledged. A checksum failure on
// the file's last record is taken as torn for the same reason; anywhere
// else it is damage.
ScanResult scan_records(std::span<const std::byte> bytes, std::uint64_t start);

}  // namespace ergo::storage
