// What a Database and the Results it returns share: the graph and the lock
// that lets many readers or one writer at it. Results keep it alive so their
// nodes and relationships stay readable after the query.
#pragma once

#include <shared_mutex>

#include "engine/store/graph.hpp"
#include "ergo/result.hpp"

namespace ergo::detail {

struct GraphSnapshot {
  store::Graph graph;
  mutable std::shared_mutex mutex;
};

}  // namespace ergo::detail
