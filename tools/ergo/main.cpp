// ergo: opens the bundled knowledge graph (or the .kg files and directories
// named on the command line), then runs -e queries and -f scripts, or
// standard input when it is not a terminal, or the interactive shell; with
// --render, draws the last answer as a diagram afterwards.
// Exit status: 0 success, 1 a query or data error, 2 a usage error.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cctype>
#include <clocale>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "tools/ergo/bundled_data.hpp"
#include "tools/ergo/csv_arguments.hpp"
#include "tools/ergo/dump_command.hpp"
#include "tools/ergo/options.hpp"
#include "tools/ergo/param_values.hpp"
#include "tools/ergo/render_answer.hpp"
#include "tools/ergo/repl.hpp"
#include "tools/ergo/session.hpp"
#include "tools/ergo/terminal.hpp"
#include "tools/server/passwd.hpp"
#include "tools/server/serve.hpp"

namespace {

using namespace ergo::cli;

// "people.csv" (or .tsv) as a SOURCE: the message pointing at --nodes.
std::optional<std::string> csv_source_hint(const std::string& source) {
  std::string ext = source.size() > 4 ? source.substr(source.size() - 4) : "";
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".csv" && ext != ".tsv") return std::nullopt;
  std::string tab = ext == ".tsv" ? " --delimiter tab" : "";
  return "'" + source + "' is a CSV file, and a SOURCE is a .kg file or directory; import CSV with --nodes " + source +
         tab + " (or --relationships " + source + tab + " for relationships; see docs/csv-import.md)";
}

int usage_error(const std::string& message) {
  std::cerr << "ergo: " << message << "\nTry 'ergo --help' for more information.\n";
  return 2;
}

// Line editing and display widths need a UTF-8 character type, whatever
// the environment says.
void use_utf8_locale() {
  std::setlocale(LC_CTYPE, "");
  if (MB_CUR_MAX == 1) std::setlocale(LC_CTYPE, "C.UTF-8");
}

bool read_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  text = s.str();
  return true;
}

std::string banner(const Options& options, bool bundled, const ergo::LoadSummary& loaded,
                   const std::optional<ergo::CsvImportSummary>& imported, const std::string& database) {
  const std::vector<std::string>& sources = options.sources;
  std::string text = std::string("ergo ") + ERGO_VERSION + " — " + database;
  if (!database.empty() && (!sources.empty() || imported)) text += "; added ";
  if (bundled || !sources.empty()) {
    text += bundled ? "the bundled graph" : sources.size() == 1 ? sources[0] : std::to_string(sources.size()) + " sources";
    text += ": " + std::to_string(loaded.entities) + " entities, " + std::to_string(loaded.relationships) +
            " relationships, " + std::to_string(loaded.files) + (loaded.files == 1 ? " file" : " files");
  }
  if (imported) {
    std::vector<std::string> files;
    for (const auto& f : options.csv.nodes) files.push_back(f.path);
    for (const auto& f : options.csv.relationships) files.push_back(f.path);
    if (!sources.empty()) text += "; ";
    text += files.size() <= 2 ? files[0] + (files.size() == 2 ? ", " + files[1] : "")
                              : std::to_string(files.size()) + " CSV files";
    text += ": " + std::to_string(imported->nodes) + " nodes, " + std::to_string(imported->relationships) +
            " relationships";
  }
  return text + "\nEnd queries with ';'. Type :help for help, :quit or Ctrl-D to leave.\n";
}

// --render: draws the answer of the last statement that returned one and
// says so on standard error. Returns the exit status.
int render_last_answer(Session& session, const Options& options) {
  if (!session.last_answer()) {
    std::cerr << "ergo: no answer to draw: none of the statements returned one; --render draws the answer "
                 "of the last query with RETURN\n";
    return 1;
  }
  DrawRequest request;
  request.path = options.render_file;
  request.layout = options.layout;
  request.context = options.context;
  request.korean = options.korean;
  try {
    std::cerr << draw_last_answer(session, request).describe() << "\n";
  } catch (const ergo::Error& e) {
    std::cerr << "ergo: " << e.message() << "\n";
    return 1;
  }
  return 0;
}

