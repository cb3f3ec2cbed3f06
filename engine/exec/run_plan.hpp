// Runs a bound plan to completion: every part of a UNION in turn, rows
// deduplicated for UNION (not UNION ALL). Sets ctx.plans (the subplan
// opener) when the caller left it unset.
#pragma once

#include <vector>

#include "engine/plan/operators.hpp"
#include "engine/runtime/context.hpp"

namespace ergo::exec {

std::vector<std::vector<Value>> run_plan(const plan::QueryPlan& plan, runtime::ExecContext& ctx);

}  // namespace ergo::exec
