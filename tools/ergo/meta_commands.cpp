// The :commands (see meta_commands.hpp). Each takes the rest of its line;
// a path may be quoted when it holds spaces. Output a user asked for (help,
// schema, an entity, the parameters) goes where results go; confirmations
// are notes, shown only at the terminal.
#include "tools/ergo/meta_commands.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <iostream>
#include <sstream>

#include "ergo/error.hpp"
#include "ergo/format.hpp"
#include "tools/ergo/csv_arguments.hpp"
#include "tools/ergo/describe.hpp"
#include "tools/ergo/dump_output.hpp"
#include "tools/ergo/options.hpp"
#include "tools/ergo/help.hpp"
#include "tools/ergo/name_hints.hpp"
#include "tools/ergo/param_values.hpp"
#include "tools/ergo/render_answer.hpp"
#include "tools/ergo/session.hpp"
#include "tools/ergo/terminal.hpp"
#include "tools/ergo/why.hpp"

namespace ergo::cli {
namespace {

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorKind::runtime_error, message); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A file name argument: the whole rest of the line, without quotes around it.
std::string path_argument(std::string_view args, const char* command) {
  args = trim(args);
  if (args.size() >= 2 && (args.front() == '\'' || args.front() == '"') && args.back() == args.front()) {
    args = args.substr(1, args.size() - 2);
  }
  if (args.empty()) fail(std::string(command) + " needs a file name");
  return std::string(args);
}

void help(Session& s, std::string_view args) {
  auto text = help_text(trim(args));
  if (!text) fail("no help on '" + std::string(trim(args)) + "'; type :help for the commands and topics");
  s.out() << *text;
}

void schema(Session& s, std::string_view args) {
  if (!trim(args).empty()) fail(":schema takes no arguments");
  std::size_t width = s.output_path().empty() ? terminal_width(STDOUT_FILENO) : 0;
  print_schema(s.out(), s.database().schema(), width ? width : 100);
}

void find(Session& s, std::string_view args) {
  std::string name(trim(args));
  if (name.size() >= 2 && (name.front() == '\'' || name.front() == '"') && name.back() == name.front()) {
    name = name.substr(1, name.size() - 2);
  }
  if (name.empty()) fail(":find needs a name, e.g. :find 마이크로소프트");
  if (!print_entity(s.out(), s.database(), name)) fail(no_entity_message(s.database(), name));
}

// :load and :import are all-or-nothing changes of their own, which the
// library cannot nest in an open transaction.
void refuse_in_transaction(Session& s, const char* command) {
  if (s.in_transaction()) {
    fail(std::string(command) + " cannot run inside a transaction; end it with :commit or :rollback first");
  }
}

void load(Session& s, std::string_view args) {
  refuse_in_transaction(s, ":load");
  std::string path = path_argument(args, ":load");
  LoadSummary summary = s.database().load({path});
  s.note_change();
  for (const std::string& w : summary.warnings) std::cerr << w;
  auto counted = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  s.note("Loaded " + counted(summary.entities, "entity", "entities") + " and " +
         counted(summary.relationships, "relationship", "relationships") + " from " +
         counted(summary.files, "file", "files") + ".");
}

// :import --nodes FILE --relationships FILE [--lenient] [--delimiter C]:
// the command line's CSV switches, one import per command.
void import_csv(Session& s, std::string_view args) {
  refuse_in_transaction(s, ":import");
  std::vector<std::string> words;
  for (std::size_t i = 0; i < args.size();) {
    while (i < args.size() && (args[i] == ' ' || args[i] == '\t')) ++i;
    if (i >= args.size()) break;
    std::string word;
    if (args[i] == '\'' || args[i] == '"') {
      char quote = args[i++];
      std::size_t end = args.find(quote, i);
      if (end == std::string_view::npos) fail(":import: a quote is not closed");
      word = std::string(args.substr(i, end - i));
      i = end + 1;
    } else {
      while (i < args.size() && args[i] != ' ' && args[i] != '\t') word += args[i++];
    }
    words.push_back(std::move(word));
  }
  CsvImport import;
  try {
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string name = words[i];
      std::optional<std::string> value;
      if (std::size_t eq = name.find('='); name.starts_with("--") && eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
      }
      if (!is_csv_switch(name)) {
        fail(":import: unknown switch '" + words[i] + "'; use --nodes FILE, --relationships FILE, --lenient, --delimiter C");
      }
      if (name != "--lenient" && !value) {
        if (i + 1 >= words.size()) fail(":import: " + name + " needs a file name");
        value = words[++i];
      }
      apply_csv_switch(import, name, value);
    }
  } catch (const UsageError& e) {
    fail(std::string(":import: ") + e.what());
  }
  if (import.nodes.empty() && import.relationships.empty()) {
    fail(":import needs --nodes FILE or --relationships FILE, e.g. :import --nodes people.csv --relationships knows.csv");
  }
  CsvImportSummary summary = s.database().import_csv(import);
  s.note_change();
  for (const std::string& p : summary.problems) std::cerr << p;
  s.note(describe_import(summary));
}

