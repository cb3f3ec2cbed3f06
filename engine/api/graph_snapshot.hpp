// What a Database and the Results it returns share: the graph, the
// procedures it can call, and the lock that lets many readers or one writer
// at them. Results keep it alive so their
// nodes and relationships stay readable after the query.
#pragma once

#include <shared_mutex>

#include "engine/algo/catalog.hpp"
#include "engine/store/graph.hpp"
#include "ergo/result.hpp"

namespace ergo::detail {

struct GraphSnapshot {
  store::Graph graph;
  algo::ProcedureCatalog procedures;  // the built-in ones and those the program added
  mutable std::shared_mutex mutex;
};

}  // namespace ergo::detail
