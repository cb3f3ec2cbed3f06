// ergo::Database: an embedded graph database — open one, run openCypher
// queries on it, read the results.
//
//   ergo::Database db = ergo::Database::open({"data/"});
//   ergo::Result r = db.execute("MATCH (c:Company)-[:INVESTS_IN]->(o) RETURN c.name, o.name");
//
// Thread safety: one Database may be used from many threads at once
// without outside locking. Any number of threads may run read-only queries
// (and the const functions below) at the same time, and they never wait for
// a writer: each reads the state last committed when it started. Queries
// that write take turns, one statement or transaction at a time, and the
// reads after one see all of it or, when it fails, none of it. Results and
// PreparedQuery objects may be used from any thread. Moving or assigning a
// Database while other threads use it is not safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ergo/csv_import.hpp"
#include "ergo/dump.hpp"
#include "ergo/error.hpp"
#include "ergo/limits.hpp"
#include "ergo/params.hpp"
#include "ergo/prepared_query.hpp"
#include "ergo/procedure.hpp"
#include "ergo/result.hpp"
#include "ergo/schema.hpp"
#include "ergo/transaction.hpp"
#include "ergo/value.hpp"

namespace ergo {

// What load() read.
struct LoadSummary {
  std::size_t files = 0;
  std::size_t entities = 0;
  std::size_t relationships = 0;
  std::vector<std::string> warnings;  // rendered, one per warning
};

// What is in a database, as the openCypher TCK measures side effects.
struct GraphStatistics {
  std::size_t nodes = 0;
  std::size_t relationships = 0;
  std::size_t labels = 0;      // distinct label names carried by at least one node
  std::size_t properties = 0;  // key-value pairs over all nodes and relationships
  friend bool operator==(const GraphStatistics&, const GraphStatistics&) = default;
};

// What a database kept in a directory has written since it was opened
// (Database::storage_statistics); all zero in memory and read-only.
struct StorageStatistics {
  std::uint64_t commits = 0;    // changes made durable: statements, transactions, loads
  std::uint64_t log_syncs = 0;  // fdatasyncs of the log: fewer than commits where commits from
                                // several threads shared one (group commit)
  std::uint64_t checkpoints = 0;  // snapshots written (the log emptied)
  friend bool operator==(const StorageStatistics&, const StorageStatistics&) = default;
};

// How a database kept in a directory writes (Database::open_directory).
struct StorageOptions {
  // A checkpoint (a new snapshot, the log emptied) follows the commit that
  // takes the write-ahead log past this many bytes.
  std::size_t checkpoint_log_bytes = std::size_t{64} << 20;
  // Sync every commit to the disk before acknowledging it. Turning it off
  // keeps the order of commits but may lose the last ones to a power
  // failure (not to a crash of the program); for tests and bulk loads.
  bool sync = true;
  // Open the database as it is now and never write to its directory: no
  // lock is taken, so another process may be writing it meanwhile (its
  // later commits are not seen). The directory must hold a database.
  // Statements that write, load(), import_csv() and checkpoint() throw
  // ergo::Error (semantic_error, code "AccessMode").
  bool read_only = false;
};

class Database {
 public:
  // An empty in-memory database: nothing is written to disk. See
  // open_directory() for one that keeps its changes.
  Database();
  // A database holding the .kg files and directories at `paths` (a
  // directory: the .kg files directly in it). Throws ergo::Error when any of
  // them cannot be loaded, and nothing is loaded then: io_error when a path
  // does not exist, cannot be read or is a directory without .kg files;
  // data_error for a problem inside a file (file(), line() and column() say
  // where). The first problem decides the kind and message(); rendered()
  // and what() list every problem found.
  static Database open(const std::vector<std::string>& paths);

