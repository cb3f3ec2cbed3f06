// Feature-file discovery and naming (see feature_files.hpp).
#include "tools/tck/feature_files.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "tools/tck/options.hpp"

namespace ergo::tck {
namespace {

namespace fs = std::filesystem;

// The nearest ancestor-or-self directory called "features".
std::optional<fs::path> features_root(const fs::path& p) {
  fs::path abs = fs::weakly_canonical(fs::absolute(p));
  for (fs::path d = abs; !d.empty(); d = d.parent_path()) {
    if (d.filename() == "features") return d;
    if (d == d.parent_path()) break;
  }
  return std::nullopt;
}

}  // namespace

std::vector<FeatureFile> find_feature_files(const std::vector<std::string>& paths) {
  std::vector<FeatureFile> out;
  for (const std::string& given : paths) {
    fs::path p(given);
    std::error_code ec;
    if (!fs::exists(p, ec)) throw UsageError("no such file or directory: " + given);
    fs::path abs = fs::weakly_canonical(fs::absolute(p));
    fs::path base = features_root(p).value_or(fs::is_directory(p) ? abs : abs.parent_path());
    auto add = [&](const fs::path& file) {
      fs::path abs = fs::weakly_canonical(fs::absolute(file));
      out.push_back(FeatureFile{file.string(), abs.lexically_relative(base).generic_string()});
    };
    if (fs::is_directory(p)) {
      for (const auto& entry : fs::recursive_directory_iterator(p)) {
        if (entry.is_regular_file() && entry.path().extension() == ".feature") add(entry.path());
      }
    } else {
      add(p);
    }
  }
  std::sort(out.begin(), out.end(), [](const FeatureFile& a, const FeatureFile& b) {
    return a.relative != b.relative ? a.relative < b.relative : a.path < b.path;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const FeatureFile& a, const FeatureFile& b) {
                          return fs::weakly_canonical(a.path) == fs::weakly_canonical(b.path);
                        }),
            out.end());
  return out;
}

std::optional<std::string> default_tck_dir() {
  std::vector<fs::path> candidates;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path() / ".." / ".." / ".." / "shared" / "tck");
#ifdef ERGO_TCK_SOURCE_TCK_DIR
  candidates.emplace_back(ERGO_TCK_SOURCE_TCK_DIR);
#endif
  for (const fs::path& c : candidates) {
    if (fs::is_directory(c / "features", ec)) return fs::weakly_canonical(c).string();
  }
  return std::nullopt;
}

std::optional<std::string> graphs_dir_beside(const std::string& path) {
  auto root = features_root(path);
  if (!root) return std::nullopt;
  fs::path graphs = root->parent_path() / "graphs";
  std::error_code ec;
  if (!fs::is_directory(graphs, ec)) return std::nullopt;
  return graphs.string();
}

}  // namespace ergo::tck
