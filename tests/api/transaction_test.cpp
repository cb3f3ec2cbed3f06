// ergo::Transaction: commit and rollback (of new elements and of changes to
// old ones, indexes included), the rollback in the destructor, statements
// seeing their transaction's changes, a failed statement failing the whole
// transaction as in Neo4j, read-only transactions refusing writes with a
// positioned error, one writer at a time, readers on other threads never
// waiting for it, and the thread that holds a transaction not deadlocking
// against itself.
#include <atomic>
#include <chrono>
#include <future>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::error_of;

std::int64_t count(Database& db, const std::string& query) { return db.execute(query).row(0)[0].as_int(); }

Database small() {
  Database db;
  db.execute("CREATE (:Person {name: 'Alice', age: 30})-[:KNOWS]->(:Person {name: 'Bob'})");
  return db;
}

TEST(Transaction, CommitKeepsEveryStatement) {
  Database db = small();
  Transaction tx = db.begin();
  EXPECT_TRUE(tx.open());
  tx.execute("CREATE (:Person {name: 'Carol'})");
  // The next statement sees the first one's node, and expands over its relationship.
  Result r = tx.execute("MATCH (a:Person {name: 'Alice'}), (c:Person {name: 'Carol'}) CREATE (a)-[:KNOWS]->(c) "
                        "RETURN c.name AS name");
  EXPECT_EQ(r.row(0)[0].as_string(), "Carol");
  EXPECT_EQ(r.stats().relationships_created, 1u);
  EXPECT_EQ(tx.execute("MATCH (:Person {name: 'Alice'})-[:KNOWS]->(p) RETURN count(p)").row(0)[0].as_int(), 2);
  tx.commit();
  EXPECT_FALSE(tx.open());
  EXPECT_EQ(count(db, "MATCH (:Person {name: 'Alice'})-[:KNOWS]->(p) RETURN count(p)"), 2);
  EXPECT_EQ(db.find_by_name("carol").size(), 1u);
}

TEST(Transaction, RollbackUndoesNewAndOldElementsAndTheIndexes) {
  Database db = small();
  const GraphStatistics before = db.statistics();
  Transaction tx = db.begin();
  tx.execute("CREATE (:Robot {name: 'R2'})");
  tx.execute("MATCH (p:Person {name: 'Alice'}) SET p.name = 'Alicia', p.age = 31, p:Admin");
  tx.execute("MATCH (p:Person {name: 'Bob'}) DETACH DELETE p");
  EXPECT_EQ(tx.execute("MATCH (n) RETURN count(n)").row(0)[0].as_int(), 2);
  tx.rollback();
  EXPECT_FALSE(tx.open());
  EXPECT_EQ(db.statistics(), before);
  EXPECT_EQ(count(db, "MATCH (:Person {name: 'Alice', age: 30})-[:KNOWS]->(:Person {name: 'Bob'}) RETURN count(*)"), 1);
  EXPECT_EQ(count(db, "MATCH (n:Admin) RETURN count(n)"), 0);
  EXPECT_EQ(db.find_by_name("alicia").size(), 0u);
  EXPECT_EQ(db.find_by_name("alice").size(), 1u);
  EXPECT_EQ(db.find_by_name("r2").size(), 0u);
}

TEST(Transaction, GoingOutOfScopeRollsBack) {
  Database db = small();
  {
    Transaction tx = db.begin();
    tx.execute("CREATE (:Robot)");
  }
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 0);
  // The lock went with it: a write from this thread runs.
  db.execute("CREATE (:Robot)");
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 1);
}

TEST(Transaction, AssigningOverAnOpenTransactionRollsItBack) {
  Database db = small();
  Transaction tx = db.begin();
  tx.execute("CREATE (:Robot)");
  tx = Transaction();
  EXPECT_FALSE(tx.open());
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 0);
}

TEST(Transaction, AFailedStatementFailsTheWholeTransaction) {
  Database db = small();
  Transaction tx = db.begin();
  tx.execute("CREATE (:Robot {name: 'R2'})");
  Error e = error_of([&] { tx.execute("MATCH (p:Person {name: 'Bob'}) SET p.age = 1 / 0"); });
  EXPECT_EQ(e.code(), "DivisionByZero");
  EXPECT_FALSE(tx.open());
  // Everything is undone at once and the lock released: others go on.
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 0);
  EXPECT_EQ(count(db, "MATCH (n:Person) WHERE n.age IS NOT NULL RETURN count(n)"), 1);
  Error again = error_of([&] { tx.execute("RETURN 1"); });
  EXPECT_EQ(again.code(), "TransactionMarkedAsFailed");
  EXPECT_EQ(again.message(),
            "this transaction was rolled back because a statement in it failed, so execute() cannot run; begin a new "
            "transaction");
  EXPECT_EQ(error_of([&] { tx.commit(); }).code(), "TransactionMarkedAsFailed");
  tx.rollback();  // closes it without a word
  EXPECT_EQ(error_of([&] { tx.rollback(); }).code(), "TransactionClosed");
}

