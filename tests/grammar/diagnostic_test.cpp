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

}  // namespace
}  // namespace ergo::text
