// ergo::QueryStats: what a query changed. Its own header so that the engine's
// runtime can count changes without seeing the rest of the public API.
#pragma once

#include <cstddef>

namespace ergo {

// Counts of what a query changed (all zero for a read-only query).
struct QueryStats {
  std::size_t nodes_created = 0;
  std::size_t relationships_created = 0;
  std::size_t labels_added = 0;      // labels a node did not have before
  std::size_t properties_set = 0;    // property values written or removed
  std::size_t nodes_deleted = 0;
  std::size_t relationships_deleted = 0;  // DETACH DELETE's included
  std::size_t labels_removed = 0;
  // True when the query changed anything.
  bool contains_updates() const {
    return nodes_created || relationships_created || labels_added || properties_set || nodes_deleted ||
           relationships_deleted || labels_removed;
  }
};

}  // namespace ergo
