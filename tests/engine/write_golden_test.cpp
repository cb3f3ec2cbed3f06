// Golden tests of the write clauses on the bundled graph: every
// write_golden/NAME.cypher runs, statement by statement (each ends with ';'
// at the end of a line), on a fresh copy of the bundled graph; each
// statement's answer as the shell's table, with the summary line the shell
// prints under it, must equal NAME.expect. A statement that fails shows its
// positioned error, and the statements after it show it left nothing behind.
#include <gtest/gtest.h>

#include <sstream>

#include "ergo/database.hpp"
#include "ergo/format.hpp"
#include "tests/engine/golden_files.hpp"

namespace ergo {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> statements(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(";\n", start)) != std::string::npos; start = end + 2) {
    out.push_back(text.substr(start, end - start));
  }
  return out;
}

TEST(WriteGolden, WritesOnTheBundledGraph) {
  auto files = testing::inputs(fs::path(ERGO_TESTS_DIR) / "engine" / "write_golden", ".cypher");
  ASSERT_GE(files.size(), 8u);
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.filename().string());
    Database db = Database::open({ERGO_DATA_DIR});
    std::ostringstream out;
    for (const std::string& s : statements(testing::read_all(f))) {
      out << "ergo> " << s << ";\n";
      try {
        Result r = db.execute(s, {}, f.filename().string());
        write_result(out, r, FormatOptions{});
        out << result_summary(r) << "\n";
      } catch (const Error& e) {
        out << "error (" << e.code() << "): " << e.rendered();
      }
    }
    testing::expect_golden(f, out.str());
  }
}

}  // namespace
}  // namespace ergo
