// The look of a diagram: a fill colour and a shape per label (Paul Tol's
// colour-blind-safe "light" palette, readable in colour, in grey and on
// paper, with shapes as a second cue), the fonts, and the shades of context
// and path elements. One table, so the legend always matches the drawing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ergo::diagram {

// A CJK font, so Hangul renders as Hangul in PNG and PDF (fonts-noto-cjk).
inline constexpr const char* kFont = "Noto Sans CJK KR";

struct NodeStyle {
  std::string label;    // the label the style is for; empty for unlabelled nodes
  std::string shape;    // a Graphviz node shape
  std::string fill;     // #RRGGBB
  std::string glyph;    // a character that looks like the shape, for the legend
  bool rounded = false;
  int peripheries = 1;
};

// The style of a node with these labels: that of its most specific known
// label (Alliance before Organization, Model before Product...), else of its
// alphabetically first label, whose colour comes from a hash of its name so
// it stays the same from one answer to the next.
NodeStyle node_style(const std::vector<std::string>& labels);

// Orders styles as the legend lists them: known labels (people first, then
// organisations, things, ideas, events, sources), then the others by name,
// unlabelled last.
bool legend_before(const NodeStyle& a, const NodeStyle& b);

// The fill of a context (neighbour) node: the label colour mixed with white.
std::string faint(std::string_view fill);

// Relationship types whose direction carries no meaning (docs/data-model.md):
// drawn without arrowheads.
bool is_symmetric(std::string_view type);

}  // namespace ergo::diagram
