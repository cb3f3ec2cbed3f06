// The command line of ergo: `ergo [OPTIONS] [SOURCE...]`, parsed into plain
// settings. Parsing only — nothing is opened or run here, so every usage
// error is found before any work starts.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ergo/csv_import.hpp"
#include "ergo/format.hpp"

namespace ergo::cli {

// A bad command line; main prints the message with a hint and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One -e QUERY or -f SCRIPT, kept in command-line order.
struct Job {
  enum class Kind { execute, file };
  Kind kind;
  std::string text;  // the query, or the script's path ("-": standard input)
};

struct Options {
  std::vector<std::string> sources;  // .kg files and directories
  CsvImport csv;                     // --nodes, --relationships, --lenient, --delimiter
  std::vector<Job> jobs;
  std::optional<Format> format;      // nullopt: table on a terminal, else csv
  std::vector<std::pair<std::string, std::string>> params;  // NAME, Cypher literal
  std::vector<std::string> params_files;                    // JSON objects
  bool header = true;
  std::string output;                // "" for standard output
  bool timing = false;
  bool continue_on_error = false;
  // --render FILE: draw the last answer as a diagram once every job has run
  // (docs/rendering.md); --layout, --context and --korean say how.
  std::string render_file;           // "" for no diagram
  std::string layout = "auto";
  bool context = false;
  bool korean = false;
  // --sources DIR: the source texts :why quotes (nullopt: the default,
  // shared/seeds beside the repository that holds the data).
  std::optional<std::string> sources_dir;
  bool help = false;
  bool version = false;
};

// Throws UsageError for an unknown option, a missing or bad value, and for
// --layout, --context or --korean without --render.
Options parse_options(const std::vector<std::string>& args);

// The --help text.
const char* usage_text();

}  // namespace ergo::cli
