// The Graphviz C API behind RAII: every handle (context, graph, layout,
// rendered bytes) is owned the moment it is made, so no error path leaks.
// A Session serialises all Graphviz use in the process (Graphviz keeps
// global state) and collects its messages instead of printing them.
// Private to engine/render: no public header includes this.
#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>
#include <string>

namespace ergo::diagram::gv {

struct ContextDeleter {
  void operator()(GVC_t* c) const { gvFreeContext(c); }
};
struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using ContextPtr = std::unique_ptr<GVC_t, ContextDeleter>;
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;

// Holds the process-wide Graphviz lock for its lifetime and routes Graphviz
// errors and warnings into messages() (restoring the previous handler after).
class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  const std::string& messages() const;

 private:
  std::unique_lock<std::mutex> lock_;
  agusererrf previous_;
};

// While it lives, every graph Graphviz opens with the default memory
// discipline (the layouts' own scratch graphs included) allocates from one
// reserved address range, in increasing addresses, and frees nothing until
// the end. circo (and parts of neato) break ties by comparing node and edge
// addresses; with malloc those differ from run to run, with this they follow
// creation order, so the same graph always gets the same layout. Create it
// inside a Session and after the context (gvContext sets up cgraph's
// long-lived prototype graph, which must stay on the ordinary heap), before
// the graph; destroy it after the graph's agclose and gvFreeLayout.
class DeterministicHeap {
 public:
  DeterministicHeap();
  ~DeterministicHeap();
  DeterministicHeap(const DeterministicHeap&) = delete;
  DeterministicHeap& operator=(const DeterministicHeap&) = delete;

 private:
  Agmemdisc_t saved_;
};

// A fresh graphviz context (plugins loaded on demand). Throws on failure.
ContextPtr make_context();

// A directed, non-strict graph (parallel relationships stay apart).
GraphPtr make_graph(const char* name);

// The laid-out state of a graph: gvLayout in the constructor (throws
// ergo::Error on failure), gvFreeLayout in the destructor.
class Layout {
 public:
  Layout(GVC_t* gvc, Agraph_t* g, const std::string& engine, const Session& session);
  ~Layout();
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

  // gvRenderData in `format` ("svg:svg:core", "png:cairo:cairo"...).
  std::string render(const std::string& format, const Session& session) const;

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
};

// The graph as DOT text, written by agwrite (which quotes every value).
std::string write_dot(Agraph_t* g);

// Attribute helpers over cgraph's char* signatures.
Agsym_t* declare(Agraph_t* g, int kind, const char* name, const char* default_value);
void set(void* object, Agsym_t* attribute, const std::string& value);
void set_html(Agraph_t* g, void* object, Agsym_t* attribute, const std::string& html);

}  // namespace ergo::diagram::gv