void params(Session& s, std::string_view args);

void param(Session& s, std::string_view args) {
  args = trim(args);
  // psql's \set alone lists the variables; :param alone does the same.
  if (args.empty()) return params(s, args);
  if (!args.empty() && args.front() == '$') args.remove_prefix(1);
  std::size_t end = 0;
  while (end < args.size() && args[end] != ' ' && args[end] != '\t' && args[end] != '=' && args[end] != ':') ++end;
  std::string name(args.substr(0, end));
  std::string_view value = trim(args.substr(end));
  if (value.starts_with("=>")) {
    value = trim(value.substr(2));
  } else if (value.starts_with('=') || value.starts_with(':')) {
    value = trim(value.substr(1));
  }
  if (name.empty() || !is_param_name(name)) fail(":param needs a name and a value, e.g. :param name 'OpenAI'");
  if (value.empty()) {
    auto it = s.params().find(name);
    if (it == s.params().end()) fail("no parameter $" + name + "; set one with :param " + name + " VALUE");
    s.out() << "$" << name << " = " << it->second.to_cypher() << "\n";
    return;
  }
  try {
    s.params()[name] = parse_param_value(value);
  } catch (const ParamError& e) {
    fail("the value of $" + name + " " + e.what());
  }
  s.note("$" + name + " = " + s.params()[name].to_cypher());
}

void params(Session& s, std::string_view args) {
  args = trim(args);
  if (args == "clear") {
    s.params().clear();
    s.note("Cleared the parameters.");
    return;
  }
  if (!args.empty()) fail(":params takes no arguments but 'clear'");
  if (s.params().empty()) s.note("No parameters; set one with :param NAME VALUE.");
  for (const auto& [name, value] : s.params()) s.out() << "$" << name << " = " << value.to_cypher() << "\n";
}

void format(Session& s, std::string_view args) {
  args = trim(args);
  if (args.empty()) {
    s.note(std::string("Format: ") + format_name(s.settings().format.format));
    return;
  }
  auto f = parse_format(args);
  if (!f) fail("unknown format '" + std::string(args) + "'; use table, csv, tsv, json, jsonl, markdown, vertical or auto");
  s.settings().format.format = *f;
  s.note(std::string("Format: ") + format_name(*f));
}

void timing(Session& s, std::string_view args) {
  args = trim(args);
  if (args.empty()) {
    s.note(std::string("Timing: ") + (s.settings().timing ? "on" : "off"));
  } else if (args == "on" || args == "off") {
    s.settings().timing = args == "on";
    s.note(std::string("Timing: ") + (s.settings().timing ? "on" : "off"));
  } else {
    fail(":timing takes on or off");
  }
}

