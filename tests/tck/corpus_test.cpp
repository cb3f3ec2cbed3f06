// Tests over the real TCK (skipped when ../shared/tck is absent): every
// feature file parses, and every scenario uses only step forms the runner
// knows, so no scenario fails or is skipped for the runner's sake.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tools/tck/feature_files.hpp"
#include "tools/tck/gherkin.hpp"
#include "tools/tck/steps.hpp"

namespace ergo::tck {
namespace {

namespace fs = std::filesystem;

fs::path features_dir() { return fs::path(ERGO_SHARED_DIR) / "tck" / "features"; }

TEST(TckCorpus, EveryScenarioParsesAndPlans) {
  if (!fs::exists(features_dir())) GTEST_SKIP() << "no TCK at " << features_dir();
  auto files = find_feature_files({features_dir().string()});
  ASSERT_GT(files.size(), 50u);
  std::size_t scenarios = 0, skipped = 0;
  for (const FeatureFile& file : files) {
    std::ifstream in(file.path);
    std::stringstream text;
    text << in.rdbuf();
    Feature feature;
    ASSERT_NO_THROW(feature = parse_feature(text.str(), file.relative)) << file.relative;
    for (const Scenario& s : expand_scenarios(feature)) {
      ++scenarios;
      Plan plan = plan_scenario(s);
      EXPECT_FALSE(plan.error) << file.relative << " " << s.name << ": " << *plan.error;
      if (plan.skip_reason) ++skipped;
    }
  }
  EXPECT_GT(scenarios, 900u);
  EXPECT_LE(skipped, 5u);  // only the TCK's own @ignore scenarios
  EXPECT_EQ(files.front().relative.rfind("clauses/", 0), 0u) << files.front().relative;
}

}  // namespace
}  // namespace ergo::tck
