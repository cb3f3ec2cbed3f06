// Hops from a node (see steps.hpp).
#include "engine/exec/steps.hpp"

namespace ergo::exec {
namespace {

void append(std::span<const store::Adjacent> slice, std::vector<Step>& out, bool skip_self_loops, store::NodeId self) {
  for (const store::Adjacent& a : slice) {
    if (skip_self_loops && a.neighbor == self) continue;
    out.push_back({a.neighbor, a.rel});
  }
}

}  // namespace

void collect_steps(const store::Graph& g, store::NodeId n, plan::Direction dir, const TypeFilter& types,
                   std::vector<Step>& out) {
  auto side = [&](bool outgoing, bool skip_self_loops) {
    if (types.any) {
      append(outgoing ? g.out(n) : g.in(n), out, skip_self_loops, n);
      return;
    }
    for (store::TypeId t : types.ids) append(outgoing ? g.out(n, t) : g.in(n, t), out, skip_self_loops, n);
  };
  if (dir != plan::Direction::in) side(true, false);
  if (dir != plan::Direction::out) side(false, dir == plan::Direction::both);
}

std::size_t count_steps(const store::Graph& g, store::NodeId n, plan::Direction dir, const TypeFilter& types) {
  auto side = [&](bool outgoing) {
    if (types.any) return (outgoing ? g.out(n) : g.in(n)).size();
    std::size_t count = 0;
    for (store::TypeId t : types.ids) count += (outgoing ? g.out(n, t) : g.in(n, t)).size();
    return count;
  };
  if (dir == plan::Direction::out) return side(true);
  if (dir == plan::Direction::in) return side(false);
  std::vector<Step> steps;  // both directions: self-loops count once
  collect_steps(g, n, dir, types, steps);
  return steps.size();
}

bool already_bound(const plan::DistinctFrom& distinct, const Frame& frame, store::RelId r) {
  for (std::size_t slot : distinct.rel_slots) {
    if (auto* bound = frame[slot].get_if<RelationshipRef>(); bound && bound->id == r) return true;
  }
  for (std::size_t slot : distinct.list_slots) {
    if (auto* list = frame[slot].get_if<List>()) {
      for (const Value& v : *list) {
        if (auto* bound = v.get_if<RelationshipRef>(); bound && bound->id == r) return true;
      }
    }
  }
  return false;
}

}  // namespace ergo::exec
