// The interactive shell on libedit (see repl.hpp). Ctrl-C reaches the editor
// through a pipe: the SIGINT watcher writes to it, and the editor's read
// function polls terminal and pipe together, turning a wake-up into a ^C key
// bound to "discard the line" (docs/adr/0002-ergo-shell.md).
#include "tools/ergo/repl.hpp"

#include <fcntl.h>
#include <histedit.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <iostream>

#include "grammar/text/unicode.hpp"
#include "tools/ergo/completion.hpp"
#include "tools/ergo/interrupt_watcher.hpp"
#include "tools/ergo/session.hpp"
#include "tools/ergo/statement_splitter.hpp"
#include "tools/ergo/terminal.hpp"

namespace ergo::cli {
namespace {

constexpr const char* main_prompt = "ergo> ";
constexpr const char* continuation_prompt = " ...> ";
// With a transaction open, '#' for '>' as cypher-shell's neo4j# does.
constexpr const char* transaction_prompt = "ergo# ";
constexpr const char* transaction_continuation_prompt = " ...# ";
constexpr std::size_t listed_at_most = 200;

}  // namespace

std::string history_path() {
  if (const char* path = std::getenv("ERGO_HISTORY")) return path;
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.ergo_history" : std::string();
}

struct Repl::Impl {
  Session& session;
  std::string banner;
  Completer completer;
  std::uint64_t completer_generation = ~std::uint64_t{0};
  std::string pending;  // lines of a statement not yet ended by ';'
  std::atomic<bool> interrupted{false};
  std::atomic<bool> running{false};  // an entry is being run
  std::atomic<int> presses{0};       // Ctrl-C presses while it runs
  bool line_cancelled = false;
  bool warned_open_transaction = false;  // may_leave() has asked once
  int wake[2] = {-1, -1};
  EditLine* el = nullptr;
  History* hist = nullptr;
  std::string history_file;

  Impl(Session& s, std::string b) : session(s), banner(std::move(b)) {}

  static Impl& of(EditLine* el) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    return *static_cast<Impl*>(data);
  }

  static char* prompt(EditLine* el) {
    const Impl& self = of(el);
    if (self.session.in_transaction()) {
      return const_cast<char*>(self.pending.empty() ? transaction_prompt : transaction_continuation_prompt);
    }
    return const_cast<char*>(self.pending.empty() ? main_prompt : continuation_prompt);
  }

  // Leaving (Ctrl-D, :quit) with a transaction open asks first: the first
  // time, it says what leaving would undo and stays; asked again in a row,
  // it rolls the transaction back, says so, and leaves.
  bool may_leave(FILE* out) {
    if (!session.in_transaction()) return true;
    if (!warned_open_transaction) {
      warned_open_transaction = true;
      session.cancel_quit();
      std::fputs("ergo: a transaction is open; :commit or :rollback it, or leave again to roll it back\n", stderr);
      std::fflush(out);
      return false;
    }
    session.rollback_transaction();
    std::fputs("ergo: rolled back the open transaction\n", stderr);
    return true;
  }

  // Leaving passes two checks in turn: an open transaction (may_leave) and
  // changes kept only in memory (the session warns once).
  bool leave_now(FILE* out) {
    if (!may_leave(out)) return false;
    if (!session.warn_before_leaving()) return true;
    session.cancel_quit();
    return false;
  }

  void drain_wake_pipe() {
    char buf[64];
    while (read(wake[0], buf, sizeof buf) > 0) {
    }
  }

