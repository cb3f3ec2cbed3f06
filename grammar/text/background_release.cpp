// One thread, started when first needed, working through a queue (see
// background_release.hpp).
#include "grammar/text/background_release.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace ergo::text {
namespace {

class Releaser {
 public:
  ~Releaser() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  void add(std::function<void()> release) {
    std::unique_lock lock(mutex_);
    if (!thread_.joinable() && !start()) {
      lock.unlock();
      release();
      return;
    }
    queue_.push_back(std::move(release));
    lock.unlock();
    changed_.notify_all();
  }

  void wait() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
  }

 private:
  // Called with the mutex held.
  bool start() {
    try {
      thread_ = std::thread([this] { work(); });
      return true;
    } catch (const std::system_error&) {
      return false;
    }
  }

  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      std::function<void()> release = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
      lock.unlock();
      release();
      release = nullptr;
      lock.lock();
      busy_ = false;
      changed_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

Releaser& releaser() {
  static Releaser r;
  return r;
}

}  // namespace

void release_in_background(std::function<void()> release) { releaser().add(std::move(release)); }

void wait_for_releases() { releaser().wait(); }

}  // namespace ergo::text