  // The database kept in the directory `path`, created (with the
  // directory) when missing; docs/storage.md describes the files. Every
  // change — a write statement, load(), import_csv() — is on the disk
  // before the call that makes it returns; when it cannot be written
  // (a full disk) the call throws io_error and the change is undone, in
  // memory and on disk. One process at a time: opening a directory another
  // process (or another Database) has open throws io_error naming its pid.
  // Damage to the files throws data_error naming the file and byte offset;
  // a commit that a crash cut short, never acknowledged, is dropped.
  // With options.read_only nothing is created, locked or written: a
  // missing directory throws io_error, and a cut-short commit is skipped
  // but left in the file for its writer.
  static Database open_directory(const std::string& path, const StorageOptions& options = {});
  // Writes a snapshot of the whole graph and empties the log, so the next
  // open reads one file. Happens by itself when the log grows past
  // StorageOptions::checkpoint_log_bytes and when the database is
  // destroyed. Does nothing for an in-memory database. Throws io_error; the
  // files are as they were then.
  void checkpoint();
  // The directory the database is kept in; empty for an in-memory one.
  std::string directory() const;
  // Commits, syncs and checkpoints since it was opened (see above).
  StorageStatistics storage_statistics() const;
  // Whether it was opened with StorageOptions::read_only.
  bool read_only() const;

  // Moving transfers the database; the moved-from object may only be
  // destroyed or assigned to. Not copyable.
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  // Frees the graph once no Result still refers to it. PreparedQuery
  // objects made by this database throw when executed afterwards.
  ~Database();

  // Adds more .kg files or directories, all or nothing (see open()).
  // Returns what was read, with the warnings. Throws as open() does; the
  // database is unchanged then.
  LoadSummary load(const std::vector<std::string>& paths);

  // Adds the nodes and relationships of CSV files (see csv_import.hpp and
  // docs/csv-import.md). Throws ergo::Error (data_error, rendered with the
  // first problems and how many there are in all; io_error for a file that
  // cannot be read) when the import fails; nothing is added then. A lenient
  // import skips bad rows instead and lists them in the summary.
  CsvImportSummary import_csv(const CsvImport& import);

  // Runs one query (or several separated by ';', returning the last one's
  // result). `source_name` names the text in error messages (a file name,
  // "<query>" by default). Throws ergo::Error: syntax_error and
  // semantic_error before anything runs; type_error, argument_error or
  // runtime_error while running, in which case nothing the query changed is
  // kept. The texts run lately that parsed (up to 8 KiB each) are kept
  // parsed, so running the same text again, with any parameters, skips the
  // parse (as Neo4j's query cache does); binding and planning run every
  // time. Transaction::execute() shares the cache.
  Result execute(std::string_view query, const Params& params = {},
                 std::string_view source_name = "<query>");

  // How many query texts execute() keeps parsed (default 256; 0: none,
  // every text is parsed every time, as for a benchmark that asks for it).
  // Lowering it drops the least recently run at once.
  void set_query_cache_size(std::size_t texts);
  std::size_t query_cache_size() const;

  // Opens a transaction (see transaction.hpp): its statements take effect
  // together at commit() or not at all. A read-write transaction waits
  // until the one open on another thread ends (one writer at a time);
  // readers on other threads go on reading the last committed state. A
  // read-only one waits for nobody. Throws ergo::Error (runtime_error, code "TransactionOpen") when
  // this thread already has one open on this database.
  Transaction begin(TransactionMode mode = TransactionMode::read_write);

  // Parses and checks `query` once, for PreparedQuery::execute() to run
  // many times with different parameters (see prepared_query.hpp). Runs
  // nothing. Throws ergo::Error for all that execute() would report before
  // running anything (syntax errors, undefined variables, misplaced
  // aggregates, ...) except a missing parameter, which only
  // PreparedQuery::execute() can know about.
  PreparedQuery prepare(std::string_view query, std::string_view source_name = "<query>");

