// Hops from a node (see steps.hpp).
#include "engine/exec/steps.hpp"

#include <algorithm>

namespace ergo::exec {
namespace {

void append(std::span<const store::Adjacent> slice, std::vector<Step>& out, bool skip_self_loops, store::NodeId self) {
  for (const store::Adjacent& a : slice) {
    if (skip_self_loops && a.neighbor == self) continue;
    out.push_back({a.neighbor, a.rel});
  }
}

}  // namespace

void collect_steps(const store::Graph& g, store::NodeId n, store::Direction dir, const TypeFilter& types,
                   std::vector<Step>& out) {
  auto side = [&](bool outgoing, bool skip_self_loops) {
    if (types.any) {
      append(outgoing ? g.out(n) : g.in(n), out, skip_self_loops, n);
      return;
    }
    for (store::TypeId t : types.ids) append(outgoing ? g.out(n, t) : g.in(n, t), out, skip_self_loops, n);
  };
  if (dir != store::Direction::in) side(true, false);
  if (dir != store::Direction::out) side(false, dir == store::Direction::both);
}

std::size_t count_steps(const store::Graph& g, store::NodeId n, store::Direction dir, const TypeFilter& types) {
  // Both directions list a self-loop once (collect_steps skips it on the
  // incoming side), so incoming self-loops are not counted.
  auto count = [&](std::span<const store::Adjacent> slice, bool skip_self_loops) {
    if (!skip_self_loops) return slice.size();
    return static_cast<std::size_t>(
        std::count_if(slice.begin(), slice.end(), [&](const store::Adjacent& a) { return a.neighbor != n; }));
  };
  auto side = [&](bool outgoing, bool skip_self_loops) {
    if (types.any) return count(outgoing ? g.out(n) : g.in(n), skip_self_loops);
    std::size_t total = 0;
    for (store::TypeId t : types.ids) total += count(outgoing ? g.out(n, t) : g.in(n, t), skip_self_loops);
    return total;
  };
  std::size_t total = 0;
  if (dir != store::Direction::in) total += side(true, false);
  if (dir != store::Direction::out) total += side(false, dir == store::Direction::both);
  return total;
}

bool already_bound(const plan::DistinctFrom& distinct, const Frame& frame, store::RelId r) {
  for (std::size_t slot : distinct.rel_slots()) {
    if (auto* bound = frame[slot].get_if<RelationshipRef>(); bound && bound->id == r) return true;
  }
  for (std::size_t slot : distinct.list_slots()) {
    if (auto* list = frame[slot].get_if<List>()) {
      for (const Value& v : *list) {
        if (auto* bound = v.get_if<RelationshipRef>(); bound && bound->id == r) return true;
      }
    }
  }
  return false;
}

}  // namespace ergo::exec
