// Which databases the calling thread has an open ergo::Transaction on, and
// the graph that transaction reads: a read-write transaction's draft (with
// its changes so far) or the version a read-only one pinned. Everything
// that reads a database (Database::execute() of a read, schema(), dump())
// asks here first, so that on the transaction's own thread it reads what the
// transaction sees; and what would wait for the transaction's writer lock
// on that thread (begin(), a write, a load) refuses instead of hanging.
#pragma once

#include "engine/api/graph_versions.hpp"

namespace ergo::detail {

// The graph of this thread's open transaction on `versions`, or null.
store::Graph* held_by_this_thread(const GraphVersions* versions);
// For Transaction: record that this thread began or ended one.
void note_held(const GraphVersions* versions, store::Graph* graph);
void note_released(const GraphVersions* versions);

// The graph a read on this thread sees: its open transaction's, or else
// the current version, pinned for as long as this lives.
class ReadView {
 public:
  explicit ReadView(const GraphVersions& versions) : graph_(held_by_this_thread(&versions)) {
    if (!graph_) {
      pin_ = versions.pin();
      graph_ = &pin_.graph();
    }
  }
  store::Graph& graph() const { return *graph_; }

 private:
  Pin pin_;
  store::Graph* graph_;
};

}  // namespace ergo::detail
