// Shortest-path breadth-first search (see bfs.hpp): boost::breadth_first_visit
// with a colour map, a queue and a visitor that all keep their state in the
// tree's per-node entries.
#include "engine/algo/bfs.hpp"

#include <deque>
#include <limits>

#include <boost/graph/breadth_first_search.hpp>

namespace ergo::algo {

class BreadthFirstSearch {
 public:
  using Entry = ShortestPathTree::Entry;

  BreadthFirstSearch(ShortestPathTree& tree, const BfsLimits& limits)
      : tree_(tree),
        limits_(limits),
        stop_depth_(limits.max_depth ? std::max<std::int64_t>(*limits.max_depth, 0)
                                     : std::numeric_limits<std::int64_t>::max()) {}

  // The entry of n, created on first use. The last one looked up is
  // remembered: BFS asks for the same node's colour, then records it, then
  // colours it, and a hash lookup each time would dominate the search.
  Entry& at(NodeId n) {
    if (n != last_node_) {
      last_node_ = n;
      last_entry_ = &tree_.entries_[n];
    }
    return *last_entry_;
  }

  // A read-write property map of colours over the entries.
  struct ColorMap {
    using key_type = NodeId;
    using value_type = boost::default_color_type;
    using reference = boost::default_color_type;
    using category = boost::read_write_property_map_tag;
    BreadthFirstSearch* search;
    friend value_type get(const ColorMap& m, NodeId n) { return static_cast<value_type>(m.search->at(n).color); }
    friend void put(const ColorMap& m, NodeId n, value_type c) { m.search->at(n).color = static_cast<std::uint8_t>(c); }
  };

  // FIFO order, but empty as soon as the next node is at the depth where
  // the search stops: its edges could only lead further than needed.
  struct Queue {
    using value_type = NodeId;
    BreadthFirstSearch* search;
    std::deque<NodeId> nodes;
    void push(NodeId n) { nodes.push_back(n); }
    NodeId& top() { return nodes.front(); }
    void pop() { nodes.pop_front(); }
    bool empty() const {
      return nodes.empty() || static_cast<std::int64_t>(search->tree_.entries_.at(nodes.front()).depth) >= search->stop_depth_;
    }
  };

  struct Visitor : boost::default_bfs_visitor {
    BreadthFirstSearch* search;
    void discover_vertex(NodeId n, const ProjectedGraph&) const { search->tree_.order_.push_back(n); }
    void examine_vertex(NodeId n, const ProjectedGraph&) const { search->current_ = &search->tree_.entries_.at(n); }
    void tree_edge(const EdgeRef& e, const ProjectedGraph&) const {
      Entry& to = search->at(e.to);
      to.depth = search->current_->depth + 1;
      to.parents.push_back({e.from, e.rel});
      if (search->limits_.target && e.to == *search->limits_.target) search->stop_depth_ = to.depth;
    }
    void non_tree_edge(const EdgeRef& e, const ProjectedGraph&) const {
      if (!search->limits_.all_parents) return;
      Entry& to = search->at(e.to);
      if (to.depth == search->current_->depth + 1) to.parents.push_back({e.from, e.rel});
    }
  };

  void run(const ProjectedGraph& g, NodeId source) {
    tree_.source_ = source;
    Queue queue{this, {}};
    boost::breadth_first_visit(g, source, queue, Visitor{{}, this}, ColorMap{this});
  }

 private:
  ShortestPathTree& tree_;
  const BfsLimits& limits_;
  std::int64_t stop_depth_;
  Entry* current_ = nullptr;  // the node whose edges are being examined
  NodeId last_node_ = store::no_node;
  Entry* last_entry_ = nullptr;
};

ShortestPathTree breadth_first_tree(const ProjectedGraph& g, NodeId source, const BfsLimits& limits) {
  ShortestPathTree tree;
  BreadthFirstSearch search(tree, limits);
  search.run(g, source);
  return tree;
}

std::vector<PathRef> ShortestPathTree::paths_to(NodeId to, bool all) const {
  std::vector<PathRef> out;
  if (!reached(to)) return out;
  std::vector<Hop> chain;
  collect(to, all, chain, to, out);
  return out;
}

// Every chain of parents from `at` back to the source. chain[0] is the hop
// into the target, chain.back() the hop out of the source.
void ShortestPathTree::collect(NodeId at, bool all, std::vector<Hop>& chain, NodeId to,
                               std::vector<PathRef>& out) const {
  if (at == source_) {
    PathRef p;
    p.nodes.push_back(NodeRef{source_});
    for (std::size_t i = chain.size(); i-- > 0;) {
      p.relationships.push_back(RelationshipRef{chain[i].rel});
      p.nodes.push_back(NodeRef{i == 0 ? to : chain[i - 1].node});
    }
    out.push_back(std::move(p));
    return;
  }
  for (const Hop& parent : entries_.at(at).parents) {
    chain.push_back(parent);
    collect(parent.node, all, chain, to, out);
    chain.pop_back();
    if (!all && !out.empty()) return;
  }
}

}  // namespace ergo::algo
