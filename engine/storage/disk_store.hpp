// A database directory: the snapshot, the write-ahead log and the writer
// lock, and the two things durability asks of the engine — write each
// commit to the log before it is acknowledged, and checkpoint (docs/adr/0007-storage.md).
//
//   <dir>/snapshot.ergo   the graph as of a commit (snapshot.hpp)
//   <dir>/log.ergo        the commits since (log_file.hpp, commit_record.hpp)
//   <dir>/lock            the writer's pid, flock'd (lock_file.hpp)
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>

#include "engine/storage/lock_file.hpp"
#include "engine/storage/log_file.hpp"
#include "engine/store/graph.hpp"

namespace ergo::storage {

struct DiskOptions {
  std::uint64_t checkpoint_log_bytes = 64u << 20;  // checkpoint after a commit that takes the log past this
  bool sync = true;                                // fsync; off only for tests that measure something else
  // Load the database as it is and write nothing: no lock, no cut, no
  // checkpoint (read_only_open.hpp). Every commit() and checkpoint() throws.
  bool read_only = false;
};

class DiskStore {
 public:
  // Opens the database in `dir` (creating the directory when missing) into
  // the empty `graph`: the snapshot, then the log's commits after it.
  // Throws ergo::Error: io_error when the directory cannot be used or
  // another process holds it, data_error for damage (file and offset).
  // Read-only (options.read_only): the directory must hold a database, and
  // another process may be writing it.
  DiskStore(const std::filesystem::path& dir, store::Graph& graph, const DiskOptions& options);

  // The commit point: append(), then sync(). Writes a change's commit
  // record (encode_commit with next_sequence(), made before graph.accept())
  // to the log and syncs it; an empty record is nothing to write. A record
  // that would take the log
  // past the checkpoint size (a large load) is not written: `after`, the
  // graph with the change, is written as the new snapshot instead, since
  // the checkpoint that record would set off makes it redundant — the graph
  // is written once, not the change and then the graph. Throws ergo::Error
  // (io_error) when it cannot, with the files as they were: the caller then
  // rolls the change back.
  void commit(std::span<const std::byte> record, const store::Graph& after);
  // commit() in two steps, so that one sync covers the commits of several
  // threads (group commit): append() writes the record (or, past the
  // checkpoint size, the snapshot: then true, durable already); sync()
  // makes every appended record durable. When the sync fails, the records
  // appended since the last one are cut off again and it throws ergo::Error
  // (io_error): their commits failed. forget_unsynced() cuts them off
  // without a sync (commits undone before being acknowledged).
  bool append(std::span<const std::byte> record, const store::Graph& after);
  void sync();
  void forget_unsynced();
  // Whether appended records wait for sync().
  bool unsynced() const { return log_ && log_->unsynced(); }
  // Whether a record of at least `bytes` would take the log past the
  // checkpoint size: then commit_snapshot(after) commits the change
  // without its record being made at all.
  bool fills_log(std::uint64_t bytes) const;
  void commit_snapshot(const store::Graph& after);
  std::uint64_t next_sequence() const { return sequence_ + 1; }
  // Writes a new snapshot beside the old one, syncs it, renames it over the
  // old one and empties the log. Throws ergo::Error (io_error); the
  // database on disk is as it was then.
  void checkpoint(const store::Graph& graph);
  // Checkpoints when the log has grown past the option's size. A failure
  // here is kept quiet (every commit is in the log already); the next try
  // waits until the log has grown as much again.
  void checkpoint_if_due(const store::Graph& graph);
  // Whether the log holds commits that the snapshot does not and this
  // store may checkpoint (never when read-only).
  bool has_log_records() const { return log_ && log_->record_bytes() > 0; }

  const std::filesystem::path& directory() const { return dir_; }
  bool read_only() const { return options_.read_only; }
  // Bytes of whole records in the log (read-only: when it was opened).
  std::uint64_t log_bytes() const { return log_ ? log_->record_bytes() : read_only_log_bytes_; }
  // Commits made durable, syncs of the log and checkpoints since the
  // database was opened (read from any thread).
  std::uint64_t commits() const { return commits_.load(std::memory_order_relaxed); }
  std::uint64_t log_syncs() const { return log_ ? log_->syncs() : 0; }
  std::uint64_t checkpoints() const { return checkpoints_.load(std::memory_order_relaxed); }
  // Bytes of a torn tail found after the log's records when it was opened:
  // cut from the file, or, read-only, read around and left there.
  std::uint64_t dropped_bytes() const { return log_ ? log_->dropped_bytes() : torn_bytes_; }

 private:
  // Writes `graph` as the snapshot of commit `sequence` beside the old one,
  // syncs it and renames it into place. Throws ergo::Error (io_error) with
  // the old snapshot still in place; false when the rename happened but
  // the directory's sync failed (the new snapshot is the database's).
  bool replace_snapshot(const store::Graph& graph, std::uint64_t sequence);
  // Empties the log after a new snapshot; a failure waits for the next
  // checkpoint (the old records are skipped on replay meanwhile).
  void empty_log_quietly();
  // Throws ergo::Error (io_error) saying it cannot `what` when read-only.
  void refuse_if_read_only(const char* what) const;

  std::filesystem::path dir_;
  DiskOptions options_;
  std::optional<LockFile> lock_;
  std::unique_ptr<LogFile> log_;  // null when read-only
  std::uint64_t read_only_log_bytes_ = 0, torn_bytes_ = 0;
  std::uint64_t sequence_ = 0;         // of the last commit
  std::uint64_t synced_sequence_ = 0;  // of the last durable one (sequence_ once synced)
  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> checkpoints_{0};
  std::uint64_t next_checkpoint_ = 0;
};

}  // namespace ergo::storage
