// ergo --db DIR --read-only, the real binary: it answers while another
// process (this test) holds the database for writing, refuses a write with
// the exact error, leaves the directory's bytes as they were, and refuses a
// directory that does not exist without creating it.
#include <unistd.h>

#include <map>

#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;
using ergo::testing::run_ergo;

std::map<std::string, std::vector<char>> contents(const fs::path& dir) {
  std::map<std::string, std::vector<char>> files;
  for (const auto& e : fs::directory_iterator(dir)) files[e.path().filename().string()] = read_bytes(e.path());
  return files;
}

TEST(StorageReadOnlyCli, AnswersBesideTheWriterAndChangesNoByte) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Database writer = Database::open_directory(db);
  writer.execute("CREATE (:C {i: 1}), (:C {i: 2})");
  writer.execute("CREATE (:C {i: 3})");  // in the log, not yet in a snapshot
  const auto before = contents(db);
  auto counted = run_ergo({"--db", db, "--read-only", "-e", "MATCH (n) RETURN count(n)"});
  EXPECT_EQ(counted.status, 0) << counted.err;
  EXPECT_EQ(counted.out, "count(n)\n3\n");
  EXPECT_EQ(counted.err, "");
  auto written = run_ergo({"--db", db, "--read-only", "-e", "MATCH (c:C {i: 1}) SET c.i = 10"});
  EXPECT_EQ(written.status, 1);
  EXPECT_EQ(written.out, "");
  EXPECT_EQ(written.err,
            "<command line>:1:20: error: the database '" + db +
                "' was opened read-only, so it cannot run SET, which changes the graph; open it without --read-only "
                "(StorageOptions::read_only) once no other process writes it\n"
                "MATCH (c:C {i: 1}) SET c.i = 10\n"
                "                   ^~~~~~~~~~~~\n");
  // The shell's commands that write are refused the same way.
  auto shell = run_ergo({"--db", db, "--read-only"}, "MATCH (n:C) RETURN sum(n.i) AS s;\n:checkpoint\n");
  EXPECT_EQ(shell.status, 1);
  EXPECT_EQ(shell.out, "s\n6\n");
  EXPECT_NE(shell.err.find("the database '" + db + "' was opened read-only, so it cannot checkpoint; open it without "
                           "--read-only (StorageOptions::read_only) once no other process writes it"),
            std::string::npos)
      << shell.err;
  EXPECT_EQ(contents(db), before);
}

TEST(StorageReadOnlyCli, ADumpRunsBesideTheWriterAndChangesNoByte) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Database writer = Database::open_directory(db);
  writer.execute("CREATE (:C {i: 1})-[:R]->(:C {i: 2})");
  const auto before = contents(db);
  auto dump = run_ergo({"dump", "--db", db, "--format", "cypher"});
  EXPECT_EQ(dump.status, 0) << dump.err;
  EXPECT_EQ(dump.out.rfind("// ergo dump: 2 nodes, 1 relationships.\n", 0), 0u) << dump.out;
  EXPECT_EQ(contents(db), before);
}

TEST(StorageReadOnlyCli, TheInUseErrorSaysReadOnlyIsTheWayIn) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Database writer = Database::open_directory(db);
  auto second = run_ergo({"--db", db, "-e", "RETURN 1"});
  EXPECT_EQ(second.status, 1);
  EXPECT_EQ(second.err, "ergo: the database '" + db + "' is in use by process " + std::to_string(getpid()) +
                            "; only one process may write it at a time: close that one first, or open it read-only "
                            "beside it (ergo --read-only, StorageOptions::read_only) (lock file '" +
                            db + "/lock')\n");
}

TEST(StorageReadOnlyCli, AMissingDirectoryIsRefusedAndNotCreated) {
  TempDir dir;
  const std::string db = (dir / "nothing").string();
  auto run = run_ergo({"--db", db, "--read-only", "-e", "RETURN 1"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "ergo: there is no database '" + db +
                         "' to open read-only (a read-only open creates nothing); check the name, or open it without "
                         "--read-only to create it\n");
  EXPECT_FALSE(fs::exists(db));
}

TEST(StorageReadOnlyCli, ReadOnlyNeedsADatabaseAndTakesNoSources) {
  auto alone = run_ergo({"--read-only", "-e", "RETURN 1"});
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.err.find("option '--read-only' opens a database directory without writing to it, so it needs --db DIR"),
            std::string::npos)
      << alone.err;
  auto sources = run_ergo({"--db", "x", "--read-only", "data/", "-e", "RETURN 1"});
  EXPECT_EQ(sources.status, 2);
  EXPECT_NE(sources.err.find("option '--read-only' writes nothing into the database, so it cannot take sources or "
                             "CSV files; load them with ergo --db x SOURCE... first, without --read-only"),
            std::string::npos)
      << sources.err;
}

}  // namespace
}  // namespace ergo::storage_test
