// ergo::render: relationship diagrams of a query's answer. Every node,
// relationship and path in the result (in any column, inside lists and maps)
// is drawn once, styled by label, laid out and rendered by Graphviz in process.
// Graphviz types never appear here; see docs/rendering.md for the styles.
//
//   ergo::Result r = db.execute("MATCH p = (:Company)-[:INVESTS_IN]->() RETURN p");
//   ergo::render_to_file(r, "investments.svg", {.layout = "dot"});
//
// Thread safety: every function here may be called from several threads at
// once; the Graphviz part of the work is serialised by a process-wide lock
// (Graphviz is not thread-safe), so diagrams are drawn one at a time.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ergo/result.hpp"

namespace ergo {

class Database;

struct RenderOptions {
  // "svg", "png", "pdf", or "dot" (laid-out DOT with coordinates; for DOT
  // without layout call to_dot()). render_to_file() takes it from the
  // file's extension instead.
  std::string format = "svg";
  // "dot", "neato", "fdp", "sfdp", "circo", "twopi", or "auto": dot for
  // small answers, sfdp for the others (see kAutoDotMaxNodes).
  std::string layout = "auto";
  // Also draw the direct neighbours of the answer's nodes, fainter. Needs
  // `database`, the database the result came from (the neighbours are found
  // by running a query on it).
  bool context = false;
  Database* database = nullptr;
  // Add each node's first alias written in Hangul under its name.
  bool korean = false;
  // Past these limits the first nodes (in the order the result lists them)
  // and the relationships between them are drawn, with a visible note.
  // Context neighbours count too, after the answer's own nodes.
  std::size_t max_nodes = 400;
  std::size_t max_relationships = 1200;
  // Name of a numeric column: the nodes in each row get a larger font (10 to
  // 26 pt over the column's range) the larger the value, for example a
  // PageRank score. Empty: all the same size.
  std::string size_by;
  // Write each relationship's type and qualifiers on it. Off, the type is
  // still in the tooltip; worth it for answers of more than ~100 edges.
  bool edge_labels = true;
  // Draw the legend (labels, colours, shapes) above the diagram. Notes (a
  // cut at the limits, an empty answer) are drawn either way.
  bool legend = true;
  // A line drawn above the legend, e.g. the query. Empty: none.
  std::string title;
  // PNG resolution in dots per inch (96 is Graphviz's own default; 144 is
  // sharp on high-density screens). Other formats are vector graphics.
  int dpi = 144;
};

// "auto" picks the hierarchical dot layout when the drawing has at most
// kAutoDotMaxNodes nodes and at most kAutoDotMaxExtraRelationships more
// relationships than nodes, and sfdp otherwise. dot's time grows steeply with
// the cycles in the graph, not only its size: within these limits it took
// under a second in every measurement (docs/rendering.md), past them up to
// minutes. An explicit "dot" past them runs with bounded network-simplex
// effort (nslimit), trading some layout quality for time.
inline constexpr std::size_t kAutoDotMaxNodes = 150;
inline constexpr std::size_t kAutoDotMaxExtraRelationships = 80;

// What was drawn: for a command line to report where a diagram went.
struct RenderSummary {
  std::string path;     // empty for render()
  std::string format;   // svg, png, pdf or dot
  std::string layout;   // the layout engine used ("auto" resolved)
  std::size_t nodes = 0;              // drawn, context neighbours included
  std::size_t relationships = 0;      // drawn, context included
  std::size_t context_nodes = 0;      // of `nodes`, the neighbours
  std::size_t omitted_nodes = 0;      // over max_nodes, not drawn
  std::size_t omitted_relationships = 0;
  std::size_t bytes = 0;              // size of the output
  // One line for a user: "drew 5 nodes and 4 relationships with layout dot
  // to a.svg"; when nothing was drawn it says the answer held no graph
  // elements.
  std::string describe() const;
};

// DOT text of the diagram without layout (no coordinates): the same graph,
// attributes and legend render() lays out, for people who post-process it.
// Byte-identical for the same result and options. Throws ergo::Error
// (argument_error) for an unknown option value, (runtime_error) when a
// context query fails.
std::string to_dot(const Result& result, const RenderOptions& options = {});

// The rendered diagram as bytes in options.format (text for svg and dot,
// binary for png and pdf). svg, dot and png output is byte-identical for the
// same result and options (pdf carries a creation date). Throws
// ergo::Error: argument_error for an unknown format or layout or a dpi
// outside 24..600, runtime_error when Graphviz fails. Safe to call from
// several threads (Graphviz itself is serialised).
std::string render(const Result& result, const RenderOptions& options = {});
std::string render(const Result& result, const RenderOptions& options, RenderSummary& summary);

// Renders to `path` in the format its extension names (.svg, .png, .pdf,
// .dot, .gv), overriding options.format. Throws ergo::Error: argument_error
// for another extension, io_error when the file cannot be written, and as
// render() otherwise.
RenderSummary render_to_file(const Result& result, const std::string& path, RenderOptions options = {});

// Whether this build can draw: false when ergo was built with
// -DERGO_WITH_GRAPHVIZ=OFF, and then to_dot(), render() and render_to_file()
// throw ergo::Error (argument_error) saying so.
bool render_available();

// The format a file name asks for ("svg", "png", "pdf", "dot"), or empty.
std::string render_format_for_path(const std::string& path);

// Accepted values, for help texts and argument checking.
const std::vector<std::string>& render_formats();  // svg png pdf dot
const std::vector<std::string>& render_layouts();  // auto dot neato fdp sfdp circo twopi

}  // namespace ergo
