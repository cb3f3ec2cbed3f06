// ergo: opens the bundled knowledge graph (or the .kg files and directories
// named on the command line), then runs -e queries and -f scripts, or
// standard input when it is not a terminal, or the interactive shell.
// Exit status: 0 success, 1 a query or data error, 2 a usage error.
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/ergo/bundled_data.hpp"
#include "tools/ergo/options.hpp"
#include "tools/ergo/param_values.hpp"
#include "tools/ergo/repl.hpp"
#include "tools/ergo/session.hpp"
#include "tools/ergo/terminal.hpp"

namespace {

using namespace ergo::cli;

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
  std::ostringstream s;
  if (path == "-") {
    s << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    s << in.rdbuf();
  }
  text = s.str();
  return true;
}

std::string banner(const std::vector<std::string>& sources, bool bundled, const ergo::LoadSummary& loaded) {
  std::string what = bundled              ? "the bundled graph"
                     : sources.size() == 1 ? sources[0]
                                           : std::to_string(sources.size()) + " sources";
  return std::string("ergo ") + ERGO_VERSION + " — " + what + ": " + std::to_string(loaded.entities) + " entities, " +
         std::to_string(loaded.relationships) + " relationships, " + std::to_string(loaded.files) +
         (loaded.files == 1 ? " file" : " files") +
         "\nEnd queries with ';'. Type :help for help, :quit or Ctrl-D to leave.\n";
}

}  // namespace

int main(int argc, char** argv) {
  use_utf8_locale();
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
      params[name] = parse_param_value(literal, params);
    } catch (const ParamError& e) {
      return usage_error("--param " + name + ": '" + literal + "' " + e.what());
    }
  }

  std::vector<std::string> sources = options.sources;
  const bool bundled = sources.empty();
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
    loaded = db.load(sources);
  } catch (const ergo::Error& e) {
    std::cerr << (e.rendered().empty() ? "ergo: " + e.message() + "\n" : e.rendered());
    return 1;
  }
  for (const std::string& w : loaded.warnings) std::cerr << w;

  const bool interactive = options.jobs.empty() && is_terminal(STDIN_FILENO);
  const bool to_terminal = options.output.empty() && is_terminal(STDOUT_FILENO);
  Settings settings;
  settings.format.format = options.format.value_or(to_terminal ? ergo::Format::table : ergo::Format::csv);
  settings.format.header = options.header;
  settings.timing = options.timing || interactive;
  settings.interactive = interactive;
  settings.continue_on_error = options.continue_on_error;

  Session session(std::move(db), settings);
  session.params() = std::move(params);
  try {
    session.set_output(options.output);
  } catch (const ergo::Error& e) {
    std::cerr << "ergo: " << e.message() << "\n";
    return 1;
  }

  if (interactive) return Repl(session, banner(options.sources, bundled, loaded)).run();

  bool ok = true;
  if (options.jobs.empty()) {
    std::string text;
    read_file("-", text);
    ok = session.run_script(text, "<stdin>");
  }
  for (const Job& job : options.jobs) {
    if (session.quit_requested() || (!ok && !options.continue_on_error)) break;
    if (job.kind == Job::Kind::execute) {
      ok = session.run_script(job.text, "<command line>") && ok;
      continue;
    }
    std::string text;
    if (!read_file(job.text, text)) {
      std::cerr << "ergo: cannot read script '" << job.text << "'\n";
      ok = false;
      continue;
    }
    ok = session.run_script(text, job.text == "-" ? "<stdin>" : job.text) && ok;
  }
  session.out().flush();
  return ok ? 0 : 1;
}
