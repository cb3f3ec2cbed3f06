// Tests of running whole scenarios against a scripted fake database: results,
// errors, side effects, parameters, control queries, and the verdicts for
// unknown steps, unsupported steps and engine misbehaviour.
#include "tools/tck/scenario_runner.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "tools/tck/steps.hpp"

namespace ergo::tck {
namespace {

// Answers each query from a script; a query not in the script is a syntax
// error. Queries starting with "CREATE" add one labelled node with one property.
class FakeTarget final : public QueryTarget {
 public:
  using Answer = std::function<ActualTable(const Params&)>;
  explicit FakeTarget(std::map<std::string, Answer> script, std::vector<std::string>* log)
      : script_(std::move(script)), log_(log) {}

  ActualTable execute(std::string_view query, const Params& params) override {
    if (log_) log_->emplace_back(query);
    if (query.substr(0, 6) == "CREATE") {
      stats_.nodes += 1;
      stats_.labels = 1;
      stats_.properties += 1;
      return {};
    }
    auto it = script_.find(std::string(query));
    if (it == script_.end()) throw Error(ErrorKind::syntax_error, "cannot parse `" + std::string(query) + "`");
    return it->second(params);
  }
  GraphStatistics statistics() const override { return stats_; }
  void add_procedure(const std::string& signature, const std::vector<std::string>& header,
                     const std::vector<std::vector<Value>>& rows) override {
    if (log_) {
      std::string entry = "procedure " + signature + " [";
      for (const std::string& h : header) entry += h + ";";
      entry += "] " + std::to_string(rows.size()) + " rows";
      for (const auto& row : rows) {
        for (const Value& v : row) entry += " " + v.to_cypher();
      }
      log_->push_back(entry);
    }
  }

 private:
  std::map<std::string, Answer> script_;
  std::vector<std::string>* log_;
  GraphStatistics stats_;
};

ActualTable table(std::vector<std::string> columns, std::vector<std::vector<TckValue>> rows) {
  return ActualTable{std::move(columns), std::move(rows)};
}

Outcome run(const std::string& feature_text, std::map<std::string, FakeTarget::Answer> script,
            std::vector<std::string>* log = nullptr, RunnerConfig config = {}) {
  auto scenarios = expand_scenarios(parse_feature(feature_text));
  EXPECT_EQ(scenarios.size(), 1u);
  return run_scenario(scenarios.at(0), config, [&] { return std::make_unique<FakeTarget>(script, log); });
}

const char* returns_one = R"(Feature: F
  Scenario: [1] S
    Given an empty graph
    When executing query:
      """
      RETURN 1 AS x
      """
    Then the result should be, in any order:
      | x |
      | 1 |
    And no side effects
)";

TEST(TckScenarioRunner, PassesWhenResultMatches) {
  Outcome o = run(returns_one, {{"RETURN 1 AS x", [](const Params&) { return table({"x"}, {{1}}); }}});
  EXPECT_EQ(o.status, Status::pass) << o.reason;
}

TEST(TckScenarioRunner, FailsWithTheDifference) {
  Outcome o = run(returns_one, {{"RETURN 1 AS x", [](const Params&) { return table({"x"}, {{1.0}}); }}});
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_EQ(o.reason, "expected 1 rows, got 1; missing | 1 | (+1 more)");
  EXPECT_NE(o.details.find("RETURN 1 AS x"), std::string::npos) << o.details;
  EXPECT_NE(o.details.find("line 8"), std::string::npos) << o.details;
}

TEST(TckScenarioRunner, FailsWhenTheQueryRaises) {
  Outcome o = run(returns_one, {});
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_EQ(o.reason, "query raised SyntaxError: cannot parse `RETURN 1 AS x`");
}

TEST(TckScenarioRunner, ChecksSideEffectsOfTheQueryOnly) {
  // Neither the setup query nor the control query counts.
  const char* text = R"(Feature: F
  Scenario: [1] S
    Given an empty graph
    And having executed:
      """
      CREATE (:Setup {k: 1})
      """
    When executing query:
      """
      CREATE (:A {k: 1})
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 1 |
      | +properties | 1 |
    When executing control query:
      """
      CREATE (:Control {k: 1})
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 1 |
      | +properties | 1 |
)";
  Outcome o = run(text, {});
  EXPECT_EQ(o.status, Status::pass) << o.reason;
}

