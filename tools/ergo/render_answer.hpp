// Drawing the session's last answer as a diagram, for --render and :render:
// the checks of a file name and layout a user typed (their messages list
// what is accepted), and the call to engine/render with the session's
// database and the query as the diagram's title (docs/rendering.md).
#pragma once

#include <optional>
#include <string>

#include "ergo/render.hpp"

namespace ergo::cli {

class Session;

struct DrawRequest {
  std::string path = "answer.svg";  // the format comes from its extension
  std::string layout = "auto";
  bool context = false;  // the answer's neighbours too, fainter
  bool korean = false;   // Hangul aliases under the names
};

// Why `path` cannot name a diagram ("cannot tell the diagram format from
// 'a.txt'; name a file ending in .svg, ..."), or nullopt when it can.
std::optional<std::string> diagram_path_problem(const std::string& path);

// Why `layout` is not one ("unknown layout 'x'; use auto, dot, ..."), or
// nullopt when it is.
std::optional<std::string> layout_problem(const std::string& layout);

// Whether `word` is a layout name.
bool is_layout(const std::string& word);

// Draws session.last_answer() as request says. Throws ergo::Error:
// runtime_error "no answer to draw yet — run a query first" when there is
// none, argument_error for a bad path or layout, and what render_to_file()
// throws (io_error when the file cannot be written, runtime_error when
// Graphviz fails).
RenderSummary draw_last_answer(Session& session, const DrawRequest& request);

}  // namespace ergo::cli
