// Which databases the calling thread holds locked through an open
// ergo::Transaction. A transaction keeps its database's lock from begin()
// to commit()/rollback(); everything else that locks it (Result accessors,
// Database::schema(), ...) asks here first, so that the transaction's own
// thread reads without locking again — std::shared_mutex is not recursive,
// and locking twice would deadlock that thread against itself.
#pragma once

#include <mutex>
#include <optional>
#include <shared_mutex>

#include "engine/api/graph_snapshot.hpp"

namespace ergo::detail {

// True when this thread holds `g` locked through an open transaction.
bool held_by_this_thread(const GraphSnapshot* g);
// For Transaction: record that this thread took or let go of `g`'s lock.
void note_held(const GraphSnapshot* g);
void note_released(const GraphSnapshot* g);

// A shared lock on `g`, unless this thread already holds it (then nothing).
class ReadLock {
 public:
  explicit ReadLock(const GraphSnapshot& g) {
    if (!held_by_this_thread(&g)) lock_.emplace(g.mutex);
  }

 private:
  std::optional<std::shared_lock<std::shared_mutex>> lock_;
};

}  // namespace ergo::detail
