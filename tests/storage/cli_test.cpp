// The real build/bin/ergo with --db: what one run writes, the next run
// reads; sources go into the database; a second process, a full disk and a
// directory that is not a database are refused with what to do; and the
// shell warns once before an in-memory session's changes are lost.
#include <unistd.h>

#include <cstdlib>

#include "tests/storage/storage_test_support.hpp"
#include "tools/ergo/session.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;
using ergo::testing::run_ergo;

TEST(StorageCli, WhatOneRunWritesTheNextReads) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  auto created = run_ergo({"--db", db, "-e", "CREATE (:Person {name: 'Ann', born: date('1983-04-05')})"});
  EXPECT_EQ(created.status, 0) << created.err;
  EXPECT_EQ(created.err, "");
  auto set = run_ergo({"--db", db}, "MATCH (p:Person) SET p.aliases = ['앤'];\nCREATE (:Person {name: 'Bob'});\n");
  EXPECT_EQ(set.status, 0) << set.err;
  auto read = run_ergo({"--db", db, "-e", "MATCH (p:Person) RETURN p.name, p.born, p.aliases ORDER BY p.name"});
  EXPECT_EQ(read.status, 0) << read.err;
  EXPECT_EQ(read.out, "p.name,p.born,p.aliases\nAnn,1983-04-05,['앤']\nBob,,\n");
}

TEST(StorageCli, SourcesGoIntoTheDatabaseAndTheBundledGraphIsNotAddedUnasked) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  auto empty = run_ergo({"--db", db, "-e", "MATCH (n) RETURN count(n) AS n"});
  EXPECT_EQ(empty.out, "n\n0\n");
  auto loaded = run_ergo({"--db", db, "data/", "-e", "MATCH (n) RETURN count(n) AS n"});
  EXPECT_EQ(loaded.out, "n\n86\n") << loaded.err;
  auto again = run_ergo({"--db", db, "-e",
                         "MATCH (:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(:Company {name: 'OpenAI'}) "
                         "WHERE r.amount IS NOT NULL RETURN r.amount, r.source, r.line"});
  EXPECT_EQ(again.out, "r.amount,r.source,r.line\n1000000000,001_009795713d7dc0a1,4\n") << again.err;
  {
    std::ofstream(dir / "people.csv") << "id,name\n1,Zed\n";
  }
  auto imported = run_ergo({"--db", db, "--nodes", "Person=" + (dir / "people.csv").string(), "-e",
                            "MATCH (p:Person {name: 'Zed'}) RETURN count(p) AS n"});
  EXPECT_EQ(imported.out, "n\n1\n") << imported.err;
  auto counted = run_ergo({"--db", db, "-e", "MATCH (n) RETURN count(n) AS n"});
  EXPECT_EQ(counted.out, "n\n87\n");
  // :checkpoint from a script.
  auto checkpoint = run_ergo({"--db", db}, ":checkpoint\n");
  EXPECT_EQ(checkpoint.status, 0) << checkpoint.err;
  EXPECT_EQ(fs::file_size(dir / "db" / "log.ergo"), 16u);
  auto in_memory = run_ergo({}, ":checkpoint\n");
  EXPECT_EQ(in_memory.status, 1);
  EXPECT_NE(in_memory.err.find(":checkpoint needs a database on disk: this graph is in memory; start ergo with --db DIR"),
            std::string::npos)
      << in_memory.err;
}

TEST(StorageCli, ASecondProcessIsToldWhoHoldsTheDatabase) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Database holder = Database::open_directory(db);
  auto second = run_ergo({"--db", db, "-e", "RETURN 1"});
  EXPECT_EQ(second.status, 1);
  EXPECT_EQ(second.err, "ergo: the database '" + db + "' is in use by process " + std::to_string(getpid()) +
                            "; only one process may write it at a time: close that one first, or open it read-only beside it "
                            "(ergo --read-only, StorageOptions::read_only) (lock file '" + db +
                            "/lock')\n");
}

TEST(StorageCli, ADirectoryOfOtherFilesIsRefused) {
  auto run = run_ergo({"--db", "data", "-e", "RETURN 1"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err.rfind("ergo: 'data' is not an ergo database: it holds '", 0), 0u) << run.err;
}

TEST(StorageCli, AFullDiskFailsTheStatementWithWhatToDo) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_ergo({"--db", db, "-e", "CREATE (:Seed)"}).status, 0);
  // ulimit -f counts 512-byte blocks here (dash): 40 blocks, 20 KB.
  const std::string command = "cd '" + std::string(ERGO_SOURCE_DIR) + "' && ulimit -f 40 && '" +
                              ergo::testing::ergo_binary() + "' --db '" + db +
                              "' -e \"UNWIND range(1, 100) AS i CREATE (:Big {i: i, pad: '" + std::string(30, 'x') +
                              "' + toString(i)})\" > '" + (dir / "out").string() + "' 2> '" +
                              (dir / "err").string() + "'";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << ergo::testing::slurp(dir / "err");
  // One statement of 100 nodes fits; forty in a row do not.
  std::string many = "UNWIND range(1, 2000) AS i CREATE (:Big {i: i, pad: '" + std::string(30, 'x') + "' + toString(i)})";
  const std::string command2 = "cd '" + std::string(ERGO_SOURCE_DIR) + "' && ulimit -f 40 && '" +
                               ergo::testing::ergo_binary() + "' --db '" + db + "' -e \"" + many + "\" > '" +
                               (dir / "out").string() + "' 2> '" + (dir / "err").string() + "'";
  const int status2 = std::system(command2.c_str());
  ASSERT_TRUE(WIFEXITED(status2));
  EXPECT_EQ(WEXITSTATUS(status2), 1);
  EXPECT_EQ(ergo::testing::slurp(dir / "err"),
            "<command line>:1: error: could not write to '" + db + "/log.ergo': File too large; free some space (or raise the file size "
            "limit) and retry\n");
  auto after = run_ergo({"--db", db, "-e", "MATCH (n) RETURN count(n) AS n"});
  EXPECT_EQ(after.status, 0) << after.err;
  EXPECT_EQ(after.out, "n\n101\n");
}

// The shell's warning, through the session it asks.
TEST(StorageCli, LeavingAnInMemorySessionWithChangesWarnsOnce) {
  cli::Settings settings;
  {
    cli::Session session(Database(), settings);
    EXPECT_FALSE(session.warn_before_leaving());  // nothing changed
    ASSERT_TRUE(session.run_script("MATCH (n) RETURN count(n);", "<test>"));
    EXPECT_FALSE(session.warn_before_leaving());  // reading changes nothing
    ASSERT_TRUE(session.run_script("CREATE (:X);", "<test>"));
    EXPECT_TRUE(session.unsaved_changes());
    EXPECT_TRUE(session.warn_before_leaving());
    EXPECT_FALSE(session.warn_before_leaving());  // once
  }
  TempDir dir;
  cli::Session on_disk(Database::open_directory((dir / "db").string()), settings);
  ASSERT_TRUE(on_disk.run_script("CREATE (:X);", "<test>"));
  EXPECT_FALSE(on_disk.unsaved_changes());
  EXPECT_FALSE(on_disk.warn_before_leaving());
}

}  // namespace
}  // namespace ergo::storage_test
