// Bidirectional breadth-first search (see bidirectional_bfs.hpp).
#include "engine/exec/bidirectional_bfs.hpp"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace ergo::exec {

BidirectionalSearch::BidirectionalSearch(std::size_t node_count) : nodes_(node_count) {
  for (Side* s : {&forward_, &backward_}) {
    // calloc: fresh zero pages, so a search that stays local touches little.
    auto* seen = static_cast<std::uint32_t*>(std::calloc(std::max<std::size_t>(1, node_count), sizeof(std::uint32_t)));
    if (!seen) throw std::bad_alloc();
    s->seen = {seen, std::free};
    s->depth.reset(new std::uint32_t[std::max<std::size_t>(1, node_count)]);
    s->via_node.reset(new std::uint32_t[std::max<std::size_t>(1, node_count)]);
    s->via_rel.reset(new std::uint32_t[std::max<std::size_t>(1, node_count)]);
  }
}

BidirectionalSearch& BidirectionalSearch::for_this_thread(std::size_t node_count) {
  thread_local std::optional<BidirectionalSearch> kept;
  if (!kept || kept->nodes_ < node_count) kept.emplace(node_count);
  return *kept;
}

void BidirectionalSearch::prepare(Side& s, store::NodeId start) {
  s.seen[start] = epoch_;
  s.depth[start] = 0;
  s.frontier.assign(1, start);
  s.next.clear();
  s.level = 0;
}

PathRef BidirectionalSearch::path(store::NodeId meet) const {
  PathRef p;
  store::NodeId n = meet;
  for (; forward_.depth[n] > 0; n = forward_.via_node[n]) {
    p.nodes.push_back(NodeRef{n});
    p.relationships.push_back(RelationshipRef{forward_.via_rel[n]});
  }
  p.nodes.push_back(NodeRef{n});  // the start
  std::reverse(p.nodes.begin(), p.nodes.end());
  std::reverse(p.relationships.begin(), p.relationships.end());
  for (n = meet; backward_.depth[n] > 0;) {
    p.relationships.push_back(RelationshipRef{backward_.via_rel[n]});
    n = backward_.via_node[n];
    p.nodes.push_back(NodeRef{n});
  }
  return p;
}

}  // namespace ergo::exec
