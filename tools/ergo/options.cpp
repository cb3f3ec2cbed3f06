// Parses ergo's options GNU style: `--name value` or `--name=value`, `-e
// QUERY` or `-eQUERY`, `--` before sources that start with a dash.
#include "tools/ergo/options.hpp"

#include <cstdlib>

#include <string_view>

#include "tools/ergo/csv_arguments.hpp"
#include "tools/ergo/render_answer.hpp"

namespace ergo::cli {
namespace {

constexpr const char* usage =
    "usage: ergo [OPTIONS] [SOURCE...]\n"
    "       ergo serve [SOURCE...] [--bolt ADDR:PORT]   (a Bolt server; ergo serve --help)\n"
    "       ergo passwd FILE USER                       (users for ergo serve --auth-file)\n"
    "       ergo dump [--db DIR | SOURCE...] --format FORMAT [-o FILE|DIR]\n"
    "                                  (the graph as .kg, Cypher, CSV, GraphML or JSON\n"
    "                                  Lines; ergo dump --help)\n"
    "\n"
    "Opens a knowledge graph and runs openCypher queries on it: from -e and -f,\n"
    "from standard input when it is not a terminal, or in an interactive shell.\n"
    "A SOURCE is a .kg file or a directory of them; with none (and no CSV\n"
    "files, no --db), the bundled AI-industry graph is loaded.\n"
    "\n"
    "Options:\n"
    "      --db DIR            keep the graph in the database directory DIR (created\n"
    "                          when missing); sources and every change go into it,\n"
    "                          each on disk before its result is shown\n"
    "      --read-only         open --db DIR as it is, beside a process that may be\n"
    "                          writing it, and write nothing to it: statements that\n"
    "                          write are refused\n"
    "  -e, --execute QUERY     run QUERY (repeatable; runs in order with -f)\n"
    "  -f, --file SCRIPT       run the statements in SCRIPT, separated by ';'\n"
    "                          ('-' reads standard input)\n"
    "      --format FORMAT     table, csv, tsv, json, jsonl, markdown, vertical or auto\n"
    "                          (default: table on a terminal, csv otherwise)\n"
    "      --param NAME=VALUE  set $NAME to a Cypher literal, e.g. --param 'n=5'\n"
    "                          or --param \"name='OpenAI'\" (repeatable)\n"
    "      --params FILE.json  set parameters from a JSON object\n"
    "      --no-header         leave out the column names\n"
    "  -o, --output FILE       write results to FILE instead of standard output\n"
    "      --timing            show how long each query took\n"
    "      --continue-on-error keep running statements after one fails\n"
    "      --timeout SECONDS   stop any statement that runs longer (e.g. 2 or 0.5;\n"
    "                          0, the default, for no limit)\n"
    "      --max-memory SIZE   stop any statement that holds more rows than SIZE\n"
    "                          bytes (e.g. 512M or 2G; 0, the default, for none)\n"
    "      --max-query-length BYTES\n"
    "                          refuse longer statements (default 1048576; 0: none)\n"
    "      --threads N         threads a CSV import may use (default 0: one per\n"
    "                          core)\n"
    "      --render FILE       after the queries, draw the last answer as a diagram\n"
    "                          in FILE: .svg, .png, .pdf, .dot or .gv\n"
    "      --layout LAYOUT     auto (default), dot, neato, fdp, sfdp, circo or twopi\n"
    "      --context           draw the answer's neighbours too, fainter\n"
    "      --korean            write each node's Korean (Hangul) name under its name\n"
    "      --nodes [LABEL=]FILE  import nodes from a CSV file (repeatable; see\n"
    "                          docs/csv-import.md)\n"
    "      --relationships [TYPE=]FILE  import relationships from a CSV file\n"
    "                          (repeatable; also --edges)\n"
    "      --lenient           skip bad CSV rows instead of importing nothing\n"
    "      --delimiter C       the CSV field separator (default ',', or tab)\n"
    "      --import-dir DIR    let LOAD CSV read the files in DIR ('file:///x.csv' is\n"
    "                          DIR/x.csv); without it LOAD CSV is refused\n"
    "      --sources DIR       the source texts (DOCUMENT.txt each) that :why quotes\n"
    "                          (default: ../shared/seeds of the data's repository)\n"
    "      --version           show the version and exit\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Exit status: 0 success, 1 a query or data error, 2 a usage error.\n"
    "Type :help in the shell for its commands; see docs/cli.md for the manual.\n";

}  // namespace

SplitOption split_option(const std::string& arg) {
  if (arg.starts_with("--")) {
    if (std::size_t eq = arg.find('='); eq != std::string::npos) return {arg.substr(0, eq), arg.substr(eq + 1)};
    return {arg, std::nullopt};
  }
  if (arg.size() > 2) return {arg.substr(0, 2), arg.substr(2)};  // -eQUERY
  return {arg, std::nullopt};
}

namespace {

class ArgReader {
 public:
  explicit ArgReader(const std::vector<std::string>& args) : args_(args) {}

  bool done() const { return i_ >= args_.size(); }
  const std::string& next() { return args_[i_++]; }

  // The value of option `name`: the rest of `arg` after '=' (or after a short
  // option's letter), else the next argument.
  std::string value(const std::string& name, std::optional<std::string> attached) {
    if (attached) return *attached;
    if (done()) throw UsageError("option '" + name + "' needs a value");
    return next();
  }

