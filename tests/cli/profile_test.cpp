// PROFILE in the ergo binary: the answer first, then the plan with rows and
// time per operator — after a table on standard output, beside CSV on
// standard error so the CSV stays clean for programs.
#include <gtest/gtest.h>

#include <regex>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {
namespace {

std::string without_times(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\(rows (\d+), \d+\.\d{3} ms\))"), "(rows $1)");
}

const char* kProfile =
    "profile (rows and own time per operator):\n"
    "Produce count(c)\n"
    "  Project $1 = count(c)  (rows 1)\n"
    "    Aggregate $2 = count(c)  (rows 1)\n"
    "      NodeByLabelScan $0:Company  (rows 20)\n"
    "        Once  (rows 1)\n";

TEST(CliProfile, AfterATableOnStandardOutput) {
  ErgoRun r = run_ergo({"--format", "table", "-e", "PROFILE MATCH (c:Company) RETURN count(c)"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(without_times(r.out), std::string("+----------+\n| count(c) |\n+----------+\n|       20 |\n+----------+\n"
                                               "1 row\n") + kProfile);
  EXPECT_EQ(r.err, "");
}

TEST(CliProfile, BesideCsvOnStandardError) {
  ErgoRun r = run_ergo({"-e", "PROFILE MATCH (c:Company) RETURN count(c)"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "count(c)\n20\n");
  EXPECT_EQ(without_times(r.err), kProfile);
}

}  // namespace
}  // namespace ergo::testing
