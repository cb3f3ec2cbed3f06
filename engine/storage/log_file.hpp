// The write-ahead log: commit records appended one by one, synced to the
// disk before their commits are acknowledged (one sync may cover several:
// group commit, docs/adr/0007-storage.md §3).
//
//   header(16: "ergo-log", version 1) record*   (framing: frame.hpp;
//   payloads: commit_record.hpp)
//
// A checkpoint empties it (back to the header) once the snapshot holding
// its commits is in place.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>

#include "engine/storage/file_io.hpp"
#include "engine/storage/frame.hpp"

namespace ergo::storage {

inline constexpr std::uint32_t log_version = 1;

// The records of the log at `path`, whose whole content is `bytes`: the
// header checked (magic, version), then scan_records(). nullopt when the
// file is shorter than a header (new, or a crash cut the header itself
// short: it is written and synced before any record, so nothing was lost).
// Throws ergo::Error (data_error) naming the file and offset of damage that
// is not a torn tail. The writer (LogFile) and a read-only open share it.
std::optional<ScanResult> scan_log(const std::filesystem::path& path, std::span<const std::byte> bytes);

class LogFile {
 public:
  // Opens (creating) the log at `path` and hands each whole record to
  // `replay` with its offset, in order. A torn tail (a commit the crash
  // interrupted, never acknowledged) is cut off the file. Throws ergo::Error
  // (data_error) naming the file and offset of any other damage, and
  // whatever `replay` throws.
  LogFile(const std::filesystem::path& path, bool sync,
          const std::function<void(std::uint64_t offset, std::span<const std::byte> payload)>& replay);

  // Appends one record, not yet synced. On failure the log is cut back to
  // where it was and ergo::Error (io_error) is thrown; when even that fails
  // the log refuses every later append (the database must be reopened).
  void append(std::span<const std::byte> payload);
  // Makes every record appended so far durable (fdatasync; nothing to do
  // when none was appended since the last). On failure the records
  // appended since the last sync are cut off again — their commits were
  // never acknowledged — and ergo::Error (io_error) is thrown; when even the
  // cut fails the log refuses every later append.
  void sync();
  // Cuts off the records appended since the last sync (commits undone
  // before they were acknowledged).
  void forget_unsynced();
  // Whether records were appended since the last sync.
  bool unsynced() const { return size_ != synced_; }
  // How many times sync() has made records durable since the log was opened.
  std::uint64_t syncs() const { return syncs_.load(std::memory_order_relaxed); }
  // Empties the log (after a checkpoint): a new one, synced, renamed over
  // it. Throws ergo::Error (io_error); the old log stays whole then.
  void reset();
  // Bytes of records in the log.
  std::uint64_t record_bytes() const { return size_ - 16; }
  // Bytes of the torn tail dropped when it was opened.
  std::uint64_t dropped_bytes() const { return dropped_; }

 private:
  // Writes zeros past the records, when an append of `bytes` would grow
  // the file, so that later commits overwrite blocks the file already has:
  // the fdatasync of an append that grows the file must also commit the new
  // size through the file system's journal, a second wait per commit
  // (SQLite's WAL is reused in place for the same reason). Recovery reads
  // zeros after the last record as the unwritten tail they are. Best
  // effort: where zeros do not fit (a full disk, a file size limit) the
  // record is written as before.
  void make_room(std::size_t bytes);
  // Cuts the file back to `size` bytes of records; broken_ when it cannot.
  void cut_to(std::uint64_t size) noexcept;

  File file_;
  std::uint64_t size_ = 0;
  std::uint64_t synced_ = 0;  // size_ as of the last sync: records before it are durable
  std::atomic<std::uint64_t> syncs_{0};  // read from any thread
  std::uint64_t allocated_ = 0;  // the file's length: the records and zeros after them
  std::uint64_t dropped_ = 0;
  bool sync_ = true;
  bool broken_ = false;
};

}  // namespace ergo::storage
