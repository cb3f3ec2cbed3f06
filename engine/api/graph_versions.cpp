// The two versions of the graph (see graph_versions.hpp).
#include "engine/api/graph_versions.hpp"

#include <chrono>
#include <thread>
#include <utility>

#include "engine/storage/commit_record.hpp"

namespace ergo::detail {

Pin::Pin(std::shared_ptr<GraphVersion> version, std::shared_ptr<const algo::ProcedureCatalog> procedures)
    : version_(std::move(version)), procedures_(std::move(procedures)) {}

Pin::Pin(Pin&& other) noexcept
    : version_(std::move(other.version_)), procedures_(std::move(other.procedures_)) {}

Pin& Pin::operator=(Pin&& other) noexcept {
  if (this != &other) {
    release();
    version_ = std::move(other.version_);
    procedures_ = std::move(other.procedures_);
  }
  return *this;
}

Pin::~Pin() { release(); }

void Pin::release() {
  // Release: what this query read happens before the writer, seeing the
  // count at zero (acquire), changes the version.
  if (version_) version_->readers.fetch_sub(1, std::memory_order_release);
  version_.reset();
  procedures_.reset();
}

GraphVersions::GraphVersions()
    : current_(std::make_shared<GraphVersion>()),
      procedures_(std::make_shared<const algo::ProcedureCatalog>()),
      draft_(std::make_shared<GraphVersion>()) {
  // missed_ holds one record at most; with room for it from the start,
  // publish() cannot fail once the change is in the log.
  missed_.reserve(1);
}

GraphVersions::~GraphVersions() {
  if (!copying_.valid()) return;
  start_copy(Copy::never);
  copying_.wait();
}

void GraphVersions::start_copy(Copy when) {
  {
    std::lock_guard lock(copy_start_mutex_);
    if (copy_start_ == Copy::after_delay) copy_start_ = when;
  }
  copy_start_changed_.notify_one();
}

Pin GraphVersions::pin() const {
  std::lock_guard lock(pin_mutex_);
  // Counted under the lock: a writer swaps current_ under it too, so once
  // a version is no longer current no new reader can count on it.
  current_->readers.fetch_add(1, std::memory_order_relaxed);
  return Pin(current_, procedures_);
}

std::shared_ptr<const algo::ProcedureCatalog> GraphVersions::procedures() const {
  std::lock_guard lock(pin_mutex_);
  return procedures_;
}

void GraphVersions::set_procedures(std::shared_ptr<const algo::ProcedureCatalog> procedures) {
  std::lock_guard lock(pin_mutex_);
  procedures_ = std::move(procedures);
}

store::Graph& GraphVersions::draft() {
  if (copying_.valid()) {
    start_copy(Copy::now);
    try {
      draft_ = copying_.get();
    } catch (...) {
      draft_.reset();  // copied below instead, where a failure reaches the writer
    }
    missed_.clear();
  }
  if (draft_) {
    // Queries that pinned this version before it stopped being current:
    // they finish on their own, and no new one can start on it. A long one
    // is not waited for: past the patience below, the writer leaves the
    // version to it (its pin keeps it alive) and copies the current one.
    const auto give_up = std::chrono::steady_clock::now() + writer_patience;
    for (int spins = 0; draft_->readers.load(std::memory_order_acquire) != 0; ++spins) {
      if (spins < 64) {
        std::this_thread::yield();
        continue;
      }
      if (std::chrono::steady_clock::now() >= give_up) {
        draft_.reset();
        missed_.clear();
        break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
  }
  if (draft_ && !missed_.empty()) {
    try {
      for (const std::vector<std::byte>& record : missed_) storage::apply_commit(draft_->graph, record);
      draft_->graph.commit();
    } catch (...) {
      draft_.reset();  // half replayed: a fresh copy below instead
    }
    missed_.clear();
  }
  if (!draft_) {
    std::shared_ptr<GraphVersion> current;
    {
      std::lock_guard lock(pin_mutex_);
      current = current_;
    }
    draft_ = std::make_shared<GraphVersion>(current->graph);
  }
  return draft_->graph;
}

void GraphVersions::publish(std::vector<std::byte> record) noexcept {
  if (record.empty()) return;  // the draft changed nothing: it is still the current graph
  {
    std::lock_guard lock(pin_mutex_);
    std::swap(current_, draft_);
  }
  missed_.clear();
  missed_.push_back(std::move(record));  // no allocation: the constructor made room, clear() keeps it
}

void GraphVersions::publish_all(std::vector<std::vector<std::byte>>& records) noexcept {
  if (records.empty()) return;
  {
    std::lock_guard lock(pin_mutex_);
    std::swap(current_, draft_);
  }
  missed_.swap(records);  // no allocation: the records become the list the next draft replays
  records.clear();
}

void GraphVersions::publish_bulk(Copy copy) noexcept {
  {
    std::lock_guard lock(pin_mutex_);
    std::swap(current_, draft_);
  }
  // The old version lives on while queries read it; the next draft is a
  // copy of the new one. The copy reads a current version, which nothing
  // changes: every writer first waits for the copy in draft().
  draft_.reset();
  missed_.clear();
  if (copy == Copy::never) return;
  try {
    {
      std::lock_guard lock(copy_start_mutex_);
      copy_start_ = copy;
    }
    copying_ = std::async(std::launch::async, [this, source = current_]() -> std::shared_ptr<GraphVersion> {
      {
        std::unique_lock lock(copy_start_mutex_);
        copy_start_changed_.wait_for(lock, copy_delay, [&] { return copy_start_ != Copy::after_delay; });
        if (copy_start_ == Copy::never) return nullptr;
      }
      copy_running_.store(true, std::memory_order_relaxed);
      struct Done {
        std::atomic<bool>& running;
        ~Done() { running.store(false, std::memory_order_relaxed); }
      } done{copy_running_};
      auto copy = std::make_shared<GraphVersion>(source->graph);
      copy->graph.make_room_to_grow();  // here, not in the first write's time
      return copy;
    });
  } catch (...) {
    // No thread to copy on: the next writer copies the version itself.
    copy_running_.store(false, std::memory_order_relaxed);
  }
}

void GraphVersions::drop_draft() {
  draft_.reset();
  missed_.clear();
}

}  // namespace ergo::detail
