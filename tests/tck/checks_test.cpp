// Tests of the TCK runner's side-effect diffs, expected-error matching and
// named-graph scripts.
#include <gtest/gtest.h>

#include <filesystem>

#include "tools/tck/error_match.hpp"
#include "tools/tck/named_graphs.hpp"
#include "tools/tck/side_effects.hpp"

namespace ergo::tck {
namespace {

TEST(TckSideEffects, ParsesTheTable) {
  SideEffects e = parse_side_effects({{"+nodes", "2"}, {"+labels", "1"}, {"-properties", "3"}});
  EXPECT_EQ(e.nodes_added, 2u);
  EXPECT_EQ(e.labels_added, 1u);
  EXPECT_EQ(e.properties_deleted, 3u);
  EXPECT_EQ(e.relationships_added, 0u);
  EXPECT_EQ(render(e), "+nodes 2, +labels 1, -properties 3");
  EXPECT_EQ(render(SideEffects{}), "none");
  EXPECT_THROW(parse_side_effects({{"+node", "1"}}), SideEffectsError);
  EXPECT_THROW(parse_side_effects({{"+nodes", "x"}}), SideEffectsError);
  EXPECT_THROW(parse_side_effects({{"+nodes", "1"}, {"+nodes", "1"}}), SideEffectsError);
  EXPECT_THROW(parse_side_effects({{"+nodes"}}), SideEffectsError);
}

TEST(TckSideEffects, DiffsStatistics) {
  GraphStatistics before{3, 2, 2, 5};
  GraphStatistics after{5, 1, 2, 9};
  SideEffects d = diff_statistics(before, after);
  EXPECT_EQ(d.nodes_added, 2u);
  EXPECT_EQ(d.nodes_deleted, 0u);
  EXPECT_EQ(d.relationships_deleted, 1u);
  EXPECT_EQ(d.labels_added, 0u);
  EXPECT_EQ(d.properties_added, 4u);
  EXPECT_EQ(diff_statistics(before, before), SideEffects{});
}

TEST(TckErrorMatch, ParsesTheStep) {
  auto e = parse_expected_error("a SyntaxError should be raised at compile time: UndefinedVariable");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "SyntaxError");
  EXPECT_EQ(e->phase, ErrorPhase::compile_time);
  EXPECT_EQ(e->detail, "UndefinedVariable");
  e = parse_expected_error("an EntityNotFound should be raised at runtime: DeletedEntityAccess");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->phase, ErrorPhase::runtime);
  EXPECT_FALSE(parse_expected_error("the result should be empty"));
  EXPECT_THROW(parse_expected_error("a TypeError should be raised at lunch time: X"), ErrorStepError);
}

ErrorVerdict judge(const char* step, ErrorKind kind, const char* message, const char* code = "") {
  return judge_error(*parse_expected_error(step), ActualError{kind, message, code});
}

TEST(TckErrorMatch, TypeMustMatch) {
  const char* undefined = "a SyntaxError should be raised at compile time: UndefinedVariable";
  EXPECT_TRUE(judge(undefined, ErrorKind::syntax_error, "x").type_matches);
  EXPECT_TRUE(judge(undefined, ErrorKind::semantic_error, "x").type_matches);  // openCypher's classification
  EXPECT_FALSE(judge(undefined, ErrorKind::type_error, "x").type_matches);
  EXPECT_FALSE(judge(undefined, ErrorKind::runtime_error, "x").type_matches);
  const char* type = "a TypeError should be raised at runtime: InvalidArgumentType";
  EXPECT_TRUE(judge(type, ErrorKind::type_error, "x").type_matches);
  EXPECT_FALSE(judge(type, ErrorKind::argument_error, "x").type_matches);
  EXPECT_TRUE(judge("a ArgumentError should be raised at runtime: NumberOutOfRange", ErrorKind::argument_error, "x")
                  .type_matches);
  EXPECT_TRUE(judge("a EntityNotFound should be raised at runtime: DeletedEntityAccess", ErrorKind::runtime_error, "x")
                  .type_matches);
  EXPECT_FALSE(judge(type, ErrorKind::data_error, "x").type_matches);
}

TEST(TckErrorMatch, PhaseFollowsTheKind) {
  const char* compile = "a SyntaxError should be raised at compile time: NegativeIntegerArgument";
  const char* runtime = "a SyntaxError should be raised at runtime: NegativeIntegerArgument";
  const char* any = "a SyntaxError should be raised at any time: NegativeIntegerArgument";
  EXPECT_EQ(judge(compile, ErrorKind::semantic_error, "x").phase, Check::matched);
  EXPECT_EQ(judge(runtime, ErrorKind::semantic_error, "x").phase, Check::mismatched);
  EXPECT_EQ(judge(any, ErrorKind::semantic_error, "x").phase, Check::matched);
  EXPECT_EQ(judge("a TypeError should be raised at compile time: X", ErrorKind::type_error, "x").phase,
            Check::mismatched);
}

TEST(TckErrorMatch, DetailFromCodeOrMessage) {
  const char* step = "a SyntaxError should be raised at compile time: UndefinedVariable";
  EXPECT_EQ(judge(step, ErrorKind::semantic_error, "UndefinedVariable: `x` is not defined").detail, Check::matched);
  EXPECT_EQ(judge(step, ErrorKind::semantic_error, "variable `x` not defined (UndefinedVariable)").detail,
            Check::matched);
  EXPECT_EQ(judge(step, ErrorKind::semantic_error, "`x` is not defined").detail, Check::mismatched);
  EXPECT_EQ(judge(step, ErrorKind::semantic_error, "UndefinedVariableX").detail, Check::mismatched);  // whole word
  EXPECT_EQ(judge(step, ErrorKind::semantic_error, "anything", "UndefinedVariable").detail, Check::matched);
  EXPECT_EQ(judge(step, ErrorKind::semantic_error, "UndefinedVariable", "VariableAlreadyBound").detail,
            Check::mismatched);  // a code, when given, decides
  ErrorVerdict v = judge(step, ErrorKind::type_error, "bad");
  EXPECT_EQ(v.explanation,
            "expected SyntaxError at compile time (UndefinedVariable), got TypeError at runtime: bad");
  EXPECT_TRUE(judge(step, ErrorKind::syntax_error, "UndefinedVariable").explanation.empty());
}

TEST(TckNamedGraphs, SplitsStatements) {
  auto s = split_statements("CREATE (a {t: 'x;y'}); // note; here\nCREATE (`b;`);\n  ;\nMATCH (n) RETURN n");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "CREATE (a {t: 'x;y'})");
  EXPECT_EQ(s[1], "CREATE (`b;`)");
  EXPECT_EQ(s[2], "MATCH (n) RETURN n");
}

TEST(TckNamedGraphs, ReadsTheTckGraphs) {
  std::filesystem::path graphs = std::filesystem::path(ERGO_SHARED_DIR) / "tck" / "graphs";
  if (!std::filesystem::exists(graphs)) GTEST_SKIP() << "no TCK at " << graphs;
  auto statements = named_graph_statements(graphs.string(), "binary-tree-1");
  ASSERT_FALSE(statements.empty());
  EXPECT_EQ(statements.front().rfind("CREATE", 0), 0u);
  EXPECT_THROW(named_graph_statements(graphs.string(), "no-such-graph"), NamedGraphError);
  EXPECT_THROW(named_graph_statements(graphs.string(), "../graphs"), NamedGraphError);
}

}  // namespace
}  // namespace ergo::tck
