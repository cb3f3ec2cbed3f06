// The public face of engine/render (ergo/render.hpp): gather the answer's
// subgraph, build it with cgraph, and lay it out and render it with gvc in
// process — gvContext → agopen → agnode/agedge → agxset → gvLayout →
// gvRenderData → gvFreeLayout → agclose, each handle owned by RAII.
#include "ergo/render.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "engine/render/answer_graph.hpp"
#include "engine/render/dot_builder.hpp"
#include "engine/render/graphviz.hpp"
#include "engine/render/text_format.hpp"
#include "ergo/error.hpp"

namespace ergo {
namespace {

constexpr int kMaxPixels = 6000;  // the longer side of a PNG, at most

// The Graphviz output format (device and renderer) for one of ours.
std::string device_for(const std::string& format) {
  if (format == "svg") return "svg:svg:core";  // text and tooltips, not outlines
  if (format == "png") return "png:cairo:cairo";
  if (format == "pdf") return "pdf:cairo:cairo";
  if (format == "dot") return "dot";
  std::string list;
  for (const std::string& f : render_formats()) list += (list.empty() ? "" : ", ") + f;
  throw Error(ErrorKind::argument_error, "unknown diagram format '" + format + "' (use one of: " + list + ")");
}

RenderSummary summarise(const diagram::AnswerGraph& g, const std::string& format, const std::string& layout) {
  RenderSummary s;
  s.format = format;
  s.layout = layout;
  s.nodes = g.nodes.size();
  s.relationships = g.relationships.size();
  s.context_nodes = static_cast<std::size_t>(
      std::count_if(g.nodes.begin(), g.nodes.end(), [](const auto& n) { return n.context; }));
  s.omitted_nodes = g.omitted_nodes;
  s.omitted_relationships = g.omitted_relationships;
  return s;
}

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
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".svg" || ext == ".png" || ext == ".pdf" || ext == ".dot") return ext.substr(1);
  if (ext == ".gv") return "dot";
  return {};
}

std::string to_dot(const Result& result, const RenderOptions& options) {
  diagram::AnswerGraph g = diagram::collect(result, options);
  std::string layout = diagram::resolve_layout(options.layout, g.nodes.size(), g.relationships.size());
  diagram::gv::Session session;
  diagram::gv::GraphPtr graph = diagram::build_graph(g, options, layout);
  return diagram::gv::write_dot(graph.get());
}

std::string render(const Result& result, const RenderOptions& options, RenderSummary& summary) {
  std::string device = device_for(options.format);
  if (options.dpi < 24 || options.dpi > 600) {
    throw Error(ErrorKind::argument_error, "dpi must be between 24 and 600, not " + std::to_string(options.dpi));
  }
  diagram::AnswerGraph g = diagram::collect(result, options);
  std::string layout = diagram::resolve_layout(options.layout, g.nodes.size(), g.relationships.size());
  summary = summarise(g, options.format, layout);

  diagram::gv::Session session;
  diagram::gv::ContextPtr gvc = diagram::gv::make_context();
  diagram::gv::DeterministicHeap heap;
  diagram::gv::GraphPtr graph = diagram::build_graph(g, options, layout);
  if (options.format == "png") {
    // At most kMaxPixels on a side: a big answer is scaled down, never a
    // bitmap of hundreds of megabytes.
    std::string inches = std::to_string(kMaxPixels / options.dpi);
    diagram::gv::declare(graph.get(), AGRAPH, "dpi", std::to_string(options.dpi).c_str());
    diagram::gv::declare(graph.get(), AGRAPH, "size", (inches + "," + inches).c_str());
  }
  diagram::gv::Layout laid_out(gvc.get(), graph.get(), layout, session);
  std::string bytes = laid_out.render(device, session);
  summary.bytes = bytes.size();
  return bytes;
}

std::string render(const Result& result, const RenderOptions& options) {
  RenderSummary ignored;
  return render(result, options, ignored);
}

RenderSummary render_to_file(const Result& result, const std::string& path, RenderOptions options) {
  std::string format = render_format_for_path(path);
  if (format.empty()) {
    throw Error(ErrorKind::argument_error,
                "cannot tell the diagram format from '" + path + "' (use .svg, .png, .pdf, .dot or .gv)");
  }
  options.format = format;
  RenderSummary summary;
  std::string bytes = render(result, options, summary);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(ErrorKind::io_error, "cannot write the diagram to '" + path + "'");
  summary.path = path;
  return summary;
}

}  // namespace ergo
