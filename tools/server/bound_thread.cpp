#include "tools/server/bound_thread.hpp"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>

namespace ergo::server {

// Shared by the owner and the thread, so that the thread can finish its
// loop after a destructor running on it has detached it.
struct BoundThread::Queue {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::function<void()>> jobs;
  bool stopping = false;

  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex);
        wake.wait(lock, [&] { return stopping || !jobs.empty(); });
        if (jobs.empty()) return;  // stopping, and nothing left to do
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      job();
    }
  }
};

BoundThread::BoundThread() : queue_(std::make_shared<Queue>()) {
  thread_ = std::thread([queue = queue_] { queue->run(); });
}

BoundThread::~BoundThread() {
  {
    std::lock_guard lock(queue_->mutex);
    queue_->stopping = true;
  }
  queue_->wake.notify_one();
  if (current()) {
    thread_.detach();
  } else {
    thread_.join();
  }
}

void BoundThread::post(std::function<void()> job) {
  {
    std::lock_guard lock(queue_->mutex);
    queue_->jobs.push_back(std::move(job));
  }
  queue_->wake.notify_one();
}

void BoundThread::run_and_wait(const std::function<void()>& job) {
  if (current()) return job();
  std::promise<void> done;
  post([&] {
    try {
      job();
      done.set_value();
    } catch (...) {
      done.set_exception(std::current_exception());
    }
  });
  done.get_future().get();
}

}  // namespace ergo::server
