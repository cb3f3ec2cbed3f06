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

// The graph a read on this thread sees, and the procedures it may call: its
// open transaction's graph, or else the current version, pinned with the
// procedures for as long as this lives.
class ReadView {
 public:
  explicit ReadView(const GraphVersions& versions) : graph_(held_by_this_thread(&versions)) {
    if (graph_) {
      procedures_ = versions.procedures();
    } else {
      pin_ = versions.pin();
      graph_ = &pin_.graph();
      procedures_ = pin_.procedures();
    }
  }
  store::Graph& graph() const { return *graph_; }
  const algo::ProcedureCatalog& procedures() const { return *procedures_; }

 private:
  Pin pin_;
  store::Graph* graph_;
  std::shared_ptr<const algo::ProcedureCatalog> procedures_;
};

}  // namespace ergo::detail
