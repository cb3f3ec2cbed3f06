// The words on a diagram: node captions (name, optionally a Hangul alias),
// relationship captions (type and key qualifiers: money, date, status,
// role), and the tooltips that carry provenance and every property. Plain
// text with '\n' between lines, cleaned but not yet escaped for Graphviz.
#pragma once

#include <string>

#include "engine/render/answer_graph.hpp"

namespace ergo::diagram {

// The name to show for a node: its `name`, else its `title`, else
// "#id" (with no property to go by).
std::string node_name(const DrawnNode& n);

// The name, and under it the first alias containing Hangul when `korean`
// asks for it (and the name itself has none).
std::string node_caption(const DrawnNode& n, bool korean);

// "INVESTS_IN" and under it "$1B · 2019-07-22"-style qualifiers.
std::string relationship_caption(const DrawnRelationship& r);

// The name and labels, the provenance when the node has one, then every
// property "key: value", sorted by key.
std::string node_tooltip(const DrawnNode& n);

// "start -[:TYPE]-> end", the provenance ("source: DOC, line N"), then every
// other property, sorted by key.
std::string relationship_tooltip(const DrawnRelationship& r, const std::string& start_name,
                                 const std::string& end_name);

}  // namespace ergo::diagram
