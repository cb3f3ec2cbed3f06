// ergo reading statements from a pipe, as a program feeding it would: each
// answer is written and flushed as soon as its statement has run — before
// the next statement is even sent — and with --db, an answer that has been
// read is on the disk: a kill -9 right after it loses nothing.
#include <gtest/gtest.h>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {
namespace {

// ergo with pipes on its standard input and output.
class PipedErgo {
 public:
  explicit PipedErgo(std::vector<std::string> args) {
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addchdir_np(&actions, ERGO_SOURCE_DIR);
    std::string binary = ergo_binary();
    std::vector<char*> argv{binary.data()};
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    to_ = in[1];
    from_ = out[0];
  }
  ~PipedErgo() {
    if (to_ >= 0) close(to_);
    if (from_ >= 0) close(from_);
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool started() const { return pid_ > 0; }

  void send(const std::string& text) { ASSERT_EQ(write(to_, text.data(), text.size()), static_cast<ssize_t>(text.size())); }

  // Reads until what ergo wrote since the last call ends with `expected`,
  // or `seconds` pass; returns what it read.
  std::string read_until(const std::string& expected, double seconds = 20) {
    std::string got;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!got.ends_with(expected)) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd p{from_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      char buf[4096];
      const ssize_t n = read(from_, buf, sizeof buf);
      if (n <= 0) break;
      got.append(buf, static_cast<std::size_t>(n));
    }
    return got;
  }

  // Closes standard input and returns the exit status.
  int finish() {
    close(to_);
    to_ = -1;
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  void kill_now() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
};

TEST(BatchAcks, EachAnswerArrivesBeforeTheNextStatementIsSent) {
  PipedErgo ergo({"--format", "csv"});
  ASSERT_TRUE(ergo.started());
  ergo.send("RETURN 1 AS a;\n");
  EXPECT_EQ(ergo.read_until("1\n"), "a\n1\n");
  // A statement over two lines runs once its `;` has come.
  ergo.send("MATCH (c:Company {name: 'OpenAI'})\n");
  EXPECT_EQ(ergo.read_until("never", 0.3), "");
  ergo.send("RETURN c.name AS name;\n");
  EXPECT_EQ(ergo.read_until("OpenAI\n"), "\nname\nOpenAI\n");
  // The last statement needs no `;`: it runs when the input ends.
  ergo.send("RETURN 3 AS c");
  EXPECT_EQ(ergo.read_until("never", 0.3), "");
  EXPECT_EQ(ergo.finish(), 0);
  EXPECT_EQ(ergo.read_until("3\n"), "\nc\n3\n");
}

TEST(BatchAcks, WithADatabaseAnAnswerReadIsOnTheDisk) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  {
    PipedErgo ergo({"--db", db, "--format", "csv"});
    ASSERT_TRUE(ergo.started());
    for (int i = 0; i < 5; ++i) {
      ergo.send("CREATE (:Ack {i: " + std::to_string(i) + "}) RETURN " + std::to_string(i) + " AS i;\n");
      const std::string answer = ergo.read_until(std::to_string(i) + "\n");
      ASSERT_TRUE(answer.ends_with("i\n" + std::to_string(i) + "\n")) << answer;
    }
    ergo.kill_now();  // no exit, no checkpoint: the log alone has them
  }
  const ErgoRun after = run_ergo({"--db", db, "--format", "csv", "-e", "MATCH (a:Ack) RETURN count(a) AS n, sum(a.i) AS s"});
  EXPECT_EQ(after.status, 0) << after.err;
  EXPECT_EQ(after.out, "n,s\n5,10\n");
}

}  // namespace
}  // namespace ergo::testing
