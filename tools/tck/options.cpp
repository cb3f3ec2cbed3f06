// Command-line parsing for ergo-tck (see options.hpp).
#include "tools/tck/options.hpp"

#include <charconv>

namespace ergo::tck {
namespace {

double parse_seconds(const std::string& text) {
  double d = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || end != text.data() + text.size() || !(d > 0)) {
    throw UsageError("--timeout needs a positive number of seconds, not '" + text + "'");
  }
  return d;
}

std::size_t parse_megabytes(const std::string& text) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw UsageError("--memory-limit needs a whole number of megabytes, not '" + text + "'");
  }
  return n;
}

}  // namespace

const char* usage_text() {
  return "usage: ergo-tck [OPTIONS] [PATH...]\n"
         "Runs openCypher TCK feature files (PATHs: files or directories, searched\n"
         "recursively; default: the TCK in ../shared/tck/features) against ergo.\n"
         "\n"
         "  --filter TEXT         run only scenarios whose feature path, feature name or\n"
         "                        scenario name contains TEXT (repeatable: any matches)\n"
         "  --graphs DIR          named graphs (default: the TCK's graphs/ folder)\n"
         "  --verbose             print the query, expected and actual of each failure\n"
         "  --summary-by-folder   print a table of pass counts per feature folder\n"
         "  --list-failures FILE  write the failing scenarios to FILE\n"
         "  --floor FILE          FILE holds the minimum pass count; exit 1 below it\n"
         "  --timeout SECONDS     time limit per scenario (default 10)\n"
         "  --memory-limit MB     address-space limit per feature process (default 4096, 0: none)\n"
         "  --strict-errors       also require the error phase and detail code to match\n"
         "  --no-fork             run in this process (no crash or hang protection)\n"
         "  --help                this text\n"
         "\n"
         "Exit status: 0 when the run completed (and met the floor), 1 below the\n"
         "floor, 2 on usage errors, 3 when the run broke off (e.g. fork failed),\n"
         "77 when no PATH is given and the default TCK folder is absent.\n";
}

Options parse_options(const std::vector<std::string>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    if (a == "--filter") o.filters.push_back(value());
    else if (a == "--graphs") o.graphs_dir = value();
    else if (a == "--verbose" || a == "-v") o.verbose = true;
    else if (a == "--summary-by-folder") o.summary_by_folder = true;
    else if (a == "--list-failures") o.list_failures = value();
    else if (a == "--floor") o.floor_file = value();
    else if (a == "--timeout") o.timeout_seconds = parse_seconds(value());
    else if (a == "--memory-limit") o.memory_limit_mb = parse_megabytes(value());
    else if (a == "--strict-errors") o.strict_errors = true;
    else if (a == "--no-fork") o.fork = false;
    else if (a == "--help" || a == "-h") o.help = true;
    else if (a == "--") {
      o.paths.insert(o.paths.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    } else if (a.size() > 1 && a[0] == '-') throw UsageError("unknown option '" + a + "'");
    else o.paths.push_back(a);
  }
  return o;
}

}  // namespace ergo::tck
