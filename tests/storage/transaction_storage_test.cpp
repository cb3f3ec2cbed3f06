// An explicit transaction reaches the disk whole at commit() and not at all
// otherwise: its statements write nothing to the log on their own, a
// rollback leaves the log as it was, and a crash after commit() returned
// still finds every change of it.
#include <sys/wait.h>
#include <unistd.h>

#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;

std::int64_t count(Database& db, const std::string& label) {
  return db.execute("MATCH (n:" + label + ") RETURN count(n)").rows().at(0).at(0).as_int();
}

TEST(StorageTransactions, OnlyACommittedTransactionIsLoggedAndItSurvivesACrash) {
  TempDir dir;
  const fs::path path = dir / "db";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Database db = Database::open_directory(path.string());
    const auto log_size = [&] { return fs::file_size(path / "log.ergo"); };
    const auto empty_log = log_size();
    {
      Transaction tx = db.begin();
      tx.execute("CREATE (:Kept {n: 1}), (:Kept {n: 2})");
      tx.execute("MATCH (k:Kept {n: 2}) SET k.n = 3");
      if (log_size() != empty_log) _exit(2);  // nothing on disk before commit()
      tx.commit();
    }
    const auto after_commit = log_size();
    if (after_commit == empty_log) _exit(3);
    {
      Transaction tx = db.begin();
      tx.execute("CREATE (:Dropped)");
      tx.rollback();
    }
    {
      Transaction tx = db.begin();
      tx.execute("CREATE (:Dropped)");
    }  // out of scope uncommitted: rolled back
    if (log_size() != after_commit) _exit(4);
    _exit(0);  // no destructor, no checkpoint: the log alone must hold it
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << status;
  ASSERT_EQ(WEXITSTATUS(status), 0);
  Database db = Database::open_directory(path.string());
  EXPECT_EQ(count(db, "Kept"), 2);
  EXPECT_EQ(count(db, "Dropped"), 0);
  EXPECT_EQ(db.execute("MATCH (k:Kept) RETURN k.n ORDER BY k.n").rows(),
            (std::vector<std::vector<Value>>{{Value(std::int64_t{1})}, {Value(std::int64_t{3})}}));
}

}  // namespace
}  // namespace ergo::storage_test
