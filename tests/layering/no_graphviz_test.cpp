// A build configured with -DERGO_WITH_GRAPHVIZ=OFF (only there is this file
// compiled): the library, the CLI and the rest of the tests work, and every
// way to ask for a diagram says that this build cannot draw.
#include <gtest/gtest.h>

#include <ergo/ergo.hpp>

#include "tests/cli/run_ergo.hpp"

namespace ergo {
namespace {

TEST(NoGraphviz, TheLibrarySaysItCannotDraw) {
  EXPECT_FALSE(render_available());
  Database db = Database::open({ERGO_DATA_DIR});
  Result r = db.execute("MATCH (c:Company {name: 'OpenAI'}) RETURN c");
  try {
    (void)render(r);
    FAIL() << "render() drew without Graphviz";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::argument_error);
    EXPECT_EQ(e.message(),
              "this build of ergo cannot draw diagrams: it was built without Graphviz "
              "(-DERGO_WITH_GRAPHVIZ=OFF); rebuild with -DERGO_WITH_GRAPHVIZ=ON to draw");
  }
  EXPECT_EQ(render_format_for_path("a.svg"), "svg");  // the names still answer
}

TEST(NoGraphviz, RenderOptionIsAUsageError) {
  testing::ErgoRun run = testing::run_ergo({"-e", "RETURN 1", "--render", "a.svg"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("this build of ergo cannot draw diagrams: it was built without Graphviz"), std::string::npos)
      << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(NoGraphviz, QueriesStillAnswer) {
  testing::ErgoRun run = testing::run_ergo({"--format", "csv", "-e", "MATCH (c:Company {name: 'OpenAI'}) RETURN c.name"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "c.name\nOpenAI\n");
}

}  // namespace
}  // namespace ergo
