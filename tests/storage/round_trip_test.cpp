// A database directory keeps exactly what was committed: every property
// type, labels, relationships, deletions and updates, aliases and
// provenance, through a clean close (snapshot) and through a crash (the log
// replayed); a failed statement leaves the files as they were.
#include <sys/wait.h>
#include <unistd.h>

#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;

// Statements that use every property type a property holds, several labels,
// and relationships with properties, then change and delete some of it.
const std::vector<std::string> statements = {
    "CREATE (:Person:Founder {name: 'Ann', age: 41, height: 1.72, active: true, born: date('1983-04-05'), "
    "aliases: ['앤', 'Annie'], scores: [1, -2, 9223372036854775807], ratios: [0.5, -1.25e300], flags: [true, false], "
    "days: [date('2000-01-01')], empty: [], blank: '', big: -9223372036854775807 - 1})",
    "CREATE (:Company {name: 'Acme', founded: 1999})",
    "CREATE (:Company {name: '마이크로소프트', aliases: ['Microsoft', 'MS']})",
    "MATCH (p:Person), (c:Company {name: 'Acme'}) CREATE (p)-[:FOUNDED {year: 1999, source: 'doc1', line: 4}]->(c)",
    "MATCH (a:Company {name: 'Acme'}), (m:Company {name: '마이크로소프트'}) "
    "CREATE (m)-[:INVESTS_IN {amount: 1000000000, currency: 'USD', since: date('2019-07-22')}]->(a)",
    "CREATE (:Temp {n: 1})-[:LINK]->(:Temp {n: 2})",
    "MATCH (p:Person) SET p.age = 42, p.height = null, p:Investor REMOVE p:Founder",
    "MATCH (c:Company {name: 'Acme'}) SET c.founded = '1999', c.tags = ['a', 'b']",
    "MATCH (t:Temp {n: 1}) DETACH DELETE t",
    "MATCH ()-[r:FOUNDED]->() SET r.year = 2000, r.note = 'corrected'",
    "CREATE (x:Gone) DELETE x",
};

void run_all(Database& db) {
  for (const std::string& s : statements) db.execute(s);
}

TEST(StorageRoundTrip, EveryTypeLabelAndRelationshipIsTheSameAfterReopening) {
  TempDir dir;
  Database memory;
  run_all(memory);
  const std::string expected = graph_text(memory);
  {
    Database db = Database::open_directory((dir / "db").string());
    run_all(db);
    EXPECT_EQ(graph_text(db), expected);
  }  // closes: checkpoint
  EXPECT_EQ(fs::file_size(dir / "db" / "log.ergo"), 16u);  // the snapshot has it all
  Database db = Database::open_directory((dir / "db").string());
  EXPECT_EQ(graph_text(db), expected);
  EXPECT_EQ(db.statistics(), memory.statistics());
  EXPECT_EQ(db.directory(), (dir / "db").string());
  // The name index is rebuilt: aliases find their node.
  EXPECT_EQ(db.find_by_name("microsoft").size(), 1u);
  EXPECT_EQ(db.find_by_name("앤").size(), 1u);
  // New ids follow on after the deleted ones, as in memory.
  EXPECT_EQ(db.execute("CREATE (n:New) RETURN id(n)").rows().at(0).at(0).as_int(),
            memory.execute("CREATE (n:New) RETURN id(n)").rows().at(0).at(0).as_int());
}

TEST(StorageRoundTrip, ACrashedSessionIsReplayedFromTheLog) {
  TempDir dir;
  const fs::path path = dir / "db";
  Database memory;
  run_all(memory);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // No destructor runs: the log alone must hold every commit.
    Database db = Database::open_directory(path.string());
    run_all(db);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_FALSE(fs::exists(path / "snapshot.ergo"));
  EXPECT_GT(fs::file_size(path / "log.ergo"), 16u);
  {
    Database db = Database::open_directory(path.string());
    EXPECT_EQ(graph_text(db), graph_text(memory));
    db.execute("MATCH (c:Company {name: 'Acme'}) SET c.after = 'reopen'");
    memory.execute("MATCH (c:Company {name: 'Acme'}) SET c.after = 'reopen'");
  }
  Database db = Database::open_directory(path.string());
  EXPECT_TRUE(fs::exists(path / "snapshot.ergo"));
  EXPECT_EQ(graph_text(db), graph_text(memory));
}

TEST(StorageRoundTrip, TheBundledGraphKeepsAliasesAndProvenance) {
  TempDir dir;
  Database memory = Database::open({ERGO_DATA_DIR});
  {
    Database db = Database::open_directory((dir / "db").string());
    const LoadSummary loaded = db.load({ERGO_DATA_DIR});
    EXPECT_EQ(loaded.entities, 86u);
  }
  Database db = Database::open_directory((dir / "db").string());
  EXPECT_EQ(graph_text(db), graph_text(memory));
  const Result r = db.execute(
      "MATCH (:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(:Company {name: 'OpenAI'}) WHERE r.amount IS NOT NULL "
      "RETURN r.amount, r.currency, r.source, r.line");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.rows()[0][0].as_int(), 1000000000);
  EXPECT_EQ(r.rows()[0][1].as_string(), "USD");
  EXPECT_EQ(r.rows()[0][2].as_string(), "001_009795713d7dc0a1");
  EXPECT_EQ(r.rows()[0][3].as_int(), 4);
  EXPECT_EQ(db.find_by_name("마이크로소프트").size(), 1u);
}

