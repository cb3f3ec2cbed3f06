// Running a plan from below the planner. Pattern predicates and pattern
// comprehensions are expressions that hold a subplan; expressions sit below
// plan/ and exec/, so they reach the executor through this interface (set in
// ExecContext::plans), and know the plan only by a forward declaration.
#pragma once

#include "engine/runtime/cursor.hpp"

namespace ergo::plan {
class Operator;
}

namespace ergo::runtime {

class PlanOpener {
 public:
  virtual ~PlanOpener() = default;
  // The cursors that produce the rows of `op`.
  virtual CursorPtr open(const plan::Operator& op) const = 0;
};

}  // namespace ergo::runtime
