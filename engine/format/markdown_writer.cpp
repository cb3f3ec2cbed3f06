// The Markdown format: a GitHub-flavoured table, padded by display width so
// the source reads as a table too; `|` escaped, line breaks as <br>, number
// columns right-aligned.
#include <algorithm>

#include "engine/format/cell_text.hpp"
#include "engine/format/writers.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::format {
namespace {

std::string markdown_cell(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      continue;  // the \n that follows makes the break
    } else if (c == '\n' || c == '\r') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return escape_controls(out);
}

}  // namespace

void write_markdown(std::ostream& out, const Result& result, bool header) {
  if (result.columns().empty()) return;
  CellGrid grid = cell_grid(result);
  for (std::string& h : grid.header) h = markdown_cell(h);
  for (auto& row : grid.rows) {
    for (std::string& cell : row) cell = markdown_cell(cell);
  }
  // A delimiter row needs three dashes.
  std::vector<std::size_t> widths(grid.header.size(), 3);
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (header) widths[c] = std::max(widths[c], text::display_width(grid.header[c]));
    for (const auto& row : grid.rows) widths[c] = std::max(widths[c], text::display_width(row[c]));
  }
  auto write_row = [&](const std::vector<std::string>& cells) {
    std::string line = "|";
    for (std::size_t c = 0; c < widths.size(); ++c) {
      std::string pad(widths[c] - text::display_width(cells[c]), ' ');
      line += " " + (grid.numeric[c] ? pad + cells[c] : cells[c] + pad) + " |";
    }
    out << line << "\n";
  };
  if (header) {
    write_row(grid.header);
    std::string rule = "|";
    for (std::size_t c = 0; c < widths.size(); ++c) {
      rule += " " + std::string(widths[c] - (grid.numeric[c] ? 1 : 0), '-') + (grid.numeric[c] ? ":" : "") + " |";
    }
    out << rule << "\n";
  }
  for (const auto& row : grid.rows) write_row(row);
}

}  // namespace ergo::format