TEST(Transaction, ASyntaxErrorFailsItToo) {
  Database db = small();
  Transaction tx = db.begin();
  tx.execute("CREATE (:Robot)");
  Error e = error_of([&] { tx.execute("MATCH (n) RETRUN n"); });
  EXPECT_EQ(e.kind(), ErrorKind::syntax_error);
  EXPECT_FALSE(tx.open());
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 0);
}

TEST(Transaction, ClosedTransactionsSayWhatToDo) {
  Database db = small();
  Transaction tx = db.begin();
  tx.commit();
  Error e = error_of([&] { tx.execute("RETURN 1"); });
  EXPECT_EQ(e.code(), "TransactionClosed");
  EXPECT_EQ(e.message(), "this transaction is already committed, so execute() cannot run; begin a new transaction");
  EXPECT_EQ(error_of([&] { tx.commit(); }).code(), "TransactionClosed");
  Transaction empty;
  EXPECT_FALSE(empty.open());
  EXPECT_EQ(error_of([&] { empty.execute("RETURN 1"); }).message(),
            "this Transaction is empty; begin one with Database::begin()");
}

TEST(Transaction, ReadOnlyRefusesWritesWithAPositionedError) {
  Database db = small();
  Transaction tx = db.begin(TransactionMode::read_only);
  EXPECT_EQ(tx.mode(), TransactionMode::read_only);
  EXPECT_EQ(tx.execute("MATCH (p:Person) RETURN count(p)").row(0)[0].as_int(), 2);
  Error e = error_of([&] { tx.execute("MATCH (p:Person)\nSET p.age = 1"); });
  EXPECT_EQ(e.kind(), ErrorKind::semantic_error);
  EXPECT_EQ(e.code(), "AccessMode");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 1u);
  EXPECT_EQ(e.message(),
            "a read-only transaction cannot run SET, which changes the graph; commit or roll back and run it in a "
            "read-write transaction");
  EXPECT_FALSE(tx.open());
  EXPECT_EQ(count(db, "MATCH (p:Person) WHERE p.age = 1 RETURN count(p)"), 0);
}

TEST(Transaction, ReadOnlyNamesDetachDelete) {
  Database db = small();
  Transaction tx = db.begin(TransactionMode::read_only);
  Error e = error_of([&] { tx.execute("MATCH (p) DETACH DELETE p"); });
  EXPECT_EQ(e.column(), 11u);
  EXPECT_NE(e.message().find("cannot run DETACH,"), std::string::npos) << e.message();
}

TEST(Transaction, ReadOnlyNamesForeach) {
  Database db = small();
  Transaction tx = db.begin(TransactionMode::read_only);
  Error e = error_of([&] { tx.execute("MATCH (p:Person)\nFOREACH (x IN [1] | SET p.seen = x)"); });
  EXPECT_EQ(e.code(), "AccessMode");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 1u);
  EXPECT_NE(e.message().find("cannot run FOREACH,"), std::string::npos) << e.message();
  EXPECT_EQ(count(db, "MATCH (p:Person) WHERE p.seen = 1 RETURN count(p)"), 0);
}

TEST(Transaction, ItsThreadReadsBesideItButCannotWriteOrBeginAgain) {
  Database db = small();
  Transaction tx = db.begin();
  Result created = tx.execute("CREATE (r:Robot {name: 'R2'}) RETURN r");
  // Reading a Result, the schema or a read query on this thread does not
  // wait for the lock the transaction holds; it sees the transaction.
  EXPECT_EQ(created.property(created.row(0)[0].as_node(), "name").as_string(), "R2");
  EXPECT_EQ(db.node_count(), 3u);
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 1);
  EXPECT_EQ(error_of([&] { db.execute("CREATE (:Robot)"); }).code(), "TransactionOpen");
  EXPECT_EQ(error_of([&] { db.begin(); }).code(), "TransactionOpen");
  EXPECT_EQ(error_of([&] { db.load({ERGO_DATA_DIR}); }).code(), "TransactionOpen");
  EXPECT_TRUE(tx.open());  // refusals beside it do not fail it
  tx.commit();
  db.execute("CREATE (:Robot)");
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 2);
}

