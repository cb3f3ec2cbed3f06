// Splitting scripts into statements: `;` ends a statement except inside
// strings, quoted names and comments; `:command` lines; what the REPL takes
// as unfinished.
#include "tools/ergo/statement_splitter.hpp"

#include <gtest/gtest.h>

namespace ergo::cli {
namespace {

std::vector<std::string> texts(std::string_view script) {
  std::vector<std::string> out;
  for (const Statement& s : split_statements(script)) {
    out.emplace_back(script.substr(s.begin, s.end - s.begin));
    if (s.command) out.back() = "CMD " + out.back();
    if (!s.terminated) out.back() += " <open>";
  }
  return out;
}

TEST(StatementSplitter, SplitsOnSemicolons) {
  EXPECT_EQ(texts("RETURN 1; RETURN 2;"), (std::vector<std::string>{"RETURN 1", "RETURN 2"}));
  EXPECT_EQ(texts("RETURN 1;\n\n  ;; RETURN 2"), (std::vector<std::string>{"RETURN 1", "RETURN 2 <open>"}));
  EXPECT_TRUE(texts("  \n // only a comment\n /* and another */ ").empty());
}

TEST(StatementSplitter, IgnoresSemicolonsInStringsNamesAndComments) {
  EXPECT_EQ(texts("RETURN 'a;b', \"c;d\", 'it\\'s;' AS `x;y`; RETURN 2;"),
            (std::vector<std::string>{"RETURN 'a;b', \"c;d\", 'it\\'s;' AS `x;y`", "RETURN 2"}));
  EXPECT_EQ(texts("MATCH (n) // a comment; here\nRETURN n /* and; here */;"),
            (std::vector<std::string>{"MATCH (n) // a comment; here\nRETURN n /* and; here */"}));
  EXPECT_EQ(texts("RETURN 1 AS `a``;b`;"), (std::vector<std::string>{"RETURN 1 AS `a``;b`"}));
}

TEST(StatementSplitter, StartsAfterLeadingCommentsAndBlanks) {
  std::string_view script = "// intro\n\n  /* x */ MATCH (n)\nRETURN n;";
  auto statements = split_statements(script);
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].begin, script.find("MATCH"));
}

TEST(StatementSplitter, CommandsEndWithTheLine) {
  EXPECT_EQ(texts(":param x 1\nRETURN $x;\n  :schema\n"),
            (std::vector<std::string>{"CMD :param x 1", "RETURN $x", "CMD :schema"}));
  // Inside a statement, a ':' line is just more of the statement.
  EXPECT_EQ(texts("MATCH (n)\n:Label RETURN n;"), (std::vector<std::string>{"MATCH (n)\n:Label RETURN n"}));
}

TEST(StatementSplitter, KnowsWhenMoreInputIsNeeded) {
  EXPECT_TRUE(needs_more_input("MATCH (n)"));
  EXPECT_TRUE(needs_more_input("RETURN 'open;"));
  EXPECT_TRUE(needs_more_input("RETURN 1 /* open;"));
  EXPECT_TRUE(needs_more_input("RETURN 1; RETURN 2"));
  EXPECT_FALSE(needs_more_input("RETURN 1;"));
  EXPECT_FALSE(needs_more_input("RETURN 1; // done"));
  EXPECT_FALSE(needs_more_input(":schema"));
  EXPECT_FALSE(needs_more_input("   "));
}

}  // namespace
}  // namespace ergo::cli
