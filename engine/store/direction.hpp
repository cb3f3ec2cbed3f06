// Which way a relationship is followed from a node: as stored (`out`),
// against its direction (`in`), or either way (`both`). The one direction
// vocabulary of plans, cursors, searches and graph algorithms.
#pragma once

namespace ergo::store {

enum class Direction { out, in, both };

}  // namespace ergo::store
