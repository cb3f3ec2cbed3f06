// Where the bundled knowledge graph is: next to the binary in a build tree
// (build/bin/../../data), under an install prefix (bin/../share/ergo/data),
// or where the source tree was at build time.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ergo::cli {

std::optional<std::filesystem::path> bundled_data_dir();

// Where the source texts of the data in `sources` (the .kg files and folders
// loaded) are by default: the shared/seeds folder beside the repository that
// holds the first data folder (DATA/../../shared/seeds), as in a checkout
// next to ../shared. nullopt when there is no such folder.
std::optional<std::filesystem::path> default_sources_dir(const std::vector<std::string>& sources);

}  // namespace ergo::cli
