// One hop from a node: the relationships (of some types, in some direction)
// and the nodes at their far ends. Shared by every traversal cursor.
#pragma once

#include <vector>

#include "engine/plan/operators.hpp"
#include "engine/runtime/frame.hpp"
#include "engine/runtime/lookup.hpp"

namespace ergo::exec {

// Traversal code names these unqualified.
using runtime::Frame;
using runtime::TypeFilter;

struct Step {
  store::NodeId neighbor;
  store::RelId rel;
};

// Appends the hops from n to `out`. With Direction::both a self-loop is
// listed once, not once per direction.
void collect_steps(const store::Graph& g, store::NodeId n, store::Direction dir, const TypeFilter& types,
                   std::vector<Step>& out);

// How many hops collect_steps would list.
std::size_t count_steps(const store::Graph& g, store::NodeId n, store::Direction dir, const TypeFilter& types);

// Whether relationship r is one the pattern already bound (uniqueness).
bool already_bound(const plan::DistinctFrom& distinct, const Frame& frame, store::RelId r);

}  // namespace ergo::exec
