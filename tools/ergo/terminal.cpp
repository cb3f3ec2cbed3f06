// Terminal queries through POSIX isatty and the TIOCGWINSZ ioctl.
#include "tools/ergo/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace ergo::cli {

bool is_terminal(int fd) { return isatty(fd) == 1; }

std::size_t terminal_width(int fd) {
  winsize size{};
  if (!is_terminal(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

}  // namespace ergo::cli
