// The one error formatter: file:line:column, the line, and a caret placed by
// display width under the spot, as the line is shown (tabs as one space).
#include "grammar/text/diagnostic.hpp"

#include <gtest/gtest.h>

namespace ergo::text {
namespace {

TEST(Diagnostic, CaretUnderTheSpotAfterTabs) {
  SourceText source("f.kg", "ok\n\tMicrosoft\tINVESTS_IN\t\"OpenAI\n");
  std::size_t at = source.text().find("\"OpenAI");
  EXPECT_EQ(render(make_diagnostic(source, at, 7, Severity::error, "unterminated string")),
            "f.kg:2:23: error: unterminated string\n"
            " Microsoft INVESTS_IN \"OpenAI\n"
            "                      ^~~~~~~\n");
}

TEST(Diagnostic, CaretCountsHangulAsTwoColumns) {
  SourceText source("q", "RETURN '마이크로소프트' +");
  EXPECT_EQ(render(make_diagnostic(source, source.text().size(), 0, Severity::error, "expected an expression")),
            "q:1:19: error: expected an expression\n"
            "RETURN '마이크로소프트' +\n"
            "                         ^\n");
}

// A line wider than 500 columns is shown as the 160 columns around the
// caret, cut with "..." and never inside a code point.
TEST(Diagnostic, ALongLineIsShownAroundTheCaret) {
  std::string query = "RETURN " + std::string(1'000'000, '1') + " +";
  SourceText source("q", query);
  std::string shown = render(make_diagnostic(source, query.size(), 0, Severity::error, "expected an expression"));
  EXPECT_EQ(shown,
            "q:1:1000010: error: expected an expression\n..." + std::string(58, '1') + " +\n" +
                std::string(63, ' ') + "^\n");
}

TEST(Diagnostic, ALongLineCutAfterTheCaretKeepsItsStart) {
  std::string query = "RETRUN " + std::string(500, 'x');
  SourceText source("q", query);
  EXPECT_EQ(render(make_diagnostic(source, 0, 6, Severity::error, "unknown clause")),
            "q:1:1: error: unknown clause\nRETRUN " + std::string(150, 'x') + "...\n^~~~~~\n");
}

TEST(Diagnostic, ALineAPersonWritesIsShownWhole) {
  std::string query = "RETURN " + std::string(480, 'x') + " +";
  SourceText source("q", query);
  EXPECT_EQ(render(make_diagnostic(source, query.size(), 0, Severity::error, "expected an expression")),
            "q:1:490: error: expected an expression\n" + query + "\n" + std::string(489, ' ') + "^\n");
}

TEST(Diagnostic, ALongLineOfHangulIsCutBetweenCharacters) {
  std::string name;
  for (int i = 0; i < 300; ++i) name += "가";  // two columns each
  std::string query = "RETURN '" + name + "' +";
  SourceText source("q", query);
  std::string shown = render(make_diagnostic(source, query.size(), 0, Severity::error, "expected an expression"));
  // The window opens 60 columns before the caret, moved back to the
  // boundary of a syllable: 29 whole syllables and the closing quote stay.
  std::string kept;
  for (int i = 0; i < 29; ++i) kept += "가";
  EXPECT_EQ(shown, "q:1:312: error: expected an expression\n..." + kept + "' +\n" + std::string(64, ' ') + "^\n");
}

}  // namespace
}  // namespace ergo::text