std::string describe_limit(std::int64_t ms) {
  if (ms == 0) return "Time limit: none";
  return "Time limit: " + (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms") +
         " per statement";
}

void timeout(Session& s, std::string_view args) {
  args = trim(args);
  if (!args.empty()) {
    auto limit = args == "off" ? std::optional<std::chrono::milliseconds>(0) : parse_timeout(args);
    if (!limit) fail(":timeout takes a number of seconds (e.g. 2 or 0.5) or off");
    Limits limits = s.database().limits();
    limits.time_limit_ms = limit->count();
    s.database().set_limits(limits);
  }
  s.note(describe_limit(s.database().limits().time_limit_ms));
}

void output(Session& s, std::string_view args) {
  if (trim(args).empty()) {
    s.set_output("");
    s.note("Results go to the terminal.");
    return;
  }
  std::string path = path_argument(args, ":output");
  s.set_output(path);
  s.note("Results go to " + path + ".");
}

// :render [FILE] [LAYOUT]; FILE may be quoted, and a layout alone keeps
// the default file (:render sfdp).
void render(Session& s, std::string_view args) {
  args = trim(args);
  DrawRequest request;
  // Trailing switches, as --korean and --context on the command line.
  for (;;) {
    std::size_t space = args.find_last_of(" \t");
    std::string_view word = space == std::string_view::npos ? args : args.substr(space + 1);
    if (word == "korean") {
      request.korean = true;
    } else if (word == "context") {
      request.context = true;
    } else {
      break;
    }
    args = space == std::string_view::npos ? std::string_view() : trim(args.substr(0, space));
  }
  std::string_view rest;
  if (!args.empty() && (args.front() == '\'' || args.front() == '"')) {
    std::size_t close = args.find(args.front(), 1);
    if (close == std::string_view::npos) fail(":render: the quote around the file name is not closed, e.g. :render 'my answer.svg' dot");
    request.path = std::string(args.substr(1, close - 1));
    rest = trim(args.substr(close + 1));
  } else {
    std::size_t space = args.find_first_of(" \t");
    std::string first(args.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : trim(args.substr(space));
    if (rest.empty() && is_layout(first)) {
      request.layout = first;
    } else if (!first.empty()) {
      request.path = first;
    }
  }
  if (!rest.empty()) {
    if (rest.find_first_of(" \t") != std::string_view::npos) {
      fail(":render takes a file name, a layout, and korean or context, e.g. :render answer.png dot korean; got '" +
           std::string(args) + "'");
    }
    request.layout = std::string(rest);
  }
  std::string done = draw_last_answer(s, request).describe();
  if (s.settings().interactive) {
    s.note(done);
  } else {
    std::cerr << done << "\n";
  }
}

void read(Session& s, std::string_view args) {
  std::string path = path_argument(args, ":read");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read '" + path + "': " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (s.read_depth >= 16) fail(":read nests too deeply (does a script read itself?)");
  ++s.read_depth;
  bool ok = s.run_script(text.str(), path);
  --s.read_depth;
  if (!ok) throw AlreadyReported{};
}

// The statements run so far, numbered; a statement over several lines keeps
// its lines, indented under the first.
void history(Session& s, std::string_view args) {
  if (!trim(args).empty()) fail(":history takes no arguments");
  if (s.statements().empty()) s.note("No statements yet.");
  std::size_t number = 0;
  for (const std::string& statement : s.statements()) {
    std::string label = std::to_string(++number);
    std::string text = std::string(trim(statement));
    const std::size_t width = std::max<std::size_t>(label.size(), 3);
    std::string indented;
    for (char c : text) indented += c == '\n' ? "\n" + std::string(width + 2, ' ') : std::string(1, c);
    // With its ';', so that a listed statement can be pasted back as it is.
    s.out() << std::string(width - label.size(), ' ') << label << "  " << indented << ";\n";
  }
}

void why(Session& s, std::string_view args) {
  if (!trim(args).empty()) fail(":why takes no arguments; it explains the last answer");
  print_why(s);
}

void quit(Session& s, std::string_view) { s.request_quit(); }

void begin(Session& s, std::string_view args) {
  if (!trim(args).empty()) fail(":begin takes no arguments");
  s.begin_transaction();
}

void commit(Session& s, std::string_view args) {
  if (!trim(args).empty()) fail(":commit takes no arguments");
  s.commit_transaction();
}

void rollback(Session& s, std::string_view args) {
  if (!trim(args).empty()) fail(":rollback takes no arguments");
  s.rollback_transaction();
}

// A snapshot now, so the next start reads one file instead of replaying the
// log (leaving ergo does the same).
void checkpoint(Session& s, std::string_view args) {
  if (!trim(args).empty()) fail(":checkpoint takes no arguments");
  if (s.database().directory().empty()) {
    fail(":checkpoint needs a database on disk: this graph is in memory; start ergo with --db DIR to keep one");
  }
  s.database().checkpoint();
  s.note("Checkpoint written to " + s.database().directory() + ".");
}

// :dump FILE [FORMAT] (or --format FORMAT): the whole graph to a file;
// the format from the file's extension when not named.
void dump(Session& s, std::string_view args) {
  args = trim(args);
  std::optional<DumpFormat> given;
  const std::size_t space = args.find_last_of(" \t");
  if (space != std::string_view::npos) {
    std::string_view last = args.substr(space + 1);
    std::string_view before = trim(args.substr(0, space));
    if (auto f = parse_dump_format(last)) {
      given = f;
      args = before;
      if (args.ends_with("--format")) args = trim(args.substr(0, args.size() - 8));
    } else if (before.ends_with("--format")) {
      fail("unknown dump format '" + std::string(last) + "'; use " + dump_format_names());
    }
  }
  if (trim(args).empty()) {
    fail(":dump needs a file name: :dump graph.kg, :dump graph.cypher, :dump graph-csv/ csv; the format comes "
         "from the extension, or name it after the file (" + std::string(dump_format_names()) + ")");
  }
  const std::string path = path_argument(args, ":dump");
  const DumpFormat format = choose_dump_format(given, path, "a FORMAT after the file name");
  const std::string done = write_dump(s.database(), format, path);
  s.changes_saved();
  if (path != "-") s.note(done);
}

const std::vector<MetaCommand> commands = {
    {":help", "[TOPIC]", "this help; :help COMMAND or a topic (formats, params, keys, cypher)", "", help},
    {":schema", "", "labels, relationship types and property keys, with counts",
     "Lists the labels with their node counts, the relationship types with their\n"
     "counts and the labels they connect ((:Company)->(:Company) 12), and the\n"
     "property keys with the number of nodes and relationships that have them.\n",
     schema},
    {":find", "NAME", "the entity named NAME (or aliased; any case, Korean or English)",
     "Shows every entity whose name or alias is NAME, compared without regard to\n"
     "letter case or Unicode normalization: its labels, its properties, and its\n"
     "relationships in both directions with the document and line they come from.\n"
     "  :find 마이크로소프트\n"
     "  :find sam altman\n",
     find},
    {":load", "PATH", "add the .kg file or directory at PATH to the graph",
     "Loads a .kg file or a directory of them into the open graph, all or nothing:\n"
     "when any file has an error, every error is shown and nothing is added.\n",
     load},
    {":import", "--nodes FILE --relationships FILE", "add nodes and relationships from CSV files",
     "Imports CSV files with a header row into the open graph, all or nothing\n"
     "(with --lenient, bad rows are skipped and counted instead). Relationships\n"
     "refer to the id column of the nodes files of the same :import, or, with\n"
     "no nodes files, to the names of nodes already in the graph. The switches\n"
     "are the command line's; see docs/csv-import.md.\n"
     "  :import --nodes companies.csv --relationships deals.csv\n"
     "  :import --nodes Company=companies.csv --lenient\n"
     "  :import --relationships INVESTS_IN=investments.csv\n",
     import_csv},
    {":param", "NAME VALUE", "set $NAME to a Cypher value, e.g. :param name 'OpenAI'",
     "Sets a query parameter. VALUE is a Cypher literal or constant expression:\n"
     "  :param name 'OpenAI'\n"
     "  :param since date('2023-01-01')\n"
     "  :param names ['OpenAI', 'Microsoft']\n"
     "Queries then use it as $name. :param NAME alone shows it; :param alone\n"
     "lists them all, as :params does.\n",
     param},
    {":params", "[clear]", "list the parameters, or remove them all", "", params},
    {":format", "[FORMAT]", "show results as table, csv, tsv, json, jsonl, markdown, vertical or auto",
     "Sets how results are shown; with no argument, shows the current format.\n"
     "Tables cut long values with an ellipsis; use another format to see them\n"
     "in full. See :help formats.\n",
     format},
    {":timing", "[on|off]", "show how long each query takes", "", timing},
    {":timeout", "[SECONDS|off]", "stop any statement that runs longer than SECONDS",
     "Statements that run longer stop with an error and change nothing; off (or 0)\n"
     "removes the limit. With no argument, shows the limit. Same as --timeout.\n",
     timeout},
    {":output", "[FILE]", "write results to FILE; with no FILE, to the terminal again",
     "Sends results to FILE (emptied first) until the next :output; errors and\n"
     "notes still come to the terminal.\n",
     output},
    {":render", "[FILE] [LAYOUT] [korean] [context]", "draw the last answer as a diagram (default answer.svg)",
     "Draws the nodes, relationships and paths of the last query's answer with\n"
     "Graphviz, in the format FILE's extension names: .svg, .png, .pdf, .dot or\n"
     ".gv (default answer.svg). LAYOUT is auto (the default), dot, neato, fdp,\n"
     "sfdp, circo or twopi. korean writes each node's Hangul name under its\n"
     "name; context draws the answer's neighbours too, fainter. See\n"
     "docs/rendering.md.\n"
     "  :render\n"
     "  :render investments.png dot\n"
     "  :render sfdp korean\n",
     render},
    {":why", "", "where the last answer's facts come from: document, line, text",
     "For each relationship in the last answer, the fact, the document it comes\n"
     "from (title, publisher, kind, date) and the line; when the source texts\n"
     "are available (--sources DIR, by default ../shared/seeds of the data's\n"
     "repository), that line too, with both ends' mentions in [brackets].\n"
     "In a query: CALL ergo.evidence(r, {sources: DIR}).\n"
     "  MATCH (a)-[r:INVESTS_IN]->(b) RETURN a, r, b;\n"
     "  :why\n",
     why},
    {":read", "SCRIPT", "run the statements and commands in SCRIPT",
     "Runs a script file: Cypher statements separated by ';', // and /* */\n"
     "comments, and :commands one per line. It stops at the first error, which\n"
     "names the script, line and column.\n",
     read},
    {":history", "", "the statements run in this session, numbered",
     "Lists the statements this session has run, oldest first (Up and Ctrl-R\n"
     "recall entries from earlier sessions too, from ~/.ergo_history).\n",
     history},
    {":begin", "", "open a transaction: the next statements take effect together at :commit",
     "Opens a transaction, as cypher-shell's :begin does. Until :commit or\n"
     ":rollback every statement runs in it and sees its changes, and nobody else\n"
     "sees them; the prompt reads ergo# meanwhile. A statement that fails rolls\n"
     "back the whole transaction (as in Neo4j). Leaving with one open rolls it\n"
     "back: a script then ends with status 1, the shell asks first.\n"
     "  :begin\n"
     "  MATCH (c:Company {name: 'OpenAI'}) SET c.checked = true;\n"
     "  :commit\n",
     begin},
    {":commit", "", "keep the changes of the open transaction", "", commit},
    {":rollback", "", "undo the changes of the open transaction", "", rollback},
    {":dump", "FILE [FORMAT]", "write the whole graph to FILE as .kg, Cypher, CSV, GraphML or JSON Lines",
     "Writes every node and relationship to FILE in the format its extension\n"
     "names — .kg, .cypher (or .cql), .graphml, .jsonl — or the FORMAT after it:\n"
     "kg, cypher, csv, graphml or jsonl. CSV is nodes.csv, relationships.csv\n"
     "(and -2 files when a key holds several types) in the directory FILE.\n"
     ".kg and Cypher load back into the same graph (:load FILE.kg, :read\n"
     "FILE.cypher). The file appears whole or not at all. See docs/export.md.\n"
     "  :dump my-graph.kg\n"
     "  :dump my-graph.cypher\n"
     "  :dump my-graph-csv/ csv\n",
     dump},
    {":checkpoint", "", "write a snapshot of the database (--db) and empty its log",
     "Writes the whole graph to the database directory's snapshot and empties\n"
     "its write-ahead log, so the next start reads one file. ergo does this by\n"
     "itself when the log grows past 64 MB and when it leaves; every change is\n"
     "on disk already without it. See docs/storage.md.\n",
     checkpoint},
    {":quit", "", "leave the shell (or Ctrl-D)", "", quit},
};

}  // namespace

const std::vector<MetaCommand>& meta_commands() { return commands; }

void run_meta_command(Session& session, std::string_view line) {
  line = trim(line);
  std::size_t space = line.find_first_of(" \t");
  std::string_view name = line.substr(0, space);
  std::string_view args = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
  if (name == ":exit" || name == ":q") name = ":quit";
  if (name == ":h" || name == ":?") name = ":help";
  for (const MetaCommand& c : commands) {
    if (name == c.name) {
      c.run(session, args);
      return;
    }
  }
  fail("unknown command '" + std::string(name) + "'; type :help for the commands");
}

}  // namespace ergo::cli
