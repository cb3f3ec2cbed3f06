// From plan to cursors: the executor's one entry from a plan::Operator tree
// to the pull cursors that run it.
#pragma once

#include "engine/plan/operators.hpp"
#include "engine/runtime/cursor.hpp"
#include "engine/runtime/plan_opener.hpp"

namespace ergo::exec {

// The cursor of `op`, which opens its inputs' cursors in turn.
runtime::CursorPtr open(const plan::Operator& op);

// open() as the runtime::PlanOpener that expressions holding subplans run
// through (ExecContext::plans).
const runtime::PlanOpener& plan_opener();

}  // namespace ergo::exec
