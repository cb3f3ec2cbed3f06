// What a Database and its transactions share: two versions of the graph, so
// that queries never wait for the writer (docs/adr/0006-writes.md §4).
//
// The current version is what queries read: each pins it for as long as it
// runs, and nothing changes it while it is current. The one writer at a
// time (a statement, a transaction, a load) changes the other version, the
// draft, and publishes it with a pointer swap when it commits; the version
// it replaced becomes the next draft. Before a writer changes that draft
// again it waits for the queries still reading it to finish and replays
// onto it the commit records it missed, so both versions hold the same
// graph. A bulk load would replay as slowly as it loaded: after one the
// draft is instead copied from the new version in the background.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/algo/catalog.hpp"
#include "engine/store/graph.hpp"

namespace ergo::detail {

// One version of the graph and how many queries read it now.
struct GraphVersion {
  GraphVersion() = default;
  explicit GraphVersion(const store::Graph& g) : graph(g) {}
  store::Graph graph;
  std::atomic<int> readers{0};
};

// The current version and procedures, held for as long as a query reads
// them: neither changes under it, whatever commits meanwhile.
class Pin {
 public:
  Pin() = default;
  Pin(std::shared_ptr<GraphVersion> version, std::shared_ptr<const algo::ProcedureCatalog> procedures);
  Pin(Pin&& other) noexcept;
  Pin& operator=(Pin&& other) noexcept;
  Pin(const Pin&) = delete;
  Pin& operator=(const Pin&) = delete;
  ~Pin();

  // Read plans take the graph by non-const reference (the executor also
  // runs writes) but never change it; the writer never touches a version
  // that is current or pinned.
  store::Graph& graph() const { return version_->graph; }
  const std::shared_ptr<const algo::ProcedureCatalog>& procedures() const { return procedures_; }

 private:
  void release();
  std::shared_ptr<GraphVersion> version_;
  std::shared_ptr<const algo::ProcedureCatalog> procedures_;
};

class GraphVersions {
 public:
  // How long a writer waits for queries still reading the version it is
  // about to change before it copies the current version instead (a copy
  // costs about 50 ms per million relationships; a query may run for
  // minutes).
  static constexpr std::chrono::milliseconds writer_patience{50};
  // How long the copy after opening a directory waits for the database to
  // close (or a writer to ask for it) before it starts.
  static constexpr std::chrono::milliseconds copy_delay{250};

  GraphVersions();
  GraphVersions(const GraphVersions&) = delete;
  GraphVersions& operator=(const GraphVersions&) = delete;
  ~GraphVersions();

  // The current version, for reading. Never waits for the writer: it takes
  // a small lock that is only ever held to copy or swap two pointers.
  Pin pin() const;
  std::shared_ptr<const algo::ProcedureCatalog> procedures() const;

  // One writer at a time holds this for as long as it changes the graph.
  std::mutex& writer() const { return writer_; }

  // --- Under writer(): --------------------------------------------------
  // The draft, holding the same graph as the current version: waits for
  // the queries that still read it (writer_patience at most, then copies
  // the current version instead), then replays what it missed.
  store::Graph& draft();
  // The draft's outermost change was accepted and `record` (a commit
  // record, encode_commit) says what it did: the draft becomes current and
  // the old current version, missing `record`, the next draft.
  void publish(std::vector<std::byte> record) noexcept;
  // The same for several commits the draft accepted one after another
  // (group commit, waiting_commits.hpp), their records in order; `records`
  // is left empty.
  void publish_all(std::vector<std::vector<std::byte>>& records) noexcept;
  // The same after a bulk load: the next draft is copied in the background
  // from the new current version rather than replayed. When to copy:
  // - never: a database nothing will write (opened read-only);
  // - now: after a load, whose copy is best out of the way of the queries
  //   and writes that follow it;
  // - after_delay: after opening a directory, copy_delay later, or at once
  //   when a writer asks for the draft. A database closed before then never
  //   makes it: a script that opens a large database, asks one question and
  //   exits paid for the whole copy at its close.
  enum class Copy { never, now, after_delay };
  void publish_bulk(Copy copy) noexcept;
  // The draft could not be brought back to the current state (a rollback
  // or a replay that failed): it is dropped, and the next writer copies one.
  void drop_draft();
  // Whether the copy publish_bulk() started is still running (on a core
  // of its own: a query then splits its work between one thread fewer).
  bool copying_in_background() const { return copy_running_.load(std::memory_order_relaxed); }
  // Replaces the procedures (copy-on-write: queries keep the ones they pinned).
  void set_procedures(std::shared_ptr<const algo::ProcedureCatalog> procedures);

 private:
  mutable std::mutex pin_mutex_;  // guards current_ and procedures_
  std::shared_ptr<GraphVersion> current_;
  std::shared_ptr<const algo::ProcedureCatalog> procedures_;

  mutable std::mutex writer_;
  std::shared_ptr<GraphVersion> draft_;  // null: copy one from current_
  std::vector<std::vector<std::byte>> missed_;  // commit records the draft has yet to replay
  std::future<std::shared_ptr<GraphVersion>> copying_;  // the draft, being copied after a bulk load
  std::atomic<bool> copy_running_{false};
  // When the copy publish_bulk() started is to begin: after_delay until a
  // writer (now) or the destructor (never) decides.
  std::mutex copy_start_mutex_;
  std::condition_variable copy_start_changed_;
  Copy copy_start_ = Copy::after_delay;
  void start_copy(Copy when);
};

}  // namespace ergo::detail
