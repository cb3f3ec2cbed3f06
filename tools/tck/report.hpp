// The run's report: one line per scenario as it finishes, then (on request)
// a per-folder table, the error-matching statistics, the floor check, and
// always last the line "N passed, N failed, N skipped".
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "tools/tck/scenario_runner.hpp"

namespace ergo::tck {

struct Counts {
  std::size_t passed = 0, failed = 0, skipped = 0;
};

class Reporter {
 public:
  Reporter(std::ostream& out, bool verbose) : out_(out), verbose_(verbose) {}

  // `feature` is the path below features/, `name` "[N] scenario name".
  void scenario(const std::string& feature, const std::string& name, const Outcome& outcome);
  // A feature file that cannot be read or parsed counts as one failure.
  void feature_error(const std::string& feature, const std::string& what);

  void print_folder_summary();   // a Markdown table, one row per folder
  void print_error_statistics();  // how many expected errors matched in phase and detail
  void print_totals();            // "N passed, N failed, N skipped"

  // Writes "<feature>  <name> — <reason>" per failure; false when FILE cannot be written.
  bool write_failures(const std::string& file) const;

  const Counts& totals() const { return totals_; }

 private:
  void count(const std::string& feature, Status status);

  std::ostream& out_;
  bool verbose_;
  Counts totals_;
  std::map<std::string, Counts> folders_;
  std::vector<std::string> failures_;
  std::size_t errors_judged_ = 0, phase_matched_ = 0, detail_matched_ = 0;
};

// The first line of `text`.
std::string first_line(const std::string& text);

}  // namespace ergo::tck
