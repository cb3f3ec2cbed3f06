// A database directory (see disk_store.hpp).
#include "engine/storage/disk_store.hpp"

#include <string>

#include "engine/storage/commit_replay.hpp"
#include "engine/storage/database_files.hpp"
#include "engine/storage/file_io.hpp"
#include "engine/storage/read_only_open.hpp"
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
  refuse_foreign_files(dir);
}

}  // namespace

void DiskStore::refuse_if_read_only(const char* what) const {
  if (!options_.read_only) return;
  throw Error(ErrorKind::io_error,
              "the database '" + dir_.string() + "' was opened read-only, so it cannot " + what +
                  "; nothing was written. Open it without read-only once no other process writes it",
              {}, dir_.string());
}

DiskStore::DiskStore(const fs::path& dir, store::Graph& graph, const DiskOptions& options)
    : dir_(dir), options_(options) {
  if (options_.read_only) {
    const ReadOnlyOpen opened = open_read_only(dir_, graph);
    sequence_ = opened.sequence;
    read_only_log_bytes_ = opened.log_bytes;
    torn_bytes_ = opened.torn_bytes;
    return;
  }
  check_directory(dir_);
  lock_.emplace(dir_);
  std::error_code ignored;
  fs::remove(dir_ / "snapshot.ergo.tmp", ignored);  // a checkpoint a crash interrupted
  std::uint64_t snapshot_sequence = 0;
  if (fs::exists(dir_ / "snapshot.ergo")) snapshot_sequence = read_snapshot(dir_ / "snapshot.ergo", graph);
  CommitReplay replay(graph, snapshot_sequence, dir_ / "log.ergo");
  log_ = std::make_unique<LogFile>(dir_ / "log.ergo", options_.sync,
                                   [&](std::uint64_t offset, std::span<const std::byte> payload) {
                                     replay(offset, payload);
                                   });
  sequence_ = synced_sequence_ = replay.sequence();
  graph.commit();
  if (options_.sync) sync_directory(dir_);
  next_checkpoint_ = options_.checkpoint_log_bytes;
}

bool DiskStore::fills_log(std::uint64_t bytes) const {
  return log_ && log_->record_bytes() + bytes >= next_checkpoint_;
}

void DiskStore::commit(std::span<const std::byte> record, const store::Graph& after) {
  if (!append(record, after)) sync();
}

bool DiskStore::append(std::span<const std::byte> record, const store::Graph& after) {
  if (record.empty()) return true;  // nothing changed: nothing to wait for
  refuse_if_read_only("commit a change");
  if (fills_log(record.size())) {
    commit_snapshot(after);
    return true;
  }
  log_->append(record);
  ++sequence_;
  return false;
}

void DiskStore::sync() {
  if (!log_) return;
  try {
    log_->sync();
  } catch (...) {
    sequence_ = synced_sequence_;  // the log cut those records off again
    throw;
  }
  commits_.fetch_add(sequence_ - synced_sequence_, std::memory_order_relaxed);
  synced_sequence_ = sequence_;
}

void DiskStore::forget_unsynced() {
  if (!log_) return;
  log_->forget_unsynced();
  sequence_ = synced_sequence_;
}

void DiskStore::commit_snapshot(const store::Graph& after) {
  refuse_if_read_only("commit a change");
  // Once the new snapshot has its name the change is committed, whatever
  // fails after: the caller must not roll it back. Emptying the log is
  // then only tidying (its records are all older than the snapshot, and
  // replay skips them), left to the next checkpoint if it fails.
  const bool synced = replace_snapshot(after, sequence_ + 1);
  ++sequence_;  // the snapshot holds every commit appended before it, and this one
  commits_.fetch_add(sequence_ - synced_sequence_, std::memory_order_relaxed);
  synced_sequence_ = sequence_;
  checkpoints_.fetch_add(1, std::memory_order_relaxed);
  if (synced) empty_log_quietly();
}

void DiskStore::checkpoint(const store::Graph& graph) {
  refuse_if_read_only("checkpoint");
  // `graph` is the published version: it has no commit still waiting for
  // its sync (the caller syncs and publishes those first), or the snapshot
  // would claim commits it lacks.
  if (unsynced()) throw Error(ErrorKind::runtime_error, "internal: a checkpoint while commits wait for their sync");
  if (!replace_snapshot(graph, sequence_)) {
    throw Error(ErrorKind::io_error, "could not sync the directory '" + dir_.string() +
                                         "' after writing its new snapshot; the database is whole, retry the checkpoint",
                {}, dir_.string());
  }
  log_->reset();
  checkpoints_.fetch_add(1, std::memory_order_relaxed);
  next_checkpoint_ = options_.checkpoint_log_bytes;
}

bool DiskStore::replace_snapshot(const store::Graph& graph, std::uint64_t sequence) {
  const fs::path temporary = dir_ / "snapshot.ergo.tmp";
  try {
    write_snapshot(graph, sequence, temporary);
    fs::rename(temporary, dir_ / "snapshot.ergo");
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
  try {
    if (options_.sync) sync_directory(dir_);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void DiskStore::empty_log_quietly() {
  try {
    log_->reset();
    next_checkpoint_ = options_.checkpoint_log_bytes;
  } catch (const std::exception&) {
    next_checkpoint_ = log_->record_bytes() + options_.checkpoint_log_bytes;
  }
}

void DiskStore::checkpoint_if_due(const store::Graph& graph) {
  if (!log_) return;  // read-only: never due
  if (log_->record_bytes() < next_checkpoint_) return;
  try {
    checkpoint(graph);
  } catch (const std::exception&) {
    next_checkpoint_ = log_->record_bytes() + options_.checkpoint_log_bytes;
  }
}

}  // namespace ergo::storage
