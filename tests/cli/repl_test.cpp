// End-to-end tests of the interactive shell through a real pseudo-terminal
// (tmux): the banner, multi-line statements, history across sessions, tab
// completion of a label and an entity name, a Korean table that lines up,
// Ctrl-C during a long query and at the prompt, an error followed by a good
// query, :render, transactions (:begin, the ergo# prompt, leaving with one
// open), and Ctrl-D. Skipped when tmux is missing (tools/setup.sh installs it).
#include <gtest/gtest.h>

#include <sstream>

#include "grammar/text/unicode.hpp"
#include "tests/cli/tmux_driver.hpp"

namespace ergo::testing {
namespace {

using namespace std::chrono_literals;

class Repl : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!tmux_available()) GTEST_SKIP() << "tmux is not installed";
    shell_ = std::make_unique<TmuxDriver>(home_.path());
    ASSERT_TRUE(shell_->wait_for("ergo>")) << shell_->screen();
  }

  // The screen's last non-blank line.
  std::string last_line() {
    std::istringstream in(shell_->screen());
    std::string line, last;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(' ') != std::string::npos) last = line;
    }
    return last;
  }

  TempDir home_;
  std::unique_ptr<TmuxDriver> shell_;
};

TEST_F(Repl, ShowsAShortBanner) {
  std::string screen = shell_->screen();
  EXPECT_NE(screen.find("ergo 0.1.0 — the bundled graph: "), std::string::npos) << screen;
  EXPECT_NE(screen.find("Type :help for help"), std::string::npos) << screen;
}

TEST_F(Repl, RunsAStatementOverSeveralLines) {
  shell_->lines({"MATCH (p:Person)-[:CEO_OF]->(c:Company)", "WHERE c.name = 'Microsoft'"});
  ASSERT_TRUE(shell_->wait_for(" ...>", 2)) << shell_->screen();
  shell_->lines({"RETURN p.name AS ceo;"});
  ASSERT_TRUE(shell_->wait_for("1 row (")) << shell_->screen();
  EXPECT_NE(shell_->screen().find("| Satya Nadella |"), std::string::npos) << shell_->screen();
}

TEST_F(Repl, RecallsHistoryAcrossSessions) {
  shell_->lines({"RETURN 'first' AS h;", "RETURN 'second' AS h;"});
  ASSERT_TRUE(shell_->wait_for("1 row (", 2)) << shell_->screen();
  shell_->key("Up");
  shell_->key("Up");
  ASSERT_TRUE(shell_->wait_for("ergo> RETURN 'first' AS h;", 2)) << shell_->screen();
  shell_->key("Enter");
  ASSERT_TRUE(shell_->wait_for("1 row (", 3)) << shell_->screen();
  shell_->lines({":quit"});
  for (int i = 0; i < 100 && shell_->alive(); ++i) std::this_thread::sleep_for(50ms);

  // A new session reads ~/.ergo_history (here $ERGO_HISTORY).
  shell_ = std::make_unique<TmuxDriver>(home_.path());
  ASSERT_TRUE(shell_->wait_for("ergo>")) << shell_->screen();
  shell_->key("Up");
  shell_->key("Up");
  ASSERT_TRUE(shell_->wait_for("ergo> RETURN 'first' AS h;")) << shell_->screen();
}

TEST_F(Repl, CompletesALabelAndAnEntityName) {
  shell_->type("MATCH (c:Comp");
  shell_->key("Tab");
  ASSERT_TRUE(shell_->wait_for("ergo> MATCH (c:Company")) << shell_->screen();
  shell_->type(" {name: 'Satya Nad");  // not a company, but completion does not judge
  shell_->key("Tab");
  ASSERT_TRUE(shell_->wait_for("{name: 'Satya Nadella'")) << shell_->screen();
  shell_->key("C-c");
  ASSERT_TRUE(shell_->wait_for("^C")) << shell_->screen();
  // Korean: an alias completes after :find.
  shell_->type(":find 사티");
  shell_->key("Tab");
  ASSERT_TRUE(shell_->wait_for("ergo> :find 사티아 나델라")) << shell_->screen();
  shell_->key("Enter");
  ASSERT_TRUE(shell_->wait_for("-[:CEO_OF]-> Microsoft")) << shell_->screen();
}

