// A read-only open (StorageOptions::read_only): it reads beside a writer,
// refuses every write with the "opened read-only" error, leaves every byte
// of the directory as it was (a torn tail and leftover *.tmp files
// included), creates nothing, and never pairs a snapshot with a log that is
// not its own while a writer checkpoints.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <thread>

#include "engine/storage/read_only_open.hpp"
#include "engine/store/graph.hpp"
#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;

StorageOptions read_only() {
  StorageOptions o;
  o.read_only = true;
  return o;
}

// A database of `commits` commits (node :C {i} each), all of them in the
// log: a child process writes them and leaves without a checkpoint, as a
// crash would.
void make_logged_database(const fs::path& dir, int commits) {
  const pid_t child = fork();
  if (child == 0) {
    Database db = Database::open_directory(dir.string());
    for (int i = 0; i < commits; ++i) db.execute("CREATE (:C {i: $i})", {{"i", i}});
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

// Every file of `dir` with its bytes.
std::map<std::string, std::vector<char>> contents(const fs::path& dir) {
  std::map<std::string, std::vector<char>> files;
  for (const auto& e : fs::directory_iterator(dir)) files[e.path().filename().string()] = read_bytes(e.path());
  return files;
}

TEST(StorageReadOnly, ReadsBesideAWriterAsOfItsOpen) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Database writer = Database::open_directory(db);
  writer.execute("CREATE (:C {i: 1}), (:C {i: 2})");
  writer.execute("CREATE (:C {i: 3})");
  Database reader = Database::open_directory(db, read_only());
  EXPECT_TRUE(reader.read_only());
  EXPECT_FALSE(writer.read_only());
  EXPECT_EQ(count_of(reader, "MATCH (n:C) RETURN count(n)"), 3);
  writer.execute("CREATE (:C {i: 4})");
  EXPECT_EQ(count_of(reader, "MATCH (n:C) RETURN count(n)"), 3);  // no live following
  Database later = Database::open_directory(db, read_only());
  EXPECT_EQ(count_of(later, "MATCH (n:C) RETURN sum(n.i)"), 10);
  // After a checkpoint the snapshot alone holds everything.
  writer.checkpoint();
  Database after = Database::open_directory(db, read_only());
  EXPECT_EQ(graph_text(after), graph_text(writer));
}

TEST(StorageReadOnly, EveryWriteIsRefusedSayingItWasOpenedReadOnly) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Database::open_directory(db).execute("CREATE (:C {i: 1})");
  Database reader = Database::open_directory(db, read_only());
  const std::string fix = "; open it without --read-only (StorageOptions::read_only) once no other process writes it";
  const std::string opened = "the database '" + db + "' was opened read-only, so it cannot ";
  try {
    reader.execute("MATCH (c:C) DETACH DELETE c");
    FAIL() << "DELETE ran";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::semantic_error);
    EXPECT_EQ(e.code(), "AccessMode");
    EXPECT_EQ(e.message(), opened + "run DETACH, which changes the graph" + fix);
    EXPECT_EQ(e.column(), 13u);  // at DETACH
  }
  try {
    reader.execute("MATCH (c) RETURN c.i UNION MERGE (c:C {i: 2}) RETURN c.i");
    FAIL() << "MERGE ran";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), opened + "run MERGE, which changes the graph" + fix);
  }
  auto refused = [&](auto&& call, const std::string& what) {
    try {
      call();
      ADD_FAILURE() << what << " ran";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::semantic_error);
      EXPECT_EQ(e.code(), "AccessMode");
      EXPECT_EQ(e.message(), opened + what + fix);
    }
  };
  refused([&] { reader.load({"data/"}); }, "load files into it");
  CsvImport import;
  {
    std::ofstream(dir / "p.csv") << "id,name\n1,Zed\n";
  }
  import.nodes.push_back({(dir / "p.csv").string(), "Person"});
  refused([&] { reader.import_csv(import); }, "import CSV files into it");
  refused([&] { reader.checkpoint(); }, "checkpoint");
  // In a transaction too, which then rolls back as after any failure.
  Transaction tx = reader.begin();
  EXPECT_THROW(tx.execute("CREATE (:C {i: 9})"), Error);
  EXPECT_EQ(count_of(reader, "MATCH (n) RETURN count(n)"), 1);
}

