// Builds the cgraph graph of a diagram (see dot_builder.hpp). Attribute
// defaults are declared once per graph, so the DOT carries per-node and
// per-edge values only where they differ.
#include "engine/render/dot_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "engine/render/captions.hpp"
#include "engine/render/escape.hpp"
#include "engine/render/legend.hpp"
#include "engine/render/style.hpp"
#include "ergo/error.hpp"

namespace ergo::diagram {
namespace {

constexpr const char* kInk = "#444444";
constexpr const char* kFaintInk = "#9A9A9A";
constexpr const char* kPathWidth = "2.6";

// Declared attributes of one kind, by name.
class Attributes {
 public:
  Attributes(Agraph_t* g, int kind) : g_(g), kind_(kind) {}
  void declare(const char* name, const char* default_value) { syms_[name] = gv::declare(g_, kind_, name, default_value); }
  void set(void* object, const char* name, const std::string& value) const { gv::set(object, syms_.at(name), value); }

 private:
  Agraph_t* g_;
  int kind_;
  std::map<std::string, Agsym_t*, std::less<>> syms_;
};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

void set_graph_attributes(Agraph_t* g, const std::string& layout, const AnswerGraph& answer) {
  auto graph = [&](const char* name, const char* value) { gv::declare(g, AGRAPH, name, value); };
  graph("layout", layout.c_str());
  graph("fontname", kFont);
  graph("fontsize", "11");
  graph("bgcolor", "white");
  graph("pad", "0.25");
  graph("outputorder", "edgesfirst");
  graph("labelloc", "t");
  graph("labeljust", "l");
  if (layout == "dot") {
    graph("rankdir", "LR");
    graph("nodesep", "0.25");
    graph("ranksep", "0.5");
    if (!small_enough_for_dot(answer.nodes.size(), answer.relationships.size())) {
      // Bounded network-simplex effort: a dense answer of 150 nodes took
      // 111 s without, 11 s with (docs/rendering.md).
      graph("nslimit", "2");
      graph("nslimit1", "2");
    }
  } else {
    graph("overlap", layout == "sfdp" ? "prism" : "false");
    graph("sep", "+10");
    // Straight edges (parallel ones fanned out). In Graphviz 2.42,
    // splines=true and polyline abort the process (multispline.c: findMap)
    // on labelled parallel edges, and splines=curved can loop for minutes
    // on a dense answer of 50 nodes.
    graph("splines", "line");
    if (layout == "neato" || layout == "fdp") gv::declare(g, AGEDGE, "len", "1.8");
  }
}

void declare_node_attributes(Attributes& a) {
  a.declare("fontname", kFont);
  a.declare("fontsize", "11");
  a.declare("shape", "box");
  a.declare("style", "filled");
  a.declare("fillcolor", "#FFFFFF");
  a.declare("color", kInk);
  a.declare("fontcolor", "#111111");
  a.declare("penwidth", "1");
  a.declare("peripheries", "1");
  a.declare("margin", "0.1,0.04");
  a.declare("label", "");
  a.declare("tooltip", "");
}

void declare_edge_attributes(Attributes& a) {
  a.declare("fontname", kFont);
  a.declare("fontsize", "9");
  a.declare("color", "#555555");
  a.declare("fontcolor", "#333333");
  a.declare("penwidth", "1");
  a.declare("arrowsize", "0.7");
  a.declare("style", "solid");
  a.declare("dir", "forward");
  a.declare("label", "");
  a.declare("tooltip", "");
  a.declare("labeltooltip", "");
}

// Font size per node for size_by: 10 to 26 points over the drawn range.
std::map<std::uint32_t, std::string> font_sizes(const AnswerGraph& g) {
  double lo = INFINITY, hi = -INFINITY;
  for (const DrawnNode& n : g.nodes) {
    if (!n.size) continue;
    lo = std::min(lo, *n.size);
    hi = std::max(hi, *n.size);
  }
  std::map<std::uint32_t, std::string> sizes;
  for (const DrawnNode& n : g.nodes) {
    if (!n.size) continue;
    double t = hi > lo ? (*n.size - lo) / (hi - lo) : 0.5;
    sizes[n.ref.id] = number(10 + 16 * t);
  }
  return sizes;
}

void add_node(Agraph_t* g, const Attributes& a, const DrawnNode& n, const RenderOptions& options,
              const std::map<std::uint32_t, std::string>& sizes) {
  std::string name = "n" + std::to_string(n.ref.id);
  Agnode_t* v = agnode(g, name.data(), 1);
  NodeStyle s = node_style(n.labels);
  std::string style = "filled";
  if (s.rounded) style += ",rounded";
  if (n.context) style += ",dashed";
  a.set(v, "label", escape_label(node_caption(n, options.korean)));
  a.set(v, "tooltip", escape_tooltip(node_tooltip(n)));
  a.set(v, "shape", s.shape);
  a.set(v, "style", style);
  a.set(v, "fillcolor", n.context ? faint(s.fill) : s.fill);
  if (s.peripheries != 1) a.set(v, "peripheries", std::to_string(s.peripheries));
  if (n.on_path) a.set(v, "penwidth", kPathWidth);
  if (n.context) {
    a.set(v, "color", kFaintInk);
    a.set(v, "fontcolor", "#666666");
  }
  if (auto it = sizes.find(n.ref.id); it != sizes.end()) a.set(v, "fontsize", it->second);
}

void add_edge(Agraph_t* g, const Attributes& a, const DrawnRelationship& r, const RenderOptions& options,
              const std::map<NodeRef, std::string>& names) {
  std::string from = "n" + std::to_string(r.start.id), to = "n" + std::to_string(r.end.id);
  std::string key = "r" + std::to_string(r.ref.id);
  Agnode_t* tail = agnode(g, from.data(), 0);
  Agnode_t* head = agnode(g, to.data(), 0);
  Agedge_t* e = agedge(g, tail, head, key.data(), 1);
  std::string tooltip = escape_tooltip(relationship_tooltip(r, names.at(r.start), names.at(r.end)));
  if (options.edge_labels) a.set(e, "label", escape_label(relationship_caption(r)));
  a.set(e, "tooltip", tooltip);
  a.set(e, "labeltooltip", tooltip);
  if (is_symmetric(r.type)) a.set(e, "dir", "none");
  if (r.on_path) {
    a.set(e, "penwidth", kPathWidth);
    a.set(e, "color", "#222222");
  }
  if (r.context) {
    a.set(e, "style", "dashed");
    a.set(e, "color", kFaintInk);
    a.set(e, "fontcolor", "#888888");
  }
}

}  // namespace

bool small_enough_for_dot(std::size_t nodes, std::size_t relationships) {
  return nodes <= kAutoDotMaxNodes && relationships <= nodes + kAutoDotMaxExtraRelationships;
}

std::string resolve_layout(const std::string& requested, std::size_t nodes, std::size_t relationships) {
  if (requested == "auto") return small_enough_for_dot(nodes, relationships) ? "dot" : "sfdp";
  const auto& known = render_layouts();
  if (std::find(known.begin(), known.end(), requested) == known.end()) {
    std::string list;
    for (const std::string& l : known) list += (list.empty() ? "" : ", ") + l;
    throw Error(ErrorKind::argument_error, "unknown layout '" + requested + "' (use one of: " + list + ")");
  }
  return requested;
}

gv::GraphPtr build_graph(const AnswerGraph& g, const RenderOptions& options, const std::string& layout) {
  gv::GraphPtr graph = gv::make_graph("ergo");
  set_graph_attributes(graph.get(), layout, g);
  if (std::string legend = legend_html(g, options); !legend.empty()) {
    Agsym_t* label = gv::declare(graph.get(), AGRAPH, "label", "");
    gv::set_html(graph.get(), graph.get(), label, legend);
  }

  Attributes node_attributes(graph.get(), AGNODE);
  declare_node_attributes(node_attributes);
  Attributes edge_attributes(graph.get(), AGEDGE);
  declare_edge_attributes(edge_attributes);

  std::map<std::uint32_t, std::string> sizes = font_sizes(g);
  std::map<NodeRef, std::string> names;
  for (const DrawnNode& n : g.nodes) {
    add_node(graph.get(), node_attributes, n, options, sizes);
    names[n.ref] = node_name(n);
  }
  for (const DrawnRelationship& r : g.relationships) add_edge(graph.get(), edge_attributes, r, options, names);
  return graph;
}

}  // namespace ergo::diagram
