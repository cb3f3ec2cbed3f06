// Builds the cgraph graph of a diagram from the gathered AnswerGraph: one
// Graphviz node per drawn node ("n<id>"), one edge per relationship (key
// "r<id>"), attributes set with agxset on values escaped by escape.hpp, and
// the legend as the graph's HTML-like label. Creation is sorted by id, so the
// same answer always gives the same DOT.
#pragma once

#include <string>

#include "engine/render/answer_graph.hpp"
#include "engine/render/graphviz.hpp"
#include "ergo/render.hpp"

namespace ergo::diagram {

// "auto" resolved for a drawing of `nodes` nodes and `relationships`
// relationships; other names are checked (throws ergo::Error,
// argument_error, for an unknown one).
std::string resolve_layout(const std::string& requested, std::size_t nodes, std::size_t relationships);

// Whether dot can lay out this much within about a second (the "auto" rule).
bool small_enough_for_dot(std::size_t nodes, std::size_t relationships);

// The graph, with `layout` recorded as its layout attribute and the
// layout-specific graph attributes set. Must run inside a gv::Session.
gv::GraphPtr build_graph(const AnswerGraph& g, const RenderOptions& options, const std::string& layout);

}  // namespace ergo::diagram
