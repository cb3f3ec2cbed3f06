// What ergo needs to know about the terminal: whether a stream is one, and
// how wide it is (for fitting tables).
#pragma once

#include <cstddef>

namespace ergo::cli {

bool is_terminal(int fd);

// Columns of the terminal on `fd`, or 0 when it is not a terminal.
std::size_t terminal_width(int fd);

}  // namespace ergo::cli
