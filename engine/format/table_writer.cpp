// The table format: an ASCII frame whose columns line up by terminal display
// width (Hangul and most emoji take two columns, combining marks none), numbers
// right-aligned, values wider than a column cut with "…".
#include <algorithm>
#include <numeric>

#include "engine/format/cell_text.hpp"
#include "engine/format/writers.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::format {
namespace {

constexpr std::string_view ellipsis = "…";  // one column wide
// A column squeezed to fit a terminal keeps at least this many columns.
constexpr std::size_t narrowest = 4;

// `text` in exactly `width` display columns: cut with an ellipsis when too
// wide, padded with spaces on the right (left when right-aligned).
std::string fit(const std::string& text, std::size_t width, bool right) {
  std::size_t shown = text::display_width(text);
  std::string cell;
  if (shown <= width) {
    cell = text;
  } else {
    std::size_t room = width == 0 ? 0 : width - 1;
    cell = text.substr(0, text::prefix_fitting(text, room));
    cell += width == 0 ? "" : std::string(ellipsis);
    shown = text::display_width(cell);
  }
  std::string pad(width > shown ? width - shown : 0, ' ');
  return right ? pad + cell : cell + pad;
}

std::vector<std::size_t> column_widths(const CellGrid& grid, const FormatOptions& options) {
  std::vector<std::size_t> widths(grid.header.size(), 1);
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (options.header) widths[c] = std::max(widths[c], text::display_width(grid.header[c]));
    for (const auto& row : grid.rows) widths[c] = std::max(widths[c], text::display_width(row[c]));
    if (options.max_column_width) widths[c] = std::min(widths[c], std::max<std::size_t>(options.max_column_width, 1));
  }
  if (options.max_width == 0) return widths;
  // Frame: "| " before each column, " " after it, and a final "|".
  auto total = [&] { return std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + 3 * widths.size() + 1; };
  while (total() > options.max_width) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= narrowest) break;  // cannot fit: let the terminal wrap
    --*widest;
  }
  return widths;
}

// The grid a table shows: graph elements compact, controls made visible.
CellGrid table_grid(const Result& result) {
  CellGrid grid = cell_grid(result, true);
  for (std::string& h : grid.header) h = escape_controls(h);
  for (auto& row : grid.rows) {
    for (std::string& cell : row) cell = escape_controls(cell);
  }
  return grid;
}

void write_grid(std::ostream& out, const CellGrid& grid, const FormatOptions& options) {
  const std::vector<std::size_t> widths = column_widths(grid, options);

  std::string rule = "+";
  for (std::size_t w : widths) rule += std::string(w + 2, '-') + "+";
  rule += "\n";
  auto write_row = [&](const std::vector<std::string>& cells) {
    std::string line = "|";
    for (std::size_t c = 0; c < widths.size(); ++c) line += " " + fit(cells[c], widths[c], grid.numeric[c]) + " |";
    out << line << "\n";
  };

  out << rule;
  if (options.header) {
    write_row(grid.header);
    out << rule;
  }
  for (const auto& row : grid.rows) write_row(row);
  if (!grid.rows.empty()) out << rule;
}

}  // namespace

void write_table(std::ostream& out, const Result& result, const FormatOptions& options) {
  if (result.columns().empty() || (!options.header && result.empty())) return;
  write_grid(out, table_grid(result), options);
}

void write_table_or_vertical(std::ostream& out, const Result& result, const FormatOptions& options) {
  if (result.columns().empty() || (!options.header && result.empty())) return;
  CellGrid grid = table_grid(result);
  // Would any cell be cut? Then the rows are read better one field a line.
  FormatOptions uncut = options;
  uncut.max_column_width = 0;
  uncut.max_width = 0;
  std::vector<std::size_t> natural = column_widths(grid, uncut);
  std::size_t total = std::accumulate(natural.begin(), natural.end(), std::size_t{0}) + 3 * natural.size() + 1;
  bool cut = options.max_width && total > options.max_width;
  for (std::size_t w : natural) cut = cut || (options.max_column_width && w > options.max_column_width);
  if (cut) return write_vertical(out, result, options);
  write_grid(out, grid, uncut);
}

}  // namespace ergo::format