TEST(TckScenarioRunner, SideEffectMismatchIsReported) {
  const char* text = R"(Feature: F
  Scenario: [1] S
    Given any graph
    When executing query:
      """
      CREATE (:A {k: 1})
      """
    Then the result should be empty
    And no side effects
)";
  Outcome o = run(text, {});
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_EQ(o.reason, "side effects: expected none, got +nodes 1, +labels 1, +properties 1");
}

TEST(TckScenarioRunner, ExpectedErrorPassesOnTypeAndCountsPhaseAndDetail) {
  const char* text = R"(Feature: F
  Scenario: [1] S
    Given any graph
    When executing query:
      """
      RETURN x
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable
    And no side effects
)";
  Outcome o = run(text, {});
  EXPECT_EQ(o.status, Status::pass) << o.reason;
  EXPECT_EQ(o.error_phase, Check::matched);
  EXPECT_EQ(o.error_detail, Check::mismatched);  // the fake's message has no detail code
  RunnerConfig strict;
  strict.strict_errors = true;
  Outcome s = run(text, {}, nullptr, strict);
  EXPECT_EQ(s.status, Status::fail);
  EXPECT_EQ(s.reason.rfind("expected SyntaxError at compile time (UndefinedVariable), got SyntaxError", 0), 0u)
      << s.reason;
}

// The engine's detail code, once ergo::Error carries one, decides the detail check.
TEST(TckScenarioRunner, DetailCodeComesFromTheEngine) {
  if constexpr (requires(Error& e) { e.with_code("x"); }) {
    const char* text = R"(Feature: F
  Scenario: [1] S
    When executing query:
      """
      RETURN x
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable
)";
    auto with_code = [](const char* code) {
      return [code](const Params&) -> ActualTable {
        Error e(ErrorKind::semantic_error, "variable `x` is not defined");
        throw e.with_code(code);
      };
    };
    Outcome o = run(text, {{"RETURN x", with_code("UndefinedVariable")}});
    EXPECT_EQ(o.status, Status::pass) << o.reason;
    EXPECT_EQ(o.error_detail, Check::matched);
    o = run(text, {{"RETURN x", with_code("VariableTypeConflict")}});
    EXPECT_EQ(o.status, Status::pass) << o.reason;  // counted, not required
    EXPECT_EQ(o.error_detail, Check::mismatched);
  } else {
    GTEST_SKIP() << "ergo::Error has no detail code yet";
  }
}

TEST(TckScenarioRunner, ExpectedErrorFailsWhenQuerySucceeds) {
  const char* text = R"(Feature: F
  Scenario: [1] S
    Given any graph
    When executing query:
      """
      RETURN 1 AS x
      """
    Then a TypeError should be raised at runtime: InvalidArgumentType
)";
  Outcome o = run(text, {{"RETURN 1 AS x", [](const Params&) { return table({"x"}, {{1}}); }}});
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_EQ(o.reason, "expected TypeError at runtime (InvalidArgumentType), but the query succeeded with 1 rows");
}

TEST(TckScenarioRunner, PassesParametersAndRunsControlQueries) {
  const char* text = R"(Feature: F
  Scenario: [1] S
    Given an empty graph
    And parameters are:
      | p | [1, 'a'] |
    When executing query:
      """
      RETURN $p AS p
      """
    Then the result should be, in order:
      | p        |
      | [1, 'a'] |
    When executing control query:
      """
      RETURN 2 AS y
      """
    Then the result should be, in any order:
      | y |
      | 2 |
)";
  std::vector<std::string> log;
  Outcome o = run(text,
                  {{"RETURN $p AS p",
                    [](const Params& p) {
                      EXPECT_EQ(p.at("p").to_cypher(), "[1, 'a']");
                      return table({"p"}, {{TckList{1, "a"}}});
                    }},
                   {"RETURN 2 AS y", [](const Params&) { return table({"y"}, {{2}}); }}},
                  &log);
  EXPECT_EQ(o.status, Status::pass) << o.reason;
  EXPECT_EQ(log, (std::vector<std::string>{"RETURN $p AS p", "RETURN 2 AS y"}));
}

TEST(TckScenarioRunner, FailedSetupFailsTheScenario) {
  const char* text = R"(Feature: F
  Scenario: [1] S
    Given an empty graph
    And having executed:
      """
      BROKEN
      """
    When executing query:
      """
      RETURN 1 AS x
      """
    Then the result should be empty
)";
  Outcome o = run(text, {});
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_EQ(o.reason, "setup query ('having executed') failed: SyntaxError: cannot parse `BROKEN`");
}

