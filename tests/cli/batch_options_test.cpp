// End-to-end checks of batch options whose effects a golden transcript
// cannot hold: --output (a file), --timing (a measured time), -f - and the
// bundled data found from another working directory.
#include <gtest/gtest.h>

#include <regex>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {
namespace {

TEST(BatchOptions, OutputGoesToTheFile) {
  TempDir dir;
  std::string file = (dir / "out.json").string();
  ErgoRun run = run_ergo({"--output", file, "--format", "json", "-e", "RETURN 'α' AS a"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(slurp(file), "[\n  {\"a\":\"α\"}\n]\n");
}

TEST(BatchOptions, AnUnwritableOutputIsAnError) {
  ErgoRun run = run_ergo({"-o", "/nonexistent-dir/out.csv", "-e", "RETURN 1"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("cannot write to '/nonexistent-dir/out.csv'"), std::string::npos) << run.err;
}

TEST(BatchOptions, TimingGoesBesideCsvAndUnderTables) {
  ErgoRun csv = run_ergo({"--timing", "-e", "RETURN 1 AS x"});
  EXPECT_EQ(csv.out, "x\n1\n");
  EXPECT_TRUE(std::regex_match(csv.err, std::regex(R"(1 row \([0-9.]+ m?s\)\n)"))) << csv.err;
  ErgoRun table = run_ergo({"--timing", "--format", "table", "-e", "RETURN 1 AS x"});
  EXPECT_TRUE(std::regex_search(table.out, std::regex(R"(\+\n1 row \([0-9.]+ m?s\)\n$)"))) << table.out;
  EXPECT_EQ(table.err, "");
}

// Big answers get a rate beside the time (issue 19); small ones do not.
TEST(BatchOptions, TimingShowsRowsPerSecondForBigAnswers) {
  ErgoRun run = run_ergo({"--timing", "-e", "UNWIND range(1, 20000) AS x RETURN x"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(std::regex_match(run.err, std::regex(R"(20000 rows \([0-9.]+ m?s, [0-9.]+[kM] rows/s\)\n)"))) << run.err;
}

TEST(BatchOptions, DashFileReadsStandardInput) {
  ErgoRun run = run_ergo({"-e", "RETURN 0 AS first", "-f", "-"}, "RETURN 1 AS a;\nRETURN 2 AS b;\n");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "first\n0\n\na\n1\n\nb\n2\n");  // a blank line between CSV answers
}

TEST(BatchOptions, QuitEndsAScript) {
  ErgoRun run = run_ergo({}, "RETURN 1 AS a;\n:quit\nRETURN 2 AS b;\n");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "a\n1\n");
}

TEST(BatchOptions, ErrorsInReadScriptsNameTheirLines) {
  TempDir dir;
  std::ofstream(dir / "inner.cypher") << "RETURN 1 AS ok;\n\nRETURN oops;\n";
  std::string inner = (dir / "inner.cypher").string();
  ErgoRun run = run_ergo({}, ":read " + inner + "\nRETURN 'after' AS never;\n");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "ok\n1\n");
  EXPECT_EQ(run.err, inner + ":3:8: error: variable 'oops' is not defined\nRETURN oops;\n       ^~~~\n");
}

TEST(BatchOptions, FindsTheBundledGraphFromAnyDirectory) {
  TempDir elsewhere;
  ErgoRun run = run_ergo({"-e", "MATCH (n {name: 'OpenAI'}) RETURN n.name"}, "", elsewhere.path().string());
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "n.name\nOpenAI\n");
}

}  // namespace
}  // namespace ergo::testing
