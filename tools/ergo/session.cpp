// Runs statements and :commands for every way ergo gets input (see
// session.hpp). Each statement runs as its own text; an error the engine
// places in it is moved to the script's line and column and rendered again
// by the one diagnostic renderer (docs/adr/0002-ergo-shell.md).
#include <istream>
#include "tools/ergo/session.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <iostream>
#include <optional>
#include <vector>

#include "grammar/text/diagnostic.hpp"
#include "grammar/text/unicode.hpp"
#include "tools/ergo/meta_commands.hpp"
#include "tools/ergo/name_hints.hpp"
#include "tools/ergo/terminal.hpp"

namespace ergo::cli {

std::string format_duration(double ms) {
  char buf[32];
  if (ms < 10) {
    std::snprintf(buf, sizeof buf, "%.1f ms", ms);
  } else if (ms < 1000) {
    std::snprintf(buf, sizeof buf, "%.0f ms", ms);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f s", ms / 1000);
  }
  return buf;
}

std::string timing_text(std::size_t rows, double ms) {
  std::string text = format_duration(ms);
  // Below this a rate says more about the clock than about the query.
  constexpr std::size_t big_answer = 10000;
  if (rows < big_answer || ms <= 0) return text;
  double rate = rows / (ms / 1000);
  char buf[32];
  if (rate >= 1e6) {
    std::snprintf(buf, sizeof buf, "%.1fM", rate / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.0fk", rate / 1e3);
  }
  return text + ", " + buf + " rows/s";
}

Session::Session(Database db, Settings settings) : db_(std::move(db)), settings_(settings) {}

bool Session::warn_before_leaving() {
  if (!unsaved_ || warned_) return false;
  warned_ = true;
  std::cerr << "ergo: the changes made in this session are in memory only and are lost when ergo leaves; "
               "write the graph to a file with :dump FILE (e.g. :dump my-graph.kg, which ergo my-graph.kg "
               "opens again), or, to keep a graph, start ergo with --db DIR (e.g. ergo --db my-graph data/) and "
               "make them there. "
               "Leave again (:quit or Ctrl-D) to leave anyway.\n";
  return true;
}

std::ostream& Session::out() { return file_ ? static_cast<std::ostream&>(*file_) : std::cout; }

void Session::check_output() {
  std::ostream& o = out();
  o.flush();
  if (o) return;
  // errno was cleared before the writes (streams keep no reason of their
  // own); a buffer that failed once fails again on retry without one.
  const int err = errno;
  o.clear();
  const bool repeat = output_failed_ && err == 0;
  output_failed_ = true;
  if (repeat) return;
  const std::string name = file_ ? "'" + output_path_ + "'" : std::string("standard output");
  throw Error(ErrorKind::io_error,
              "cannot write to " + name + ": " + (err ? std::strerror(err) : "a write failed") +
                  " (the rows were not all written; free space or choose another file with -o or :output)");
}

void Session::set_output(const std::string& path) {
  check_output();
  if (path.empty()) {
    file_.reset();
    output_path_.clear();
    return;
  }
  auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*file) {
    throw Error(ErrorKind::io_error, "cannot write to '" + path + "': " + std::strerror(errno));
  }
  file_ = std::move(file);
  output_path_ = path;
}

void Session::note(std::string_view text) {
  if (!settings_.interactive) return;
  // With standard output sent to a file (ergo > out.csv), the terminal is on
  // standard error.
  std::ostream& terminal = is_terminal(STDOUT_FILENO) ? std::cout : std::cerr;
  terminal << text << "\n" << std::flush;
}

bool Session::run_script(std::string_view script, std::string_view source_name) {
  ScriptPosition at;
  return run_part(script, 0, source_name, at);
}

bool Session::run_stream(std::istream& in, std::string_view source_name) {
  std::string script, line;
  std::size_t from = 0;  // where the statements not yet run start
  ScriptPosition at;
  bool ok = true;
  while (!at.stopped && std::getline(in, line)) {
    script += line;
    script += '\n';
    if (needs_more_input(std::string_view(script).substr(from))) continue;
    ok = run_part(script, from, source_name, at) && ok;
    from = script.size();
  }
  // A last statement without its `;` runs at the end, as in run_script.
  if (!at.stopped && from < script.size()) ok = run_part(script, from, source_name, at) && ok;
  return ok;
}

bool Session::run_part(std::string_view script, std::size_t from, std::string_view source_name, ScriptPosition& at) {
  bool ok = true;
  for (Statement st : split_statements(script.substr(from))) {
    st.begin += from;
    st.end += from;
    if (quit_ || (cancel_ && cancel_->load())) {
      at.stopped = true;
      break;
    }
    for (; at.scanned < st.begin; ++at.scanned) {
      if (script[at.scanned] == '\n') {
        ++at.line;
        at.line_start = at.scanned + 1;
      }
    }
    std::string_view body = script.substr(st.begin, st.end - st.begin);
    bool good;
    if (st.command) {
      good = run_command(body, source_name, at.line);
    } else {
      good = run_query(body, source_name, StatementPlace{script, st.begin, at.line, st.begin - at.line_start});
    }
    if (!good) {
      ok = false;
      if (!settings_.continue_on_error) {
        at.stopped = true;
        break;
      }
    }
  }
  if (quit_) at.stopped = true;
  return ok;
}

std::string Session::where(std::string_view source_name, std::size_t line) const {
  // Typed at the prompt, a location would only ever say "line 1".
  if (settings_.interactive && read_depth == 0) return "";
  return std::string(source_name) + ":" + std::to_string(line) + ": ";
}

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    lines.push_back(text.substr(0, eol));
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
  }
  return lines;
}

