// Group commit (docs/adr/0007-storage.md §3): on disk, a commit's record is
// appended to the log under the writer lock, and the writer lets go of the
// lock before the record is synced. Whoever takes the lock next to settle
// syncs the log once for every record appended since the last sync, and
// only then publishes the draft with all of those commits (a commit is
// seen by readers only once it is durable). Commits from several threads
// thus share one fdatasync: while one thread syncs, the others queue for
// the lock, then each runs its statement and appends, and the next sync
// covers them all.
//
// Who syncs: a committer whose ticket is not settled yet leaves it to the
// statements queued for the writer lock, if any — each of them appends
// too, and the last one syncs for all (the lock is not fair: the thread
// that just let go of it would otherwise take it back before the queued
// ones woke, and sync alone). A committer with nobody queued behind it
// syncs itself.
//
// Each commit gets a ticket; its thread returns once the ticket is settled:
// durable and published, or lost with the error that lost it (a failed
// sync cuts every unsynced record off the log again; a draft that cannot be
// rolled back takes its waiting commits with it).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "ergo/error.hpp"

namespace ergo::storage {
class DiskStore;
}

namespace ergo::detail {

class GraphVersions;

class WaitingCommits {
 public:
  // --- Under the writer lock: -------------------------------------------
  // A commit whose record (`record`, made by encode_commit) is appended to
  // the log but not synced, and whose change the draft has accepted: its
  // ticket.
  std::uint64_t add(std::vector<std::byte> record);
  // The newest ticket: a statement that changed nothing but ran on the
  // draft (which may hold waiting commits) waits for it too.
  std::uint64_t newest() const;
  // Syncs the log and publishes the draft with every waiting commit, then
  // checkpoints if due. Throws ergo::Error (io_error) when the sync fails:
  // the waiting commits are then lost (cut off the log, the draft dropped).
  void settle(storage::DiskStore& disk, GraphVersions& versions);
  // The waiting commits are lost without a sync (the draft holding them
  // could not be rolled back and is dropped): cut off the log.
  void lose(storage::DiskStore& disk, const Error& why) noexcept;

  // --- Without the writer lock: -----------------------------------------
  // A statement is about to wait for the writer lock, for as long as this
  // lives: committers ahead of it leave the sync to it.
  class Queued {
   public:
    explicit Queued(WaitingCommits& w) : w_(w) { w_.queued_.fetch_add(1, std::memory_order_relaxed); }
    ~Queued() { w_.queued_.fetch_sub(1, std::memory_order_relaxed); }
    Queued(const Queued&) = delete;
    Queued& operator=(const Queued&) = delete;

   private:
    WaitingCommits& w_;
  };

  // Returns once `ticket` is settled; throws ergo::Error when its commit
  // was lost. Settles it itself when the writer lock is free.
  void wait(std::uint64_t ticket, std::mutex& writer, storage::DiskStore& disk, GraphVersions& versions);

 private:
  // Whether `ticket` is settled (under mutex_); throws when it was lost.
  bool settled(std::uint64_t ticket) const;
  void mark_lost(const Error& why);

  mutable std::mutex mutex_;  // guards what follows
  std::condition_variable changed_;
  std::vector<std::vector<std::byte>> records_;  // of the waiting commits, in log order
  std::uint64_t appended_ = 0;                   // the newest ticket
  std::uint64_t settled_ = 0;                    // tickets up to this one are settled
  struct Lost {
    std::uint64_t from, to;
    Error error;
  };
  std::vector<Lost> lost_;  // the newest few failures
  std::atomic<int> queued_{0};  // statements waiting for the writer lock (Queued)
};

}  // namespace ergo::detail
