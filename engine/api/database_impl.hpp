// Database::Impl: the state behind a Database handle — the graph's versions
// and the interrupt counter — and the one routine that runs a parsed
// statement. database.cpp, transaction.cpp and prepared_query.cpp all run
// through it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include "engine/api/graph_versions.hpp"
#include "engine/api/parse_cache.hpp"
#include "engine/api/waiting_commits.hpp"
#include "engine/storage/disk_store.hpp"
#include "ergo/database.hpp"
#include "grammar/cypher/ast.hpp"
#include <mutex>

#include "grammar/cypher/parse_cypher.hpp"
#include "grammar/text/source_text.hpp"

namespace ergo {

struct Database::Impl {
  std::shared_ptr<detail::GraphVersions> versions = std::make_shared<detail::GraphVersions>();
  std::atomic<std::uint64_t> interrupts{0};
  // set_limits(): each field apart, so a statement starting while another
  // thread changes them reads each whole (atomics, not a lock on every run).
  std::atomic<std::int64_t> time_limit_ms{0};
  std::atomic<std::size_t> max_query_length{Limits{}.max_query_length};
  std::atomic<std::size_t> memory_bytes{0};
  // set_threads(); 0 is one per core (threads_to_use()).
  std::atomic<std::size_t> threads{0};
  std::size_t threads_to_use() const;
  // set_import_directory(): read once per statement under its own lock.
  mutable std::mutex import_mutex;
  std::shared_ptr<const std::string> import_directory = std::make_shared<const std::string>();
  // The directory the database is kept in; null in memory.
  std::unique_ptr<storage::DiskStore> disk;
  // On disk: commits appended to the log, waiting for their sync.
  detail::WaitingCommits waiting;
  // The texts execute() ran lately, parsed (parse_cache.hpp).
  mutable detail::ParseCache parse_cache;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  // A database on disk checkpoints as it closes, so the next open reads
  // the snapshot alone (a failure is quiet: the log still has it all).
  ~Impl();

  // The commit point, under the writer lock: the outermost change of the
  // draft since mark `m` (adjacency already committed) is accepted and
  // published as the current version (bulk: a load, whose next draft is
  // copied rather than replayed). On disk it is first written to the log,
  // and a statement's or transaction's change waits there for its sync
  // (waiting_commits.hpp): the caller lets go of the writer lock, then
  // passes the ticket returned here to wait_durable(), which returns once
  // the change is durable and published. 0: nothing to wait for. Throws
  // ergo::Error (io_error) when it cannot be written, with nothing
  // published: the caller rolls the draft back. Explicit transactions
  // commit here too, with their first mark.
  enum class Publish { replay, bulk };
  std::uint64_t commit(store::Graph& draft, const store::Graph::Mark& m, Publish how = Publish::replay);
  // Without the writer lock: see commit(). Throws ergo::Error (io_error)
  // when the sync failed: the change is not in the database.
  void wait_durable(std::uint64_t ticket);
  // Under the writer lock, before a load, a checkpoint or a transaction
  // begins: syncs and publishes the commits waiting (throws as
  // wait_durable() does).
  void settle_waiting();
  // Undoes the draft back to `m` after a failure; a draft that cannot be
  // undone is dropped (the next writer copies the current version).
  // False when it was dropped: `draft` must not be used again.
  bool roll_back(store::Graph& draft, const store::Graph::Mark& m) noexcept;
  // Throws the "opened read-only" refusal (access_mode.hpp) for a call
  // that would `what`, when the database was opened read-only.
  void refuse_if_read_only(const char* what) const;

  // How a statement runs inside an open Transaction: that holds the writer
  // lock and the mark on the draft (or, read-only, a pinned version), and
  // rolls back when the statement fails.
  struct InTransaction {
    store::Graph* graph = nullptr;
    const algo::ProcedureCatalog* procedures = nullptr;
    bool read_only = false;
    bool auto_commit = false;  // a statement's own: its clock is the statement's
    // When the transaction began: datetime.transaction() and its kin.
    std::chrono::system_clock::time_point started = std::chrono::system_clock::now();
  };

  // Binds `statement` against the graph and runs it. Auto-commit (`tx`
  // null): reads on the current version, pinned (never waiting for the
  // writer); writes on the draft under the writer lock, rolled back when
  // they fail. In a transaction: on its graph, no undo here (the
  // transaction does it); writes refused when it is read-only.
  Result run(const cypher::ast::Statement& statement, const Params& params, const text::SourcePtr& source,
             const InTransaction* tx = nullptr);
  // Binds and runs `statement` on `graph`. Without `tx` the graph is a
  // version others read: a statement that turns out to write is not run
  // (nullopt) but left to the writer.
  std::optional<Result> run_on(store::Graph& graph, const algo::ProcedureCatalog& procedures,
                               const cypher::ast::Statement& statement, const Params& params,
                               const text::SourcePtr& source, const InTransaction* tx);
  bool read_only_disk() const { return disk && disk->read_only(); }

  // Parses query text named `source_name`; throws ergo::Error (syntax_error,
  // with the openCypher detail code) when it does not parse.
  // Refuses text longer than max_query_length first (syntax_error,
  // "QueryTooLong"): a parser is not the place to find out.
  cypher::ParseResult parse(std::string_view query, std::string_view source_name) const;
  // The same through parse_cache: a text run lately is not parsed again.
  std::shared_ptr<const cypher::ParseResult> parse_cached(std::string_view query, std::string_view source_name) const;
};

}  // namespace ergo
