// What a Result's accessors answer from: the labels and properties of every
// node, and the type, ends and properties of every relationship, that its
// rows hold (in lists, maps and paths too), plus the nodes at the ends of
// those relationships. Copied from the graph when the query ran, under the
// lock it ran under, so a Result keeps answering from the graph as it was
// then, whatever other threads commit while it is read, and reading it takes
// no lock at all (docs/adr/0006-writes.md, §4).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/store/graph.hpp"
#include "ergo/row.hpp"
#include "ergo/value.hpp"

namespace ergo::detail {

struct ResultElements {
  struct Node {
    std::vector<std::string> labels;
    Map properties;
  };
  struct Relationship {
    std::string type;
    NodeRef start, end;
    Map properties;
  };
  std::unordered_map<std::uint64_t, Node> nodes;
  std::unordered_map<std::uint64_t, Relationship> relationships;
};

// The elements `rows` refer to, read from `graph` (which the caller holds
// locked). Rows without nodes or relationships cost one pass over their cells.
std::shared_ptr<const ResultElements> capture_elements(const store::Graph& graph, const RowChunks& rows);

}  // namespace ergo::detail