 private:
  const std::vector<std::string>& args_;
  std::size_t i_ = 0;
};

std::pair<std::string, std::string> split_param(const std::string& text) {
  std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw UsageError("--param needs NAME=VALUE, e.g. --param \"name='OpenAI'\"; got '" + text + "'");
  }
  std::string name = text.substr(0, eq);
  if (name[0] == '$') name.erase(0, 1);
  return {name, text.substr(eq + 1)};
}

}  // namespace

const char* usage_text() { return usage; }

Options parse_options(const std::vector<std::string>& args) {
  Options o;
  std::string needs_render;  // the first diagram option given, if any
  ArgReader reader(args);
  bool options_done = false;
  while (!reader.done()) {
    const std::string& arg = reader.next();
    if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
      o.sources.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    SplitOption split = split_option(arg);
    // References, not a structured binding: the lambdas below capture them,
    // which clang 14 does not allow for bindings.
    std::string& name = split.name;
    std::optional<std::string>& attached = split.attached;
    auto flag = [&](bool& target) {
      if (attached) throw UsageError("option '" + name + "' takes no value");
      target = true;
    };
    if (name == "-e" || name == "--execute") {
      o.jobs.push_back({Job::Kind::execute, reader.value(name, attached)});
    } else if (name == "-f" || name == "--file") {
      o.jobs.push_back({Job::Kind::file, reader.value(name, attached)});
    } else if (name == "--format") {
      std::string f = reader.value(name, attached);
      o.format = parse_format(f);
      if (!o.format) throw UsageError("unknown format '" + f + "'; use table, csv, tsv, json, jsonl, markdown, vertical or auto");
    } else if (name == "--param") {
      o.params.push_back(split_param(reader.value(name, attached)));
    } else if (name == "--params") {
      o.params_files.push_back(reader.value(name, attached));
    } else if (name == "--no-header") {
      bool on = false;
      flag(on);
      o.header = false;
    } else if (name == "-o" || name == "--output") {
      o.output = reader.value(name, attached);
      if (o.output.empty()) throw UsageError("option '" + name + "' needs a file name");
    } else if (name == "--timeout") {
      std::string value = reader.value(name, attached);
      auto limit = parse_timeout(value);
      if (!limit) throw UsageError(tools::timeout_refused(name, value));
      o.timeout = *limit;
    } else if (name == "--max-query-length") {
      std::string value = reader.value(name, attached);
      auto bytes = parse_byte_count(value);
      if (!bytes) throw UsageError(tools::byte_count_refused(name, value));
      o.max_query_length = *bytes;
    } else if (name == "--max-memory") {
      std::string value = reader.value(name, attached);
      auto bytes = parse_size(value);
      if (!bytes) throw UsageError(tools::size_refused(name, value));
      o.max_memory = *bytes;
    } else if (name == "--threads") {
      std::string value = reader.value(name, attached);
      auto n = parse_byte_count(value);
      if (!n || *n > 1024) {
        throw UsageError("--threads needs a number of threads from 1 to 1024, or 0 for one per core; not '" + value + "'");
      }
      o.threads = *n;
    } else if (name == "--timing") {
      flag(o.timing);
    } else if (name == "--continue-on-error") {
      flag(o.continue_on_error);
    } else if (name == "--render") {
      o.render_file = reader.value(name, attached);
      if (o.render_file.empty()) throw UsageError("option '" + name + "' needs a file name");
      if (auto problem = diagram_path_problem(o.render_file)) throw UsageError(*problem);
    } else if (name == "--layout") {
      o.layout = reader.value(name, attached);
      if (auto problem = layout_problem(o.layout)) throw UsageError(*problem);
      if (needs_render.empty()) needs_render = name;
    } else if (name == "--context" || name == "--korean") {
      flag(name == "--context" ? o.context : o.korean);
      if (needs_render.empty()) needs_render = name;
    } else if (is_csv_switch(name)) {
      std::optional<std::string> value = attached;
      if (name != "--lenient" && !value) value = reader.value(name, attached);
      apply_csv_switch(o.csv, name, value);
    } else if (name == "--db") {
      o.db = reader.value(name, attached);
      if (o.db.empty()) throw UsageError("option '--db' needs a directory name");
    } else if (name == "--read-only") {
      flag(o.read_only);
    } else if (name == "--import-dir") {
      o.import_dir = reader.value(name, attached);
      if (o.import_dir.empty()) throw UsageError("option '--import-dir' needs a directory name");
    } else if (name == "--sources") {
      o.sources_dir = reader.value(name, attached);
      if (o.sources_dir->empty()) throw UsageError("option '" + name + "' needs a folder name");
    } else if (name == "--version") {
      flag(o.version);
    } else if (name == "-h" || name == "--help") {
      flag(o.help);
    } else {
      throw UsageError("unknown option '" + name + "'");
    }
  }
  if ((o.csv.lenient || o.csv.delimiter != ',') && o.csv.nodes.empty() && o.csv.relationships.empty()) {
    throw UsageError(std::string("option '") + (o.csv.lenient ? "--lenient" : "--delimiter") +
                     "' is for CSV imports, so it needs --nodes FILE or --relationships FILE");
  }
  if (o.read_only && o.db.empty()) {
    throw UsageError("option '--read-only' opens a database directory without writing to it, so it needs --db DIR");
  }
  if (o.read_only && (!o.sources.empty() || !o.csv.nodes.empty() || !o.csv.relationships.empty())) {
    throw UsageError("option '--read-only' writes nothing into the database, so it cannot take sources or CSV "
                     "files; load them with ergo --db " + o.db + " SOURCE... first, without --read-only");
  }
  if (!needs_render.empty() && o.render_file.empty()) {
    throw UsageError("option '" + needs_render + "' changes the diagram, so it needs --render FILE");
  }
  return o;
}

}  // namespace ergo::cli
