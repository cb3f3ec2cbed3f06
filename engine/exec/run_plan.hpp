// Runs a bound plan to completion: every part of a UNION in turn, rows
// deduplicated for UNION (not UNION ALL).
#pragma once

#include <vector>

#include "engine/exec/context.hpp"
#include "engine/plan/operators.hpp"

namespace ergo::exec {

std::vector<std::vector<Value>> run_plan(const plan::QueryPlan& plan, ExecContext& ctx);

}  // namespace ergo::exec
