// Tests of ergo-tck's command line and of feature-file discovery.
#include "tools/tck/options.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include <fstream>

#include "tools/tck/feature_files.hpp"

namespace ergo::tck {
namespace {

namespace fs = std::filesystem;

TEST(TckOptions, ParsesEverything) {
  Options o = parse_options({"--filter", "Match", "--verbose", "--summary-by-folder", "--list-failures", "f.txt",
                             "--floor", "floor.txt", "--graphs", "g", "--timeout", "2.5", "--no-fork",
                             "--strict-errors", "a.feature", "dir"});
  EXPECT_EQ(o.filters, std::vector<std::string>{"Match"});
  EXPECT_TRUE(o.verbose && o.summary_by_folder && o.strict_errors && !o.fork);
  EXPECT_EQ(*o.list_failures, "f.txt");
  EXPECT_EQ(*o.floor_file, "floor.txt");
  EXPECT_EQ(*o.graphs_dir, "g");
  EXPECT_EQ(o.timeout_seconds, 2.5);
  EXPECT_EQ(o.paths, (std::vector<std::string>{"a.feature", "dir"}));
}

TEST(TckOptions, RejectsBadUsage) {
  EXPECT_THROW(parse_options({"--bogus"}), UsageError);
  EXPECT_THROW(parse_options({"--filter"}), UsageError);
  EXPECT_THROW(parse_options({"--timeout", "0"}), UsageError);
  EXPECT_THROW(parse_options({"--timeout", "abc"}), UsageError);
}

TEST(TckFeatureFiles, NamesFilesBelowTheFeaturesFolder) {
  fs::path root = fs::temp_directory_path() / ("ergo-tck-test-" + std::to_string(::getpid()));
  fs::create_directories(root / "features" / "clauses" / "match");
  fs::create_directories(root / "graphs");
  std::ofstream(root / "features" / "clauses" / "match" / "Match2.feature") << "Feature: x\n";
  std::ofstream(root / "features" / "clauses" / "match" / "Match1.feature") << "Feature: x\n";
  std::ofstream(root / "features" / "clauses" / "match" / "notes.txt") << "x\n";
  auto files = find_feature_files({(root / "features" / "clauses").string(),
                                   (root / "features" / "clauses" / "match" / "Match1.feature").string()});
  ASSERT_EQ(files.size(), 2u);  // each once, sorted
  EXPECT_EQ(files[0].relative, "clauses/match/Match1.feature");
  EXPECT_EQ(files[1].relative, "clauses/match/Match2.feature");
  EXPECT_EQ(graphs_dir_beside((root / "features" / "clauses").string()), (root / "graphs").string());
  EXPECT_THROW(find_feature_files({(root / "missing").string()}), UsageError);
  fs::remove_all(root);
}

}  // namespace
}  // namespace ergo::tck
