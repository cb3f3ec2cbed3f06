// Finding the feature files to run and naming them as the report does: by
// their path below the TCK's features/ folder (clauses/match/Match1.feature).
// Also where the TCK is when no path is given.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ergo::tck {

struct FeatureFile {
  std::string path;      // as found on disk
  std::string relative;  // below the nearest "features" folder, else below the given path
};

// Files are taken as given, directories searched recursively for *.feature;
// sorted by relative path, each once. Throws UsageError naming a path that
// does not exist.
std::vector<FeatureFile> find_feature_files(const std::vector<std::string>& paths);

// The TCK folder (holding features/ and graphs/): <exe>/../../../shared/tck
// (build/bin inside the repository), else the source tree's ../shared/tck.
// nullopt when neither exists.
std::optional<std::string> default_tck_dir();

// graphs/ beside the "features" folder that `path` lies in, if any.
std::optional<std::string> graphs_dir_beside(const std::string& path);

}  // namespace ergo::tck