// Byte length of the first `n` code points of s.
std::size_t code_point_bytes(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (; i < s.size() && n > 0; --n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// The engine placed `e` in the statement's own text; say where that is in
// the script, in the form of the one diagnostic renderer: the script's line
// and column, its line, and the caret (as wide as the engine made it) under
// the same spot. nullopt when the rendered error is not of that form.
std::optional<std::string> relocate(const Error& e, std::string_view source_name, const StatementPlace& place) {
  std::vector<std::string_view> rendered = split_lines(e.rendered());
  std::string head = std::string(source_name) + ":" + std::to_string(e.line()) + ":" + std::to_string(e.column()) +
                     ": error: ";
  if (rendered.size() != 3 || !rendered[0].starts_with(head)) return std::nullopt;
  std::string_view caret = rendered[2];
  std::size_t caret_at = caret.find('^');
  if (caret_at == std::string_view::npos) return std::nullopt;
  std::size_t caret_width = caret.size() - caret_at;

  // The start of the error's line in the script: the statement's first line
  // begins before the statement, the others after its newlines.
  std::size_t start = place.begin - place.prefix_bytes;
  for (std::size_t k = 1, scan = place.begin; k < e.line(); ++k) {
    std::size_t eol = place.script.find('\n', scan);
    if (eol == std::string_view::npos) return std::nullopt;
    start = scan = eol + 1;
  }
  std::string_view line_text = place.script.substr(start, place.script.find('\n', start) - start);
  if (line_text.ends_with('\r')) line_text.remove_suffix(1);
  std::size_t before = e.line() == 1 ? text::code_points(place.script.substr(start, place.prefix_bytes)) : 0;

  text::Diagnostic d;
  d.file = std::string(source_name);
  d.message = std::string(rendered[0].substr(head.size()));
  d.line = place.line + e.line() - 1;
  d.column = e.column() + before;
  d.line_text = std::string(line_text);
  std::replace(d.line_text.begin(), d.line_text.end(), '\t', ' ');  // as the renderer does
  d.caret_indent = text::display_width(std::string_view(d.line_text).substr(0, code_point_bytes(d.line_text, d.column - 1)));
  d.caret_width = caret_width;
  return text::render(d);
}

}  // namespace

bool Session::run_query(std::string_view query_text, std::string_view source_name, const StatementPlace& place) {
  const std::size_t line = place.line;
  std::string message;
  statements_.emplace_back(query_text);
  const bool in_tx = in_transaction();
  try {
    auto start = std::chrono::steady_clock::now();
    Result result = in_tx ? tx_->execute(query_text, params_, source_name) : db_.execute(query_text, params_, source_name);
    std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    if (result.stats().contains_updates()) {
      note_change();
      // Changes in a transaction count once it commits.
      if (db_.directory().empty()) (in_tx ? tx_changed_ : unsaved_) = true;
    }
    print_result(result, elapsed.count());
    out().flush();  // a program feeding statements waits for this answer
    if (!result.columns().empty() && result.empty()) {
      for (const std::string& n : exact_name_notices(db_, query_text, params_)) std::cerr << "note: " << n << "\n";
    }
    if (!result.columns().empty()) last_answer_ = Answer{std::move(result), std::string(query_text)};
    return true;
  } catch (const Error& e) {
    // Errors the engine can place come rendered with line, column and caret;
    // the rest (a cancelled query) get the statement's line.
    if (!e.line()) {
      message = where(source_name, line) + "error: " + e.message();
      // The terminal has echoed ^C on the line the cursor was on.
      if (settings_.interactive && e.code() == "Cancelled") message = "\n" + message;
    } else {
      message = relocate(e, source_name, place).value_or(e.rendered());
    }
  } catch (const std::exception& e) {
    message = where(source_name, line) + "error: " + e.what();
  }
  out().flush();
  if (!message.ends_with('\n')) message += '\n';
  if (in_tx && !in_transaction()) {
    // As in Neo4j, a failed statement ends its transaction: say so, since
    // the statements before it are gone too.
    tx_.reset();
    tx_changed_ = false;
    note_change();
    message += "the transaction begun with :begin was rolled back, with every change made in it; :begin starts "
               "a new one\n";
  }
  std::cerr << message << std::flush;
  return false;
}

void Session::begin_transaction() {
  if (in_transaction()) {
    throw Error(ErrorKind::runtime_error,
                "a transaction is already open; end it with :commit or :rollback before :begin");
  }
  tx_ = db_.begin();
  note("Transaction open: statements run in it until :commit (keeps them) or :rollback (undoes them)");
}

void Session::commit_transaction() {
  if (!in_transaction()) throw Error(ErrorKind::runtime_error, "no transaction is open to commit; :begin opens one");
  tx_->commit();
  tx_.reset();
  if (tx_changed_) unsaved_ = true;
  tx_changed_ = false;
  note("Committed");
}

void Session::rollback_transaction() {
  if (!in_transaction()) throw Error(ErrorKind::runtime_error, "no transaction is open to roll back; :begin opens one");
  tx_->rollback();
  tx_.reset();
  tx_changed_ = false;
  note_change();
  note("Rolled back");
}

bool Session::run_command(std::string_view line_text, std::string_view source_name, std::size_t line) {
  std::string message;
  try {
    errno = 0;
    run_meta_command(*this, line_text);
    check_output();
    return true;
  } catch (const AlreadyReported&) {
    return false;
  } catch (const Error& e) {
    message = e.line() ? e.rendered() : where(source_name, line) + "error: " + e.message();
  } catch (const std::exception& e) {
    message = where(source_name, line) + "error: " + e.what();
  }
  out().flush();
  if (!message.ends_with('\n')) message += '\n';
  std::cerr << message << std::flush;
  return false;
}

void Session::print_result(const Result& result, double ms) {
  for (const std::string& w : result.warnings()) std::cerr << "warning: " << w << (w.ends_with('\n') ? "" : "\n");
  FormatOptions options = settings_.format;
  // At a terminal, the table takes the terminal's whole width: values are
  // cut only when the row would not fit (and auto turns vertical instead).
  // Into a file or a pipe, the 60-column cut keeps tables readable.
  if (std::size_t width = file_ ? 0 : terminal_width(STDOUT_FILENO)) {
    options.max_width = width;
    options.max_column_width = 0;
  }
  std::ostream& o = out();
  errno = 0;
  // CSV, TSV and Markdown have no end marker: in batch mode one blank line
  // parts an answer from the one before it, so each can be cut out (tables
  // end in their summary, JSON in ']' and JSON Lines has one row a line).
  const bool delimited = options.format == Format::csv || options.format == Format::tsv ||
                         options.format == Format::markdown;
  if (!result.columns().empty()) {
    if (delimited && answers_written_ > 0 && !settings_.interactive) o << "\n";
    ++answers_written_;
  }
  write_result(o, result, options);
  std::string summary = result_summary(result);
  if (settings_.timing) summary += " (" + timing_text(result.size(), ms) + ")";
  // The table format ends in its summary, as psql's does; other formats are
  // for programs, so the summary goes beside them to the terminal.
  bool for_people = options.format == Format::table || options.format == Format::vertical ||
                    options.format == Format::automatic;
  bool in_table = for_people && !(settings_.interactive && file_);
  check_output();
  if (in_table) {
    o << summary << "\n";
    check_output();
  } else if (settings_.interactive || settings_.timing) {
    std::cerr << summary << "\n" << std::flush;
  }
  // PROFILE's plan follows the answer, as in cypher-shell: beside a table
  // on standard output, beside a format for programs on standard error.
  if (!result.profile().empty()) {
    std::ostream& to = in_table ? o : std::cerr;
    to << "profile (rows and own time per operator):\n" << result.profile() << std::flush;
    check_output();
  }
}

}  // namespace ergo::cli
