// Containment: the scenarios of one feature file run in a forked child
// process that streams each verdict back through a pipe, so an engine crash
// or hang costs one scenario, not the run. The parent kills a child whose
// scenario exceeds the time limit, reports that scenario as FAIL, and goes
// on with the rest of the feature in a new child.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "tools/tck/gherkin.hpp"
#include "tools/tck/scenario_runner.hpp"

namespace ergo::tck {

struct IsolationConfig {
  bool fork = true;                  // false: run in this process (for debuggers)
  double timeout_seconds = 10;       // per scenario
  std::size_t memory_limit_mb = 4096;  // address-space cap of a child; 0: none
};

using RunOne = std::function<Outcome(const Scenario&)>;
using Report = std::function<void(std::size_t index, const Outcome& outcome)>;

// Calls `report` once per scenario, in order.
void run_isolated(const std::vector<Scenario>& scenarios, const RunOne& run_one, const IsolationConfig& config,
                  const Report& report);

}  // namespace ergo::tck
