// Locates data/ relative to the running binary (see bundled_data.hpp).
#include "tools/ergo/bundled_data.hpp"

#include <vector>

namespace ergo::cli {

std::optional<std::filesystem::path> bundled_data_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::vector<fs::path> candidates;
  if (!ec) {
    fs::path bin = exe.parent_path();
    candidates.push_back(bin / ".." / ".." / "data");
    candidates.push_back(bin / ".." / "share" / "ergo" / "data");
  }
  candidates.push_back(ERGO_SOURCE_DATA_DIR);
  for (const fs::path& c : candidates) {
    if (fs::is_directory(c, ec)) return fs::weakly_canonical(c, ec);
  }
  return std::nullopt;
}

std::optional<std::filesystem::path> default_sources_dir(const std::vector<std::string>& sources) {
  namespace fs = std::filesystem;
  if (sources.empty()) return std::nullopt;
  std::error_code ec;
  fs::path data = fs::absolute(sources.front(), ec);
  if (!fs::is_directory(data, ec)) data = data.parent_path();
  fs::path seeds = data / ".." / ".." / "shared" / "seeds";
  if (fs::is_directory(seeds, ec)) return fs::weakly_canonical(seeds, ec);
  return std::nullopt;
}

}  // namespace ergo::cli
