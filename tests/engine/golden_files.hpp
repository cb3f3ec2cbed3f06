// Golden-file helpers shared by the golden tests: list a folder's inputs and
// compare an actual output with NAME.expect, or rewrite it when
// ERGO_UPDATE_GOLDEN=1 (review the diff before committing).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ergo::testing {

inline std::vector<std::filesystem::path> inputs(const std::filesystem::path& dir, const std::string& extension) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == extension) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Compares `actual` with the .expect file next to `input`.
inline void expect_golden(const std::filesystem::path& input, const std::string& actual) {
  std::filesystem::path expect = input;
  expect.replace_extension(".expect");
  const char* update = std::getenv("ERGO_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(expect, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(expect)) << expect << " is missing; run with ERGO_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(actual, read_all(expect)) << "golden mismatch for " << input.filename();
}

}  // namespace ergo::testing
