// ergo/render.hpp in a build configured with -DERGO_WITH_GRAPHVIZ=OFF: the
// names and formats still answer (render_names.cpp), and every request to
// draw fails with one error that says why and how to get a build that draws.
#include "ergo/error.hpp"
#include "ergo/render.hpp"

namespace ergo {
namespace {

[[noreturn]] void cannot_draw() {
  throw Error(ErrorKind::argument_error,
              "this build of ergo cannot draw diagrams: it was built without Graphviz "
              "(-DERGO_WITH_GRAPHVIZ=OFF); rebuild with -DERGO_WITH_GRAPHVIZ=ON to draw");
}

}  // namespace

bool render_available() { return false; }

std::string to_dot(const Result&, const RenderOptions&) { cannot_draw(); }

std::string render(const Result&, const RenderOptions&, RenderSummary&) { cannot_draw(); }

std::string render(const Result&, const RenderOptions&) { cannot_draw(); }

RenderSummary render_to_file(const Result&, const std::string&, RenderOptions) { cannot_draw(); }

}  // namespace ergo
