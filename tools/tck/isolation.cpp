// Fork-per-feature containment (see isolation.hpp). The child writes
// "B <i>\n" before scenario i and "R <i> <status> <phase> <detail> <n> <m>\n"
// followed by n bytes of reason and m bytes of details after it; the parent
// parses that stream with a deadline.
#include "tools/tck/isolation.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>

namespace ergo::tck {
namespace {

using Clock = std::chrono::steady_clock;

char check_code(const std::optional<Check>& c) {
  if (!c) return '-';
  return *c == Check::matched ? 'm' : 'x';
}

std::optional<Check> check_from(char c) {
  if (c == 'm') return Check::matched;
  if (c == 'x') return Check::mismatched;
  return std::nullopt;
}

void write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(3);  // the parent is gone
    done += static_cast<std::size_t>(n);
  }
}

[[noreturn]] void child_main(int fd, const std::vector<Scenario>& scenarios, std::size_t first, const RunOne& run_one,
                             const IsolationConfig& config) {
  ::signal(SIGPIPE, SIG_IGN);
  ::dup2(STDERR_FILENO, STDOUT_FILENO);  // stray engine output must not mix with the report
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)  // sanitizers reserve huge address ranges
  if (config.memory_limit_mb > 0) {
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(config.memory_limit_mb) * 1024 * 1024;
    ::setrlimit(RLIMIT_AS, &limit);
  }
#endif
  for (std::size_t i = first; i < scenarios.size(); ++i) {
    write_all(fd, "B " + std::to_string(i) + "\n");
    Outcome o = run_one(scenarios[i]);
    std::string header = "R " + std::to_string(i) + " " + std::to_string(static_cast<int>(o.status)) + " " +
                         check_code(o.error_phase) + " " + check_code(o.error_detail) + " " +
                         std::to_string(o.reason.size()) + " " + std::to_string(o.details.size()) + "\n";
    write_all(fd, header + o.reason + o.details);
  }
  ::_exit(0);
}

// Reads one child's stream; returns the index the next child should start
// at (scenarios.size() when all are reported).
class ChildReader {
 public:
  ChildReader(pid_t pid, int fd, std::size_t first, std::size_t total, const IsolationConfig& config,
              const Report& report)
      : pid_(pid), fd_(fd), next_(first), total_(total), config_(config), report_(report) {}

  std::size_t read_all() {
    auto limit = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(config_.timeout_seconds));
    Clock::time_point deadline = Clock::now() + limit;
    char buf[65536];
    while (true) {
      parse_messages(deadline, limit);
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return on_timeout();
      pollfd p{fd_, POLLIN, 0};
      int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
      if (r < 0 && errno == EINTR) continue;
      if (r == 0) continue;
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return on_exit();
      buffer_.append(buf, static_cast<std::size_t>(n));
    }
  }

 private:
  void parse_messages(Clock::time_point& deadline, Clock::duration limit) {
    while (true) {
      std::size_t eol = buffer_.find('\n');
      if (eol == std::string::npos) return;
      std::istringstream header(buffer_.substr(0, eol));
      char tag = 0;
      std::size_t index = 0;
      header >> tag >> index;
      if (tag == 'B') {
        running_ = index;
        deadline = Clock::now() + limit;
        buffer_.erase(0, eol + 1);
        continue;
      }
      int status = 0;
      char phase = '-', detail = '-';
      std::size_t reason_size = 0, details_size = 0;
      header >> status >> phase >> detail >> reason_size >> details_size;
      if (buffer_.size() < eol + 1 + reason_size + details_size) return;  // wait for the rest
      Outcome o;
      o.status = static_cast<Status>(status);
      o.error_phase = check_from(phase);
      o.error_detail = check_from(detail);
      o.reason = buffer_.substr(eol + 1, reason_size);
      o.details = buffer_.substr(eol + 1 + reason_size, details_size);
      buffer_.erase(0, eol + 1 + reason_size + details_size);
      report_(index, o);
      running_.reset();
      next_ = index + 1;
    }
  }

  std::size_t on_timeout() {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    if (!running_ && next_ >= total_) return total_;  // everything was reported already
    Outcome o;
    o.status = Status::fail;
    std::ostringstream why;
    why << "timeout: no verdict after " << config_.timeout_seconds << " s (killed)";
    o.reason = why.str();
    report_(running_.value_or(next_), o);
    return running_.value_or(next_) + 1;
  }

  std::size_t on_exit() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    if (!running_ && status == 0 && next_ >= total_) return next_;  // finished normally
    Outcome o;
    o.status = Status::fail;
    if (WIFSIGNALED(status)) {
      o.reason = std::string("crashed: ") + ::strsignal(WTERMSIG(status)) + " (signal " +
                 std::to_string(WTERMSIG(status)) + ")";
    } else if (status != 0) {
      o.reason = "crashed: the scenario's process exited with status " + std::to_string(WEXITSTATUS(status));
    } else {
      o.reason = "crashed: the scenario's process ended without a verdict";
    }
    std::size_t index = running_.value_or(next_);
    report_(index, o);
    return index + 1;
  }

  pid_t pid_;
  int fd_;
  std::size_t next_;
  std::size_t total_;
  std::optional<std::size_t> running_;
  const IsolationConfig& config_;
  const Report& report_;
  std::string buffer_;
};

}  // namespace

void run_isolated(const std::vector<Scenario>& scenarios, const RunOne& run_one, const IsolationConfig& config,
                  const Report& report) {
  if (!config.fork) {
    for (std::size_t i = 0; i < scenarios.size(); ++i) report(i, run_one(scenarios[i]));
    return;
  }
  std::size_t next = 0;
  while (next < scenarios.size()) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
      ::close(fds[0]);
      child_main(fds[1], scenarios, next, run_one, config);
    }
    ::close(fds[1]);
    std::size_t resumed = ChildReader(pid, fds[0], next, scenarios.size(), config, report).read_all();
    ::close(fds[0]);
    if (resumed <= next && resumed < scenarios.size()) resumed = next + 1;  // always make progress
    next = resumed;
  }
}

}  // namespace ergo::tck
