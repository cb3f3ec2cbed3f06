// ergo::Transaction: several statements that take effect together or not
// at all (docs/query-language.md, "Transactions").
//
//   ergo::Transaction tx = db.begin();
//   tx.execute("CREATE (:Company {name: $n})", {{"n", ergo::Value("Acme")}});
//   tx.execute("MATCH (c:Company {name: 'Acme'}) SET c.founded = 1999");
//   tx.commit();  // or tx.rollback(); leaving the scope uncommitted rolls back
//
// Isolation: a read-write transaction holds the database's writer lock from
// begin() to commit() or rollback(), so there is one writer at a time and
// nobody sees its changes before commit: another thread's begin() of a
// read-write transaction and its write statements wait until it ends. Reads
// on other threads never wait: they answer from the last committed state.
// A read-only transaction reads the state committed when it began, for all
// its statements, whatever commits meanwhile, and keeps nobody waiting.
//
// Errors, as in Neo4j: a statement that fails inside a transaction fails
// the whole transaction. Its changes and those of every earlier statement
// are rolled back at once and the lock is released; execute() and
// commit() then throw (runtime_error, code "TransactionMarkedAsFailed")
// and rollback() merely closes it. Begin a new transaction to go on.
//
// Threads: a Transaction belongs to the thread that began it (it holds a
// lock); execute(), commit() and rollback() from another thread throw.
// While it is open, that thread's Database::execute() on the same database
// runs read-only statements against the transaction's state (they cannot
// wait for the lock the thread holds) and refuses write statements,
// begin(), load() and import_csv() (runtime_error, code "TransactionOpen"):
// run changes through the transaction.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "ergo/params.hpp"
#include "ergo/result.hpp"

namespace ergo {

enum class TransactionMode {
  read_write,
  // Refuses statements that write: they throw ergo::Error (semantic_error,
  // code "AccessMode", positioned at the first writing clause).
  read_only,
};

class Transaction {
 public:
  // No transaction: open() is false and every call but the destructor throws.
  Transaction();
  Transaction(Transaction&&) noexcept;
  // Rolls back the transaction being replaced, if open, then takes `other`.
  Transaction& operator=(Transaction&&) noexcept;
  // Rolls back what is not committed.
  ~Transaction();

  // Runs one query (or several separated by ';') inside the transaction,
  // seeing its earlier changes; as Database::execute() otherwise. On an
  // error the whole transaction is rolled back (see above) and the error
  // thrown.
  Result execute(std::string_view query, const Params& params = {}, std::string_view source_name = "<query>");
  // Makes every change visible to everyone and closes the transaction.
  // Throws when it is not open or a statement in it failed.
  void commit();
  // Undoes every change and closes the transaction. Throws only when it was
  // never open or is already committed or rolled back; after a failed
  // statement it just closes.
  void rollback();

  // Until commit() or rollback() (or a failed statement).
  bool open() const;
  TransactionMode mode() const;

 private:
  friend class Database;
  struct Impl;
  explicit Transaction(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ergo