TEST(StorageRoundTrip, AFailedStatementOrLoadLeavesTheFilesAsTheyWere) {
  TempDir dir;
  const fs::path path = dir / "db";
  Database db = Database::open_directory(path.string());
  db.execute("CREATE (:Kept {n: 1})");
  const auto log_before = read_bytes(path / "log.ergo");
  EXPECT_THROW(db.execute("UNWIND [1, 0] AS x CREATE (:Lost {v: 1 / x})"), Error);
  EXPECT_THROW(db.load({(dir / "missing.kg").string()}), Error);
  {
    std::ofstream(dir / "bad.kg") << "this is not a fact\n";
  }
  EXPECT_THROW(db.load({(dir / "bad.kg").string()}), Error);
  // A statement that changes nothing writes nothing.
  db.execute("MATCH (n:Nobody) SET n.x = 1");
  db.execute("MATCH (n) RETURN count(n)");
  EXPECT_EQ(read_bytes(path / "log.ergo"), log_before);
  EXPECT_EQ(count_of(db, "MATCH (n) RETURN count(n)"), 1);
}

TEST(StorageRoundTrip, ACsvImportIsOneDurableCommit) {
  TempDir dir;
  {
    std::ofstream(dir / "people.csv") << "id,name,age\n1,Ann,41\n2,Bob,35\n";
    std::ofstream(dir / "knows.csv") << "from,to,since\n1,2,2001\n";
  }
  {
    Database db = Database::open_directory((dir / "db").string());
    CsvImport import;
    import.nodes.push_back({(dir / "people.csv").string(), "Person"});
    import.relationships.push_back({(dir / "knows.csv").string(), "KNOWS"});
    db.import_csv(import);
  }
  Database db = Database::open_directory((dir / "db").string());
  const Result r = db.execute("MATCH (a:Person)-[k:KNOWS]->(b) RETURN a.name, a.age, k.since, b.name");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.rows()[0][0].as_string(), "Ann");
  EXPECT_EQ(r.rows()[0][1].as_int(), 41);
  EXPECT_EQ(r.rows()[0][2].as_int(), 2001);
  EXPECT_EQ(r.rows()[0][3].as_string(), "Bob");
}

TEST(StorageRoundTrip, AnExplicitCheckpointEmptiesTheLog) {
  TempDir dir;
  Database db = Database::open_directory((dir / "db").string());
  db.execute("CREATE (:A)");
  EXPECT_GT(fs::file_size(dir / "db" / "log.ergo"), 16u);
  db.checkpoint();
  EXPECT_EQ(fs::file_size(dir / "db" / "log.ergo"), 16u);
  db.execute("CREATE (:B)");
  Database memory;
  memory.checkpoint();  // in memory: nothing to do
  EXPECT_EQ(memory.directory(), "");
}

TEST(StorageRoundTrip, AutomaticCheckpointsKeepTheLogSmall) {
  TempDir dir;
  StorageOptions options;
  options.checkpoint_log_bytes = 1000;
  {
    Database db = Database::open_directory((dir / "db").string(), options);
    for (int i = 0; i < 100; ++i) db.execute("CREATE (:N {i: $i})", {{"i", i}});
    EXPECT_LT(records_end(read_bytes(dir / "db" / "log.ergo")), 1200u);
  }
  Database db = Database::open_directory((dir / "db").string());
  EXPECT_EQ(count_of(db, "MATCH (n:N) RETURN count(n)"), 100);
  EXPECT_EQ(count_of(db, "MATCH (n:N) RETURN sum(n.i)"), 4950);
}

// A commit whose record would take the log past the checkpoint size (a
// large load) is committed by writing the snapshot instead: the log never
// holds it, and a crash right after loses nothing.
TEST(StorageRoundTrip, ACommitTooLargeForTheLogIsWrittenAsTheSnapshot) {
  TempDir dir;
  const fs::path path = dir / "db";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    StorageOptions options;
    options.checkpoint_log_bytes = 4096;
    Database db = Database::open_directory(path.string(), options);
    db.execute("UNWIND range(1, 500) AS i CREATE (:N {i: i, s: 'node ' + toString(i)})");
    if (record_offsets(read_bytes(path / "log.ergo")).size() != 0) _exit(3);
    db.execute("CREATE (:Small)");
    // A CSV import that large is never encoded as a record at all.
    {
      std::ofstream nodes(dir / "many.csv");
      nodes << "id,name\n";
      for (int i = 0; i < 400; ++i) nodes << i << ",m" << i << "\n";
      std::ofstream rels(dir / "links.csv");
      rels << "from,to\n";
      for (int i = 1; i < 400; ++i) rels << i - 1 << "," << i << "\n";
    }
    CsvImport import;
    import.nodes.push_back({(dir / "many.csv").string(), "M"});
    import.relationships.push_back({(dir / "links.csv").string(), "LINK"});
    db.import_csv(import);
    if (record_offsets(read_bytes(path / "log.ergo")).size() != 0) _exit(4);
    db.execute("CREATE (:Small)");
    _exit(0);  // a crash: no close, no checkpoint
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << status;
  ASSERT_EQ(WEXITSTATUS(status), 0) << "a large commit went to the log";
  EXPECT_EQ(record_offsets(read_bytes(path / "log.ergo")).size(), 1u);  // the small one only
  Database db = Database::open_directory(path.string());
  EXPECT_EQ(count_of(db, "MATCH (n:N) RETURN count(n)"), 500);
  EXPECT_EQ(count_of(db, "MATCH (n:N) RETURN sum(n.i)"), 125250);
  EXPECT_EQ(count_of(db, "MATCH (n:Small) RETURN count(n)"), 2);
  EXPECT_EQ(count_of(db, "MATCH (:M)-[l:LINK]->(:M) RETURN count(l)"), 399);
  EXPECT_EQ(count_of(db, "MATCH (n) RETURN count(n)"), 902);
}

}  // namespace
}  // namespace ergo::storage_test