  // libedit's character source: the terminal, or ^C when the watcher wakes us.
  static int read_char(EditLine* el, wchar_t* out) {
    Impl& self = of(el);
    std::mbstate_t state{};
    while (true) {
      pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {self.wake[0], POLLIN, 0}};
      if (poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        return -1;
      }
      if (fds[1].revents & POLLIN) {
        self.drain_wake_pipe();
        *out = L'\x03';
        return 1;
      }
      if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char byte;
      ssize_t got = read(STDIN_FILENO, &byte, 1);
      if (got == 0) return 0;
      if (got < 0) {
        if (errno == EINTR) continue;
        return -1;
      }
      std::size_t used = std::mbrtowc(out, &byte, 1, &state);
      if (used == static_cast<std::size_t>(-2)) continue;  // more bytes to come
      if (used == static_cast<std::size_t>(-1)) {
        state = {};
        *out = L'\uFFFD';
      }
      return 1;
    }
  }

  // ^C at the prompt: show it, end the line, and forget the statement.
  static unsigned char cancel_line(EditLine* el, int) {
    Impl& self = of(el);
    const LineInfo* line = el_line(el);
    el_cursor(el, static_cast<int>(text::code_points(std::string_view(line->cursor, line->lastchar - line->cursor))));
    el_insertstr(el, "^C");
    self.line_cancelled = true;
    // Enter, as if typed, ends the line the way libedit's own newline does
    // (a bound function cannot move the display below the line itself).
    el_push(el, "\n");
    return CC_REFRESH;
  }

  static unsigned char complete(EditLine* el, int) {
    Impl& self = of(el);
    if (self.completer_generation != self.session.generation()) {
      self.completer.refresh(self.session.database());
      self.completer_generation = self.session.generation();
    }
    const LineInfo* line = el_line(el);
    std::string before(line->buffer, line->cursor);
    Completion c = self.completer.complete(before, !self.pending.empty(), self.session.params());
    if (c.candidates.empty()) return CC_REFRESH_BEEP;
    std::string_view word = std::string_view(before).substr(c.start);
    std::string insert = Completer::insertion(c, word);
    if (insert != word) {
      el_deletestr(el, static_cast<int>(text::code_points(word)));
      el_insertstr(el, insert.c_str());
      return CC_REFRESH;
    }
    self.list(c.candidates);
    return CC_REDISPLAY;
  }

  // Candidates in columns under the line being edited.
  void list(const std::vector<std::string>& words) {
    FILE* out = nullptr;
    el_get(el, EL_GETFP, 1, &out);
    if (!out) out = stdout;
    std::size_t shown = std::min(words.size(), listed_at_most);
    std::size_t width = 1;
    for (std::size_t i = 0; i < shown; ++i) width = std::max(width, text::display_width(words[i]));
    std::size_t term = terminal_width(fileno(out));
    std::size_t columns = std::max<std::size_t>(1, (term ? term : 80) / (width + 2));
    std::string text = "\n";
    for (std::size_t i = 0; i < shown; ++i) {
      text += words[i];
      bool end_of_row = (i + 1) % columns == 0 || i + 1 == shown;
      text += end_of_row ? "\n" : std::string(width + 2 - text::display_width(words[i]), ' ');
    }
    if (words.size() > shown) text += "… and " + std::to_string(words.size() - shown) + " more\n";
    std::fputs(text.c_str(), out);
    std::fflush(out);
  }

  void open_editor() {
    FILE* out = is_terminal(STDOUT_FILENO) ? stdout : stderr;
    el = el_init("ergo", stdin, out, stderr);
    el_set(el, EL_CLIENTDATA, this);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 1);  // resizing, Ctrl-Z; SIGINT stays with the watcher
    el_set(el, EL_PROMPT, &Impl::prompt);
    el_set(el, EL_GETCFN, &Impl::read_char);
    el_set(el, EL_ADDFN, "ergo-complete", "complete a word", &Impl::complete);
    el_set(el, EL_BIND, "^I", "ergo-complete", nullptr);
    el_set(el, EL_ADDFN, "ergo-cancel", "discard the line", &Impl::cancel_line);
    el_set(el, EL_BIND, "^C", "ergo-cancel", nullptr);
    // Up and Down recall whole entries; Ctrl-R searches them.
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", nullptr);

    hist = history_init();
    HistEvent ev;
    ::history(hist, &ev, H_SETSIZE, 2000);
    ::history(hist, &ev, H_SETUNIQUE, 1);
    history_file = history_path();
    if (!history_file.empty()) ::history(hist, &ev, H_LOAD, history_file.c_str());
    el_set(el, EL_HIST, ::history, hist);
    el_source(el, nullptr);  // the user's ~/.editrc, if any
  }

  void remember(const std::string& entry) {
    HistEvent ev;
    ::history(hist, &ev, H_ENTER, entry.c_str());
    if (!history_file.empty()) ::history(hist, &ev, H_SAVE, history_file.c_str());
  }

  int run() {
    if (pipe(wake) != 0) return 1;
    fcntl(wake[0], F_SETFL, O_NONBLOCK);
    fcntl(wake[1], F_SETFL, O_NONBLOCK);
    InterruptWatcher watcher([this] {
      interrupted.store(true);
      session.database().interrupt();
      [[maybe_unused]] auto ignored = write(wake[1], "!", 1);
      // A query that never reaches a cancellation check must not hold the
      // terminal hostage: the third Ctrl-C leaves (the history is saved).
      if (running.load() && ++presses >= 3) {
        constexpr char message[] = "\nergo: the query does not stop; leaving after the third Ctrl-C\n";
        ignored = write(STDERR_FILENO, message, sizeof message - 1);
        _exit(130);
      }
    });
    session.set_cancel_flag(&interrupted);
    open_editor();
    FILE* out = is_terminal(STDOUT_FILENO) ? stdout : stderr;
    std::fputs(banner.c_str(), out);
    std::fflush(out);

    while (!session.quit_requested() || !leave_now(out)) {
      drain_wake_pipe();
      interrupted.store(false);
      line_cancelled = false;
      int count = 0;
      const char* got = el_gets(el, &count);
      if (line_cancelled) {
        pending.clear();
        continue;
      }
      if (!got) {
        if (count < 0 && errno == EINTR) continue;
        std::fputs("\n", out);
        // Ctrl-D leaves; a statement still waiting for its ';' is not run
        // (it may be half a CREATE), but it is not lost without a word.
        if (!pending.empty()) {
          remember(pending);
          std::fputs("ergo: the unfinished statement was not run (it is in the history; end it with ';' to run it)\n",
                     stderr);
          pending.clear();
        }
        if (leave_now(out)) break;
        continue;
      }
      std::string line(got, static_cast<std::size_t>(count));
      if (line.ends_with('\n')) line.pop_back();
      if (pending.empty() && line.find_first_not_of(" \t\r") == std::string::npos) continue;
      pending += pending.empty() ? line : "\n" + line;
      if (needs_more_input(pending)) continue;
      std::string entry = std::move(pending);
      pending.clear();
      remember(entry);
      presses.store(0);
      running.store(true);
      session.run_script(entry, "<input>");
      // Anything but leaving again makes the next leave ask again.
      if (!session.quit_requested()) warned_open_transaction = false;
      running.store(false);
      std::cout.flush();
    }
    session.set_cancel_flag(nullptr);
    return 0;
  }

  ~Impl() {
    if (el) el_end(el);
    if (hist) history_end(hist);
    for (int fd : wake) {
      if (fd >= 0) close(fd);
    }
  }
};

Repl::Repl(Session& session, std::string banner) : impl_(std::make_unique<Impl>(session, std::move(banner))) {}
Repl::~Repl() = default;
int Repl::run() { return impl_->run(); }

}  // namespace ergo::cli
