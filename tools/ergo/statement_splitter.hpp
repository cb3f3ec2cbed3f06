// Cuts a script into statements: Cypher statements end at a `;` that is not
// inside a string, a `quoted name` or a comment; a line that starts with `:`
// where a statement could start is a shell command (`:param x 1`) and ends
// with the line. Offsets point into the script, so errors keep its lines.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace ergo::cli {

struct Statement {
  std::size_t begin = 0;  // first byte that is not blank or comment
  std::size_t end = 0;    // one past the last byte, before the `;`
  bool command = false;   // a `:command` line
  bool terminated = false;  // ended by `;` (or, for a command, by a line end)
};

// Every statement of `script`, in order; blank and comment-only stretches
// are dropped. A final statement without `;` is returned unterminated.
std::vector<Statement> split_statements(std::string_view script);

// Whether `text` ends in the middle of a statement — an unterminated one, an
// open string or comment — so an interactive reader should ask for more.
bool needs_more_input(std::string_view text);

}  // namespace ergo::cli
