// The public face of engine/render (ergo/render.hpp) in a build with
// Graphviz: gather the answer's subgraph, build it with cgraph, and lay it
// out and render it with gvc in process — gvContext → agopen →
// agnode/agedge → agxset → gvLayout → gvRenderData → gvFreeLayout →
// agclose, each handle owned by RAII.
#include "ergo/render.hpp"

#include <algorithm>
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

}  // namespace

bool render_available() { return true; }

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