  // Adds a procedure for queries to CALL (see procedure.hpp), declared in
  // Neo4j's form: "shop.discount(price :: FLOAT, percent :: INTEGER?) ::
  // (price :: FLOAT)", or ":: VOID" for one that yields nothing. Types are
  // ANY, BOOLEAN, INTEGER, FLOAT, NUMBER, STRING, MAP, NODE, RELATIONSHIP,
  // PATH and LIST OF a type; `?` lets an argument be null. Throws
  // ergo::Error: syntax_error (with
  // the place in `signature`) when it does not read, semantic_error
  // ("ProcedureAlreadyExists") when the name is taken.
  void add_procedure(std::string_view signature, std::shared_ptr<const Procedure> code);

  // Makes every query running on this database at the moment of the call
  // stop with ergo::Error (runtime_error, code "Cancelled") at its next
  // check, undoing what it changed. Safe to call from any thread or a
  // signal-handling thread; queries started afterwards are not affected.
  void interrupt();

  // Limits for every statement that starts from now on (execute(),
  // PreparedQuery::execute(), prepare() for the query length): time,
  // query length, memory held by sorting, grouping and collecting (see
  // limits.hpp). A statement that passes one stops with ergo::Error and
  // changes nothing. The time limit is checked where interrupt() is: every
  // row, path expansion, sort comparison batch and regular expression match.
  void set_limits(const Limits& limits);
  Limits limits() const;

  // The directory LOAD CSV reads from, as Neo4j's import directory:
  // 'file:///people.csv' is `path`/people.csv, and no URL reaches outside
  // it (symbolic links included). Empty, the default: LOAD CSV is refused
  // with a message saying how to allow it. Statements starting from now on
  // see the change; the directory need not exist yet.
  void set_import_directory(const std::string& path);
  std::string import_directory() const;

  // How many threads one call may use for work that splits into parts:
  // import_csv() tokenizes each file's rows on them and builds the two
  // directions of the adjacency at once. With 1, nothing runs on another
  // thread: not the import, and not the copy of the graph that a load
  // otherwise starts in the background for the first write after it (that
  // write makes it instead). 0, the default, is one per core. Queries themselves run on the thread
  // that calls execute() (run several at once for more). Calls starting
  // from now on see the change.
  void set_threads(std::size_t threads);
  // The number set, or the number of cores when 0 was.
  std::size_t threads() const;

  // Writes the whole graph to `out` as `format` (docs/export.md): every
  // node and relationship with its labels or type and properties, as of
  // the call (writes wait until it returns). kg and cypher load back into
  // the same graph (Database::load(), execute()). Returns how many nodes
  // and relationships it wrote. Throws ergo::Error: data_error, before
  // anything is written, when the graph holds what the format cannot
  // express (a .kg entity needs a label and a unique name, a CSV column one
  // type; the message names the element and the format that keeps it);
  // io_error when `out` fails; argument_error for DumpFormat::csv, which
  // is several files: use dump_csv().
  DumpSummary dump(std::ostream& out, DumpFormat format) const;
  // The graph as CSV in the neo4j-admin import convention, each file to the
  // stream `open` returns for its name (see CsvFileOpener): nodes.csv and
  // relationships.csv, and more when a key holds several types.
  // import_csv() with all the files reads them back. Throws as dump() does;
  // `open` is not called for a graph CSV cannot express.
  DumpSummary dump_csv(const CsvFileOpener& open) const;

  // How many nodes and relationships the database holds now.
  std::size_t node_count() const;
  std::size_t relationship_count() const;
  // Nodes, relationships, labels in use and property values (see above).
  GraphStatistics statistics() const;

  // Labels, relationship types (with the labels they connect) and property
  // keys now in the database, with counts (see schema.hpp).
  Schema schema() const;

  // The nodes whose `name` or one of whose `aliases` is `name`, ignoring
  // letter case and Unicode normalization form ("마이크로소프트", "microsoft"):
  // a result with one column, "node", and a row per node, in id order.
  Result find_by_name(std::string_view name) const;

 private:
  friend class PreparedQuery;
  friend class Transaction;
  struct Impl;
  std::shared_ptr<Impl> impl_;  // shared with (weakly) PreparedQuery
};

}  // namespace ergo
