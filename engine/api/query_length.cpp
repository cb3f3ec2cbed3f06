// Placing the error by hand rather than through a SourceText: the usual
// rendering prints the whole source line, and the line at fault may be a
// megabyte long. Here the excerpt is the 40 code points before the limit.
#include "engine/api/query_length.hpp"

#include <algorithm>
#include <string>

#include "ergo/error.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::api {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

void check_query_length(std::string_view query, std::string_view source_name, std::size_t most) {
  if (most == 0 || query.size() <= most) return;
  std::size_t at = most;
  while (at > 0 && continuation(query[at])) --at;  // a whole character
  const std::size_t line_start = [&] {
    std::size_t nl = query.rfind('\n', at == 0 ? 0 : at - 1);
    return nl == std::string_view::npos || at == 0 ? 0 : nl + 1;
  }();
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(query.begin(), query.begin() + line_start, '\n'));
  const std::size_t column = text::code_points(query.substr(line_start, at - line_start)) + 1;

  std::size_t from = at;
  for (int n = 0; n < 40 && from > line_start; ++n) {
    do --from;
    while (from > line_start && continuation(query[from]));
  }
  std::string excerpt(query.substr(from, at - from));
  for (char& c : excerpt) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // tabs, carriage returns: one column each
  }
  const std::string lead = from > line_start ? "…" : "";
  const std::string message = "the query is " + std::to_string(query.size()) + " bytes long, more than the limit of " +
                              std::to_string(most) +
                              " bytes; split it into smaller statements, pass large values as parameters, or "
                              "raise the limit (--max-query-length, Limits::max_query_length)";
  const std::string file(source_name);
  const std::string rendered = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " +
                               message + "\n" + lead + excerpt + "\n" +
                               std::string(text::display_width(lead + excerpt), ' ') + "^\n";
  throw Error(ErrorKind::syntax_error, message, rendered, file, line, column).with_code("QueryTooLong");
}

}  // namespace ergo::api
