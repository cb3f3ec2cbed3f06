// Golden tests of the Cypher parser. Every tests/grammar/cypher_golden/NAME.cypher
// must parse, and its tree dump must equal NAME.expect; every
// tests/grammar/cypher_malformed/NAME.cypher must fail, and its rendered
// diagnostic (with the openCypher error detail on a last line) must equal
// NAME.expect. ERGO_UPDATE_GOLDEN=1 rewrites the .expect files: review the
// diff by eye, they are the specification.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>

#include "cypher_test_support.hpp"

namespace ergo::cypher {
namespace {

namespace fs = std::filesystem;

const fs::path golden_dir = fs::path(ERGO_TESTS_DIR) / "grammar" / "cypher_golden";
const fs::path malformed_dir = fs::path(ERGO_TESTS_DIR) / "grammar" / "cypher_malformed";

void compare_or_update(const fs::path& expect, const std::string& actual) {
  if (testing::updating_golden()) {
    std::ofstream(expect, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expect)) << expect << " is missing; run with ERGO_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(actual, testing::read_file(expect)) << "golden mismatch for " << expect.filename();
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class GoldenQuery : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenQuery, ParsesToTheExpectedTree) {
  const std::string& name = GetParam();
  std::string text = testing::read_file(golden_dir / (name + ".cypher"));
  ParseResult r = testing::parse(text, "cypher_golden/" + name + ".cypher");
  ASSERT_TRUE(r.ok()) << text::render(r.error->diagnostic);
  compare_or_update(golden_dir / (name + ".expect"), print(r.statements));
}

// Named so that --gtest_filter=Cypher* selects them.
INSTANTIATE_TEST_SUITE_P(CypherGolden, GoldenQuery, ::testing::ValuesIn(testing::file_stems(golden_dir, ".cypher")),
                         test_name);

class MalformedQuery : public ::testing::TestWithParam<std::string> {};

TEST_P(MalformedQuery, FailsWithTheExpectedDiagnostic) {
  const std::string& name = GetParam();
  std::string text = testing::read_file(malformed_dir / (name + ".cypher"));
  // A relative name keeps the expectations independent of the checkout.
  ParseResult r = testing::parse(text, "cypher_malformed/" + name + ".cypher");
  ASSERT_FALSE(r.ok()) << name << ".cypher is meant to be malformed, but parses as\n" << print(r.statements);
  std::string actual = text::render(r.error->diagnostic) + r.error->code + ": " + r.error->detail + "\n";
  compare_or_update(malformed_dir / (name + ".expect"), actual);
}

INSTANTIATE_TEST_SUITE_P(CypherMalformed, MalformedQuery,
                         ::testing::ValuesIn(testing::file_stems(malformed_dir, ".cypher")), test_name);

TEST(CypherGoldenFolders, HoldEnoughCases) {
  EXPECT_GE(testing::file_stems(golden_dir, ".cypher").size(), 40u);
  EXPECT_GE(testing::file_stems(malformed_dir, ".cypher").size(), 30u);
}

}  // namespace
}  // namespace ergo::cypher
