// Plays a planned scenario against a QueryTarget (see scenario_runner.hpp).
// One ScenarioRun per scenario holds the state the TCK's steps share: the
// parameters, the last query's result or error, and the statistics around
// the last (non-control) query for the side-effect checks.
#include "tools/tck/scenario_runner.hpp"

#include <variant>

#include "tools/tck/convert.hpp"
#include "tools/tck/named_graphs.hpp"
#include "tools/tck/steps.hpp"

namespace ergo::tck {
namespace {

// Ends the scenario with FAIL.
struct Failure {
  std::string reason;
  std::string details;
};

// The detail code of an ergo::Error, once the engine exposes one as
// `code()`; until then empty, and the runner looks for it in the message.
template <class E>
std::string error_code(const E& e) {
  if constexpr (requires { e.code(); }) {
    return std::string(e.code());
  } else {
    return {};
  }
}

std::string indent(const std::string& text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out + "\n";
}

std::string describe(const ActualError& e) { return std::string(ergo::kind_name(e.kind)) + ": " + e.message; }

class ScenarioRun {
 public:
  ScenarioRun(const RunnerConfig& config, std::unique_ptr<QueryTarget> target)
      : config_(config), target_(std::move(target)) {}

  Outcome run(const Plan& plan) {
    Outcome outcome;
    try {
      for (const PlannedStep& step : plan.steps) {
        step_ = &step;
        std::visit([this](const auto& action) { perform(action); }, step.action);
      }
      step_ = nullptr;
      require_error_consumed();
    } catch (const Failure& f) {
      outcome.status = Status::fail;
      outcome.reason = f.reason;
      outcome.details = f.details;
      if (step_) outcome.details = "failed at line " + std::to_string(step_->line) + ": " + step_->text + "\n" + outcome.details;
    } catch (const std::exception& e) {
      outcome.status = Status::fail;
      outcome.reason = std::string("runner error: ") + e.what();
    }
    outcome.error_phase = error_phase_;
    outcome.error_detail = error_detail_;
    return outcome;
  }

 private:
  std::string query_details() const {
    std::string out = "query:\n" + indent(query_);
    if (!params_.empty()) {
      out += "parameters:\n";
      for (const auto& [name, value] : params_) out += "    $" + name + " = " + value.to_cypher() + "\n";
    }
    return out;
  }

  // Runs a query, turning anything but ergo::Error into a Failure.
  ActualTable execute(const std::string& query, const ergo::Params& params) {
    try {
      return target_->execute(query, params);
    } catch (const ergo::Error&) {
      throw;
    } catch (const std::exception& e) {
      throw Failure{std::string("engine threw a non-ergo exception: ") + e.what(), "query:\n" + indent(query)};
    } catch (...) {
      throw Failure{"engine threw an unknown exception", "query:\n" + indent(query)};
    }
  }

  ergo::GraphStatistics statistics() {
    try {
      return target_->statistics();
    } catch (const std::exception& e) {
      throw Failure{std::string("reading the graph statistics failed: ") + e.what(), {}};
    } catch (...) {
      throw Failure{"reading the graph statistics failed with an unknown exception", {}};
    }
  }

  void setup_query(const std::string& query, const std::string& what) {
    try {
      execute(query, {});
    } catch (const ergo::Error& e) {
      throw Failure{what + " failed: " + ergo::kind_name(e.kind()) + ": " + e.message(), "query:\n" + indent(query)};
    }
  }

  void perform(const GivenGraph& g) {
    if (g.kind != GivenGraph::Kind::named) return;  // a fresh database is empty, and empty is "any graph"
    std::vector<std::string> statements;
    try {
      statements = named_graph_statements(config_.graphs_dir, g.name);
    } catch (const NamedGraphError& e) {
      throw Failure{std::string("cannot load named graph: ") + e.what(), {}};
    }
    for (const std::string& s : statements) setup_query(s, "creating named graph '" + g.name + "'");
  }

  void perform(const RunSetup& s) {
    require_error_consumed();
    setup_query(s.query, "setup query ('having executed')");
  }

  void perform(const DeclareProcedure& d) {
    std::vector<std::vector<ergo::Value>> rows;
    try {
      for (const auto& row : d.rows) {
        rows.emplace_back();
        for (const TckValue& cell : row) rows.back().push_back(to_ergo_value(cell));
      }
      target_->add_procedure(d.signature, d.header, rows);
    } catch (const ConversionError& e) {
      throw Failure{"procedure " + d.signature + ": " + e.what(), {}};
    } catch (const ergo::Error& e) {
      throw Failure{"declaring procedure " + d.signature + " failed: " + e.message(), {}};
    }
  }

