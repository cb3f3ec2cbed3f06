// One Database, 8 threads: 6 run a mix of read queries (text and prepared,
// name lookups, element reads, formatting) while 2 write with CREATE,
// including writes that fail and must leave nothing behind. The final
// counts must be exact. Then 8 readers iterate Results slowly while one
// writer runs 10,000 random write statements: every answer must be one
// committed state, however many commits happen while it is read. A third
// has readers, read-only transactions and new procedures run beside open
// write transactions and the background copy a load starts (ADR 0006 §4).
// On disk, writers commit side by side and share the log's syncs. A CSV
// import splits its reading, tokenizing and relationship rows between two
// threads.
// It runs in api_tests, and again built with
// -fsanitize=thread by the api_thread_safety_tsan test (tests/embed/), where
// any report from ThreadSanitizer fails it. Public API only (<ergo/ergo.hpp>).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "ergo/ergo.hpp"

#if defined(ERGO_EXPECT_TSAN) && !defined(__SANITIZE_THREAD__)
#error "this build of the test was meant to run under ThreadSanitizer (-fsanitize=thread)"
#endif

namespace ergo {
namespace {

constexpr int kReaders = 6;
constexpr int kWriters = 2;
constexpr int kReadRounds = 30;
constexpr int kWritesPerWriter = 25;  // each creates 2 nodes and 1 relationship

std::int64_t count_of(const Result& r) { return r.at(0)[0].as_int(); }

TEST(ThreadSafety, EightThreadsReadWhileTwoWrite) {
  Database db = Database::open({ERGO_DATA_DIR});
  const std::size_t nodes_before = db.node_count();
  const std::size_t relationships_before = db.relationship_count();
  const std::int64_t companies = count_of(db.execute("MATCH (c:Company) RETURN count(c)"));

  // Shared by all readers: one prepared query executed from many threads.
  const PreparedQuery investors = db.prepare(
      "MATCH (i)-[r:INVESTS_IN]->(o {name: $name}) RETURN i, r, i.name AS investor ORDER BY r.source");
  PreparedQuery create = db.prepare("CREATE (:Probe {writer: $w, i: $i})-[:PROBES {i: $i}]->(:Probe {writer: $w})");

  std::atomic<int> writers_done{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kWritesPerWriter; ++i) {
        // Alternate the prepared statement and the text.
        Result r = (i % 2) ? create.execute({{"w", w}, {"i", i}})
                           : db.execute("CREATE (:Probe {writer: $w, i: $i})-[:PROBES {i: $i}]->(:Probe {writer: $w})",
                                        {{"w", w}, {"i", i}});
        EXPECT_EQ(r.stats().nodes_created, 2u);
        EXPECT_EQ(r.stats().relationships_created, 1u);
        if (i % 5 == 0) {
          // A write that fails after creating some nodes: all of it is undone.
          EXPECT_THROW(db.execute("UNWIND [1, 1, 0] AS x CREATE (:Probe {writer: -1, v: 1 / x})"), Error);
        }
      }
      writers_done.fetch_add(1);
    });
  }
  for (int t = 0; t < kReaders; ++t) {
    threads.emplace_back([&, t] {
      std::int64_t last_probes = 0;
      for (int round = 0; round < kReadRounds; ++round) {
        switch ((t + round) % 6) {
          case 0: {
            Result r = investors.execute({{"name", "OpenAI"}});
            EXPECT_EQ(r.size(), 4u);
            for (const Row& row : r) {
              EXPECT_EQ(row["investor"].as_string(), "Microsoft");
              EXPECT_EQ(r.type(row["r"].as_relationship()), "INVESTS_IN");
              EXPECT_EQ(r.start_node(row["r"].as_relationship()), row["i"].as_node());
            }
            break;
          }
          case 1:
            EXPECT_EQ(count_of(db.execute("MATCH (c:Company) RETURN count(c)")), companies);
            break;
          case 2: {
            // Writers are seen whole: probes come in pairs, never from a failed write.
            std::int64_t probes = count_of(db.execute("MATCH (p:Probe) RETURN count(p)"));
            EXPECT_EQ(probes % 2, 0);
            EXPECT_GE(probes, last_probes);
            last_probes = probes;
            EXPECT_EQ(count_of(db.execute("MATCH (p:Probe {writer: -1}) RETURN count(p)")), 0);
            break;
          }
          case 3: {
            Result r = db.find_by_name("오픈AI");
            ASSERT_EQ(r.size(), 1u);
            EXPECT_EQ(r.property(r.at(0)[0].as_node(), "name").as_string(), "OpenAI");
            EXPECT_FALSE(r.labels(r.at(0)[0].as_node()).empty());
            break;
          }
          case 4: {
            Result r = db.execute(
                "MATCH p = (:Person)-[:CEO_OF]->(c:Company) RETURN p, c.name AS company ORDER BY company");
            EXPECT_GE(r.size(), 3u);
            for (const Row& row : r) {
              const PathRef& path = row["p"].as_path();
              EXPECT_EQ(r.type(path.relationships.at(0)), "CEO_OF");
              EXPECT_EQ(r.property(path.nodes.at(1), "name"), row["company"]);
            }
            std::ostringstream json;
            write_result(json, r, {Format::json});
            EXPECT_NE(json.str().find("company"), std::string::npos);
            break;
          }
          case 5: {
            GraphStatistics s = db.statistics();
            EXPECT_GE(s.nodes, nodes_before);
            EXPECT_EQ((s.nodes - nodes_before) % 2, 0u);
            EXPECT_GE(db.schema().labels.size(), 5u);
            break;
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_EQ(writers_done.load(), kWriters);

  const std::size_t writes = kWriters * kWritesPerWriter;
  EXPECT_EQ(db.node_count(), nodes_before + 2 * writes);
  EXPECT_EQ(db.relationship_count(), relationships_before + writes);
  EXPECT_EQ(count_of(db.execute("MATCH (p:Probe) RETURN count(p)")), static_cast<std::int64_t>(2 * writes));
  EXPECT_EQ(count_of(db.execute("MATCH (:Probe)-[r:PROBES]->(:Probe) RETURN count(r)")),
            static_cast<std::int64_t>(writes));
  // Every (writer, i) pair exactly once.
  Result pairs = db.execute("MATCH (p:Probe)-[:PROBES]->() RETURN p.writer AS w, p.i AS i");
  std::set<std::pair<std::int64_t, std::int64_t>> seen;
  for (const Row& row : pairs) seen.insert({row["w"].as_int(), row["i"].as_int()});
  EXPECT_EQ(seen.size(), writes);
  EXPECT_EQ(count_of(db.execute("MATCH (c:Company) RETURN count(c)")), companies);
}


// The graph keeps three invariants that every committed state satisfies and
// a half-done statement would break: the accounts' balances sum to 2,000;
// :Pair nodes come two by two (created and deleted together); every :PAID
// relationship joins two accounts. Readers check them on the Result of one
// query while reading it element by element, long after later commits.
TEST(ThreadSafety, EightReadersSeeOneCommittedStateWhileAWriterRunsTenThousandStatements) {
  constexpr int kAccounts = 20;
  constexpr int kStatements = 10'000;
  Database db;
  db.execute("UNWIND range(0, $n - 1) AS i CREATE (:Account {id: i, balance: 100})", {{"n", kAccounts}});

  std::atomic<bool> writing{true};
  std::atomic<int> statements{0};
  std::thread writer([&] {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> account(0, kAccounts - 1), kind(0, 5), amount(1, 50);
    for (int i = 0; i < kStatements; ++i) {
      const int x = account(random), y = account(random), m = amount(random);
      switch (kind(random)) {
        case 0:
        case 1:  // a transfer: one statement, two SETs
          db.execute("MATCH (a:Account {id: $x}), (b:Account {id: $y}) "
                     "SET a.balance = a.balance - $m, b.balance = b.balance + $m",
                     {{"x", x}, {"y", y}, {"m", m}});
          break;
        case 2:
          db.execute("MATCH (a:Account {id: $x}), (b:Account {id: $y}) CREATE (a)-[:PAID {amount: $m}]->(b)",
                     {{"x", x}, {"y", y}, {"m", m}});
          break;
        case 3:
          db.execute("MATCH ()-[r:PAID]->() WITH r ORDER BY r.amount LIMIT 1 DELETE r");
          break;
        case 4:
          db.execute("CREATE (:Pair {k: $i}), (:Pair {k: $i})", {{"i", i}});
          break;
        case 5:
          db.execute("MATCH (p:Pair) WITH p.k AS k LIMIT 1 MATCH (q:Pair {k: k}) DETACH DELETE q");
          break;
      }
      statements.fetch_add(1);
    }
    writing.store(false);
  });

  std::vector<std::thread> readers;
  std::atomic<int> answers{0};
  for (int t = 0; t < 8; ++t) {
    readers.emplace_back([&, t] {
      while (writing.load()) {
        switch (t % 3) {
          case 0: {
            Result r = db.execute("MATCH (a:Account) RETURN a ORDER BY a.id");
            ASSERT_EQ(r.size(), static_cast<std::size_t>(kAccounts));
            std::int64_t sum = 0;
            for (const Row& row : r) {
              sum += r.property(row[0].as_node(), "balance").as_int();
              std::this_thread::yield();  // let commits happen while this answer is read
            }
            EXPECT_EQ(sum, 100 * kAccounts);
            break;
          }
          case 1: {
            Result r = db.execute("MATCH (p:Pair) RETURN p");
            EXPECT_EQ(r.size() % 2, 0u);
            std::map<std::int64_t, int> per_k;
            for (const Row& row : r) {
              ++per_k[r.property(row[0].as_node(), "k").as_int()];
              std::this_thread::yield();
            }
            for (const auto& [k, n] : per_k) EXPECT_EQ(n, 2) << "pair " << k;
            break;
          }
          case 2: {
            Result r = db.execute("MATCH (a)-[p:PAID]->(b) RETURN p, a.id AS from");
            for (const Row& row : r) {
              const RelationshipRef paid = row[0].as_relationship();
              EXPECT_EQ(r.type(paid), "PAID");
              EXPECT_EQ(r.labels(r.start_node(paid)), std::vector<std::string>{"Account"});
              EXPECT_EQ(r.property(r.start_node(paid), "id"), row["from"]);
              EXPECT_EQ(r.labels(r.end_node(paid)), std::vector<std::string>{"Account"});
              EXPECT_GE(r.property(paid, "amount").as_int(), 1);
              std::this_thread::yield();
            }
            break;
          }
        }
        answers.fetch_add(1);
      }
    });
  }
  writer.join();
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(statements.load(), kStatements);
  EXPECT_GT(answers.load(), 8);
  EXPECT_EQ(count_of(db.execute("MATCH (a:Account) RETURN sum(a.balance)")), 100 * kAccounts);
  EXPECT_EQ(count_of(db.execute("MATCH (p:Pair) RETURN count(p) % 2")), 0);
}

}  // namespace
}  // namespace ergo

namespace ergo {
namespace {

class Echo final : public Procedure {
 public:
  std::vector<std::vector<Value>> call(const std::vector<Value>& args) const override { return {{args.at(0)}}; }
};

// The two versions of the graph (ADR 0006 §4) under contention: readers
// start while the version made by the load is still being copied in the
// background; a writer holds transactions open (committing some, rolling
// back others, failing some) while readers read, read-only transactions
// check that their statements all see one state, and procedures are added
// while queries run. Nobody waits for the writer, and every state seen is
// one the writer committed: the :V nodes always come in pairs.
TEST(ThreadSafety, ReadersBesideOpenTransactionsTheLoadsCopyAndNewProcedures) {
  Database db = Database::open({ERGO_DATA_DIR});
  const std::int64_t companies = count_of(db.execute("MATCH (c:Company) RETURN count(c)"));
  std::atomic<bool> done{false};
  std::atomic<int> reads{0}, torn{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      while (!done.load()) {
        if (t % 2 == 0) {
          const std::int64_t v = count_of(db.execute("MATCH (v:V) RETURN count(v)"));
          if (v % 2 != 0) ++torn;
          EXPECT_EQ(count_of(db.execute("MATCH (c:Company) RETURN count(c)")), companies);
        } else {
          Transaction read = db.begin(TransactionMode::read_only);
          const std::int64_t first = count_of(read.execute("MATCH (v:V) RETURN count(v)"));
          const std::int64_t again = count_of(read.execute("MATCH (v:V) RETURN count(v)"));
          read.commit();
          if (first != again || first % 2 != 0) ++torn;
          EXPECT_GE(db.schema().labels.size(), 1u);
        }
        ++reads;
      }
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; i < 4; ++i) {
      db.add_procedure("echo.v" + std::to_string(i) + "(x :: INTEGER) :: (x :: INTEGER)", std::make_shared<Echo>());
      EXPECT_EQ(db.execute("CALL echo.v" + std::to_string(i) + "(7)").row(0)[0].as_int(), 7);
    }
  });
  std::int64_t pairs = 0;
  for (int i = 0; i < 150; ++i) {
    Transaction tx = db.begin();
    tx.execute("CREATE (:V {i: $i})", {{"i", i}});
    std::this_thread::yield();  // readers run while the transaction is open
    if (i % 5 == 1) continue;   // rolled back as it goes out of scope
    if (i % 7 == 2) {
      EXPECT_THROW(tx.execute("CREATE (:V {i: $i}) WITH 1 AS x RETURN x / 0", {{"i", i}}), Error);
      continue;
    }
    tx.execute("CREATE (:V {i: $i})", {{"i", i}});
    tx.commit();
    ++pairs;
    db.execute("MATCH (c:Company) WITH c LIMIT 1 SET c.touched = $i", {{"i", i}});
  }
  while (reads.load() < 20) std::this_thread::yield();
  done = true;
  for (auto& th : threads) th.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(count_of(db.execute("MATCH (v:V) RETURN count(v)")), 2 * pairs);
  EXPECT_EQ(count_of(db.execute("MATCH (c:Company) RETURN count(c)")), companies);
}

// An import on two threads: the file read and tokenized in parts, each
// relationship row resolved a step ahead on a helper while this thread
// adds the step before, new types and bad rows among them (csv_loader.cpp).
// Run under ThreadSanitizer it shows the steps share nothing unguarded.
TEST(ThreadSafety, AnImportOnTwoThreadsAddsWhatOneAdds) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ergo-import-threads-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ostringstream nodes, rels;
  nodes << "id,name\n";
  for (int i = 0; i < 3000; ++i) nodes << i << ",n" << i << "\n";
  rels << "src,dst,type,w:int\n";
  for (int i = 0; i < 40000; ++i) {
    const std::string type = i > 20000 && i % 11 == 0 ? "T" + std::to_string(i / 5000) : "R";
    rels << i % 3000 << "," << (i % 4999 == 3 ? "nobody" : std::to_string(i * 7 % 3000)) << "," << type << ","
         << (i % 9001 == 4 ? "x" : std::to_string(i)) << "\n";
  }
  std::ofstream(dir / "n.csv") << nodes.str();
  std::ofstream(dir / "r.csv") << rels.str();
  auto run = [&](std::size_t threads) {
    Database db;
    db.set_threads(threads);
    CsvImport import;
    import.nodes = {{(dir / "n.csv").string(), ""}};
    import.relationships = {{(dir / "r.csv").string(), ""}};
    import.lenient = true;
    CsvImportSummary s = db.import_csv(import);
    std::ostringstream out;
    out << s.nodes << " " << s.relationships << " " << s.skipped_rows;
    for (const std::string& p : s.problems) out << "\n" << p;
    Result r = db.execute("MATCH (a)-[r]->(b) RETURN type(r) AS t, count(*), sum(id(r) * 3 + a.id + b.id) ORDER BY t");
    for (std::size_t i = 0; i < r.size(); ++i) {
      out << "\n" << r.row(i)[0].to_cypher() << " " << r.row(i)[1].to_cypher() << " " << r.row(i)[2].to_cypher();
    }
    return out.str();
  };
  const std::string one = run(1);
  EXPECT_EQ(one.substr(0, one.find('\n')), "3000 39986 14");
  EXPECT_EQ(run(2), one);
  std::filesystem::remove_all(dir);
}

// The copy that opening a directory leaves for the next writer (ADR 0006
// §4) waits a moment before it starts: a writer that comes first starts it
// at once and takes it; one that comes later finds it made; a database
// closed first never makes it. Each way the graph is the stored one plus
// the writes, and a reader beside the copy sees whole versions only. (A
// load's copy starts at once: ReadersBesideOpenTransactionsTheLoadsCopy...)
TEST(ThreadSafety, TheCopyAfterOpeningStartsWhenAWriterAsksOrAfterAWhileAndNeverAfterClosing) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ergo-opening-copy-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  {
    Database db = Database::open_directory(dir.string());
    db.load({ERGO_DATA_DIR});
  }
  for (const int wait_ms : {0, 400}) {
    Database db = Database::open_directory(dir.string());
    const std::int64_t nodes = count_of(db.execute("MATCH (n) RETURN count(n)"));
    std::atomic<bool> done{false};
    std::thread reader([&] {
      while (!done.load()) {
        const std::int64_t n = count_of(db.execute("MATCH (n) RETURN count(n)"));
        EXPECT_TRUE(n == nodes || n == nodes + 1 || n == nodes + 2) << n;
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    db.execute("CREATE (:AfterOpening)");
    Transaction tx = db.begin();
    tx.execute("CREATE (:AfterOpening)");
    tx.commit();
    done = true;
    reader.join();
    EXPECT_EQ(count_of(db.execute("MATCH (n) RETURN count(n)")), nodes + 2) << "waited " << wait_ms << " ms";
  }
  for (int i = 0; i < 3; ++i) {
    Database closed_at_once = Database::open_directory(dir.string());
    EXPECT_EQ(count_of(closed_at_once.execute("MATCH (n:AfterOpening) RETURN count(n)")), 4);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ergo

namespace ergo {
namespace {

// A query whose SemiJoin splits its input between threads (more than 16,384
// input rows under an Aggregate), run by three readers at once while a
// writer commits, and inside the writer's own transaction (on its draft):
// the answers equal the 1-thread ones, and under ThreadSanitizer nothing
// the parts share races.
TEST(ThreadSafety, QueriesSplitBetweenThreadsBesideReadersAndAWriter) {
  Database db;
  db.execute(
      "UNWIND range(0, 19999) AS i CREATE (:C {name: 'c' + i, g: i % 7})-[:R {since: 2000 + i % 30}]->"
      "(:X {name: 'x' + i})");
  db.execute("MATCH (x:X) WHERE toInteger(substring(x.name, 1)) % 3 = 0 CREATE (x)-[:D]->(:Y)");
  const std::string q =
      "MATCH (a:C)-[r:R]->(b)-[:D]->(c) WHERE r.since >= 2010 RETURN count(DISTINCT a) AS n, max(a.g) AS g";
  db.set_threads(1);
  const std::string one = db.execute(q).at(0)[0].to_cypher() + "," + db.execute(q).at(0)[1].to_cypher();
  ASSERT_EQ(one, "3999,6");
  db.set_threads(4);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 4; ++round) {
        const Result r = db.execute(q);
        if (r.at(0)[0].to_cypher() + "," + r.at(0)[1].to_cypher() != one) ++wrong;
      }
    });
  }
  threads.emplace_back([&] {
    for (int round = 0; round < 3; ++round) {
      Transaction tx = db.begin();
      tx.execute("CREATE (:Other {round: $r})", {{"r", Value(std::int64_t{round})}});
      const Result r = tx.execute(q);  // on the draft, split too
      if (r.at(0)[0].to_cypher() + "," + r.at(0)[1].to_cypher() != one) ++wrong;
      tx.commit();
    }
  });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_NE(db.execute("EXPLAIN " + q).at(3)[0].as_string().find("input split between threads"), std::string::npos);
}

// On disk, commits from several threads share the log's syncs (group
// commit, docs/adr/0007-storage.md §3): four writers, a transaction now and
// then, and a reader beside them; each writer reads its own write back at
// once, and after a reopen every commit is there exactly once.
TEST(ThreadSafety, WritersOnDiskShareSyncsAndLoseNothing) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ergo-group-commit-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  constexpr int writers = 4, each = 40;
  {
    Database db = Database::open_directory(dir.string());
    std::atomic<bool> done{false};
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    threads.emplace_back([&] {
      std::int64_t last = 0;
      while (!done) {
        const std::int64_t now = count_of(db.execute("MATCH (w:W) RETURN count(w)"));
        if (now < last) ++wrong;
        last = now;
      }
    });
    for (int t = 0; t < writers; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < each; ++i) {
          const Params p{{"t", Value(std::int64_t{t})}, {"i", Value(std::int64_t{i})}};
          if (i % 10 == 9) {
            Transaction tx = db.begin();
            tx.execute("CREATE (:W {t: $t, i: $i})", p);
            tx.commit();
          } else {
            db.execute("CREATE (:W {t: $t, i: $i})", p);
          }
          if (count_of(db.execute("MATCH (w:W {t: $t, i: $i}) RETURN count(w)", p)) != 1) ++wrong;
        }
      });
    }
    for (std::size_t i = 1; i < threads.size(); ++i) threads[i].join();
    done = true;
    threads[0].join();
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_EQ(db.storage_statistics().commits, std::uint64_t{writers * each});
    EXPECT_LE(db.storage_statistics().log_syncs, std::uint64_t{writers * each});
  }
  Database again = Database::open_directory(dir.string());
  EXPECT_EQ(count_of(again.execute("MATCH (w:W) RETURN count(DISTINCT [w.t, w.i])")), writers * each);
  EXPECT_EQ(count_of(again.execute("MATCH (w:W) RETURN count(w)")), writers * each);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ergo
