// Where the bundled knowledge graph is: next to the binary in a build tree
// (build/bin/../../data), under an install prefix (bin/../share/ergo/data),
// or where the source tree was at build time.
#pragma once

#include <filesystem>
#include <optional>

namespace ergo::cli {

std::optional<std::filesystem::path> bundled_data_dir();

}  // namespace ergo::cli
