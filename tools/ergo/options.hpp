// The command line of ergo: `ergo [OPTIONS] [SOURCE...]`, parsed into plain
// settings. Parsing only — nothing is opened or run here, so every usage
// error is found before any work starts.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ergo/csv_import.hpp"
#include "ergo/format.hpp"
#include "tools/common/limit_values.hpp"

namespace ergo::cli {

// A bad command line; main prints the message with a hint and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An option as written: "--name=value" and "-xVALUE" carry their value
// attached; "--name" and "-x" leave it to the next argument.
struct SplitOption {
  std::string name;
  std::optional<std::string> attached;
};
SplitOption split_option(const std::string& arg);

// One -e QUERY or -f SCRIPT, kept in command-line order.
struct Job {
  enum class Kind { execute, file };
  Kind kind;
  std::string text;  // the query, or the script's path ("-": standard input)
};

struct Options {
  std::vector<std::string> sources;  // .kg files and directories
  std::string db;                    // --db DIR: the database directory; "" in memory
  bool read_only = false;            // --read-only: open --db DIR without writing to it
  std::string import_dir;            // --import-dir DIR: where LOAD CSV reads; "" refuses it
  CsvImport csv;                     // --nodes, --relationships, --lenient, --delimiter
  std::vector<Job> jobs;
  std::optional<Format> format;      // nullopt: table on a terminal, else csv
  std::vector<std::pair<std::string, std::string>> params;  // NAME, Cypher literal
  std::vector<std::string> params_files;                    // JSON objects
  bool header = true;
  std::string output;                // "" for standard output
  bool timing = false;
  bool continue_on_error = false;
  std::chrono::milliseconds timeout{0};  // --timeout: each statement's time limit; 0 for none
  std::optional<std::size_t> max_query_length;  // --max-query-length BYTES; unset: the default
  std::size_t max_memory = 0;  // --max-memory SIZE: each statement's memory budget; 0 for none
  std::size_t threads = 0;     // --threads N: Database::set_threads; 0 for one per core
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

// --timeout, --max-query-length and --max-memory read as `ergo serve` reads them.
using tools::parse_byte_count;
using tools::parse_size;
using tools::parse_timeout;

}  // namespace ergo::cli
