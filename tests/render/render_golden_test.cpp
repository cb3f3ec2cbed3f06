// Golden DOT of diagrams of the bundled graph: every golden/NAME.cypher is
// run and drawn with to_dot(), and must equal golden/NAME.dot (rewritten with
// ERGO_UPDATE_GOLDEN=1 — review the diff). A first line
// "// options: korean context legend=off layout=neato size_by=COL" sets
// RenderOptions.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/engine/golden_files.hpp"
#include "tests/render/render_test_support.hpp"

namespace ergo {
namespace {

namespace fs = std::filesystem;

RenderOptions options_from(const std::string& query) {
  RenderOptions o;
  const std::string prefix = "// options:";
  if (query.rfind(prefix, 0) != 0) return o;
  std::istringstream words(query.substr(prefix.size(), query.find('\n') - prefix.size()));
  for (std::string w; words >> w;) {
    if (w == "korean") o.korean = true;
    if (w == "context") {
      o.context = true;
      o.database = &testing::bundled();
    }
    if (w == "legend=off") o.legend = false;
    if (w.rfind("layout=", 0) == 0) o.layout = w.substr(7);
    if (w.rfind("size_by=", 0) == 0) o.size_by = w.substr(8);
    if (w.rfind("max_nodes=", 0) == 0) o.max_nodes = std::stoul(w.substr(10));
  }
  return o;
}

void expect_dot(const fs::path& input, const std::string& actual) {
  fs::path expect = input;
  expect.replace_extension(".dot");
  const char* update = std::getenv("ERGO_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(expect, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expect)) << expect << " is missing; run with ERGO_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(actual, testing::read_all(expect)) << "golden DOT mismatch for " << input.filename();
}

TEST(RenderGolden, DotOfBundledAnswers) {
  auto files = testing::inputs(fs::path(ERGO_TESTS_DIR) / "render" / "golden", ".cypher");
  ASSERT_GE(files.size(), 5u);
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.filename().string());
    std::string query = testing::read_all(f);
    RenderOptions options = options_from(query);
    std::string dot;
    try {
      dot = to_dot(testing::bundled().execute(query, {}, f.filename().string()), options);
    } catch (const Error& e) {
      dot = std::string("error: ") + e.rendered() + "\n";
    }
    expect_dot(f, dot);
  }
}

}  // namespace
}  // namespace ergo
