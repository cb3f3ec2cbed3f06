// What ergo/render.hpp says about diagrams whether or not this build can
// draw them: the formats, layouts and file endings it knows, and the one
// line that reports a drawing.
#include <filesystem>

#include "engine/render/text_format.hpp"
#include "ergo/render.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return diagram::format_count(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string RenderSummary::describe() const {
  std::string out = "drew " + plural(nodes, "node", "nodes") + " and " +
                    plural(relationships, "relationship", "relationships");
  if (context_nodes) out += " (" + plural(context_nodes, "neighbour", "neighbours") + ")";
  if (omitted_nodes || omitted_relationships) {
    out += ", leaving out " + plural(omitted_nodes, "node", "nodes") + " and " +
           plural(omitted_relationships, "relationship", "relationships") + " over the limits";
  }
  out += " with layout " + layout;
  if (!path.empty()) out += " to " + path;
  // Scalar columns do not draw; say so rather than leave an empty picture
  // unexplained.
  if (nodes == 0 && relationships == 0) out += " (the answer holds no nodes, relationships or paths; return them to draw them)";
  return out;
}

const std::vector<std::string>& render_formats() {
  static const std::vector<std::string> formats{"svg", "png", "pdf", "dot"};
  return formats;
}

const std::vector<std::string>& render_layouts() {
  static const std::vector<std::string> layouts{"auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi"};
  return layouts;
}

std::string render_format_for_path(const std::string& path) {
  const std::string ext = text::utf8::ascii_lower(std::filesystem::path(path).extension().string());
  if (ext == ".svg" || ext == ".png" || ext == ".pdf" || ext == ".dot") return ext.substr(1);
  if (ext == ".gv") return "dot";
  return {};
}

}  // namespace ergo
