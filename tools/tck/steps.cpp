// Matching step text to the TCK's step forms (the list in the TCK's own
// TCKStepDefinitions) and parsing each step's argument; see steps.hpp.
#include "tools/tck/steps.hpp"

#include <algorithm>
#include <regex>

#include "tools/tck/value_parser.hpp"

namespace ergo::tck {
namespace {

// A problem with one step; plan_scenario turns it into Plan::error.
struct StepProblem {
  std::string what;
};

const std::string& need_doc_string(const Step& step) {
  if (!step.doc_string) throw StepProblem{"needs a doc string (\"\"\" ... \"\"\")"};
  return *step.doc_string;
}

const Table& need_table(const Step& step) {
  if (!step.table) throw StepProblem{"needs a table"};
  return *step.table;
}

void forbid_argument(const Step& step) {
  if (step.doc_string || step.table) throw StepProblem{"takes no doc string or table"};
}

template <class A>
Action without_argument(const Step& step, A action) {
  forbid_argument(step);
  return action;
}

SetParameters parse_parameters(const Table& table) {
  SetParameters out;
  for (const auto& row : table) {
    if (row.size() != 2) throw StepProblem{"parameter rows need 2 cells (name | value)"};
    try {
      out.values.emplace_back(row[0], parse_tck_value(row[1]));
    } catch (const ValueSyntaxError& e) {
      throw StepProblem{"parameter '" + row[0] + "': " + e.what()};
    }
  }
  return out;
}

ExpectRows expect_rows(const Step& step, RowOrder rows, ListOrder lists) {
  try {
    return ExpectRows{parse_expected_table(need_table(step)), rows, lists};
  } catch (const ValueSyntaxError& e) {
    throw StepProblem{e.what()};
  }
}

// "there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):"
// with a table whose first row names the argument and output columns (a
// VOID procedure's table may be a single empty row).
DeclareProcedure declare_procedure(const std::string& signature, const Step& step) {
  DeclareProcedure out{signature, {}, {}};
  if (!step.table || step.table->empty()) return out;
  const Table& table = *step.table;
  for (const std::string& cell : table.front()) {
    if (!cell.empty()) out.header.push_back(cell);
  }
  for (std::size_t r = 1; r < table.size(); ++r) {
    if (table[r].size() != out.header.size()) throw StepProblem{"procedure rows need one cell per column"};
    std::vector<TckValue> row;
    for (const std::string& cell : table[r]) {
      try {
        row.push_back(parse_tck_value(cell));
      } catch (const ValueSyntaxError& e) {
        throw StepProblem{"procedure row " + std::to_string(r) + ": " + e.what()};
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

// Step forms of the TCK this runner deliberately does not run.
std::optional<std::string> unsupported_form(const std::string& text) {
  static const std::regex csv(R"(^there exists a CSV file with URL as \$.*, with rows:$)");
  static const std::regex gql(R"(^an? error with GQL code .+ should be raised.*$)");
  if (std::regex_match(text, csv)) return "CSV files are not supported";
  if (std::regex_match(text, gql)) return "GQL status codes are not supported";
  return std::nullopt;
}

Action plan_step(const Step& step) {
  const std::string& t = step.text;
  static const std::regex named_graph(R"(^the (.+) graph$)");
  static const std::regex procedure(R"(^there exists a procedure (.+):$)");
  std::smatch m;
  if (std::regex_match(t, m, procedure)) return declare_procedure(m[1].str(), step);
  if (t == "an empty graph") return without_argument(step, GivenGraph{GivenGraph::Kind::empty, {}});
  if (t == "any graph") return without_argument(step, GivenGraph{GivenGraph::Kind::any, {}});
  if (std::regex_match(t, m, named_graph)) return without_argument(step, GivenGraph{GivenGraph::Kind::named, m[1].str()});
  if (t == "having executed:") return RunSetup{need_doc_string(step)};
  if (t == "parameters are:") return parse_parameters(need_table(step));
  if (t == "executing query:") return RunQuery{need_doc_string(step), false};
  if (t == "executing control query:") return RunQuery{need_doc_string(step), true};
  if (t == "the result should be, in any order:") return expect_rows(step, RowOrder::any, ListOrder::ordered);
  if (t == "the result should be, in order:") return expect_rows(step, RowOrder::in_order, ListOrder::ordered);
  if (t == "the result should be (ignoring element order for lists):") {
    return expect_rows(step, RowOrder::any, ListOrder::unordered);
  }
  if (t == "the result should be, in order (ignoring element order for lists):") {
    return expect_rows(step, RowOrder::in_order, ListOrder::unordered);
  }
  if (t == "the result should be empty") return without_argument(step, ExpectEmpty{});
  if (t == "no side effects") return without_argument(step, ExpectSideEffects{});
  if (t == "the side effects should be:") {
    try {
      return ExpectSideEffects{parse_side_effects(need_table(step))};
    } catch (const SideEffectsError& e) {
      throw StepProblem{e.what()};
    }
  }
  try {
    if (auto e = parse_expected_error(t)) return without_argument(step, ExpectError{*e});
  } catch (const ErrorStepError& e) {
    throw StepProblem{e.what()};
  }
  throw StepProblem{"unknown step"};
}

bool has_tag(const Scenario& s, const std::string& tag) {
  return std::find(s.tags.begin(), s.tags.end(), tag) != s.tags.end();
}

}  // namespace

Plan plan_scenario(const Scenario& scenario) {
  Plan plan;
  if (has_tag(scenario, "ignore")) {
    plan.skip_reason = "tagged @ignore in the TCK";
    return plan;
  }
  for (const Step& step : scenario.steps) {
    std::string text = step.keyword + " " + step.text;
    if (auto why = unsupported_form(step.text)) {
      plan.skip_reason = *why + " (line " + std::to_string(step.line) + ": " + text + ")";
      return plan;
    }
    try {
      plan.steps.push_back(PlannedStep{plan_step(step), step.line, text});
    } catch (const StepProblem& p) {
      plan.error = "line " + std::to_string(step.line) + ": '" + text + "': " + p.what;
      return plan;
    }
  }
  bool runs_query = std::any_of(plan.steps.begin(), plan.steps.end(), [](const PlannedStep& s) {
    auto* q = std::get_if<RunQuery>(&s.action);
    return q && !q->control;
  });
  bool checks = std::any_of(plan.steps.begin(), plan.steps.end(), [](const PlannedStep& s) {
    return std::holds_alternative<ExpectRows>(s.action) || std::holds_alternative<ExpectEmpty>(s.action) ||
           std::holds_alternative<ExpectError>(s.action);
  });
  if (!runs_query) plan.error = "no 'When executing query:' step";
  else if (!checks) plan.error = "no 'Then' step checking the result or error";
  return plan;
}

}  // namespace ergo::tck
