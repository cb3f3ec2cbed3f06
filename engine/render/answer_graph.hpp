// The part of the graph a diagram draws, gathered from a Result: every node,
// relationship and path in any column (inside lists and maps too), each once,
// with the ends of every relationship; then capped at the size limits, and
// with the neighbours added when context is asked for. No Graphviz here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ergo/render.hpp"
#include "ergo/result.hpp"
#include "ergo/value.hpp"

namespace ergo::diagram {

struct DrawnNode {
  NodeRef ref;
  std::vector<std::string> labels;
  Map properties;
  bool context = false;         // a neighbour, not in the answer
  bool on_path = false;         // lies on a path of the answer
  std::optional<double> size;   // the size_by value of its rows (the largest)
};

struct DrawnRelationship {
  RelationshipRef ref;
  NodeRef start;
  NodeRef end;
  std::string type;
  Map properties;
  bool context = false;
  bool on_path = false;
};

struct AnswerGraph {
  std::vector<DrawnNode> nodes;                   // by id
  std::vector<DrawnRelationship> relationships;  // by id
  std::size_t answer_nodes = 0;                   // all the answer has, drawn or not
  std::size_t answer_relationships = 0;
  std::size_t omitted_nodes = 0;                  // of the answer, over the limit
  std::size_t omitted_relationships = 0;
  std::size_t omitted_context_nodes = 0;          // neighbours over the limit
  bool has_paths = false;
  bool has_context = false;
};

// Gathers what `result` draws under `options` (max_nodes, max_relationships,
// size_by, context with options.database). Throws ergo::Error:
// argument_error when context is asked without a database or size_by names
// no column; whatever the neighbour query throws.
AnswerGraph collect(const Result& result, const RenderOptions& options);

}  // namespace ergo::diagram
