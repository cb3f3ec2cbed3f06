// The write-ahead log (see log_file.hpp).
#include "engine/storage/log_file.hpp"

#include <fcntl.h>

#include <algorithm>

#include <string>
#include <vector>

#include "engine/storage/frame.hpp"
#include "ergo/error.hpp"

namespace ergo::storage {
namespace {

constexpr Magic magic{'e', 'r', 'g', 'o', '-', 'l', 'o', 'g'};

}  // namespace

std::optional<ScanResult> scan_log(const std::filesystem::path& path, std::span<const std::byte> bytes) {
  if (bytes.size() < file_header_size) return std::nullopt;
  const auto version = read_file_header(bytes, magic);
  if (!version) {
    throw Error(ErrorKind::data_error,
                "the log '" + path.string() + "' is damaged at byte 0: not an ergo log header; nothing was opened. "
                "Restore the database directory from a copy",
                {}, path.string());
  }
  if (*version != log_version) {
    throw Error(ErrorKind::data_error, "the log '" + path.string() + "' has format version " +
                                           std::to_string(*version) + "; this ergo reads version " +
                                           std::to_string(log_version) + ": open it with a matching ergo",
                {}, path.string());
  }
  ScanResult scan = scan_records(bytes, file_header_size);
  if (scan.damage_offset) {
    throw Error(ErrorKind::data_error,
                "the log '" + path.string() + "' is damaged at byte " + std::to_string(*scan.damage_offset) + ": " +
                    scan.damage + ", with " + std::to_string(bytes.size() - *scan.damage_offset) +
                    " bytes after it; nothing was opened, nothing was discarded. Restore the database directory "
                    "from a copy",
                {}, path.string());
  }
  return scan;
}

LogFile::LogFile(const std::filesystem::path& path, bool sync,
                 const std::function<void(std::uint64_t, std::span<const std::byte>)>& replay)
    : file_(path, O_RDWR | O_CREAT), sync_(sync) {
  std::error_code ignored;
  std::filesystem::remove(std::filesystem::path(path) += ".tmp", ignored);  // a reset a crash interrupted
  const FileBytes read = file_.read_all();
  const std::span<const std::byte> bytes = read.bytes();
  const std::optional<ScanResult> scan = scan_log(path, bytes);
  if (!scan) {
    reset();
    return;
  }
  for (const RecordSpan& rec : scan->records) replay(rec.offset, rec.payload);
  size_ = allocated_ = synced_ = scan->valid_end;
  if (all_zero(std::span(bytes).subspan(size_))) {
    allocated_ = bytes.size();  // room make_room() left, nothing torn
    return;
  }
  dropped_ = bytes.size() - size_;
  // Cut the torn tail now, so the next commit does not land behind it.
  file_.truncate(size_);
  if (sync_) file_.sync();
}

void LogFile::append(std::span<const std::byte> payload) {
  if (broken_) {
    throw Error(ErrorKind::io_error, "the log '" + file_.path().string() +
                                         "' could not be restored after a failed write; nothing more is written. "
                                         "Reopen the database",
                {}, file_.path().string());
  }
  std::vector<std::byte> record;
  record.reserve(payload.size() + record_header_size);
  append_record(record, payload);
  try {
    make_room(record.size());
    file_.write_at(size_, record);
  } catch (...) {
    // A partial record would sit in front of the next one and read as
    // damage: take it back out.
    cut_to(size_);
    throw;
  }
  size_ += record.size();
  allocated_ = std::max(allocated_, size_);
}

void LogFile::sync() {
  if (size_ == synced_) return;
  if (broken_) {
    throw Error(ErrorKind::io_error, "the log '" + file_.path().string() +
                                         "' could not be restored after a failed write; nothing more is written. "
                                         "Reopen the database",
                {}, file_.path().string());
  }
  try {
    if (sync_) {
      file_.sync_data();
      syncs_.fetch_add(1, std::memory_order_relaxed);
    }
  } catch (...) {
    // What the failed sync covered may or may not be on the disk: none of
    // it was acknowledged, so none of it may come back on the next open.
    cut_to(synced_);
    throw;
  }
  synced_ = size_;
}

void LogFile::forget_unsynced() { cut_to(synced_); }

void LogFile::cut_to(std::uint64_t size) noexcept {
  try {
    file_.truncate(size);
    size_ = allocated_ = size;
    if (sync_) file_.sync();
  } catch (...) {
    broken_ = true;
  }
}

void LogFile::make_room(std::size_t bytes) {
  if (!sync_ || size_ + bytes <= allocated_) return;
  // A quarter of the log's size ahead, between 256 KiB and 16 MiB: one
  // extension per many commits. A record bigger than that (a load) grows
  // the file itself rather than being written twice.
  const std::uint64_t ahead = std::clamp<std::uint64_t>(size_ / 4, std::uint64_t{256} << 10, std::uint64_t{16} << 20);
  if (bytes >= ahead) return;
  static const std::vector<std::byte> zeros(std::size_t{64} << 10);
  const std::uint64_t end = size_ + bytes + ahead;
  std::uint64_t at = std::max(allocated_, size_);
  try {
    while (at < end) {
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(zeros.size(), end - at));
      file_.write_at(at, std::span(zeros).first(n));
      at += n;
    }
  } catch (const Error&) {
    // Out of room for zeros: the record may still fit; append() finds out.
  }
  allocated_ = at;
}

void LogFile::reset() {
  // A new empty log is put in place by rename, like the snapshot: if any
  // step fails (a full disk), the old log is still whole and still the log,
  // and its records, all in the snapshot by now, are skipped on replay.
  const std::filesystem::path path = file_.path();
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  try {
    File fresh(temporary, O_RDWR | O_CREAT | O_TRUNC);
    fresh.write_at(0, file_header(magic, log_version));
    if (sync_) fresh.sync();
    std::filesystem::rename(temporary, path);
    if (sync_) sync_directory(path.parent_path());
    file_ = File(path, O_RDWR);
    size_ = allocated_ = synced_ = file_header_size;
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace ergo::storage
