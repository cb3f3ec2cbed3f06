// What happens to a database when its process dies or cannot write: kill -9
// at random moments while a client streams commits, a second process (or
// Database) opening it, a disk that runs full.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <thread>

#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;

// Reads the numbers a child acknowledges, one per line, until it dies;
// raises `streaming` at the first one.
std::vector<int> read_acks(int fd, std::atomic<bool>& streaming) {
  std::vector<int> acks;
  std::string line;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; ++i) {
      if (buf[i] == '\n') {
        acks.push_back(std::stoi(line));
        streaming.store(true);
        line.clear();
      } else {
        line += buf[i];
      }
    }
  }
  return acks;
}

TEST(StorageCrash, EveryAcknowledgedCommitSurvivesKillNine) {
  TempDir dir;
  const fs::path path = dir / "db";
  std::mt19937 random(20261204);
  int next = 0;
  int rounds = 0, acknowledged_total = 0;
  // A fixed number of rounds (about 0.2 s each; longer on a loaded machine).
  for (; rounds < 20; ++rounds) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      // Small checkpoints, so kills land in checkpoints too.
      StorageOptions options;
      options.checkpoint_log_bytes = 2000;
      Database db = Database::open_directory(path.string(), options);
      for (int i = next;; ++i) {
        // One commit: two nodes, a relationship, and a change to an old node.
        db.execute("CREATE (:W {i: $i, s: 'write ' + toString($i)})-[:PAIR {i: $i}]->(:V {i: $i}) "
                   "WITH 1 AS one MATCH (c:Counter) SET c.last = $i",
                   {{"i", i}});
        const std::string ack = std::to_string(i) + "\n";
        if (write(fds[1], ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) _exit(3);
      }
    }
    close(fds[1]);
    // The kill comes a random 0-40 ms after the child starts streaming (or
    // after 10 s without a commit), so every round kills mid-stream however
    // slowly a loaded machine opens the database.
    std::atomic<bool> streaming{false};
    std::thread killer([&, delay = std::uniform_int_distribution<int>(0, 40)(random)] {
      for (int waited = 0; !streaming.load() && waited < 10000; ++waited) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      kill(child, SIGKILL);
    });
    const std::vector<int> acks = read_acks(fds[0], streaming);
    killer.join();
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "round " << rounds;

    Database db = Database::open_directory(path.string());
    if (rounds == 0 && count_of(db, "MATCH (c:Counter) RETURN count(c)") == 0) db.execute("CREATE (:Counter)");
    // Acknowledged: present. At most one more (killed between commit and
    // acknowledgement). Every commit whole: each W has its V and PAIR.
    const Result ws = db.execute("MATCH (w:W) RETURN w.i ORDER BY w.i");
    std::vector<int> present;
    for (const auto& row : ws.rows()) present.push_back(static_cast<int>(row[0].as_int()));
    ASSERT_GE(present.size(), static_cast<std::size_t>(next + static_cast<int>(acks.size()))) << "round " << rounds;
    ASSERT_LE(present.size(), static_cast<std::size_t>(next + static_cast<int>(acks.size()) + 1)) << "round " << rounds;
    for (std::size_t k = 0; k < present.size(); ++k) ASSERT_EQ(present[k], static_cast<int>(k)) << "round " << rounds;
    for (int a : acks) ASSERT_LT(a, static_cast<int>(present.size()));
    const std::int64_t n = static_cast<std::int64_t>(present.size());
    ASSERT_EQ(count_of(db, "MATCH (w:W)-[p:PAIR]->(v:V) WHERE w.i = p.i AND p.i = v.i RETURN count(*)"), n);
    ASSERT_EQ(count_of(db, "MATCH (v:V) RETURN count(v)"), n);
    ASSERT_EQ(count_of(db, "MATCH ()-[p:PAIR]->() RETURN count(p)"), n);
    if (n > 0 && rounds > 0) {
      ASSERT_EQ(count_of(db, "MATCH (c:Counter) RETURN c.last"), n - 1) << "round " << rounds;
    }
    next = static_cast<int>(n);
    acknowledged_total += static_cast<int>(acks.size());
  }
  EXPECT_EQ(rounds, 20);
  EXPECT_GE(acknowledged_total, 20);
  RecordProperty("rounds", rounds);
  RecordProperty("commits", next);
}

