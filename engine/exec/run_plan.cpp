// Plan execution (see run_plan.hpp).
#include "engine/exec/run_plan.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "engine/exec/open.hpp"
#include "engine/exec/profile.hpp"
#include "engine/exec/row_key.hpp"

namespace ergo::exec {
namespace {

// DELETE (without DETACH) of a node that still has relationships fails when
// the statement ends, naming the node and the way out.
void check_deleted_nodes(runtime::ExecContext& ctx) {
  store::Graph& g = ctx.graph;
  if (ctx.deleted_nodes.empty()) return;
  g.commit();
  for (const auto& d : ctx.deleted_nodes) {
    const std::size_t rels = g.out(d.node).size() + g.in(d.node).size();
    if (rels == 0) continue;
    throw runtime::error_at(ctx, d.at, ErrorKind::runtime_error,
                            "cannot delete node " + std::to_string(d.node) + (d.name.empty() ? "" : " (" + d.name + ")") + " because it still has " + std::to_string(rels) +
                                (rels == 1 ? " relationship; delete it" : " relationships; delete them") +
                                " first, or use DETACH DELETE to delete the node with its relationships")
        .with_code("DeleteConnectedNode");
  }
}

}  // namespace

detail::RowChunks run_plan(const plan::QueryPlan& plan, runtime::ExecContext& ctx,
                           std::optional<ProfiledOperator>* profile_tree) {
  // Pattern predicates and comprehensions open their subplans through this.
  if (!ctx.plans) ctx.plans = &plan_opener();
  Profile profile;
  std::optional<ProfileScope> profiling;
  if (plan.profile) profiling.emplace(profile);
  detail::RowChunks rows(plan.columns.size());
  // The answer is built here in full: its rows count against the memory
  // budget until the statement ends and the Result takes them over.
  runtime::MemoryHold held;
  std::unordered_set<std::vector<Value>, RowKeyHash, RowKeyEqual> seen;
  // One frame for every part of a UNION: their slots are disjoint (the
  // binder numbers them in one sequence), so a part never reads another's.
  // A frame per part, each as wide as the whole query, made n parts cost
  // O(n²): 50,000 UNIONs ran for a minute past any time limit.
  std::size_t frame_size = 0;
  for (const plan::QueryPlan::Part& part : plan.parts) frame_size = std::max(frame_size, part.frame_size);
  runtime::Frame frame(frame_size);
  for (const plan::QueryPlan::Part& part : plan.parts) {
    ctx.check_cancelled();
    runtime::CursorPtr cursor = open(*part.root);
    const std::vector<std::size_t>& slots = part.column_slots;
    while (cursor->pull(frame, ctx)) {
      if (plan.columns.empty()) continue;  // an update with no RETURN: no rows
      std::size_t bytes = slots.size() * sizeof(Value) + 16;
      for (std::size_t slot : slots) bytes += runtime::footprint(frame[slot]);
      if (plan.union_distinct) {
        std::vector<Value> row;
        row.reserve(slots.size());
        for (std::size_t slot : slots) row.push_back(frame[slot]);
        if (!seen.insert(std::move(row)).second) continue;
      }
      held.add(ctx.memory, plan.union_distinct ? 2 * bytes : bytes);  // UNION's set keeps a copy
      // Written in place: a row costs no allocation of its own.
      Value* out = rows.append();
      for (std::size_t k = 0; k < slots.size(); ++k) out[k] = frame[slots[k]];
    }
  }
  check_deleted_nodes(ctx);
  if (plan.profile && profile_tree) *profile_tree = profiled_plan(plan, profile);
  return rows;
}

}  // namespace ergo::exec
