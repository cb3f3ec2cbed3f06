// Escaping of data text for Graphviz attribute values, so that any name or
// property shows as the text it is: nothing in the data can add DOT syntax,
// Graphviz escapes (\N, \G, \E...) or SVG markup. Rules and the reasons for
// them: docs/rendering.md, "Escaping".
#pragma once

#include <string>
#include <string_view>

namespace ergo::diagram {

// Valid UTF-8 with no control characters except '\n': invalid bytes,
// controls (C0, C1) and U+FFFE/U+FFFF become U+FFFD, a tab a space, "\r\n"
// and "\r" a newline; invisible and bidi control characters (U+FEFF,
// U+202E, ...) show as "<U+FEFF>".
std::string clean_text(std::string_view s);

// An escString for `label` and `xlabel` (plain, not HTML-like): '\' doubled,
// '&' as "&amp;" (Graphviz decodes entities in labels), a newline as the
// centred line break "\n". Input must be clean_text().
std::string escape_label(std::string_view s);

// An escString for `tooltip` and `labeltooltip`. Graphviz 2.42 unescapes a
// tooltip twice, so '\' becomes four backslashes; '&' and newlines as in
// escape_label(). Input must be clean_text().
std::string escape_tooltip(std::string_view s);

// Text inside an HTML-like label: XML-escaped (& < > " '), and '\' doubled,
// since Graphviz substitutes \G and friends there too. Input must be
// clean_text(); a newline becomes <BR/>.
std::string escape_html(std::string_view s);

}  // namespace ergo::diagram
