// The bundled graph (data/*.kg) is written against docs/data-format.md; the
// parser must accept every line of it. Skipped when data/ has no .kg files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "grammar/kg/parse_kg.hpp"

namespace ergo::kg {
namespace {

TEST(KgBundledData, EveryFileParsesWithoutErrors) {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  std::size_t statements = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(ERGO_SOURCE_DIR) / "data", ec)) {
    if (entry.path().extension() != ".kg") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ParsedFile file = parse_kg(std::make_shared<text::SourceText>(
        "data/" + entry.path().filename().string(), text.str()));
    EXPECT_EQ(text::render(file.diagnostics), "");
    ++files;
    statements += file.statements.size();
  }
  if (files == 0) GTEST_SKIP() << "no .kg files in data/";
  EXPECT_GT(statements, 0u);
}

}  // namespace
}  // namespace ergo::kg
