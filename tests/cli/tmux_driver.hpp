// Test support: drives the real ergo binary through a pseudo-terminal that
// tmux provides — type text, press keys, read the screen as a user sees it.
// Each driver runs its own tmux server on a socket in its own directory, so
// tests never share one and leave nothing behind.
#pragma once

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {

// Runs a program (searched in PATH) and returns its exit status and output.
inline std::pair<int, std::string> run_program(const std::vector<std::string>& args) {
  TempDir dir;
  std::filesystem::path out = dir / "out";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> copies = args;
  std::vector<char*> argv;
  for (std::string& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int status = -1;
  if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
    waitpid(pid, &status, 0);
    status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  return {status, slurp(out)};
}

inline bool tmux_available() { return run_program({"tmux", "-V"}).first == 0; }

class TmuxDriver {
 public:
  // Starts `ergo args...` in a `width`x`height` terminal (120x40 unless
  // told), with HOME and ERGO_HISTORY in `home` and a UTF-8 locale, in `cwd`
  // (the repository root unless told).
  TmuxDriver(const std::filesystem::path& home, const std::string& args = "", const std::string& cwd = ERGO_SOURCE_DIR,
             int width = 120, int height = 40) {
    socket_ = (socket_dir_ / "tmux.sock").string();
    std::string command = "'" + ergo_binary() + "' " + args;
    tmux({"-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", std::to_string(width), "-y",
          std::to_string(height), "-c", cwd, "-e", "LANG=C.UTF-8", "-e", "HOME=" + home.string(), "-e",
          "ERGO_HISTORY=" + (home / "history").string(), "-e", "TERM=screen", command});
  }

  // Keeps the screen readable after ergo exits (tmux's remain-on-exit), for
  // a transcript that ends with :quit.
  void keep_after_exit() { tmux({"set-option", "-w", "-t", "main", "remain-on-exit", "on"}); }
  // Whether ergo has exited (with keep_after_exit).
  bool exited() { return tmux({"display-message", "-p", "-t", "main", "#{pane_dead}"}).second == "1\n"; }
  ~TmuxDriver() { tmux({"kill-server"}); }

  // Types `text` literally (no Enter).
  void type(std::string text) {
    // tmux reads a trailing ';' as a command separator unless escaped.
    if (text.ends_with(';')) text.insert(text.size() - 1, "\\");
    tmux({"send-keys", "-t", "main", "-l", text});
  }
  // Types each line and presses Enter after it.
  void lines(const std::vector<std::string>& texts) {
    for (const std::string& t : texts) {
      type(t);
      key("Enter");
    }
  }
  // Presses a key by tmux name: Enter, Tab, Up, C-c, C-d.
  void key(const std::string& name) { tmux({"send-keys", "-t", "main", name}); }

  // The visible screen plus scrollback, one line per row, trailing blanks cut.
  std::string screen() { return tmux({"capture-pane", "-p", "-t", "main", "-S", "-200"}).second; }
  // The same with lines the terminal wrapped joined again, as the program
  // wrote them (trailing blanks kept).
  std::string joined_screen() { return tmux({"capture-pane", "-p", "-J", "-t", "main", "-S", "-200"}).second; }

  // Waits until the screen contains `needle` `count` times; false on timeout.
  bool wait_for(const std::string& needle, int count = 1, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (occurrences(screen(), needle) >= count) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // Whether ergo is still running in the terminal.
  bool alive() { return tmux({"has-session", "-t", "main"}).first == 0; }

  static int occurrences(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
  }

 private:
  std::pair<int, std::string> tmux(std::vector<std::string> args) {
    args.insert(args.begin(), {"tmux", "-u", "-S", socket_});
    return run_program(args);
  }

  TempDir socket_dir_;  // tmux 3.3 leaves its socket file behind
  std::string socket_;
};

}  // namespace ergo::testing
