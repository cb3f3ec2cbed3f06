// The interactive shell: line editing and persistent history (libedit),
// statements that span lines until a ';', tab completion from the loaded
// graph, Ctrl-C to cancel the running query or discard what is typed, Ctrl-D
// to leave. An error never ends it.
#pragma once

#include <memory>
#include <string>

namespace ergo::cli {

class Session;

class Repl {
 public:
  // `banner` is shown once, before the first prompt.
  Repl(Session& session, std::string banner);
  ~Repl();

  // Reads and runs entries until :quit or Ctrl-D. Returns the exit status (0).
  int run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Where the history is kept: $ERGO_HISTORY when set (empty: nowhere), else
// ~/.ergo_history; "" when there is no home either.
std::string history_path();

}  // namespace ergo::cli
