// The row-level steps the write cursors share: making a pattern's new nodes
// and relationships for one row (CREATE, and MERGE when it finds nothing),
// and applying one SET or REMOVE item to one row (SET, REMOVE, and MERGE's
// ON CREATE / ON MATCH). Private to engine/exec.
#pragma once

#include <vector>

#include "engine/plan/operators.hpp"
#include "engine/runtime/context.hpp"
#include "engine/runtime/frame.hpp"

namespace ergo::exec {

// Creates `nodes` (those not `existing`) then `relationships`, writing each
// new element to its slot; counts them in ctx.stats.
void create_elements(const std::vector<plan::CreateNode>& nodes,
                     const std::vector<plan::CreateRelationship>& relationships, runtime::Frame& frame,
                     runtime::ExecContext& ctx);

// Applies one SET / REMOVE item to the row in `frame`; counts what changed.
void apply_set_item(const plan::SetItem& item, runtime::Frame& frame, runtime::ExecContext& ctx);

}  // namespace ergo::exec
