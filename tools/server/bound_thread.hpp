// A thread of its own for one Bolt connection while it has a transaction
// open. ergo::Transaction belongs to the thread that began it (it holds the
// database's lock, and Results read through that thread's claim on it), so
// every message of a transaction — BEGIN, RUN, PULL, COMMIT — must run on
// one thread. Neo4j's Bolt server binds a worker thread to a connection the
// same way. The shared query pool cannot serve: a pool thread waiting at
// BEGIN for another transaction's lock would be one fewer for everyone.
#pragma once

#include <functional>
#include <memory>
#include <thread>

namespace ergo::server {

class BoundThread {
 public:
  BoundThread();
  // Runs the jobs already posted, then ends the thread. Safe to call from
  // a job on this very thread (the last owner may let go there): then the
  // thread finishes on its own.
  ~BoundThread();
  BoundThread(const BoundThread&) = delete;
  BoundThread& operator=(const BoundThread&) = delete;

  // Runs `job` on the thread, after the jobs posted before it.
  void post(std::function<void()> job);
  // Runs `job` on the thread and waits for it (inline when called there).
  void run_and_wait(const std::function<void()>& job);
  bool current() const { return std::this_thread::get_id() == thread_.get_id(); }

 private:
  struct Queue;
  std::shared_ptr<Queue> queue_;
  std::thread thread_;
};

}  // namespace ergo::server
