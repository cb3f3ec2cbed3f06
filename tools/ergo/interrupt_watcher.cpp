// The SIGINT watcher thread (see interrupt_watcher.hpp). It is stopped by a
// SIGINT sent to it alone (pthread_kill) after `stopping_` is set.
#include "tools/ergo/interrupt_watcher.hpp"

#include <pthread.h>
#include <signal.h>

namespace ergo::cli {
namespace {

sigset_t sigint_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

InterruptWatcher::InterruptWatcher(std::function<void()> on_interrupt) : on_interrupt_(std::move(on_interrupt)) {
  sigset_t set = sigint_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this] {
    sigset_t wait_set = sigint_set();
    while (true) {
      int signal = 0;
      if (sigwait(&wait_set, &signal) != 0) continue;
      if (stopping_.load()) return;
      on_interrupt_();
    }
  });
}

InterruptWatcher::~InterruptWatcher() {
  stopping_.store(true);
  pthread_kill(thread_.native_handle(), SIGINT);
  thread_.join();
  sigset_t set = sigint_set();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace ergo::cli