TEST(StorageCrash, ASecondWriterIsRefusedNamingTheHoldersPid) {
  TempDir dir;
  const fs::path path = dir / "db";
  int ready[2], done[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(done), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Database db = Database::open_directory(path.string());
    char c = 1;
    if (write(ready[1], &c, 1) != 1) _exit(3);
    if (read(done[0], &c, 1) < 0) _exit(4);
    _exit(0);
  }
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  try {
    Database::open_directory(path.string());
    ADD_FAILURE() << "a second writer opened the database";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::io_error);
    EXPECT_EQ(e.message(), "the database '" + path.string() + "' is in use by process " + std::to_string(child) +
                               "; only one process may write it at a time: close that one first, or open it read-only beside it "
                            "(ergo --read-only, StorageOptions::read_only) (lock file '" +
                               (path / "lock").string() + "')");
  }
  ASSERT_EQ(write(done[1], &c, 1), 1);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // The holder is gone: the lock with it.
  Database db = Database::open_directory(path.string());
  // A second Database in this process is refused as well.
  try {
    Database::open_directory(path.string());
    ADD_FAILURE() << "a second Database opened the directory";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("in use by this process (pid " + std::to_string(getpid()) + ")"), std::string::npos)
        << e.message();
  }
}

TEST(StorageCrash, ADirectoryWithOtherFilesIsNotTakenOver) {
  TempDir dir;
  std::ofstream(dir / "notes.txt") << "mine\n";
  try {
    Database::open_directory(dir.path().string());
    ADD_FAILURE() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "'" + dir.path().string() +
                               "' is not an ergo database: it holds 'notes.txt'; name an empty or new directory for "
                               "a database (load .kg files into it as sources)");
  }
  EXPECT_EQ(fs::directory_iterator(dir.path())->path().filename(), "notes.txt");
}

// A file size limit stands in for a full disk: past it, writes fail with
// EFBIG as they would with ENOSPC.
TEST(StorageCrash, AFullDiskFailsTheStatementAndTheDatabaseStillOpens) {
  TempDir dir;
  const fs::path path = dir / "db";
  { Database db = Database::open_directory(path.string()); db.execute("CREATE (:Seed)"); }
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    signal(SIGXFSZ, SIG_IGN);
    rlimit limit{20000, 20000};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(5);
    Database db = Database::open_directory(path.string());
    const std::string padding(700, 'x');
    std::string report;
    for (int i = 0; i < 1000; ++i) {
      try {
        db.execute("CREATE (:Big {i: $i, pad: $pad})", {{"i", i}, {"pad", padding}});
      } catch (const Error& e) {
        // The statement is undone in memory too, and the next one still works where it fits.
        const bool undone = db.execute("MATCH (b:Big) RETURN count(b)").rows()[0][0].as_int() == i;
        report = std::to_string(i) + "\n" + (e.kind() == ErrorKind::io_error ? "io_error" : "other") + "\n" +
                 e.message() + "\n" + (undone ? "undone" : "kept") + "\n";
        break;
      }
    }
    if (write(fds[1], report.data(), report.size()) < 0) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  std::string report;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) report.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  const std::size_t first = report.find('\n');
  ASSERT_NE(first, std::string::npos) << "never ran out of space";
  const int acknowledged = std::stoi(report.substr(0, first));
  EXPECT_GT(acknowledged, 5);
  EXPECT_EQ(report.substr(first + 1),
            "io_error\ncould not write to '" + (path / "log.ergo").string() +
                "': File too large; free some space (or raise the file size limit) and retry\nundone\n");
  Database db = Database::open_directory(path.string());
  EXPECT_EQ(count_of(db, "MATCH (b:Big) RETURN count(b)"), acknowledged);
  EXPECT_EQ(count_of(db, "MATCH (b:Big) RETURN max(b.i)"), acknowledged - 1);
  EXPECT_EQ(count_of(db, "MATCH (s:Seed) RETURN count(s)"), 1);
}

}  // namespace
}  // namespace ergo::storage_test