  void perform(const SetParameters& p) {
    for (const auto& [name, value] : p.values) {
      try {
        params_[name] = to_ergo_value(value);
      } catch (const ConversionError& e) {
        throw Failure{"parameter '" + name + "': " + e.what(), {}};
      }
    }
  }

  void perform(const RunQuery& q) {
    require_error_consumed();
    query_ = q.query;
    result_.reset();
    error_.reset();
    if (!q.control) before_ = statistics();
    try {
      result_ = execute(q.query, params_);
    } catch (const ergo::Error& e) {
      error_ = ActualError{e.kind(), e.message(), error_code(e)};
      error_consumed_ = false;
    }
    if (!q.control) after_ = statistics();
  }

  const ActualTable& need_result() {
    if (error_) {
      error_consumed_ = true;
      throw Failure{"query raised " + describe(*error_), query_details()};
    }
    if (!result_) throw Failure{"no query has run before this step", {}};
    return *result_;
  }

  void perform(const ExpectRows& e) {
    const ActualTable& actual = need_result();
    if (auto mismatch = compare_tables(e.table, actual, e.rows, e.lists)) {
      throw Failure{mismatch->summary, query_details() + mismatch->details};
    }
  }

  void perform(const ExpectEmpty&) {
    const ActualTable& actual = need_result();
    if (!actual.rows.empty()) {
      throw Failure{"expected no rows, got " + std::to_string(actual.rows.size()),
                    query_details() + "actual:\n" + render_table(actual.columns, actual.rows)};
    }
  }

  void perform(const ExpectError& e) {
    const std::string expected = e.error.type + " at " + phase_name(e.error.phase) + " (" + e.error.detail + ")";
    if (result_) {
      throw Failure{"expected " + expected + ", but the query succeeded with " + std::to_string(result_->rows.size()) +
                        " rows",
                    query_details() + "actual:\n" + render_table(result_->columns, result_->rows)};
    }
    if (!error_) throw Failure{"no query has run before this step", {}};
    error_consumed_ = true;
    ErrorVerdict v = judge_error(e.error, *error_);
    if (!v.type_matches) throw Failure{v.explanation, query_details()};
    error_phase_ = v.phase;
    error_detail_ = v.detail;
    if (config_.strict_errors && (v.phase == Check::mismatched || v.detail == Check::mismatched)) {
      throw Failure{v.explanation, query_details()};
    }
  }

  void perform(const ExpectSideEffects& e) {
    if (!before_ || !after_) throw Failure{"no query has run before this step", {}};
    SideEffects actual = diff_statistics(*before_, *after_);
    if (!(actual == e.effects)) {
      throw Failure{"side effects: expected " + render(e.effects) + ", got " + render(actual), query_details()};
    }
  }

  void require_error_consumed() {
    if (error_ && !error_consumed_) {
      error_consumed_ = true;
      throw Failure{"query raised " + describe(*error_), query_details()};
    }
  }

  const RunnerConfig& config_;
  std::unique_ptr<QueryTarget> target_;
  const PlannedStep* step_ = nullptr;
  ergo::Params params_;
  std::string query_;
  std::optional<ActualTable> result_;
  std::optional<ActualError> error_;
  bool error_consumed_ = true;
  std::optional<ergo::GraphStatistics> before_, after_;
  std::optional<Check> error_phase_, error_detail_;
};

}  // namespace

const char* status_name(Status s) {
  switch (s) {
    case Status::pass: return "PASS";
    case Status::fail: return "FAIL";
    case Status::skip: return "SKIP";
  }
  return "?";
}

Outcome run_scenario(const Scenario& scenario, const RunnerConfig& config, const TargetFactory& make_target) {
  Plan plan = plan_scenario(scenario);
  if (plan.skip_reason) return Outcome{Status::skip, *plan.skip_reason, {}, {}, {}};
  if (plan.error) return Outcome{Status::fail, *plan.error, {}, {}, {}};
  std::unique_ptr<QueryTarget> target;
  try {
    target = make_target();
  } catch (const std::exception& e) {
    return Outcome{Status::fail, std::string("cannot create a database: ") + e.what(), {}, {}, {}};
  }
  return ScenarioRun(config, std::move(target)).run(plan);
}

}  // namespace ergo::tck
