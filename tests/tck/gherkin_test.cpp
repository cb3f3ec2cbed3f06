// Tests of the TCK runner's Gherkin reader: features, backgrounds, doc
// strings, tables with escapes, tags, comments, outline expansion and the
// errors for text it cannot place.
#include "tools/tck/gherkin.hpp"

#include <gtest/gtest.h>

namespace ergo::tck {
namespace {

TEST(TckGherkin, ReadsScenarioWithDocStringAndTable) {
  Feature f = parse_feature(R"(#encoding: utf-8
Feature: Match1 - Match nodes

  Scenario: [1] Match a node
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})
        RETURN 1
      """
    When executing query:
      """
      MATCH (n) RETURN n
      """
    Then the result should be, in any order:
      | n                  |
      | (:A {name: 'a'})   |
    And no side effects
)");
  EXPECT_EQ(f.name, "Match1 - Match nodes");
  ASSERT_EQ(f.scenarios.size(), 1u);
  const ScenarioDefinition& s = f.scenarios[0];
  EXPECT_EQ(s.name, "[1] Match a node");
  ASSERT_EQ(s.steps.size(), 5u);
  EXPECT_EQ(s.steps[0].keyword, "Given");
  EXPECT_EQ(s.steps[0].text, "an empty graph");
  EXPECT_EQ(s.steps[1].keyword, "And");
  ASSERT_TRUE(s.steps[1].doc_string);
  EXPECT_EQ(*s.steps[1].doc_string, "CREATE (:A {name: 'a'})\n  RETURN 1");  // indent kept beyond the delimiter's
  ASSERT_TRUE(s.steps[3].table);
  ASSERT_EQ(s.steps[3].table->size(), 2u);
  EXPECT_EQ((*s.steps[3].table)[1][0], "(:A {name: 'a'})");
  EXPECT_EQ(s.steps[3].line, 15u);
}

TEST(TckGherkin, UnescapesTableCells) {
  Feature f = parse_feature(R"(Feature: F
  Scenario: [1] S
    Then the result should be, in any order:
      | a\|b | 'x\\\\y' | c\nd | '\'' |
)");
  const auto& row = (*f.scenarios[0].steps[0].table)[0];
  ASSERT_EQ(row.size(), 4u);
  EXPECT_EQ(row[0], "a|b");
  EXPECT_EQ(row[1], "'x\\\\y'");  // \\\\ in the file is \\ in the cell, one escaped backslash for the value
  EXPECT_EQ(row[2], "c\nd");
  EXPECT_EQ(row[3], "'\\''");  // unknown escapes stay as they are
}

TEST(TckGherkin, HandlesCrLfCommentsAndTags) {
  Feature f = parse_feature(
      "Feature: F\r\n  # a comment\r\n  @skipStyleCheck @ignore # trailing\r\n  Scenario: [1] S\r\n"
      "    When executing query:\r\n      \"\"\"\r\n      RETURN 1\r\n      \"\"\"\r\n"
      "    Then the result should be, in any order:\r\n      | 1 |\r\n      #| 2 |\r\n      | 1 |\r\n");
  const ScenarioDefinition& s = f.scenarios[0];
  EXPECT_EQ(s.tags, (std::vector<std::string>{"skipStyleCheck", "ignore"}));
  EXPECT_EQ(*s.steps[0].doc_string, "RETURN 1");
  EXPECT_EQ(s.steps[1].table->size(), 2u);  // the commented row is not part of it
}

TEST(TckGherkin, BackgroundStepsComeFirst) {
  Feature f = parse_feature(R"(Feature: F
  Background:
    Given an empty graph
  Scenario: [1] A
    When executing query:
      """
      RETURN 1
      """
  Scenario: [2] B
    When executing query:
      """
      RETURN 2
      """
)");
  auto scenarios = expand_scenarios(f);
  ASSERT_EQ(scenarios.size(), 2u);
  ASSERT_EQ(scenarios[1].steps.size(), 2u);
  EXPECT_EQ(scenarios[1].steps[0].text, "an empty graph");
  EXPECT_EQ(*scenarios[1].steps[1].doc_string, "RETURN 2");
}

TEST(TckGherkin, ExpandsOutlinesOnePerExampleRow) {
  Feature f = parse_feature(R"(Feature: F
  Scenario Outline: [4] Compare <op>
    When executing query:
      """
      RETURN 1 <op> 2 AS r, 1 <> 2 AS ne
      """
    Then the result should be, in any order:
      | r        |
      | <result> |

    Examples:
      | op | result |
      | <  | true   |
      | >  | false  |

    @extra
    Examples:
      | op | result |
      | =  | false  |
)");
  auto scenarios = expand_scenarios(f);
  ASSERT_EQ(scenarios.size(), 3u);
  EXPECT_EQ(scenarios[0].name, "[4] Compare < (example 1)");
  EXPECT_EQ(scenarios[2].name, "[4] Compare = (example 3)");
  EXPECT_EQ(*scenarios[1].steps[0].doc_string, "RETURN 1 > 2 AS r, 1 <> 2 AS ne");
  EXPECT_EQ((*scenarios[1].steps[1].table)[1][0], "false");
  EXPECT_EQ(scenarios[2].tags, std::vector<std::string>{"extra"});
}

TEST(TckGherkin, SubstitutionLeavesUnknownAnglesAlone) {
  EXPECT_EQ(substitute_placeholders("a <x> <= <y> <z>", {"x", "y"}, {"1", "<y>"}), "a 1 <= <y> <z>");
}

TEST(TckGherkin, NumbersUnnumberedScenarios) {
  Feature f = parse_feature("Feature: F\n  Scenario: first\n    Given any graph\n  Scenario: second\n    Given any graph\n");
  auto scenarios = expand_scenarios(f);
  EXPECT_EQ(scenarios[1].name, "[2] second");
}

TEST(TckGherkin, RejectsWhatItCannotPlace) {
  EXPECT_THROW(parse_feature("Scenario: [1] S\n"), GherkinError);  // no Feature
  EXPECT_THROW(parse_feature("Feature: F\n  Scenario: [1] S\n    Thne typo\n"), GherkinError);
  EXPECT_THROW(parse_feature("Feature: F\n  Scenario: [1] S\n    When executing query:\n      \"\"\"\n      RETURN 1\n"),
               GherkinError);  // unterminated doc string
  EXPECT_THROW(parse_feature("Feature: F\n  Scenario: [1] S\n    Then x:\n      | a | b |\n      | c |\n"),
               GherkinError);  // ragged table
  EXPECT_THROW(parse_feature("Feature: F\n  Scenario: [1] S\n    Given any graph\n  Examples:\n    | a |\n"),
               GherkinError);  // Examples under a plain scenario
  try {
    parse_feature("Feature: F\n  Scenario: [1] S\n    Thne typo\n", "x/My.feature");
    FAIL();
  } catch (const GherkinError& e) {
    EXPECT_NE(std::string(e.what()).find("x/My.feature:3"), std::string::npos) << e.what();
  }
}

TEST(TckGherkin, FeatureDescriptionIsIgnored) {
  Feature f = parse_feature("Feature: F\n  Some free text\n  about the feature.\n\n  Scenario: [1] S\n    Given any graph\n");
  EXPECT_EQ(f.scenarios.size(), 1u);
}

}  // namespace
}  // namespace ergo::tck
