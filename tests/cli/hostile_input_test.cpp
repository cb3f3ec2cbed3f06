// The ergo binary against inputs a fuzzer or an attacker sends (issue 18):
// each run ends by itself with the right answer or an error and exit status.
#include <gtest/gtest.h>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {
namespace {

TEST(HostileInput, ParamValueIsNeverSplicedIntoTheQuery) {
  ErgoRun run = run_ergo({"--param", "x=1 AS value LIMIT 0 UNION ALL UNWIND range(1,3) AS value RETURN collect(value)",
                          "-e", "RETURN $x AS x"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  const std::string value = "1 AS value LIMIT 0 UNION ALL UNWIND range(1,3) AS value RETURN collect(value)";
  EXPECT_EQ(run.err, "ergo: --param x: '" + value +
                                        "' is not a Cypher literal at column 3: expected the end of the value (one "
                                        "literal only)\n  " + value + "\n    ^\nTry 'ergo --help' for more information.\n");
}

}  // namespace
}  // namespace ergo::testing