TEST_F(Repl, ListsCandidatesWhenAmbiguous) {
  shell_->type(":f");
  shell_->key("Tab");
  ASSERT_TRUE(shell_->wait_for(":find")) << shell_->screen();
  shell_->key("Tab");
  ASSERT_TRUE(shell_->wait_for(":format")) << shell_->screen();
}

TEST_F(Repl, AlignsATableWithKoreanNames) {
  shell_->lines({"MATCH (p:Person)-[:CEO_OF]->(c) RETURN DISTINCT p.aliases[0] AS 이름, p.name AS name, c.name AS "
                 "company ORDER BY name, company;"});
  ASSERT_TRUE(shell_->wait_for(" rows (")) << shell_->screen();
  std::istringstream in(shell_->screen());
  std::vector<std::string> table;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("|") || line.starts_with("+")) table.push_back(line);
  }
  ASSERT_GE(table.size(), 6u) << shell_->screen();
  // Every row as wide as the frame, with its bars in the same columns as
  // the header's, counting Hangul as two columns as the terminal does.
  auto bars = [](const std::string& line) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '|' || line[i] == '+') at.push_back(text::display_width(line.substr(0, i)));
    }
    return at;
  };
  bool has_hangul = false;
  for (const std::string& row : table) {
    EXPECT_EQ(text::display_width(row), text::display_width(table[0])) << row;
    EXPECT_EQ(bars(row), bars(table[0])) << row;
    has_hangul = has_hangul || text::display_width(row) != text::code_points(row);
  }
  EXPECT_TRUE(has_hangul) << shell_->screen();
  EXPECT_NE(shell_->screen().find("| 사티아 나델라 | Satya Nadella |"), std::string::npos) << shell_->screen();
}

TEST_F(Repl, CtrlCCancelsALongQuery) {
  // 10^10 rows: minutes of work, were it not cancelled.
  shell_->lines({"UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n;"});
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(TmuxDriver::occurrences(shell_->screen(), "ergo>"), 1) << "the query ended too soon:\n"
                                                                     << shell_->screen();
  auto start = std::chrono::steady_clock::now();
  shell_->key("C-c");
  ASSERT_TRUE(shell_->wait_for("error: the query was cancelled")) << shell_->screen();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  ASSERT_TRUE(shell_->wait_for("ergo>", 2)) << shell_->screen();
  shell_->lines({"RETURN 'still here' AS alive;"});
  ASSERT_TRUE(shell_->wait_for("| still here |")) << shell_->screen();
}

TEST_F(Repl, CtrlCAtThePromptDiscardsTheStatement) {
  shell_->lines({"MATCH (n)"});
  ASSERT_TRUE(shell_->wait_for(" ...>")) << shell_->screen();
  shell_->type("RETURN n");
  shell_->key("C-c");
  ASSERT_TRUE(shell_->wait_for("ergo>", 2)) << shell_->screen();
  shell_->lines({"RETURN 42 AS answer;"});
  ASSERT_TRUE(shell_->wait_for("1 row (")) << shell_->screen();
  EXPECT_NE(shell_->screen().find("|     42 |"), std::string::npos) << shell_->screen();
}

TEST_F(Repl, AnErrorDoesNotEndTheSession) {
  shell_->lines({"MATCH (n) RETRUN n;"});
  ASSERT_TRUE(shell_->wait_for("error: unexpected 'RETRUN', did you mean 'RETURN'?")) << shell_->screen();
  EXPECT_NE(shell_->screen().find("          ^~~~~~"), std::string::npos) << shell_->screen();
  shell_->lines({":nonsense", "RETURN 'fine' AS ok;"});
  ASSERT_TRUE(shell_->wait_for("| fine |")) << shell_->screen();
  EXPECT_NE(shell_->screen().find("error: unknown command ':nonsense'"), std::string::npos) << shell_->screen();
}

