// End-to-end checks of diagrams from the command line — --render with
// --layout, --context and --korean, and :render in scripts — whose files a
// golden transcript cannot hold: each run writes into its own temporary
// directory, and the tests read the diagram back. The usage errors are
// golden transcripts in batch/ (31 to 35).
#include <gtest/gtest.h>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kInvestments = "MATCH p = (:Company {name: 'Microsoft'})-[:INVESTS_IN]->(o) RETURN p";
constexpr const char* kLisaSu = "MATCH (p:Person {name: 'Lisa Su'})-[r:CEO_OF]->(c) RETURN p.name AS ceo, r, c.name AS company";
constexpr const char* kLisaSuRows = "ceo,r,company\nLisa Su,\"[:CEO_OF {line: 84, source: '002_7460c34e7a1296eb'}]\",AMD\n";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Render, DrawsSvgAndStillPrintsTheRows) {
  TempDir dir;
  std::string svg = (dir / "ceo.svg").string();
  ErgoRun run = run_ergo({"-e", kLisaSu, "--render", svg});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, kLisaSuRows);
  EXPECT_EQ(run.err, "drew 2 nodes and 1 relationship with layout dot to " + svg + "\n");
  std::string text = slurp(svg);
  EXPECT_TRUE(text.starts_with("<?xml")) << text.substr(0, 200);
  EXPECT_TRUE(contains(text, "<svg")) << text.substr(0, 200);
  EXPECT_TRUE(contains(text, ">Lisa Su</text>")) << text;
  EXPECT_TRUE(contains(text, ">AMD</text>")) << text;
}

TEST(Render, DrawsDotWithTheLayoutAndKoreanNames) {
  TempDir dir;
  std::string dot = (dir / "investments.dot").string();
  ErgoRun run = run_ergo({"-e", kInvestments, "--render", dot, "--layout", "circo", "--korean"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "drew 2 nodes and 4 relationships with layout circo to " + dot + "\n");
  std::string text = slurp(dot);
  EXPECT_TRUE(text.starts_with("digraph")) << text.substr(0, 200);
  for (const char* part : {"Microsoft\\n마이크로소프트", "OpenAI\\n오픈AI", "INVESTS_IN", "layout=circo"}) {
    EXPECT_TRUE(contains(text, part)) << part << " is not in\n" << text;
  }
  // The query is the title.
  EXPECT_TRUE(contains(text, "RETURN p</B>")) << text;
}

TEST(Render, DrawsTheNeighboursWithContext) {
  TempDir dir;
  std::string gv = (dir / "openai.gv").string();
  ErgoRun run = run_ergo({"-e", "MATCH (n {name: 'OpenAI'}) RETURN n", "--render", gv, "--context"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "drew 25 nodes and 53 relationships (24 neighbours) with layout dot to " + gv + "\n");
  EXPECT_TRUE(contains(slurp(gv), "Sam Altman")) << slurp(gv);
}

TEST(Render, DrawsTheLastStatementThatReturnedAnAnswer) {
  TempDir dir;
  std::string dot = (dir / "last.dot").string();
  ErgoRun run = run_ergo({"-e", "MATCH (n {name: 'OpenAI'}) RETURN n.name AS name", "-e", kLisaSu, "-e",
                          "CREATE (:Robot {name: 'R2'})", "--render", dot});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "drew 2 nodes and 1 relationship with layout dot to " + dot + "\n");
  std::string text = slurp(dot);
  EXPECT_TRUE(contains(text, "Lisa Su")) << text;
  EXPECT_FALSE(contains(text, "R2")) << text;
}

TEST(Render, NothingReturnedIsAnError) {
  TempDir dir;
  fs::path svg = dir / "none.svg";
  ErgoRun run = run_ergo({"-e", "CREATE (:Robot {name: 'R2'})", "--render", svg.string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "ergo: no answer to draw: none of the statements returned one; --render draws the answer of the last "
            "query with RETURN\n");
  EXPECT_FALSE(fs::exists(svg));
}

TEST(Render, AFailedQueryDrawsNothing) {
  TempDir dir;
  fs::path svg = dir / "never.svg";
  ErgoRun run = run_ergo({"-e", kLisaSu, "-e", "RETURN nope", "--render", svg.string()});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, kLisaSuRows);
  EXPECT_EQ(run.err, "<command line>:1:8: error: variable 'nope' is not defined\nRETURN nope\n       ^~~~\n");
  EXPECT_FALSE(fs::exists(svg));
}

TEST(Render, AFileThatCannotBeWrittenIsAnError) {
  ErgoRun run = run_ergo({"-e", kLisaSu, "--render", "/nonexistent-dir/ceo.svg"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, kLisaSuRows);
  EXPECT_EQ(run.err, "ergo: cannot write the diagram to '/nonexistent-dir/ceo.svg': there is no directory "
                     "'/nonexistent-dir'\n");
}

TEST(Render, RenderCommandInAScript) {
  TempDir dir;
  std::string dot = (dir / "a.dot").string();
  std::ofstream(dir / "draw.cypher") << "MATCH (p:Person {name: 'Lisa Su'})-[r:CEO_OF]->(c)\n"
                                        "RETURN p.name AS ceo, r, c.name AS company;\n"
                                        ":render " + dot + " circo\n";
  ErgoRun run = run_ergo({"-f", (dir / "draw.cypher").string()});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, kLisaSuRows);
  EXPECT_EQ(run.err, "drew 2 nodes and 1 relationship with layout circo to " + dot + "\n");
  // A query over several lines is a one-line title.
  EXPECT_TRUE(contains(slurp(dot), "-&gt;(c) RETURN p.name AS ceo, r, c.name AS company</B>")) << slurp(dot);
}

TEST(Render, RenderCommandTakesKoreanAndContext) {
  TempDir dir;
  std::string dot = (dir / "investments.dot").string();
  ErgoRun run = run_ergo({}, std::string(kInvestments) + ";\n:render " + dot + " circo korean\n:render " +
                                 (dir / "both.gv").string() + " context korean\n");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "drew 2 nodes and 4 relationships with layout circo to " + dot + "\n" +
                         "drew 33 nodes and 76 relationships (31 neighbours) with layout dot to " +
                         (dir / "both.gv").string() + "\n");
  for (const char* part : {"Microsoft\\n마이크로소프트", "OpenAI\\n오픈AI", "layout=circo"}) {
    EXPECT_TRUE(contains(slurp(dot), part)) << part << " is not in\n" << slurp(dot);
  }
  EXPECT_TRUE(contains(slurp((dir / "both.gv").string()), "Sam Altman"));
}

TEST(Render, RenderCommandDefaultsToAnswerSvgInTheWorkingDirectory) {
  TempDir dir;
  ErgoRun run = run_ergo({}, std::string(kInvestments) + ";\n:render\n:render again.svg\n:render sfdp\n",
                         dir.path().string());
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err,
            "drew 2 nodes and 4 relationships with layout dot to answer.svg\n"
            "drew 2 nodes and 4 relationships with layout dot to again.svg\n"
            "drew 2 nodes and 4 relationships with layout sfdp to answer.svg\n");
  EXPECT_TRUE(fs::exists(dir / "answer.svg"));
  EXPECT_TRUE(fs::exists(dir / "again.svg"));
}

}  // namespace
}  // namespace ergo::testing
