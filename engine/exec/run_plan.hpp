// Runs a bound plan to completion: every part of a UNION in turn, rows
// deduplicated for UNION (not UNION ALL). Sets ctx.plans (the subplan
// opener) when the caller left it unset.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/plan/operators.hpp"
#include "engine/runtime/context.hpp"
#include "ergo/profiled_plan.hpp"
#include "ergo/row.hpp"

namespace ergo::exec {

// A PROFILE statement (plan.profile) also writes its plan with rows and
// time per operator to `profile` (exec/profile.hpp), when that is given.
// The rows come back as a Result keeps them (detail::RowChunks).
detail::RowChunks run_plan(const plan::QueryPlan& plan, runtime::ExecContext& ctx,
                           std::optional<ProfiledOperator>* profile = nullptr);

}  // namespace ergo::exec
