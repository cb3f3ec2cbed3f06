// Private to engine/api: builds an ergo::Schema from the store, for
// Database::schema() (which holds the read lock while this runs).
#pragma once

#include "engine/store/graph.hpp"
#include "ergo/schema.hpp"

namespace ergo::api {

Schema describe_schema(const store::Graph& graph);

}  // namespace ergo::api
