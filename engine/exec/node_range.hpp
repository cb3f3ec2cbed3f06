// The nodes a node pattern with labels starts from: every node, or the
// nodes of the rarest label with the others checked per node. Shared by the
// cursors that scan nodes (ScanNodes, NodeDegree).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "engine/runtime/lookup.hpp"
#include "engine/store/graph.hpp"

namespace ergo::exec {

class NodeRange {
 public:
  // Nothing to scan.
  NodeRange() = default;

  NodeRange(const store::Graph& g, const std::vector<std::string>& label_names) {
    auto labels = runtime::find_labels(g, label_names);
    if (!labels) return;  // a label nobody has: no node
    if (labels->empty()) {
      end_ = g.node_count();
      return;
    }
    auto rarest = std::min_element(labels->begin(), labels->end(), [&](store::LabelId a, store::LabelId b) {
      return g.nodes_with_label(a).size() < g.nodes_with_label(b).size();
    });
    auto nodes = g.nodes_with_label(*rarest);
    by_label_ = nodes.data();
    end_ = nodes.size();
    others_ = *labels;
    others_.erase(others_.begin() + (rarest - labels->begin()));
  }

  // The next node of the range into `n`; false once it is exhausted.
  bool next(const store::Graph& g, store::NodeId& n) {
    while (next_ < end_) {
      if (!by_label_) {
        n = static_cast<store::NodeId>(next_++);
        if (g.node_exists(n)) return true;  // else deleted: a tombstone (ADR 0006)
        continue;
      }
      // The label index drops deleted nodes, so a label scan needs no check.
      n = by_label_[next_++];
      if (others_.empty() || runtime::has_all_labels(g, n, others_)) return true;
    }
    return false;
  }

 private:
  const store::NodeId* by_label_ = nullptr;
  std::size_t next_ = 0, end_ = 0;
  std::vector<store::LabelId> others_;
};

}  // namespace ergo::exec
