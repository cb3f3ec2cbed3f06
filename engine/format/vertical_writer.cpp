// The vertical format (psql's expanded display, \x): each row under a
// "-[ row N ]-" rule, one "column | value" line per field, the column names
// padded to one width. Values are never cut — this is the format for seeing
// long values whole; control characters show as \n and \t, as in a table.
#include <algorithm>

#include "engine/format/cell_text.hpp"
#include "engine/format/writers.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::format {
namespace {

std::string padded(const std::string& s, std::size_t width) {
  std::size_t w = text::display_width(s);
  return s + std::string(width > w ? width - w : 0, ' ');
}

}  // namespace

void write_vertical(std::ostream& out, const Result& result, const FormatOptions& options) {
  if (result.columns().empty()) return;
  CellGrid grid = cell_grid(result);
  std::size_t name_width = 0;
  for (std::string& h : grid.header) {
    h = escape_controls(h);
    name_width = std::max(name_width, text::display_width(h));
  }
  // The rules are as wide as the widest line, within max_width (80 columns
  // when there is none: a rule is a separator, not a measure).
  std::size_t widest = 0;
  for (auto& row : grid.rows) {
    for (std::string& cell : row) {
      cell = escape_controls(cell);
      widest = std::max(widest, name_width + 3 + text::display_width(cell));
    }
  }
  widest = std::min(widest, options.max_width ? options.max_width : std::size_t{80});
  for (std::size_t r = 0; r < grid.rows.size(); ++r) {
    std::string rule = "-[ row " + std::to_string(r + 1) + " ]";
    out << rule << std::string(widest > rule.size() ? widest - rule.size() : 0, '-') << "\n";
    for (std::size_t c = 0; c < grid.header.size(); ++c) {
      out << (options.header ? padded(grid.header[c], name_width) + " | " : "") << grid.rows[r][c] << "\n";
    }
  }
}

}  // namespace ergo::format
