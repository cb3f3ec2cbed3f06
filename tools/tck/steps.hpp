// Steps, understood: each Gherkin step of a scenario is matched against the
// TCK's step forms and its argument parsed (queries, parameter values,
// expected tables, side effects) before anything runs, so a scenario with an
// unknown step or a malformed table fails without touching the engine.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "tools/tck/error_match.hpp"
#include "tools/tck/gherkin.hpp"
#include "tools/tck/result_compare.hpp"
#include "tools/tck/side_effects.hpp"
#include "tools/tck/tck_value.hpp"

namespace ergo::tck {

struct GivenGraph {
  enum class Kind { empty, any, named };
  Kind kind = Kind::empty;
  std::string name;  // for Kind::named
};
struct RunSetup {  // "having executed:"
  std::string query;
};
struct SetParameters {  // "parameters are:"
  std::vector<std::pair<std::string, TckValue>> values;
};
struct RunQuery {  // "executing query:" / "executing control query:"
  std::string query;
  bool control = false;
};
struct ExpectRows {
  ExpectedTable table;
  RowOrder rows = RowOrder::any;
  ListOrder lists = ListOrder::ordered;
};
struct ExpectEmpty {};
struct ExpectError {
  ExpectedError error;
};
struct ExpectSideEffects {  // "no side effects" is all zeros
  SideEffects effects;
};
struct DeclareProcedure {  // "there exists a procedure SIGNATURE:" with its table
  std::string signature;
  std::vector<std::string> header;
  std::vector<std::vector<TckValue>> rows;
};

using Action = std::variant<GivenGraph, RunSetup, SetParameters, RunQuery, ExpectRows, ExpectEmpty, ExpectError,
                            ExpectSideEffects, DeclareProcedure>;

struct PlannedStep {
  Action action;
  std::size_t line = 0;
  std::string text;  // "Then the result should be empty", for reports
};

struct Plan {
  std::vector<PlannedStep> steps;
  // Set when the scenario is deliberately not run (an @ignore tag, a step
  // form this runner does not support); it is reported as SKIP.
  std::optional<std::string> skip_reason;
  // Set when the scenario cannot be run as written (unknown step, missing
  // argument, malformed value); it is reported as FAIL.
  std::optional<std::string> error;
};

Plan plan_scenario(const Scenario& scenario);

}  // namespace ergo::tck
