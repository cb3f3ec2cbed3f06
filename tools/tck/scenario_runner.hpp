// Running one scenario: plan its steps, then play them against a fresh
// QueryTarget — load graphs, run setup and test queries, check results,
// errors and side effects — and return the verdict with its reason.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "tools/tck/error_match.hpp"
#include "tools/tck/gherkin.hpp"
#include "tools/tck/query_target.hpp"

namespace ergo::tck {

enum class Status { pass, fail, skip };
const char* status_name(Status s);  // "PASS", "FAIL", "SKIP"

struct Outcome {
  Status status = Status::pass;
  std::string reason;   // why it failed or was skipped; first line is the summary
  std::string details;  // the query, expected and actual, for --verbose
  // For scenarios that expect an error and got one of the right type: did
  // the phase and the detail code match too? (Counted, not required, unless
  // RunnerConfig::strict_errors.)
  std::optional<Check> error_phase;
  std::optional<Check> error_detail;
};

struct RunnerConfig {
  std::string graphs_dir;       // where named graphs live
  bool strict_errors = false;   // fail on a phase or detail-code mismatch too
};

using TargetFactory = std::function<std::unique_ptr<QueryTarget>()>;

// Never throws for anything the engine does: its exceptions become FAIL.
Outcome run_scenario(const Scenario& scenario, const RunnerConfig& config, const TargetFactory& make_target);

}  // namespace ergo::tck
