// ergo::Transaction and Database::begin(): a read-write transaction holds
// the writer lock from begin to end and changes the draft, with one
// Graph::mark() at begin and the undo log replayed on rollback or on the
// first failing statement; a read-only one pins the current version. Neither
// keeps queries on other threads waiting (docs/adr/0006-writes.md §2, §4, §5).
#include "ergo/transaction.hpp"

#include <mutex>
#include <new>
#include <optional>
#include <shared_mutex>
#include <thread>

#include "engine/api/access_mode.hpp"
#include "engine/api/database_impl.hpp"
#include "engine/api/held_locks.hpp"
#include "ergo/database.hpp"

namespace ergo {

struct Transaction::Impl {
  enum class State { open, committed, rolled_back, failed };

  std::shared_ptr<Database::Impl> db;
  TransactionMode mode;
  std::thread::id owner = std::this_thread::get_id();
  // Read-write: the writer lock keeps other writers out until the changes
  // are final, while queries read the current version. Read-only: the
  // version pinned at begin, so every statement sees one committed state.
  std::unique_lock<std::mutex> write;
  detail::Pin read;
  store::Graph* graph = nullptr;  // the draft, or the pinned version
  std::shared_ptr<const algo::ProcedureCatalog> procedures;
  store::Graph::Mark mark{};
  State state = State::open;

  Impl(std::shared_ptr<Database::Impl> database, TransactionMode m) : db(std::move(database)), mode(m) {}
  // The transaction clock (datetime.transaction()): fixed at begin.
  std::chrono::system_clock::time_point started = std::chrono::system_clock::now();

  detail::GraphVersions& versions() const { return *db->versions; }

  // Lets go of the lock or the pin; the transaction is over.
  void release(State final_state) {
    if (write.owns_lock()) write.unlock();
    read = detail::Pin();
    detail::note_released(&versions());
    state = final_state;
  }

  // Undoes every change since begin() and lets go.
  void undo(State final_state) {
    if (mode == TransactionMode::read_write) {
      // The outermost change is over: drop the log and its floor (unless
      // the draft could not be undone and is gone).
      if (db->roll_back(*graph, mark)) graph->accept();
    }
    release(final_state);
  }

  // The transaction behind a handle, which must have one.
  static Impl& of(const std::unique_ptr<Impl>& impl) {
    if (!impl) {
      throw Error(ErrorKind::runtime_error, "this Transaction is empty; begin one with Database::begin()")
          .with_code("TransactionClosed");
    }
    return *impl;
  }

  // The transaction as a call on it requires: open, on its own thread.
  void check_usable(const char* call) const {
    if (state == State::failed) {
      throw Error(ErrorKind::runtime_error,
                  std::string("this transaction was rolled back because a statement in it failed, so ") + call +
                      " cannot run; begin a new transaction")
          .with_code("TransactionMarkedAsFailed");
    }
    if (state != State::open) {
      throw Error(ErrorKind::runtime_error,
                  std::string("this transaction is already ") +
                      (state == State::committed ? "committed" : "rolled back") + ", so " + call +
                      " cannot run; begin a new transaction")
          .with_code("TransactionClosed");
    }
    if (std::this_thread::get_id() != owner) {
      throw Error(ErrorKind::runtime_error, std::string(call) +
                                                " was called from another thread than the one that began the "
                                                "transaction; use a transaction on the thread that began it")
          .with_code("TransactionThread");
    }
  }
};

Transaction::Transaction() = default;
Transaction::Transaction(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transaction::Transaction(Transaction&&) noexcept = default;

Transaction& Transaction::operator=(Transaction&& other) noexcept {
  if (this != &other) {
    if (impl_ && impl_->state == Impl::State::open) impl_->undo(Impl::State::rolled_back);
    impl_ = std::move(other.impl_);
  }
  return *this;
}

Transaction::~Transaction() {
  // Rolling back replays the undo log through the ordinary mutators, which
  // could in principle run out of memory; a destructor must not throw, and
  // the lock is what matters most to let go of.
  if (!impl_ || impl_->state != Impl::State::open) return;
  try {
    impl_->undo(Impl::State::rolled_back);
  } catch (...) {
    impl_->release(Impl::State::rolled_back);
  }
}

Result Transaction::execute(std::string_view query, const Params& params, std::string_view source_name) {
  Impl& t = Impl::of(impl_);
  t.check_usable("execute()");
  const Database::Impl::InTransaction in{.graph = t.graph,
                                          .procedures = t.procedures.get(),
                                          .read_only = t.mode == TransactionMode::read_only,
                                          .started = t.started};
  try {
    const std::shared_ptr<const cypher::ParseResult> parsed = t.db->parse_cached(query, source_name);
    Result last;
    for (const cypher::ast::Statement& statement : parsed->statements) {
      last = t.db->run(statement, params, parsed->source, &in);
    }
    return last;
  } catch (const std::bad_alloc&) {
    t.undo(Impl::State::failed);
    throw Error(ErrorKind::runtime_error,
                "not enough memory to finish; the transaction was rolled back. Ask for less, e.g. with LIMIT");
  } catch (...) {
    // As in Neo4j: a failed statement fails its transaction.
    t.undo(Impl::State::failed);
    throw;
  }
}

void Transaction::commit() {
  Impl& t = Impl::of(impl_);
  t.check_usable("commit()");
  std::uint64_t ticket = 0;
  if (t.mode == TransactionMode::read_write) {
    try {
      t.graph->commit();
      ticket = t.db->commit(*t.graph, t.mark);  // the one commit point: to the log first when on disk
    } catch (...) {
      // Not written (disk full, I/O error): nothing of it may stay.
      t.undo(Impl::State::failed);
      throw;
    }
  }
  t.release(Impl::State::committed);
  try {
    t.db->wait_durable(ticket);  // the lock let go: other threads' commits may share the sync
  } catch (...) {
    t.state = Impl::State::failed;  // the sync failed: the changes are not in the database
    throw;
  }
}

void Transaction::rollback() {
  Impl& t = Impl::of(impl_);
  if (t.state == Impl::State::failed) {  // already undone when the statement failed
    t.state = Impl::State::rolled_back;
    return;
  }
  t.check_usable("rollback()");
  t.undo(Impl::State::rolled_back);
}

bool Transaction::open() const { return impl_ && impl_->state == Impl::State::open; }

TransactionMode Transaction::mode() const { return impl_ ? impl_->mode : TransactionMode::read_write; }

Transaction Database::begin(TransactionMode mode) {
  detail::GraphVersions& versions = *impl_->versions;
  // Waiting here for a transaction this thread holds would never end.
  if (detail::held_by_this_thread(&versions)) throw api::transaction_open_refusal("Database::begin()");
  auto t = std::make_unique<Transaction::Impl>(impl_, mode);
  if (mode == TransactionMode::read_write) {
    t->write = std::unique_lock(versions.writer());  // waits for the writer in progress, never for readers
    // Commits waiting for their sync are settled now, not when this
    // transaction ends: it may hold the lock for as long as its user likes.
    impl_->settle_waiting();
    t->graph = &versions.draft();
    t->procedures = versions.procedures();
    t->mark = t->graph->mark();
  } else {
    t->read = versions.pin();
    t->graph = &t->read.graph();
    t->procedures = t->read.procedures();
  }
  detail::note_held(&versions, t->graph);
  return Transaction(std::move(t));
}

}  // namespace ergo
