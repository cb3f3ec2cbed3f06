// Plan execution (see run_plan.hpp).
#include "engine/exec/run_plan.hpp"

#include <unordered_set>

#include "engine/exec/open.hpp"
#include "engine/exec/row_key.hpp"

namespace ergo::exec {

std::vector<std::vector<Value>> run_plan(const plan::QueryPlan& plan, runtime::ExecContext& ctx) {
  // Pattern predicates and comprehensions open their subplans through this.
  if (!ctx.plans) ctx.plans = &plan_opener();
  std::vector<std::vector<Value>> rows;
  std::unordered_set<std::vector<Value>, RowKeyHash, RowKeyEqual> seen;
  for (const plan::QueryPlan::Part& part : plan.parts) {
    runtime::Frame frame(part.frame_size);
    runtime::CursorPtr cursor = open(*part.root);
    while (cursor->pull(frame, ctx)) {
      if (plan.columns.empty()) continue;  // an update with no RETURN: no rows
      std::vector<Value> row;
      row.reserve(part.column_slots.size());
      for (std::size_t slot : part.column_slots) row.push_back(frame[slot]);
      if (plan.union_distinct && !seen.insert(row).second) continue;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace ergo::exec
