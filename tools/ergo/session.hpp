// One ergo session: the database, the parameters and the output settings
// that statements and :commands share, whether they come from -e, a script,
// a pipe or the interactive shell. Results go to the output stream (standard
// output or --output), errors to standard error, and nothing else is mixed
// in unless the session is interactive.
#pragma once

#include <atomic>
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ergo/database.hpp"
#include "ergo/format.hpp"
#include "tools/ergo/statement_splitter.hpp"

namespace ergo::cli {

struct Settings {
  FormatOptions format;
  bool timing = false;
  // The REPL: summaries under every result, notes on stdout, tables fitted to
  // the terminal, and no error ever stops the session.
  bool interactive = false;
  bool continue_on_error = false;
  // The folder of source texts (DOCUMENT.txt each) that :why quotes lines
  // from; "" when there is none.
  std::string sources_dir;
};

// Where a statement starts in its script: its byte offset, its line number,
// and how many bytes of that line come before it.
// How far run_part() has read a script: the line of the next byte to
// scan, where that line starts, and whether a failure or :quit stopped it.
struct ScriptPosition {
  std::size_t line = 1, line_start = 0, scanned = 0;
  bool stopped = false;
};

struct StatementPlace {
  std::string_view script;
  std::size_t begin = 0;
  std::size_t line = 1;
  std::size_t prefix_bytes = 0;
};

class Session {
 public:
  Session(Database db, Settings settings);

  // Runs every statement and :command of `script` in order, naming it
  // `source_name` in errors. Stops at the first failure unless the session
  // is interactive or continues on errors. Returns false when any failed.
  bool run_script(std::string_view script, std::string_view source_name);
  // The same for a script read from `in` as it arrives (standard input):
  // each statement runs, and its result is written and flushed, as soon
  // as its `;` (or a command's line end) has been read, so a program
  // feeding statements sees each answer before it sends the next.
  bool run_stream(std::istream& in, std::string_view source_name);

  Database& database() { return db_; }
  Params& params() { return params_; }
  Settings& settings() { return settings_; }

  // Where results go.
  std::ostream& out();
  // Sends results to `path` (emptied first), or back to standard output when
  // `path` is empty. Throws ergo::Error (io_error) when it cannot be opened.
  void set_output(const std::string& path);
  const std::string& output_path() const { return output_path_; }
  // Flushes where results go; throws ergo::Error (io_error) "cannot write to
  // '<file>': <reason>" when any write since the last check failed (a full
  // disk, a closed pipe), so lost rows always end in an error and exit 1.
  void check_output();
  // Whether a write of results ever failed (the exit status is then 1).
  bool output_failed() const { return output_failed_; }

  // The answer of the last statement that returned one (one with columns: a
  // RETURN, a CALL that yields), with that statement's text: what :render
  // and --render draw. nullopt until a query has returned an answer.
  struct Answer {
    Result result;
    std::string query;
  };
  const std::optional<Answer>& last_answer() const { return last_answer_; }

  // A message for the person at the terminal ("Format: csv"); dropped when
  // the session is not interactive.
  void note(std::string_view text);

  void request_quit() { quit_ = true; }
  // The shell asked before leaving (an open transaction, unsaved changes): stay.
  void cancel_quit() { quit_ = false; }
  // Whether statements changed an in-memory graph (lost on leaving).
  bool unsaved_changes() const { return unsaved_; }
  // On the first request to leave with unsaved changes: warns, points at
  // --db and :dump, and returns true (stay). Every later request leaves.
  bool warn_before_leaving();
  // The graph was written out (:dump): leaving loses nothing, unless an
  // open transaction's changes are still to come.
  void changes_saved() {
    if (!in_transaction()) unsaved_ = false;
  }
  bool quit_requested() const { return quit_; }

  // The transaction of :begin, until :commit, :rollback or a statement in
  // it fails. While one is open every statement runs in it.
  bool in_transaction() const { return tx_ && tx_->open(); }
  // :begin, :commit, :rollback. Throw ergo::Error saying what to do when
  // there is (or is not) a transaction open.
  void begin_transaction();
  void commit_transaction();
  void rollback_transaction();

  // Moves whenever the graph may have changed (a load, a query that wrote),
  // so tab completion knows to reread names.
  std::uint64_t generation() const { return generation_; }
  void note_change() { ++generation_; }

  // A flag the Ctrl-C watcher raises: scripts stop before their next
  // statement. May be null.
  void set_cancel_flag(const std::atomic<bool>* flag) { cancel_ = flag; }

  // How deeply :read scripts nest right now (a script reading itself ends).
  int read_depth = 0;

  // The statements this session has run, in order (what :history lists).
  const std::vector<std::string>& statements() const { return statements_; }

 private:
  // Runs the statements of script[from, end) (run_script, run_stream).
  bool run_part(std::string_view script, std::size_t from, std::string_view source_name, ScriptPosition& at);
  bool run_query(std::string_view query_text, std::string_view source_name, const StatementPlace& place);
  bool run_command(std::string_view line_text, std::string_view source_name, std::size_t line);
  void print_result(const Result& result, double milliseconds);
  // "script.cypher:12: " before a message without a position of its own.
  std::string where(std::string_view source_name, std::size_t line) const;

  Database db_;
  std::optional<Transaction> tx_;
  Params params_;
  Settings settings_;
  std::unique_ptr<std::ofstream> file_;
  std::string output_path_;
  bool output_failed_ = false;
  std::optional<Answer> last_answer_;
  bool quit_ = false;
  bool unsaved_ = false;
  bool tx_changed_ = false;  // the open transaction changed the graph (in memory)
  bool warned_ = false;
  std::uint64_t generation_ = 0;
  const std::atomic<bool>* cancel_ = nullptr;
  std::vector<std::string> statements_;
  std::size_t answers_written_ = 0;  // results with columns, for the blank line between them
};

// "1.2 ms", "35 ms", "2.41 s".
std::string format_duration(double milliseconds);

// What --timing shows after the row count: the time, and for answers of
// 10,000 rows or more the rate ("1.31 s, 7.6M rows/s").
std::string timing_text(std::size_t rows, double milliseconds);

}  // namespace ergo::cli
