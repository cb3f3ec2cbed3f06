// The subset of Gherkin the openCypher TCK uses: Feature, Background,
// Scenario, Scenario Outline + Examples, tags, steps with doc strings and
// data tables, comments. parse_feature() reads one .feature text;
// expand_scenarios() turns outlines into one concrete scenario per example.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ergo::tck {

class GherkinError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A data table: rows of cells, already unescaped (`\|` → `|`, `\\` → `\`,
// `\n` → newline) and trimmed.
using Table = std::vector<std::vector<std::string>>;

struct Step {
  std::string keyword;  // Given, When, Then, And, But, *
  std::string text;     // after the keyword, trimmed
  std::optional<std::string> doc_string;
  std::optional<Table> table;
  std::size_t line = 0;  // 1-based line of the step in the file
};

struct Examples {
  std::vector<std::string> tags;
  Table table;  // first row: the placeholder names
  std::size_t line = 0;
};

struct ScenarioDefinition {
  std::string name;
  std::vector<std::string> tags;  // without '@'
  bool outline = false;
  std::vector<Step> steps;
  std::vector<Examples> examples;
  std::size_t line = 0;
};

struct Feature {
  std::string name;
  std::vector<std::string> tags;
  std::vector<Step> background;
  std::vector<ScenarioDefinition> scenarios;
};

// A runnable scenario: background steps first, placeholders substituted.
struct Scenario {
  std::string name;  // "[3] Name" or "[3] Name (example 2)"
  std::vector<std::string> tags;  // feature, scenario and examples tags
  std::vector<Step> steps;
  std::size_t line = 0;
};

// Parses one feature file's text. Throws GherkinError naming `source` and
// the line ("Match5.feature:12: unterminated doc string").
Feature parse_feature(std::string_view text, std::string_view source = "<feature>");

// One Scenario per plain scenario, one per Examples row of each outline
// (numbered "(example K)" from 1 across all of its Examples tables).
std::vector<Scenario> expand_scenarios(const Feature& feature);

// Replaces each `<name>` whose name is a column of the example row; other
// text (including `<=`) is left alone. Exposed for the tests.
std::string substitute_placeholders(std::string_view text, const std::vector<std::string>& names,
                                    const std::vector<std::string>& values);

}  // namespace ergo::tck