TEST(TckScenarioRunner, UnknownStepFailsBeforeRunning) {
  const char* text = R"(Feature: F
  Scenario: [1] S
    Given a graph with a unicorn
    When executing query:
      """
      RETURN 1 AS x
      """
    Then the result should be empty
)";
  std::vector<std::string> log;
  Outcome o = run(text, {}, &log);
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_EQ(o.reason, "line 3: 'Given a graph with a unicorn': unknown step");
  EXPECT_TRUE(log.empty());
}

TEST(TckScenarioRunner, MalformedExpectedValueFails) {
  const char* text = R"(Feature: F
  Scenario: [1] S
    When executing query:
      """
      RETURN 1 AS x
      """
    Then the result should be, in any order:
      | x    |
      | [1,  |
)";
  Outcome o = run(text, {});
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_NE(o.reason.find("expected row 1, column 'x'"), std::string::npos) << o.reason;
}

TEST(TckScenarioRunner, SkipsIgnoredAndUnsupportedSteps) {
  const char* ignored = R"(Feature: F
  @ignore
  Scenario: [1] S
    When executing query:
      """
      RETURN 1
      """
    Then the result should be empty
)";
  Outcome o = run(ignored, {});
  EXPECT_EQ(o.status, Status::skip);
  EXPECT_EQ(o.reason, "tagged @ignore in the TCK");
  const char* procedure = R"(Feature: F
  Scenario: [1] S
    And there exists a procedure test.my.proc() :: (out :: INTEGER?):
      | out |
      | 1   |
    When executing query:
      """
      CALL test.my.proc()
      """
    Then the result should be empty
)";
  std::vector<std::string> log;
  o = run(procedure, {{"CALL test.my.proc()", [](const Params&) { return ActualTable{}; }}}, &log);
  EXPECT_EQ(o.status, Status::pass) << o.reason;
  EXPECT_EQ(log, (std::vector<std::string>{"procedure test.my.proc() :: (out :: INTEGER?) [out;] 1 rows 1",
                                           "CALL test.my.proc()"}));
  const char* csv = R"(Feature: F
  Scenario: [1] S
    Given there exists a CSV file with URL as $param, with rows:
      | a |
    When executing query:
      """
      RETURN 1
      """
    Then the result should be empty
)";
  o = run(csv, {});
  EXPECT_EQ(o.status, Status::skip);
  EXPECT_EQ(o.reason.rfind("CSV files are not supported", 0), 0u) << o.reason;
}

// The table of a declared procedure: the first row names the columns; a
// VOID procedure's table is one empty row.
TEST(TckScenarioRunner, DeclaresProcedures) {
  const char* feature = R"(Feature: F
  Scenario: [1] S
    Given an empty graph
    And there exists a procedure test.doNothing() :: ():
      |
    And there exists a procedure test.my.proc(in :: STRING?) :: (out :: INTEGER?):
      | in  | out |
      | 'a' | 1   |
      | 'b' | 2   |
    When executing query:
      """
      CALL test.doNothing()
      """
    Then the result should be empty
)";
  std::vector<std::string> log;
  Outcome o = run(feature, {{"CALL test.doNothing()", [](const Params&) { return ActualTable{}; }}}, &log);
  EXPECT_EQ(o.status, Status::pass) << o.reason;
  EXPECT_EQ(log, (std::vector<std::string>{"procedure test.doNothing() :: () [] 0 rows",
                                           "procedure test.my.proc(in :: STRING?) :: (out :: INTEGER?) [in;out;] 2 "
                                           "rows 'a' 1 'b' 2",
                                           "CALL test.doNothing()"}));
}

TEST(TckScenarioRunner, NonErgoExceptionsAreFailures) {
  Outcome o = run(returns_one, {{"RETURN 1 AS x", [](const Params&) -> ActualTable { throw std::logic_error("oops"); }}});
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_EQ(o.reason, "engine threw a non-ergo exception: oops");
  o = run(returns_one, {{"RETURN 1 AS x", [](const Params&) -> ActualTable { throw 42; }}});
  EXPECT_EQ(o.reason, "engine threw an unknown exception");
}

TEST(TckScenarioRunner, ScenarioWithoutAQueryFails) {
  Outcome o = run("Feature: F\n  Scenario: [1] S\n    Given an empty graph\n", {});
  EXPECT_EQ(o.status, Status::fail);
  EXPECT_EQ(o.reason, "no 'When executing query:' step");
}

}  // namespace
}  // namespace ergo::tck
