// ergo-tck: runs the openCypher TCK's feature files against ergo and prints
// one verdict per scenario, then "N passed, N failed, N skipped". Each
// feature runs in its own child process (isolation.hpp); every scenario on a
// fresh in-memory database (engine_target.hpp).
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/tck/engine_target.hpp"
#include "tools/tck/feature_files.hpp"
#include "tools/tck/gherkin.hpp"
#include "tools/tck/isolation.hpp"
#include "tools/tck/options.hpp"
#include "tools/tck/report.hpp"
#include "tools/tck/scenario_runner.hpp"

namespace {

using namespace ergo::tck;

constexpr int exit_usage = 2;
constexpr int exit_broken = 3;  // the run itself could not go on (fork failed, ...)
constexpr int exit_no_tck = 77;  // CTest's SKIP_RETURN_CODE for tck_conformance

bool selected(const std::vector<std::string>& filters, const FeatureFile& file, const Feature& feature,
              const Scenario& scenario) {
  if (filters.empty()) return true;
  for (const std::string& f : filters) {
    if (file.relative.find(f) != std::string::npos || feature.name.find(f) != std::string::npos ||
        scenario.name.find(f) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::size_t read_floor(const std::string& file) {
  std::ifstream in(file);
  long long n = -1;
  if (!(in >> n) || n < 0) throw UsageError("floor file " + file + " must hold one non-negative integer");
  return static_cast<std::size_t>(n);
}

void run_feature(const FeatureFile& file, const Options& options, const RunnerConfig& config,
                 const IsolationConfig& isolation, Reporter& reporter) {
  std::ifstream in(file.path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return reporter.feature_error(file.relative, "cannot read " + file.path);
  Feature feature;
  std::vector<Scenario> scenarios;
  try {
    feature = parse_feature(text.str(), file.relative);
    scenarios = expand_scenarios(feature);
  } catch (const GherkinError& e) {
    return reporter.feature_error(file.relative, std::string("cannot parse: ") + e.what());
  }
  std::vector<Scenario> chosen;
  for (Scenario& s : scenarios) {
    if (selected(options.filters, file, feature, s)) chosen.push_back(std::move(s));
  }
  run_isolated(
      chosen, [&](const Scenario& s) { return run_scenario(s, config, make_engine_target); }, isolation,
      [&](std::size_t i, const Outcome& o) { reporter.scenario(file.relative, chosen[i].name, o); });
}

int run(const Options& options) {
  std::vector<std::string> paths = options.paths;
  std::optional<std::string> tck = default_tck_dir();
  if (paths.empty()) {
    if (!tck) {
      std::cerr << "ergo-tck: no TCK found (looked for ../shared/tck/features beside the repository); skipping\n";
      return exit_no_tck;
    }
    paths.push_back(*tck + "/features");
  }
  std::optional<std::size_t> floor;
  if (options.floor_file) floor = read_floor(*options.floor_file);
  std::vector<FeatureFile> files = find_feature_files(paths);

  RunnerConfig config;
  config.strict_errors = options.strict_errors;
  if (options.graphs_dir) config.graphs_dir = *options.graphs_dir;
  else if (auto beside = graphs_dir_beside(paths.front())) config.graphs_dir = *beside;
  else if (tck) config.graphs_dir = *tck + "/graphs";
  IsolationConfig isolation{options.fork, options.timeout_seconds, options.memory_limit_mb};

  Reporter reporter(std::cout, options.verbose);
  for (const FeatureFile& file : files) run_feature(file, options, config, isolation, reporter);

  if (options.summary_by_folder) reporter.print_folder_summary();
  reporter.print_error_statistics();
  if (options.list_failures && !reporter.write_failures(*options.list_failures)) {
    std::cerr << "ergo-tck: cannot write " << *options.list_failures << '\n';
  }
  bool below_floor = floor && reporter.totals().passed < *floor;
  if (floor) std::cout << "floor: " << *floor << ", passed: " << reporter.totals().passed << '\n';
  reporter.print_totals();
  return below_floor ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (options.help) {
      std::cout << usage_text();
      return 0;
    }
    return run(options);
  } catch (const UsageError& e) {
    std::cerr << "ergo-tck: " << e.what() << "\n\n" << usage_text();
    return exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "ergo-tck: " << e.what() << '\n';
    return exit_broken;
  }
}