TEST_F(Repl, MetaCommandsChangeTheSession) {
  shell_->lines({":param who 'OpenAI'", ":format json", "MATCH (n {name: $who}) RETURN n.name AS name;"});
  ASSERT_TRUE(shell_->wait_for("{\"name\":\"OpenAI\"}")) << shell_->screen();
  shell_->lines({":params", ":format", ":timing off", ":format table", "RETURN 1 AS x;"});
  ASSERT_TRUE(shell_->wait_for("$who = 'OpenAI'")) << shell_->screen();
  ASSERT_TRUE(shell_->wait_for("1 row\n")) << shell_->screen();
}

#if ERGO_WITH_GRAPHVIZ  // a build without Graphviz says it cannot draw (no_graphviz_test.cpp)
TEST_F(Repl, RenderSaysWhereTheDiagramWent) {
  std::string svg = (home_ / "ms.svg").string();
  shell_->lines({":render " + svg});
  ASSERT_TRUE(shell_->wait_for("error: no answer to draw yet — run a query first")) << shell_->screen();
  shell_->lines({"MATCH p = (:Company {name: 'Microsoft'})-[:INVESTS_IN]->(o) RETURN p;"});
  ASSERT_TRUE(shell_->wait_for("4 rows (")) << shell_->screen();
  shell_->type(":render " + svg + " ci");
  shell_->key("Tab");
  ASSERT_TRUE(shell_->wait_for("ergo> :render " + svg + " circo")) << shell_->screen();
  shell_->key("Enter");
  ASSERT_TRUE(shell_->wait_for("drew 2 nodes and 4 relationships with layout circo to " + svg)) << shell_->screen();
  // The note, then the prompt again.
  ASSERT_TRUE(shell_->wait_for("ergo>", 4)) << shell_->screen();
  EXPECT_EQ(last_line(), "ergo>") << shell_->screen();
  EXPECT_TRUE(slurp(svg).starts_with("<?xml"));
}
#endif

TEST_F(Repl, TablesUseTheTerminalsWidthAndShowPathsCompactly) {
  // 120 columns: a 64-column path is not cut at 60, and reads as names and labels.
  shell_->lines({"MATCH p = (:Company {name: 'Microsoft'})-[:INVESTS_IN]->(o:Organization) RETURN DISTINCT p LIMIT 1;"});
  ASSERT_TRUE(shell_->wait_for("1 row (")) << shell_->screen();
  EXPECT_NE(shell_->screen().find("| (Microsoft:Company)-[:INVESTS_IN]->(OpenAI:Company:Organization) |"),
            std::string::npos)
      << shell_->screen();
}

TEST_F(Repl, AutoFormatTurnsVerticalWhenARowDoesNotFit) {
  std::string wide(130, 'w');
  shell_->lines({":format auto", "RETURN 'short' AS a;", "RETURN 'x' AS a, '" + wide + "' AS b;"});
  ASSERT_TRUE(shell_->wait_for("1 row (", 2)) << shell_->screen();
  std::string screen = shell_->screen();
  EXPECT_NE(screen.find("| short |"), std::string::npos) << screen;
  EXPECT_NE(screen.find("-[ row 1 ]---"), std::string::npos) << screen;
  EXPECT_NE(screen.find("b | " + wide.substr(0, 100)), std::string::npos) << screen;
  shell_->lines({":format vertical", "RETURN 1 AS one, 'two' AS second;"});
  ASSERT_TRUE(shell_->wait_for("second | two")) << shell_->screen();
  EXPECT_NE(shell_->screen().find("one    | 1"), std::string::npos) << shell_->screen();
}