TEST(Transaction, BelongsToItsThread) {
  Database db = small();
  Transaction tx = db.begin();
  std::string code;
  std::thread([&] {
    try {
      tx.execute("RETURN 1");
    } catch (const Error& e) {
      code = e.code();
    }
  }).join();
  EXPECT_EQ(code, "TransactionThread");
  EXPECT_TRUE(tx.open());
  tx.rollback();
}

TEST(Transaction, ASecondWriterWaitsAndOthersSeeNothingBeforeCommit) {
  Database db = small();
  Transaction tx = db.begin();
  tx.execute("CREATE (:Robot)");
  std::atomic<bool> began{false};
  std::int64_t seen = -1;
  std::thread other([&] {
    Transaction second = db.begin();  // waits for the first to end
    began = true;
    seen = second.execute("MATCH (n:Robot) RETURN count(n)").row(0)[0].as_int();
    second.execute("CREATE (:Robot)");
    second.commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(began.load());
  tx.execute("CREATE (:Robot)");
  tx.commit();
  other.join();
  EXPECT_EQ(seen, 2);  // the whole first transaction, never half of it
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 3);
}

// What another thread reads while a write transaction is open, with a
// watchdog: before the versions of ADR 0006 §4 every one of these waited
// for the transaction to end.
TEST(Transaction, ReadersOnOtherThreadsNeverWaitForAnOpenWriteTransaction) {
  Database db = small();
  std::promise<void> wrote, finish;
  std::thread writer([&] {
    Transaction tx = db.begin();
    tx.execute("CREATE (:Robot {name: 'R1'})");
    tx.execute("MATCH (p:Person {name: 'Alice'}) SET p.age = 31");
    wrote.set_value();
    finish.get_future().wait();
    tx.commit();
  });
  wrote.get_future().wait();
  auto reads = std::async(std::launch::async, [&] {
    std::vector<std::int64_t> seen;
    seen.push_back(count(db, "MATCH (n) RETURN count(n)"));
    seen.push_back(db.execute("MATCH (p:Person {name: 'Alice'}) RETURN p.age").row(0)[0].as_int());
    seen.push_back(static_cast<std::int64_t>(db.node_count()));
    seen.push_back(static_cast<std::int64_t>(db.find_by_name("R1").size()));
    seen.push_back(static_cast<std::int64_t>(db.schema().labels.size()));
    Transaction read = db.begin(TransactionMode::read_only);
    seen.push_back(read.execute("MATCH (n:Robot) RETURN count(n)").row(0)[0].as_int());
    read.commit();
    std::ostringstream dump;
    seen.push_back(static_cast<std::int64_t>(db.dump(dump, DumpFormat::cypher).nodes));
    return seen;
  });
  const bool answered = reads.wait_for(std::chrono::seconds(20)) == std::future_status::ready;
  finish.set_value();
  writer.join();
  ASSERT_TRUE(answered) << "a read waited for the open write transaction";
  // The state before the transaction, every time: nothing of it shows.
  EXPECT_EQ(reads.get(), (std::vector<std::int64_t>{2, 30, 2, 0, 1, 0, 2}));
  EXPECT_EQ(count(db, "MATCH (n) RETURN count(n)"), 3);
  EXPECT_EQ(db.execute("MATCH (p:Person {name: 'Alice'}) RETURN p.age").row(0)[0].as_int(), 31);
  EXPECT_EQ(db.find_by_name("R1").size(), 1u);
}

// A query runs on the version current when it started: a commit in the
// middle of its run changes nothing it reads. The commit does not wait for
// it either; only the writer after that one, which changes the version the
// query still reads, waits for the query to end.
TEST(Transaction, AQueryReadsTheVersionItStartedOnWhileOthersCommit) {
  Database db;
  db.execute("UNWIND range(1, 20000) AS i CREATE (:N {i: i})");
  std::atomic<bool> stop{false};
  std::atomic<int> commits{0};
  std::thread writer([&] {
    for (int i = 0; !stop.load() && i < 2000; ++i) {
      db.execute("MATCH (a:N {i: 1}), (b:N {i: 2}) SET a.i = 2, b.i = 1 CREATE (:N {i: 0})");
      db.execute("MATCH (n:N {i: 0}) DELETE n");
      ++commits;
    }
  });
  int runs = 0;
  while (commits.load() < 3) std::this_thread::yield();
  for (; runs < 30; ++runs) {
    // The writer swaps two values and adds a 0 in one statement, then takes
    // the 0 away: any committed state has the same sum, a torn one would not.
    Result r = db.execute("MATCH (n:N) WITH count(n) AS c, sum(n.i) AS s RETURN c, s");
    const std::int64_t c = r.row(0)[0].as_int(), s = r.row(0)[1].as_int();
    EXPECT_TRUE(c == 20000 || c == 20001) << c;
    EXPECT_EQ(s, 20000 * 20001 / 2);
  }
  stop = true;
  writer.join();
  EXPECT_GT(commits.load(), 0);
  EXPECT_EQ(count(db, "MATCH (n:N) RETURN count(n)"), 20000);
}

// A writer waits for a query still reading the version it is about to
// change only so long (GraphVersions::writer_patience, 50 ms): then it
// leaves that version to the query and copies the current one. The query
// here takes about two seconds; the two writes, which without the
// patience would wait for it, finish while it runs, and it still counts
// the graph it started on.
TEST(Transaction, AWriterDoesNotWaitForALongQuery) {
  Database db;
  db.execute("UNWIND range(1, 4000) AS i CREATE (:P {i: i})");
  std::atomic<bool> started{false}, finished{false};
  std::int64_t pairs = -1;
  std::thread reader([&] {
    started = true;
    pairs = count(db, "MATCH (a:P), (b:P) WHERE a.i + b.i > 0 RETURN count(*)");
    finished = true;
  });
  while (!started.load()) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the query has its version
  db.execute("CREATE (:P {i: 0})");  // the version the query reads becomes the draft
  db.execute("CREATE (:P {i: 0})");  // which this write would wait for
  const bool wrote_while_reading = !finished.load();
  reader.join();
  EXPECT_TRUE(wrote_while_reading) << "the second write waited for the query to end";
  EXPECT_EQ(pairs, 4000 * 4000);
  EXPECT_EQ(count(db, "MATCH (p:P) RETURN count(p)"), 4002);
}

TEST(Transaction, ReadOnlyTransactionsRunSideBySide) {
  Database db = small();
  Transaction a = db.begin(TransactionMode::read_only);
  std::int64_t seen = -1;
  std::thread([&] {
    Transaction b = db.begin(TransactionMode::read_only);
    seen = b.execute("MATCH (n) RETURN count(n)").row(0)[0].as_int();
    b.commit();
  }).join();
  EXPECT_EQ(seen, 2);
  a.commit();
}

// Readers on other threads never see half a transaction: the writer keeps
// "as many :A as :B" at every commit but breaks it between its statements,
// and rolls back or fails some transactions half-way.
TEST(Transaction, ReadersOnlyEverSeeCommittedStates) {
  Database db;
  std::atomic<bool> done{false};
  std::atomic<int> observations{0}, torn{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!done.load()) {
        Result r = db.execute("OPTIONAL MATCH (a:A) WITH count(a) AS a OPTIONAL MATCH (b:B) RETURN a, count(b) AS b");
        if (r.row(0)[0].as_int() != r.row(0)[1].as_int()) ++torn;
        ++observations;
        std::this_thread::sleep_for(std::chrono::microseconds(200));  // let the writer in
      }
    });
  }
  // Writes are fast now (200 transactions in a few ms): let every reader
  // see the graph once before they start, so the readers run among them.
  while (observations.load() < 3) std::this_thread::yield();
  std::int64_t committed = 0;
  for (std::int64_t i = 0; i < 200; ++i) {
    Transaction tx = db.begin();
    const Params p{{"i", Value(i)}};
    tx.execute("CREATE (:A {i: $i})", p);
    if (i % 7 == 3) continue;  // out of scope: rolled back
    if (i % 11 == 5) {
      EXPECT_THROW(tx.execute("CREATE (:B {i: $i}) WITH 1 AS x RETURN x / 0", p), Error);
      continue;
    }
    tx.execute("CREATE (:B {i: $i})", p);
    if (i % 5 == 0 && committed > 0) {
      tx.execute("MATCH (a:A) WITH a LIMIT 1 DETACH DELETE a");
      tx.execute("MATCH (b:B) WITH b LIMIT 1 DETACH DELETE b");
      --committed;
    }
    tx.commit();
    ++committed;
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_GT(observations.load(), 0);
  EXPECT_EQ(count(db, "MATCH (a:A) RETURN count(a)"), committed);
  EXPECT_EQ(count(db, "MATCH (b:B) RETURN count(b)"), committed);
}

TEST(Transaction, AutoCommitStaysTheDefault) {
  Database db = small();
  db.execute("CREATE (:Robot)");
  EXPECT_EQ(error_of([&] { db.execute("CREATE (:Robot) WITH 1 AS x RETURN 1 / 0"); }).code(), "DivisionByZero");
  EXPECT_EQ(count(db, "MATCH (n:Robot) RETURN count(n)"), 1);
}

}  // namespace
}  // namespace ergo