int run(int argc, char** argv) {
  use_utf8_locale();
  // `ergo serve ...`: the Bolt server (tools/server/, docs/server.md).
  if (argc >= 2 && std::string_view(argv[1]) == "serve") {
    auto dir = bundled_data_dir();
    return ergo::server::serve_main(std::vector<std::string>(argv + 2, argv + argc),
                                    dir ? std::optional<std::string>(dir->string()) : std::nullopt, ERGO_VERSION);
  }
  // `ergo passwd FILE USER`: the users `ergo serve --auth-file` lets in.
  if (argc >= 2 && std::string_view(argv[1]) == "passwd") {
    return ergo::server::passwd_main(std::vector<std::string>(argv + 2, argv + argc));
  }
  // `ergo dump ...`: the whole graph out as .kg, Cypher, CSV, GraphML or
  // JSON Lines (docs/export.md).
  if (argc >= 2 && std::string_view(argv[1]) == "dump") {
    auto dir = bundled_data_dir();
    return dump_main(std::vector<std::string>(argv + 2, argv + argc),
                     dir ? std::optional<std::string>(dir->string()) : std::nullopt);
  }
  Options options;
  try {
    options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& e) {
    return usage_error(e.what());
  }
  if (options.help) {
    std::cout << usage_text();
    return 0;
  }
  if (options.version) {
    std::cout << "ergo " << ERGO_VERSION << "\n";
    return 0;
  }

  const bool interactive = options.jobs.empty() && is_terminal(STDIN_FILENO);
  if (interactive && !options.render_file.empty()) {
    return usage_error("--render draws the answer of -e, -f or piped input; in the shell, use :render FILE");
  }

  ergo::Params params;
  for (const std::string& file : options.params_files) {
    try {
      for (auto& [name, value] : read_params_file(file)) params[name] = std::move(value);
    } catch (const ParamError& e) {
      return usage_error("--params " + file + " " + e.what());
    }
  }
  for (const auto& [name, literal] : options.params) {
    if (!is_param_name(name)) return usage_error("--param: '" + name + "' is not a parameter name");
    try {
      params[name] = parse_param_value(literal);
    } catch (const ParamError& e) {
      return usage_error("--param " + name + ": '" + literal + "' " + e.what());
    }
  }

  // A CSV file given as a source would be read as .kg triples and fail on
  // its first line; say what to do instead.
  for (const std::string& source : options.sources) {
    if (auto hint = csv_source_hint(source)) return usage_error(*hint);
  }
  std::vector<std::string> sources = options.sources;
  const bool csv = !options.csv.nodes.empty() || !options.csv.relationships.empty();
  // A database directory holds its own graph: the bundled one is loaded
  // only into a new in-memory session.
  const bool bundled = sources.empty() && !csv && options.db.empty();
  if (bundled) {
    auto dir = bundled_data_dir();
    if (!dir) {
      std::cerr << "ergo: cannot find the bundled data directory; name a .kg file or directory\n";
      return 1;
    }
    sources.push_back(dir->string());
  }
  ergo::Database db;
  ergo::LoadSummary loaded;
  try {
    if (!options.db.empty()) {
      try {
        ergo::StorageOptions storage;
        storage.read_only = options.read_only;
        db = ergo::Database::open_directory(options.db, storage);
      } catch (const ergo::Error& e) {
        // Not a problem inside a source file: no rendered excerpt, just what and where.
        std::cerr << "ergo: " << e.message() << "\n";
        return 1;
      }
    }
    db.set_threads(options.threads);
    if (!sources.empty()) loaded = db.load(sources);
  } catch (const ergo::Error& e) {
    std::cerr << (e.rendered().empty() ? "ergo: " + e.message() + "\n" : e.rendered());
    return 1;
  }
  for (const std::string& w : loaded.warnings) std::cerr << w;
  std::optional<ergo::CsvImportSummary> imported;
  if (csv) {
    try {
      imported = db.import_csv(options.csv);
    } catch (const ergo::Error& e) {
      std::cerr << (e.rendered().empty() ? "ergo: " + e.message() + "\n" : e.rendered());
      return 1;
    }
    for (const std::string& p : imported->problems) std::cerr << p;
    if (imported->skipped_rows) std::cerr << "warning: " << describe_skipped(*imported) << "\n";
  }

  const bool to_terminal = options.output.empty() && is_terminal(STDOUT_FILENO);
  Settings settings;
  settings.format.format = options.format.value_or(to_terminal ? ergo::Format::table : ergo::Format::csv);
  settings.format.header = options.header;
  settings.timing = options.timing || interactive;
  settings.interactive = interactive;
  settings.continue_on_error = options.continue_on_error;
  if (options.sources_dir) {
    settings.sources_dir = *options.sources_dir;
  } else if (auto dir = default_sources_dir(sources)) {
    settings.sources_dir = dir->string();
  }

  {
    ergo::Limits limits = db.limits();
    limits.time_limit_ms = options.timeout.count();
    if (options.max_query_length) limits.max_query_length = *options.max_query_length;
    limits.memory_bytes = options.max_memory;
    db.set_limits(limits);
    db.set_import_directory(options.import_dir);
  }
  // "database my-graph/: 86 nodes, 162 relationships" (after the sources).
  std::string database;
  if (!options.db.empty()) {
    database = "database " + options.db + ": " + std::to_string(db.node_count()) + " nodes, " +
               std::to_string(db.relationship_count()) + " relationships";
  }
  Session session(std::move(db), settings);
  session.params() = std::move(params);
  try {
    session.set_output(options.output);
  } catch (const ergo::Error& e) {
    std::cerr << "ergo: " << e.message() << "\n";
    return 1;
  }

  if (interactive) return Repl(session, banner(options, bundled, loaded, imported, database)).run();

  bool ok = true;
  if (options.jobs.empty()) ok = session.run_stream(std::cin, "<stdin>");
  for (const Job& job : options.jobs) {
    if (session.quit_requested() || (!ok && !options.continue_on_error)) break;
    if (job.kind == Job::Kind::execute) {
      ok = session.run_script(job.text, "<command line>") && ok;
      continue;
    }
    if (job.text == "-") {
      ok = session.run_stream(std::cin, "<stdin>") && ok;
      continue;
    }
    std::string text;
    if (!read_file(job.text, text)) {
      std::cerr << "ergo: cannot read script '" << job.text << "': " << std::strerror(errno) << "\n";
      ok = false;
      continue;
    }
    ok = session.run_script(text, job.text) && ok;
  }
  if (session.in_transaction()) {
    // A script that ends inside :begin has lost its changes: say so, and
    // fail, so that a forgotten :commit is never mistaken for success.
    session.rollback_transaction();
    std::cerr << "ergo: a transaction opened with :begin was still open at the end, so it was rolled back with "
                 "every change made in it; end it with :commit to keep them\n";
    ok = false;
  }
  try {
    errno = 0;
    session.check_output();
  } catch (const ergo::Error& e) {
    std::cerr << "ergo: " << e.message() << "\n";
    return 1;
  }
  if (!ok || session.output_failed()) return 1;
  return options.render_file.empty() ? 0 : render_last_answer(session, options);
}

}  // namespace

// Whatever escapes (a filesystem call that throws, memory running out at
// start-up or between statements) ends ergo with a message and status 1,
// never with std::terminate.
int main(int argc, char** argv) {
  // Past a file size limit (ulimit -f) a write must fail with EFBIG, which
  // ergo reports and undoes, rather than kill the process mid-commit.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    return run(argc, argv);
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "ergo: " << (e.path1().empty() ? "" : "'" + e.path1().string() + "': ") << e.code().message()
              << "\n";
  } catch (const std::bad_alloc&) {
    std::cerr << "ergo: not enough memory (a source or an answer too large?)\n";
  } catch (const std::exception& e) {
    std::cerr << "ergo: " << e.what() << "\n";
  }
  return 1;
}
