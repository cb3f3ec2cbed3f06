// ergo-tck's command line: parsed into Options, or a UsageError whose text
// is printed with the usage (exit status 2).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ergo::tck {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Options {
  std::vector<std::string> paths;  // feature files or directories; empty: the default TCK
  std::optional<std::string> graphs_dir;
  std::vector<std::string> filters;  // substrings of feature path or scenario name; any may match
  bool verbose = false;
  bool summary_by_folder = false;
  std::optional<std::string> list_failures;
  std::optional<std::string> floor_file;
  double timeout_seconds = 10;
  std::size_t memory_limit_mb = 4096;
  bool fork = true;
  bool strict_errors = false;
  bool help = false;
};

Options parse_options(const std::vector<std::string>& args);
const char* usage_text();

}  // namespace ergo::tck
