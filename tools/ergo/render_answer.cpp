// Draws the last answer (see render_answer.hpp). The accepted extensions and
// layouts come from ergo/render.hpp, so the messages never fall behind the
// engine.
#include "tools/ergo/render_answer.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "ergo/error.hpp"
#include "tools/ergo/session.hpp"

namespace ergo::cli {
namespace {

// "a, b or c".
std::string one_of(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

std::vector<std::string> layouts() {
  std::vector<std::string> out = render_layouts();
  if (std::find(out.begin(), out.end(), "auto") == out.end()) out.insert(out.begin(), "auto");
  return out;
}

// The query on one line, for the diagram's title: a line break and the
// blanks around it become one space (the rest is kept as typed).
std::string one_line(const std::string& query) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::string out;
  bool at_break = false;
  for (char c : query) {
    if (c == '\n' || c == '\r') {
      while (!out.empty() && blank(out.back())) out.pop_back();
      at_break = true;
    } else if (!(at_break && blank(c))) {
      if (at_break && !out.empty()) out += ' ';
      at_break = false;
      out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> diagram_path_problem(const std::string& path) {
  if (!render_available()) {
    return "this build of ergo cannot draw diagrams: it was built without Graphviz (-DERGO_WITH_GRAPHVIZ=OFF)";
  }
  if (!render_format_for_path(path).empty()) return std::nullopt;
  std::vector<std::string> extensions;
  for (const std::string& f : render_formats()) extensions.push_back("." + f);
  extensions.push_back(".gv");  // render_format_for_path() reads it as dot
  return "cannot tell the diagram format from '" + path + "'; name a file ending in " + one_of(extensions);
}

bool is_layout(const std::string& word) {
  std::vector<std::string> all = layouts();
  return std::find(all.begin(), all.end(), word) != all.end();
}

std::optional<std::string> layout_problem(const std::string& layout) {
  if (is_layout(layout)) return std::nullopt;
  return "unknown layout '" + layout + "'; use " + one_of(layouts());
}

RenderSummary draw_last_answer(Session& session, const DrawRequest& request) {
  if (auto problem = diagram_path_problem(request.path)) throw Error(ErrorKind::argument_error, *problem);
  if (auto problem = layout_problem(request.layout)) throw Error(ErrorKind::argument_error, *problem);
  const std::optional<Session::Answer>& answer = session.last_answer();
  if (!answer) throw Error(ErrorKind::runtime_error, "no answer to draw yet — run a query first");
  // Said before Graphviz does the work, and with the reason.
  std::filesystem::path folder = std::filesystem::path(request.path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) {
    throw Error(ErrorKind::io_error, "cannot write the diagram to '" + request.path + "': there is no directory '" +
                                         folder.string() + "'");
  }
  RenderOptions options;
  options.layout = request.layout;
  options.context = request.context;
  options.korean = request.korean;
  options.database = &session.database();
  options.title = one_line(answer->query);
  return render_to_file(answer->result, request.path, options);
}

}  // namespace ergo::cli