TEST(StorageReadOnly, LeavesEveryByteOfTheDirectoryAsItWas) {
  TempDir dir;
  const fs::path db = dir / "db";
  make_logged_database(db, 5);
  // What crashes leave behind: a torn tail (half of a sixth commit), and
  // the temporary files of an interrupted checkpoint and log reset.
  auto log = read_bytes(db / "log.ergo");
  log.resize(records_end(log));  // without the zeros kept as room (LogFile::make_room)
  const auto offsets = record_offsets(log);
  ASSERT_EQ(offsets.size(), 5u);
  std::vector<char> torn(log.begin() + static_cast<long>(offsets[4]), log.end());
  log.insert(log.end(), torn.begin(), torn.begin() + static_cast<long>(torn.size() / 2));
  write_bytes(db / "log.ergo", log);
  write_bytes(db / "snapshot.ergo.tmp", {'p', 'a', 'r', 't'});
  write_bytes(db / "log.ergo.tmp", {'p', 'a', 'r', 't'});
  const auto before = contents(db);
  ASSERT_EQ(before.size(), 4u);  // the lock, the log and the two leftovers
  {
    Database reader = Database::open_directory(db.string(), read_only());
    EXPECT_EQ(count_of(reader, "MATCH (n:C) RETURN count(n)"), 5);
    EXPECT_EQ(count_of(reader, "MATCH (n:C) RETURN sum(n.i)"), 0 + 1 + 2 + 3 + 4);
    EXPECT_THROW(reader.execute("CREATE (:C {i: 5})"), Error);
  }  // closing does not checkpoint
  EXPECT_EQ(contents(db), before);
  // The writer, next time, cuts the torn tail as usual and finds the same graph.
  Database writer = Database::open_directory(db.string());
  EXPECT_EQ(count_of(writer, "MATCH (n:C) RETURN count(n)"), 5);
  EXPECT_EQ(fs::file_size(db / "log.ergo"), log.size() - torn.size() / 2);
}

TEST(StorageReadOnly, AMissingDirectoryIsAnErrorAndIsNotCreated) {
  TempDir dir;
  const fs::path db = dir / "nothing";
  try {
    Database::open_directory(db.string(), read_only());
    FAIL() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::io_error);
    EXPECT_EQ(e.message(), "there is no database '" + db.string() +
                               "' to open read-only (a read-only open creates nothing); check the name, or open it "
                               "without --read-only to create it");
  }
  EXPECT_FALSE(fs::exists(db));
  fs::create_directory(db);
  try {
    Database::open_directory(db.string(), read_only());
    FAIL() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "'" + db.string() +
                               "' holds no database yet (no snapshot.ergo, no log.ergo), so there is nothing to open "
                               "read-only; open it without --read-only to create one");
  }
  EXPECT_TRUE(fs::is_empty(db));
}

// The race, made to happen: the writer checkpoints after the reader has
// opened the old snapshot and before it opens the log. Paired as found,
// the old snapshot and the new, emptied log would miss commits 3 and 4.
TEST(StorageReadOnly, ACheckpointBetweenOpeningSnapshotAndLogIsSeenAndRetried) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Database writer = Database::open_directory(db);
  writer.execute("CREATE (:C {i: 1})");
  writer.execute("CREATE (:C {i: 2})");
  writer.checkpoint();
  writer.execute("CREATE (:C {i: 3})");
  writer.execute("CREATE (:C {i: 4})");
  int calls = 0;
  store::Graph graph;
  const storage::ReadOnlyOpen opened = storage::open_read_only(db, graph, [&] {
    if (++calls == 1) writer.checkpoint();
  });
  EXPECT_EQ(opened.attempts, 2u);
  EXPECT_EQ(opened.sequence, 4u);
  EXPECT_EQ(opened.log_bytes, 0u);
  EXPECT_EQ(graph.live_node_count(), 4u);
  // Without a snapshot yet, a first checkpoint coming between counts too.
  TempDir fresh;
  const std::string db2 = (fresh / "db").string();
  Database writer2 = Database::open_directory(db2);
  writer2.execute("CREATE (:C {i: 1})");
  calls = 0;
  store::Graph graph2;
  const storage::ReadOnlyOpen opened2 = storage::open_read_only(db2, graph2, [&] {
    if (++calls == 1) writer2.checkpoint();
  });
  EXPECT_EQ(opened2.attempts, 2u);
  EXPECT_EQ(graph2.live_node_count(), 1u);
}

// The same without a hook: a writer committing and checkpointing as fast as
// it can, readers opening meanwhile. Each reader must see at least every
// commit acknowledged before it began to open, each exactly once.
TEST(StorageReadOnly, ReadersOpeningDuringCheckpointsSeeEveryCommitOnce) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  StorageOptions fast;
  fast.sync = false;  // the race is between files, not with the disk
  Database writer = Database::open_directory(db, fast);
  std::atomic<int> acknowledged{0};
  std::atomic<bool> stop{false};
  std::thread writing([&] {
    for (int i = 1; !stop.load(); ++i) {
      writer.execute("CREATE (:C {i: $i})", {{"i", i}});
      acknowledged.store(i);
      if (i % 3 == 0) writer.checkpoint();
    }
  });
  // Until the writer has checkpointed 200 times (a few hundred opens).
  for (int round = 0; acknowledged.load() < 600; ++round) {
    const int before = acknowledged.load();
    Database reader = Database::open_directory(db, read_only());
    const Result r = reader.execute("MATCH (n:C) RETURN count(n), count(DISTINCT n.i), max(n.i)");
    const auto& row = r.rows().at(0);
    ASSERT_GE(row[0].as_int(), before) << "round " << round;
    ASSERT_EQ(row[0].as_int(), row[1].as_int()) << "round " << round;
    if (row[0].as_int() > 0) {
      ASSERT_EQ(row[2].as_int(), row[0].as_int()) << "round " << round;  // 1..n, none missing
    }
  }
  stop.store(true);
  writing.join();
}

}  // namespace
}  // namespace ergo::storage_test
