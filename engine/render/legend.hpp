// The legend and notes drawn above a diagram, as one HTML-like label on the
// graph (so every layout engine places it the same way): an optional title,
// a visible note when the answer was cut at the limits or had nothing to
// draw, and one swatch per label shown (colour, shape glyph, name) plus the
// path, context and size cues in use.
#pragma once

#include <string>

#include "engine/render/answer_graph.hpp"
#include "ergo/render.hpp"

namespace ergo::diagram {

// The HTML-like label text (without the outer <>), or empty when there is
// nothing to show. All data text in it is escaped with escape_html().
std::string legend_html(const AnswerGraph& g, const RenderOptions& options);

}  // namespace ergo::diagram
