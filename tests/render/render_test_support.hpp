// Shared by the diagram tests: the bundled database, counting substrings,
// and a small scan of SVG markup that lists every element name, so a test
// can prove that nothing in the data injected an element.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "ergo/database.hpp"
#include "ergo/render.hpp"

namespace ergo::testing {

inline Database& bundled() {
  static Database db = Database::open({ERGO_DATA_DIR});
  return db;
}

inline std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// The names of all elements that open in `svg` (<name ...>), skipping
// comments, the XML declaration and the DOCTYPE.
inline std::set<std::string> element_names(std::string_view svg) {
  std::set<std::string> names;
  for (std::size_t at = svg.find('<'); at != std::string_view::npos; at = svg.find('<', at + 1)) {
    std::size_t start = at + 1;
    if (start >= svg.size() || svg[start] == '/' || svg[start] == '!' || svg[start] == '?') continue;
    std::size_t end = svg.find_first_of(" \t\n/>", start);
    names.insert(std::string(svg.substr(start, end - start)));
  }
  return names;
}

// What Graphviz's core SVG renderer writes; anything else came from data.
inline const std::set<std::string>& graphviz_svg_elements() {
  static const std::set<std::string> names{"svg", "g", "title", "text", "path", "polygon", "polyline",
                                           "ellipse", "a", "defs", "linearGradient", "radialGradient",
                                           "stop", "image"};
  return names;
}

}  // namespace ergo::testing
