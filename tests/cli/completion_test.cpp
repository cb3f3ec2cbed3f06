// Tab completion's candidates for each context, on a small graph: keywords,
// functions, labels, relationship types, property keys, parameters, entity
// names (Korean included), commands and their arguments.
#include "tools/ergo/completion.hpp"

#include <gtest/gtest.h>

namespace ergo::cli {
namespace {

class CompletionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.execute(
        "CREATE (:Company {name: 'Microsoft', aliases: ['마이크로소프트', 'MS']})"
        "-[:INVESTS_IN {amount: 1}]->(:Company:Lab {name: 'OpenAI', founded: 2015}),"
        "(:Person {name: 'Sam Altman', aliases: ['샘 알트만']})");
    completer_.refresh(db_);
  }

  std::vector<std::string> candidates(std::string_view before, bool continuing = false) {
    return completer_.complete(before, continuing, params_).candidates;
  }

  Database db_;
  Completer completer_;
  Params params_{{"target", Value("x")}, {"top", Value(1)}};
};

using Words = std::vector<std::string>;

TEST_F(CompletionTest, LabelsAfterAColonInANode) {
  EXPECT_EQ(candidates("MATCH (c:Co"), Words{"Company"});
  EXPECT_EQ(candidates("MATCH (c:"), (Words{"Company", "Lab", "Person"}));
  EXPECT_EQ(candidates("MATCH (c:company"), Words{"Company"});
}

TEST_F(CompletionTest, TypesAfterAColonInARelationship) {
  EXPECT_EQ(candidates("MATCH (a)-[r:INV"), Words{"INVESTS_IN"});
  EXPECT_EQ(candidates("MATCH (a)-[:FOO|INV"), Words{"INVESTS_IN"});
}

TEST_F(CompletionTest, KeysParametersKeywordsFunctions) {
  EXPECT_EQ(candidates("RETURN n.fo"), Words{"founded"});
  EXPECT_EQ(candidates("RETURN $t"), (Words{"target", "top"}));
  EXPECT_EQ(candidates("MATCH (n) RET"), Words{"RETURN"});
  EXPECT_EQ(candidates("match (n) ret"), Words{"return"});
  EXPECT_EQ(candidates("RETURN toUpp"), Words{"toUpper"});
  EXPECT_EQ(candidates("RETURN startN"), Words{"startNode"});
  EXPECT_TRUE(candidates("RETURN 1.").empty());
  EXPECT_TRUE(candidates("RETURN ").empty());
}

TEST_F(CompletionTest, EntityNamesInsideQuotes) {
  Completion c = completer_.complete("MATCH (n {name: 'Sam Al", false, params_);
  EXPECT_EQ(c.candidates, Words{"Sam Altman"});
  EXPECT_EQ(c.start, std::string_view("MATCH (n {name: '").size());
  EXPECT_EQ(Completer::insertion(c, "Sam Al"), "Sam Altman'");
  EXPECT_EQ(candidates("RETURN \"마이"), Words{"마이크로소프트"});
  EXPECT_EQ(candidates("RETURN 'ms"), Words{"MS"});
}

TEST_F(CompletionTest, Commands) {
  EXPECT_EQ(candidates(":sc"), Words{":schema"});
  EXPECT_EQ(candidates(":p"), (Words{":param", ":params"}));
  EXPECT_EQ(candidates(":find 샘"), Words{"샘 알트만"});
  EXPECT_EQ(candidates(":find micro"), Words{"Microsoft"});
  EXPECT_EQ(candidates(":format js"), (Words{"json", "jsonl"}));
  EXPECT_EQ(candidates(":timing o"), (Words{"off", "on"}));
  EXPECT_EQ(candidates(":help form"), Words{"formats"});
  EXPECT_EQ(candidates(":help :f"), (Words{":find", ":format"}));
  EXPECT_EQ(candidates(":ren"), Words{":render"});
  EXPECT_EQ(candidates(":wh"), Words{":why"});
  EXPECT_EQ(candidates(":b"), Words{":begin"});
  EXPECT_EQ(candidates(":co"), Words{":commit"});
  EXPECT_EQ(candidates(":ro"), Words{":rollback"});
  EXPECT_EQ(candidates(":help :w"), Words{":why"});
  EXPECT_EQ(candidates(":render answer.svg ci"), Words{"circo"});
  EXPECT_EQ(candidates(":render answer.svg  s"), Words{"sfdp"});
  EXPECT_EQ(candidates(":render a.svg "), (Words{"auto", "circo", "dot", "fdp", "neato", "sfdp", "twopi"}));
  EXPECT_EQ(candidates(":render tests/cli/scripts/render_b"), Words{"tests/cli/scripts/render_before_query.cypher"});
  // Continuing a statement, ':' starts a label, not a command.
  EXPECT_EQ(candidates(":Co", true), Words{"Company"});
}

TEST_F(CompletionTest, InsertsTheCommonPrefixOnly) {
  Completion c = completer_.complete(":p", false, params_);
  EXPECT_EQ(Completer::insertion(c, ":p"), ":param");
  Completion one = completer_.complete(":sch", false, params_);
  EXPECT_EQ(Completer::insertion(one, ":sch"), ":schema ");
  // A common prefix never ends inside a UTF-8 sequence: 알 and 앨 share a
  // lead byte.
  Completion korean{0, {"샘 알트만", "샘 앨트만"}, ""};
  EXPECT_EQ(Completer::insertion(korean, "샘"), "샘 ");
}

TEST_F(CompletionTest, SeesNewNamesAfterRefresh) {
  db_.execute("CREATE (:Robot {name: 'Optimus'})");
  EXPECT_TRUE(candidates("MATCH (r:Rob").empty());
  completer_.refresh(db_);
  EXPECT_EQ(candidates("MATCH (r:Rob"), Words{"Robot"});
  EXPECT_EQ(candidates(":find opt"), Words{"Optimus"});
}

TEST_F(CompletionTest, ForgetsWhatWritesRemoved) {
  // A rename, a removed label and a deleted node: none is offered once the
  // shell refreshes after the write (as it does after every change).
  db_.execute("MATCH (c {name: 'Microsoft'}) SET c.name = 'Microsoft Corp', c.aliases = ['MSFT']");
  db_.execute("MATCH (l:Lab) REMOVE l:Lab");
  db_.execute("MATCH (p {name: 'Sam Altman'}) DETACH DELETE p");
  completer_.refresh(db_);
  EXPECT_EQ(candidates("MATCH (c:"), Words{"Company"});
  EXPECT_EQ(candidates(":find Mi"), Words{"Microsoft Corp"});
  EXPECT_EQ(candidates("RETURN 'ms"), Words{"MSFT"});
  EXPECT_TRUE(candidates("RETURN \"마이").empty());
  EXPECT_TRUE(candidates(":find Sam").empty());
  EXPECT_TRUE(candidates("RETURN '샘").empty());
}

}  // namespace
}  // namespace ergo::cli
