// Private to engine/format: values as the text one table, CSV, TSV or
// Markdown cell shows (ergo::display_text), and the grid of such texts every
// text format starts from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ergo/result.hpp"

namespace ergo::format {

// The display text of every cell, computed once per result.
struct CellGrid {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;      // by column: every non-null cell a number
  std::vector<std::vector<bool>> null;  // by row and column
};

// `compact`: graph elements as the table shows them, (Name:Label) (see
// ergo/format.hpp); otherwise as display_text() does.
CellGrid cell_grid(const Result& result, bool compact = false);

// Control characters made visible (\n, \t, \r, \u001b, ...), so a cell
// stays on one line and cannot drive the terminal.
std::string escape_controls(std::string_view s);

}  // namespace ergo::format
