// The legend and notes above a diagram (see legend.hpp).
#include "engine/render/legend.hpp"

#include <algorithm>

#include "engine/render/escape.hpp"
#include "engine/render/style.hpp"
#include "engine/render/text_format.hpp"

namespace ergo::diagram {
namespace {

constexpr std::size_t kSwatchesPerRow = 6;

std::string note(const AnswerGraph& g, const RenderOptions& options) {
  if (g.answer_nodes == 0 && g.answer_relationships == 0) {
    return "Nothing to draw: the answer has no nodes, relationships or paths.";
  }
  std::string out;
  if (g.omitted_nodes || g.omitted_relationships) {
    out = "Showing the first " + format_count(g.answer_nodes - g.omitted_nodes) + " of " +
          format_count(g.answer_nodes) + " nodes and " +
          format_count(g.answer_relationships - g.omitted_relationships) + " of " +
          format_count(g.answer_relationships) + " relationships (limits: " + format_count(options.max_nodes) +
          " nodes, " + format_count(options.max_relationships) + " relationships).";
  }
  if (g.omitted_context_nodes) {
    if (!out.empty()) out += "\n";
    out += format_count(g.omitted_context_nodes) + " more neighbours not drawn (node limit " +
           format_count(options.max_nodes) + ").";
  }
  return out;
}

std::string cell(const std::string& content, const std::string& attributes = {}) {
  return "<TD" + attributes + ">" + content + "</TD>";
}

}  // namespace

std::string legend_html(const AnswerGraph& g, const RenderOptions& options) {
  std::vector<std::string> rows;
  if (!options.title.empty()) {
    rows.push_back(cell("<B>" + escape_html(clean_text(options.title)) + "</B>", " ALIGN=\"LEFT\""));
  }
  if (std::string n = note(g, options); !n.empty()) {
    rows.push_back(cell("<FONT COLOR=\"#AA3377\">" + escape_html(n) + "</FONT>", " ALIGN=\"LEFT\""));
  }

  std::vector<std::string> swatches;
  if (options.legend) {
    std::vector<NodeStyle> styles;
    for (const DrawnNode& n : g.nodes) {
      NodeStyle s = node_style(n.labels);
      auto same = [&](const NodeStyle& o) { return o.label == s.label; };
      if (std::none_of(styles.begin(), styles.end(), same)) styles.push_back(s);
    }
    std::sort(styles.begin(), styles.end(), legend_before);
    for (const NodeStyle& s : styles) {
      std::string name = s.label.empty() ? "(no label)" : escape_html(clean_text(s.label));
      swatches.push_back(cell(s.glyph + " " + name, " BGCOLOR=\"" + s.fill + "\" BORDER=\"1\" COLOR=\"#444444\"" +
                                                         (s.rounded ? " STYLE=\"rounded\"" : "")));
    }
    bool on_path = std::any_of(g.relationships.begin(), g.relationships.end(), [](auto& r) { return r.on_path; });
    if (on_path) swatches.push_back(cell("<B>━━</B> path"));
    if (g.has_context) swatches.push_back(cell("<FONT COLOR=\"#888888\">┅┅ neighbour</FONT>"));
    if (!options.size_by.empty()) swatches.push_back(cell("size: " + escape_html(clean_text(options.size_by))));
  }
  // One table for all swatches, so that its rows share column widths (a
  // table per row would be stretched to the widest row).
  if (!swatches.empty()) {
    std::string grid = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">";
    for (std::size_t i = 0; i < swatches.size(); i += kSwatchesPerRow) {
      grid += "<TR>";
      for (std::size_t k = i; k < std::min(i + kSwatchesPerRow, swatches.size()); ++k) grid += swatches[k];
      grid += "</TR>";
    }
    rows.push_back(cell(grid + "</TABLE>", " ALIGN=\"LEFT\""));
  }
  if (rows.empty()) return {};
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">";
  for (const std::string& r : rows) html += "<TR>" + r + "</TR>";
  return html + "</TABLE>";
}

}  // namespace ergo::diagram
