// Golden tests for .kg parse errors: every tests/grammar/kg_malformed/NAME.kg
// is parsed and its rendered diagnostics compared with NAME.expect. Run with
// ERGO_UPDATE_GOLDEN=1 to rewrite the .expect files, then review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/kg/parse_kg.hpp"

namespace ergo::kg {
namespace {

namespace fs = std::filesystem;

const fs::path golden_dir = fs::path(ERGO_TESTS_DIR) / "grammar" / "kg_malformed";

std::vector<std::string> golden_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(golden_dir, ec)) {
    if (entry.path().extension() == ".kg") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool updating() {
  const char* update = std::getenv("ERGO_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

class KgMalformed : public testing::TestWithParam<std::string> {};

TEST_P(KgMalformed, MatchesExpectedDiagnostics) {
  const std::string& name = GetParam();
  fs::path input = golden_dir / (name + ".kg");
  fs::path expect = golden_dir / (name + ".expect");
  // A relative name keeps the expectations independent of the checkout.
  auto source = std::make_shared<text::SourceText>("kg_malformed/" + name + ".kg", read_file(input));
  ParsedFile file = parse_kg(source);
  std::string actual = text::render(file.diagnostics);

  EXPECT_TRUE(text::has_errors(file.diagnostics)) << name << ".kg is meant to be malformed";
  if (updating()) {
    std::ofstream(expect, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expect)) << "missing " << expect << " (run with ERGO_UPDATE_GOLDEN=1)";
  EXPECT_EQ(actual, read_file(expect));
}

INSTANTIATE_TEST_SUITE_P(Golden, KgMalformed, testing::ValuesIn(golden_names()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(KgMalformedFolder, HasManyKindsOfMistakes) { EXPECT_GE(golden_names().size(), 20u); }

}  // namespace
}  // namespace ergo::kg
