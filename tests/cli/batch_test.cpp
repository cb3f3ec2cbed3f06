// End-to-end golden tests of ergo in batch mode: every batch/NAME.args (one
// argument per line; '#' lines are comments) runs the real binary, with
// NAME.stdin on standard input when it exists, and its exit status, standard
// output and standard error must equal NAME.expect exactly. Rewrite with
// ERGO_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include "tests/cli/draws.hpp"
#include "tests/cli/run_ergo.hpp"
#include "tests/engine/golden_files.hpp"

namespace ergo::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> read_args(const fs::path& file) {
  std::vector<std::string> args;
  std::istringstream lines(read_all(file));
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("#")) args.push_back(line);
  }
  return args;
}

std::string shell_quoted(const std::string& arg) {
  if (!arg.empty() && arg.find_first_of(" '\"$;()[]{}*?<>|&!`\\#~=,") == std::string::npos) return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string transcript(const std::vector<std::string>& args, const ErgoRun& run) {
  std::string out = "$ ergo";
  for (const std::string& a : args) out += " " + shell_quoted(a);
  out += "\nexit " + std::to_string(run.status) + "\n--- stdout\n" + run.out + "--- stderr\n" + run.err;
  return out;
}

// What a case runs: its arguments, its standard input, and the scripts its
// arguments name (for the cases a build without Graphviz leaves out).
std::string case_text(const fs::path& args_file) {
  std::string text;
  for (const std::string& arg : read_args(args_file)) {
    text += arg + "\n";
    const fs::path named = fs::path(ERGO_SOURCE_DIR) / arg;
    if (arg.ends_with(".cypher") && fs::is_regular_file(named)) text += read_all(named);
  }
  fs::path stdin_file = args_file;
  stdin_file.replace_extension(".stdin");
  if (fs::exists(stdin_file)) text += read_all(stdin_file);
  return text;
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const fs::path& f : inputs(fs::path(ERGO_TESTS_DIR) / "cli" / "batch", ".args")) {
    if (runnable_here(case_text(f))) out.push_back(f);
  }
  return out;
}

class Batch : public ::testing::TestWithParam<fs::path> {};

TEST_P(Batch, MatchesGolden) {
  const fs::path& args_file = GetParam();
  fs::path stdin_file = args_file;
  stdin_file.replace_extension(".stdin");
  std::string input = fs::exists(stdin_file) ? read_all(stdin_file) : "";
  std::vector<std::string> args = read_args(args_file);
  expect_golden(args_file, transcript(args, run_ergo(args, input)));
}

INSTANTIATE_TEST_SUITE_P(Cli, Batch, ::testing::ValuesIn(cases()),
                         [](const auto& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace ergo::testing
