// Group commit (docs/adr/0007-storage.md §3): commits from several threads
// share the log's fdatasyncs, each is durable and visible when its
// statement returns, and a sync that fails loses exactly the commits it
// covered — in memory and on disk — with an error for each of them.
//
// fdatasync is replaced in this test program (below): it can be made to
// take as long as a disk's (this machine's /tmp may be memory) or to fail.
#include <dlfcn.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <thread>

#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

std::atomic<int> syncs_to_fail{0};                // the next this many fdatasyncs fail with EIO
std::atomic<int> sync_microseconds{0};            // and each takes at least this long

}  // namespace
}  // namespace ergo::storage_test

// The storage layer's calls land here (the executable's definition comes
// first); everything else is passed to the C library's.
extern "C" int fdatasync(int fd) {
  using ergo::storage_test::syncs_to_fail;
  if (const int us = ergo::storage_test::sync_microseconds.load()) std::this_thread::sleep_for(std::chrono::microseconds(us));
  for (int n = syncs_to_fail.load(); n > 0;) {
    if (syncs_to_fail.compare_exchange_weak(n, n - 1)) {
      errno = EIO;
      return -1;
    }
  }
  using Real = int (*)(int);
  static const auto real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "fdatasync"));
  return real(fd);
}

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;

std::int64_t count(Database& db, const std::string& pattern) {
  return db.execute("MATCH " + pattern + " RETURN count(*)").rows().at(0).at(0).as_int();
}

// Six threads commit 100 statements each against a disk whose sync takes
// 300 µs: while one thread syncs, the others queue, and the next sync
// covers all their commits. Every commit is there after a reopen, once.
// A reader meanwhile never sees the count go down.
TEST(GroupCommit, ThreadsCommittingAtOnceShareSyncsAndEveryCommitLasts) {
  TempDir dir;
  const fs::path path = dir / "db";
  constexpr int threads = 6, each = 100;
  sync_microseconds = 300;
  {
    Database db = Database::open_directory(path.string());
    const StorageStatistics before = db.storage_statistics();
    std::atomic<bool> done{false};
    std::atomic<int> went_down{0};
    std::thread reader([&] {
      std::int64_t last = 0;
      while (!done) {
        const std::int64_t now = count(db, "(:W)");
        if (now < last) ++went_down;
        last = now;
      }
    });
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
      writers.emplace_back([&, t] {
        for (int i = 0; i < each; ++i) {
          db.execute("CREATE (:W {t: $t, i: $i})", {{"t", Value(std::int64_t{t})}, {"i", Value(std::int64_t{i})}});
          // Acknowledged: durable, and visible to this thread's next read.
          if (count(db, "(w:W {t: " + std::to_string(t) + ", i: " + std::to_string(i) + "})") != 1) ++went_down;
        }
      });
    }
    for (auto& w : writers) w.join();
    done = true;
    reader.join();
    EXPECT_EQ(went_down.load(), 0);
    const StorageStatistics after = db.storage_statistics();
    EXPECT_EQ(after.commits - before.commits, std::uint64_t{threads * each});
    EXPECT_GE(after.log_syncs - before.log_syncs, 1u);
    // Shared: at most one sync for every two commits (one each without group commit).
    EXPECT_LE(after.log_syncs - before.log_syncs, std::uint64_t{threads * each / 2});
    std::printf("%llu commits, %llu syncs\n", static_cast<unsigned long long>(after.commits - before.commits),
                static_cast<unsigned long long>(after.log_syncs - before.log_syncs));
  }
  sync_microseconds = 0;
  Database again = Database::open_directory(path.string());
  EXPECT_EQ(count(again, "(:W)"), threads * each);
  EXPECT_EQ(again.execute("MATCH (w:W) RETURN count(DISTINCT [w.t, w.i])").rows().at(0).at(0).as_int(), threads * each);
}

// One thread alone: one sync per commit, as before group commit.
TEST(GroupCommit, OneThreadSyncsEachCommit) {
  TempDir dir;
  Database db = Database::open_directory((dir / "db").string());
  const StorageStatistics before = db.storage_statistics();
  for (int i = 0; i < 20; ++i) db.execute("CREATE (:One)");
  db.execute("MATCH (n:None) SET n.x = 1");  // changes nothing: no commit, no sync
  const StorageStatistics after = db.storage_statistics();
  EXPECT_EQ(after.commits - before.commits, 20u);
  EXPECT_EQ(after.log_syncs - before.log_syncs, 20u);
}

// A sync that fails: the statement fails with the file named, its change
// is neither seen nor on disk after a reopen, and the database goes on;
// the same for a transaction's commit.
TEST(GroupCommit, AFailedSyncLosesItsCommitsAndNothingElse) {
  TempDir dir;
  const fs::path path = dir / "db";
  {
    Database db = Database::open_directory(path.string());
    db.execute("CREATE (:Before)");
    syncs_to_fail = 1;
    try {
      db.execute("CREATE (:Lost)");
      ADD_FAILURE() << "the statement whose sync failed succeeded";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::io_error);
      EXPECT_NE(std::string(e.what()).find("log.ergo"), std::string::npos) << e.what();
    }
    EXPECT_EQ(count(db, "(:Lost)"), 0);
    db.execute("CREATE (:After)");
    Transaction tx = db.begin();
    tx.execute("CREATE (:LostInTransaction)");
    syncs_to_fail = 1;
    EXPECT_THROW(tx.commit(), Error);
    EXPECT_FALSE(tx.open());
    EXPECT_EQ(count(db, "(:LostInTransaction)"), 0);
    db.execute("CREATE (:Last)");
    EXPECT_EQ(count(db, "(n) WHERE n:Before OR n:After OR n:Last"), 3);
  }
  Database again = Database::open_directory(path.string());
  EXPECT_EQ(count(again, "(n) WHERE n:Before OR n:After OR n:Last"), 3);
  EXPECT_EQ(count(again, "(n) WHERE n:Lost OR n:LostInTransaction"), 0);
}

}  // namespace
}  // namespace ergo::storage_test
