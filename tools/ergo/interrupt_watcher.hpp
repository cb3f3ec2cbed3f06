// Ctrl-C for the interactive shell. SIGINT is blocked in every thread and
// taken by one watcher thread with sigwait(), which — unlike a signal
// handler — may call Database::interrupt() and anything else it likes.
#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace ergo::cli {

class InterruptWatcher {
 public:
  // Blocks SIGINT in the calling thread, and so in every thread it starts
  // afterwards, and starts a thread that calls `on_interrupt` for each one.
  // Construct it before any other thread exists.
  explicit InterruptWatcher(std::function<void()> on_interrupt);
  // Stops the watcher and unblocks SIGINT again.
  ~InterruptWatcher();

  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

 private:
  std::function<void()> on_interrupt_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace ergo::cli
