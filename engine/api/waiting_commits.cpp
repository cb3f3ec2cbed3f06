// WaitingCommits: see waiting_commits.hpp.
#include "engine/api/waiting_commits.hpp"

#include <chrono>
#include <exception>

#include "engine/api/graph_versions.hpp"
#include "engine/storage/disk_store.hpp"

namespace ergo::detail {
namespace {

// How many failures are remembered for the threads still to learn of them
// (each failure covers every commit waiting at the time).
constexpr std::size_t lost_kept = 16;

// How long a waiter sleeps before looking again whether the writer lock is
// free (it is woken at once when its ticket is settled).
constexpr std::chrono::microseconds recheck{200};

}  // namespace

std::uint64_t WaitingCommits::add(std::vector<std::byte> record) {
  std::lock_guard lock(mutex_);
  records_.push_back(std::move(record));
  return ++appended_;
}

std::uint64_t WaitingCommits::newest() const {
  std::lock_guard lock(mutex_);
  return appended_;
}

void WaitingCommits::settle(storage::DiskStore& disk, GraphVersions& versions) {
  {
    std::lock_guard lock(mutex_);
    if (settled_ == appended_) return;
  }
  try {
    disk.sync();
  } catch (const Error& e) {
    versions.drop_draft();  // it holds the lost commits; the next writer copies the current version
    mark_lost(e);
    throw;
  }
  {
    std::lock_guard lock(mutex_);
    versions.publish_all(records_);
    settled_ = appended_;
  }
  changed_.notify_all();
  disk.checkpoint_if_due(versions.pin().graph());
}

void WaitingCommits::lose(storage::DiskStore& disk, const Error& why) noexcept {
  {
    std::lock_guard lock(mutex_);
    if (settled_ == appended_) return;
  }
  disk.forget_unsynced();
  mark_lost(why);
}

void WaitingCommits::mark_lost(const Error& why) {
  {
    std::lock_guard lock(mutex_);
    if (lost_.size() == lost_kept) lost_.erase(lost_.begin());
    lost_.push_back({settled_ + 1, appended_, why});
    records_.clear();
    settled_ = appended_;
  }
  changed_.notify_all();
}

bool WaitingCommits::settled(std::uint64_t ticket) const {
  if (ticket > settled_) return false;
  for (const Lost& lost : lost_) {
    if (ticket >= lost.from && ticket <= lost.to) throw Error(lost.error);
  }
  return true;
}

void WaitingCommits::wait(std::uint64_t ticket, std::mutex& writer, storage::DiskStore& disk,
                          GraphVersions& versions) {
  if (ticket == 0) return;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (settled(ticket)) return;
    }
    std::unique_lock writing(writer, std::defer_lock);
    if (queued_.load(std::memory_order_relaxed) == 0 && writing.try_lock()) {
      {
        std::lock_guard lock(mutex_);
        if (settled(ticket)) return;
      }
      settle(disk, versions);  // this thread's sync covers every commit waiting now
      continue;                // its own ticket among them: settled, or lost with the error just thrown
    }
    // Another thread writes, or is about to: it settles, or lets go of the
    // lock soon.
    std::unique_lock lock(mutex_);
    if (settled(ticket)) return;
    changed_.wait_for(lock, recheck);
  }
}

}  // namespace ergo::detail