TEST_F(Repl, HistoryListsTheSessionsStatements) {
  shell_->lines({"RETURN 1 AS a;", "MATCH (n:Person)", "RETURN count(n) AS c;"});
  ASSERT_TRUE(shell_->wait_for("1 row (", 2)) << shell_->screen();
  shell_->lines({":history"});
  ASSERT_TRUE(shell_->wait_for("  2  MATCH (n:Person)")) << shell_->screen();
  EXPECT_NE(shell_->screen().find("  1  RETURN 1 AS a;\n  2  MATCH (n:Person)\n     RETURN count(n) AS c;"),
            std::string::npos)
      << shell_->screen();
}

TEST_F(Repl, CtrlDWithAnUnfinishedStatementSaysItWasNotRun) {
  shell_->lines({"MATCH (n) RETURN count(n)"});
  ASSERT_TRUE(shell_->wait_for(" ...>")) << shell_->screen();
  // Said on the terminal as ergo leaves; keep the pane to read it.
  shell_->keep_after_exit();
  shell_->key("C-d");
  for (int i = 0; i < 100 && !shell_->exited(); ++i) std::this_thread::sleep_for(50ms);
  EXPECT_NE(shell_->screen().find("ergo: the unfinished statement was not run (it is in the history; end it with ';' "
                                  "to run it)"),
            std::string::npos)
      << shell_->screen();
}

TEST_F(Repl, ATransactionShowsInThePromptAndLeavingAsksFirst) {
  shell_->lines({":begin", "CREATE (:Draft {name: 'draft'});"});
  ASSERT_TRUE(shell_->wait_for("Created 1 node")) << shell_->screen();
  ASSERT_TRUE(shell_->wait_for("ergo#", 2)) << shell_->screen();
  shell_->lines({"MATCH (d:Draft) RETURN d.name AS draft;"});
  ASSERT_TRUE(shell_->wait_for("| draft |")) << shell_->screen();
  // The first Ctrl-D asks; the second rolls back and leaves.
  shell_->keep_after_exit();
  shell_->key("C-d");
  ASSERT_TRUE(shell_->wait_for("ergo: a transaction is open; :commit or :rollback it, or leave again to roll it back"))
      << shell_->screen();
  EXPECT_FALSE(shell_->exited());
  shell_->key("C-d");
  for (int i = 0; i < 100 && !shell_->exited(); ++i) std::this_thread::sleep_for(50ms);
  EXPECT_TRUE(shell_->exited());
  EXPECT_NE(shell_->screen().find("ergo: rolled back the open transaction"), std::string::npos) << shell_->screen();
}

TEST_F(Repl, CommitEndsTheTransactionPrompt) {
  shell_->lines({":begin"});
  ASSERT_TRUE(shell_->wait_for("ergo#")) << shell_->screen();
  shell_->lines({"CREATE (:Draft);", ":commit", "MATCH (d:Draft) RETURN count(d) AS drafts;"});
  ASSERT_TRUE(shell_->wait_for("|      1 |")) << shell_->screen();
  EXPECT_EQ(last_line(), "ergo>") << shell_->screen();
}

TEST_F(Repl, LeavingWithUnsavedChangesWarnsOnceThenLeaves) {
  shell_->lines({"CREATE (:Scratch {n: 1});"});
  ASSERT_TRUE(shell_->wait_for("Created 1 node")) << shell_->screen();
  shell_->lines({":quit"});
  ASSERT_TRUE(shell_->wait_for("Leave again")) << shell_->screen();
  EXPECT_TRUE(shell_->alive());
  shell_->key("C-d");
  for (int i = 0; i < 100 && shell_->alive(); ++i) std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(shell_->alive());
}

TEST_F(Repl, CtrlDLeaves) {
  shell_->key("C-d");
  for (int i = 0; i < 100 && shell_->alive(); ++i) std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(shell_->alive());
}

}  // namespace
}  // namespace ergo::testing
