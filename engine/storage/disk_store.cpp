// A database directory (see disk_store.hpp).
#include "engine/storage/disk_store.hpp"

#include <string>

#include "engine/storage/bytes.hpp"
#include "engine/storage/commit_record.hpp"
#include "engine/storage/file_io.hpp"
#include "engine/storage/snapshot.hpp"
#include "ergo/error.hpp"

namespace ergo::storage {
namespace {

namespace fs = std::filesystem;

// A directory with files of its own is not taken over: `--db data/` by
// mistake must not write beside somebody's files.
void check_directory(const fs::path& dir) {
  if (fs::exists(dir) && !fs::is_directory(dir)) {
    throw Error(ErrorKind::io_error, "'" + dir.string() + "' is a file, not a database directory; name a directory "
                "(it is created when missing)", {}, dir.string());
  }
  if (!fs::exists(dir)) {
    fs::create_directories(dir);
    sync_directory(dir.has_parent_path() ? dir.parent_path() : fs::path("."));
    return;
  }
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name != "snapshot.ergo" && name != "snapshot.ergo.tmp" && name != "log.ergo" && name != "log.ergo.tmp" &&
        name != "lock") {
      throw Error(ErrorKind::io_error,
                  "'" + dir.string() + "' is not an ergo database: it holds '" + name +
                      "'; name an empty or new directory for a database (load .kg files into it as sources)",
                  {}, dir.string());
    }
  }
}

}  // namespace

DiskStore::DiskStore(const fs::path& dir, store::Graph& graph, const DiskOptions& options)
    : dir_(dir), options_(options) {
  check_directory(dir_);
  lock_.emplace(dir_);
  std::error_code ignored;
  fs::remove(dir_ / "snapshot.ergo.tmp", ignored);  // a checkpoint a crash interrupted
  std::uint64_t snapshot_sequence = 0;
  if (fs::exists(dir_ / "snapshot.ergo")) snapshot_sequence = read_snapshot(dir_ / "snapshot.ergo", graph);
  sequence_ = snapshot_sequence;
  const fs::path log_path = dir_ / "log.ergo";
  log_ = std::make_unique<LogFile>(log_path, options_.sync, [&](std::uint64_t offset, std::span<const std::byte> payload) {
    try {
      const std::uint64_t sequence = commit_sequence(payload);
      // Commits already in the snapshot: a crash came between the snapshot's
      // rename and the log's reset.
      if (sequence <= snapshot_sequence) return;
      if (sequence != sequence_ + 1) {
        throw ByteReader::Malformed{"commit " + std::to_string(sequence) + " follows commit " +
                                    std::to_string(sequence_)};
      }
      apply_commit(graph, payload);
      sequence_ = sequence;
    } catch (const ByteReader::Malformed& m) {
      throw Error(ErrorKind::data_error,
                  "the log '" + log_path.string() + "' is damaged at byte " + std::to_string(offset) + ": " + m.what +
                      "; nothing was opened. Restore the database directory from a copy",
                  {}, log_path.string());
    }
  });
  graph.commit();
  if (options_.sync) sync_directory(dir_);
  next_checkpoint_ = options_.checkpoint_log_bytes;
}

void DiskStore::commit(const store::Graph& graph, const store::Graph::Mark& m) {
  const std::vector<std::byte> record = encode_commit(graph, m, sequence_ + 1);
  if (record.empty()) return;  // nothing changed: nothing to wait for
  log_->append(record);
  ++sequence_;
}

void DiskStore::checkpoint(const store::Graph& graph) {
  const fs::path temporary = dir_ / "snapshot.ergo.tmp";
  try {
    write_snapshot(graph, sequence_, temporary);
    fs::rename(temporary, dir_ / "snapshot.ergo");
    if (options_.sync) sync_directory(dir_);
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
  log_->reset();
  next_checkpoint_ = options_.checkpoint_log_bytes;
}

void DiskStore::checkpoint_if_due(const store::Graph& graph) {
  if (log_->record_bytes() < next_checkpoint_) return;
  try {
    checkpoint(graph);
  } catch (const std::exception&) {
    next_checkpoint_ = log_->record_bytes() + options_.checkpoint_log_bytes;
  }
}

}  // namespace ergo::storage
