// Every transcript in README.md and docs/*.md runs against the real binary
// and must print what the doc shows (the convention is in
// doc_transcripts.hpp and docs/cli.md), so docs cannot drift from ergo.
// ERGO_UPDATE_DOCS=1 rewrites a drifted block with what ergo printed (not
// blocks with "..." elisions; fix those by hand); review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "tests/cli/doc_transcripts.hpp"
#include "tests/cli/tmux_driver.hpp"

namespace ergo::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct Case {
  fs::path file;
  std::size_t index;  // among the file's transcript blocks
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.file.filename().string() << " block " << c.index + 1; }

std::vector<Case> all_cases() {
  std::vector<fs::path> files{fs::path(ERGO_SOURCE_DIR) / "README.md"};
  for (const auto& entry : fs::directory_iterator(fs::path(ERGO_SOURCE_DIR) / "docs")) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  std::sort(files.begin() + 1, files.end());
  std::vector<Case> cases;
  for (const fs::path& f : files) {
    std::size_t n = transcript_blocks(f).size();
    for (std::size_t i = 0; i < n; ++i) cases.push_back({f, i});
  }
  return cases;
}

// A scratch working directory that sees the repository's data, docs and
// tests, so commands read what the docs name and write files elsewhere.
class Workspace {
 public:
  Workspace() {
    for (const char* name : {"data", "docs", "tests"}) {
      fs::create_directory_symlink(fs::path(ERGO_SOURCE_DIR) / name, dir_ / name);
    }
  }
  const fs::path& path() const { return dir_.path(); }

 private:
  TempDir dir_;
};

// The commands of a batch block and their expected outputs.
struct Command {
  std::vector<std::string> text;  // as written, continuation lines included
  std::vector<std::string> output;
};

std::vector<Command> commands_of(const DocBlock& b) {
  std::vector<Command> out;
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    if (b.lines[i].starts_with("$ ")) {
      out.emplace_back();
      out.back().text.push_back(b.lines[i]);
      while (out.back().text.back().ends_with("\\") && i + 1 < b.lines.size()) out.back().text.push_back(b.lines[++i]);
    } else if (!out.empty()) {
      out.back().output.push_back(b.lines[i]);
    }
  }
  return out;
}

std::string as_shell(const std::vector<std::string>& text) {
  static const std::regex binary(R"((^|[\s|;&(])(\./build/bin/ergo|build/bin/ergo|tools/run\.sh)(?=\s|$))");
  std::string joined;
  for (const std::string& t : text) joined += (joined.empty() ? t.substr(2) : t) + "\n";
  return std::regex_replace(joined, binary, "$1ergo");
}

// Runs every command of the block in one sh; returns each one's output lines.
std::vector<std::vector<std::string>> run_batch(const std::vector<Command>& commands, const fs::path& cwd) {
  std::string script = "exec 2>&1\nergo() { \"$ERGO_UNDER_TEST\" \"$@\"; }\nstatus=0\n";
  // The marker before each command; $? is carried over it, for "echo $?".
  for (const Command& c : commands) {
    script += "printf '\\036\\n'\n(exit $status)\n" + as_shell(c.text) + "status=$?\n";
  }
  std::ofstream(cwd / ".transcript.sh") << script;
  std::string shell = "cd '" + cwd.string() + "' && ERGO_UNDER_TEST='" + ergo_binary() +
                      "' HOME='" + cwd.string() + "' ERGO_HISTORY= LANG=C.UTF-8 LC_ALL=C.UTF-8 sh .transcript.sh";
  std::string output;
  if (FILE* p = popen(shell.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) output.append(buf, n);
    pclose(p);
  }
  std::vector<std::vector<std::string>> outputs;
  for (const std::string& line : split_lines(output)) {
    if (line == "\036") {
      outputs.emplace_back();
    } else if (!outputs.empty()) {
      outputs.back().push_back(line);
    }
  }
  outputs.resize(commands.size());
  return outputs;
}

bool is_prompt(const std::string& line) { return line.starts_with("ergo>") || line.starts_with(" ...>"); }

// The screen as ergo wrote it: wrapped lines joined, trailing blanks cut,
// without tmux's own "Pane is dead" line.
std::vector<std::string> screen_lines(TmuxDriver& shell) {
  std::vector<std::string> lines;
  for (std::string l : split_lines(shell.joined_screen())) {
    while (!l.empty() && l.back() == ' ') l.pop_back();
    if (!l.starts_with("Pane is dead")) lines.push_back(l);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// Replays the inputs of an interactive block in tmux; returns the screen
// from where the block starts.
std::vector<std::string> run_interactive(const DocBlock& b, const fs::path& cwd, const fs::path& home) {
  const bool with_banner = !b.lines[0].starts_with("ergo> ");
  TmuxDriver shell(home, "", cwd.string(), 100, 50);
  shell.keep_after_exit();
  if (!shell.wait_for("ergo>")) return {"(ergo did not start)"};
  int prompts = 1;
  for (std::size_t i = with_banner ? 1 : 0; i < b.lines.size(); ++i) {
    const std::string& line = b.lines[i];
    if (!is_prompt(line) || line.size() <= 6) continue;
    const std::string input = line.substr(6);
    shell.type(input);
    shell.key("Enter");
    if (i + 1 < b.lines.size() && b.lines[i + 1] == "^C") {
      std::this_thread::sleep_for(1s);
      shell.key("C-c");
    }
    if (input == ":quit" || input == ":exit") {
      for (int k = 0; k < 100 && !shell.exited(); ++k) std::this_thread::sleep_for(50ms);
      break;
    }
    ++prompts;
    for (int k = 0; k < 400; ++k) {
      int seen = 0;
      for (const std::string& l : screen_lines(shell)) seen += is_prompt(l);
      if (seen >= prompts) break;
      std::this_thread::sleep_for(50ms);
    }
  }
  std::vector<std::string> lines = screen_lines(shell);
  // The prompt waiting after the last input is not part of the transcript.
  if (!lines.empty() && lines.back() == "ergo>") lines.pop_back();
  if (with_banner) {
    lines.insert(lines.begin(), b.lines[0]);
  } else {
    lines.erase(lines.begin(), lines.begin() + std::min<std::size_t>(2, lines.size()));
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

class DocTranscript : public ::testing::TestWithParam<Case> {};

TEST_P(DocTranscript, MatchesWhatErgoPrints) {
  const Case& c = GetParam();
  std::vector<DocBlock> blocks = transcript_blocks(c.file);
  ASSERT_LT(c.index, blocks.size());
  const DocBlock& b = blocks[c.index];
  Workspace work;
  std::vector<std::string> actual;
  if (b.interactive) {
    if (!tmux_available()) GTEST_SKIP() << "tmux is not installed";
    TempDir home;
    actual = run_interactive(b, work.path(), home.path());
  } else {
    std::vector<Command> commands = commands_of(b);
    std::vector<std::vector<std::string>> outputs = run_batch(commands, work.path());
    for (std::size_t i = 0; i < commands.size(); ++i) {
      actual.insert(actual.end(), commands[i].text.begin(), commands[i].text.end());
      actual.insert(actual.end(), outputs[i].begin(), outputs[i].end());
    }
  }
  if (lines_match(b.lines, actual)) return;
  if (std::getenv("ERGO_UPDATE_DOCS") && !has_ellipsis(b.lines)) {
    rewrite_block(c.file, c.index, actual);
    return;
  }
  ADD_FAILURE() << c.file.filename().string() << ":" << b.first_line + 1 << ": the transcript does not match.\n"
                << "--- the doc\n" << joined(b.lines) << "--- ergo\n" << joined(actual);
}

INSTANTIATE_TEST_SUITE_P(Docs, DocTranscript, ::testing::ValuesIn(all_cases()), [](const auto& info) {
  std::string name = info.param.file.stem().string() + "_" + std::to_string(info.param.index + 1);
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
});

// The convention itself, on a small doc.
TEST(DocTranscripts, FindsBlocksAndMatchesWithElisions) {
  TempDir dir;
  std::ofstream(dir / "t.md") << "# t\n```\n$ ergo -e 'RETURN 1'\nx\n```\n```cypher\nRETURN 1\n```\n"
                                 "```text\n$ ergo --help\n```\n```\nergo> :schema\nLabels\n  ...\n```\n";
  std::vector<DocBlock> blocks = transcript_blocks(dir / "t.md");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_FALSE(blocks[0].interactive);
  EXPECT_EQ(blocks[0].first_line, 2u);
  EXPECT_TRUE(blocks[1].interactive);
  EXPECT_TRUE(lines_match({"a", "  ...", "d"}, {"a", "b", "c", "d"}));
  EXPECT_TRUE(lines_match({"a", "...", "b"}, {"a", "b"}));
  EXPECT_FALSE(lines_match({"a", "b"}, {"a", "c"}));
  EXPECT_TRUE(lines_match({"6 rows (0.4 ms)"}, {"6 rows (12 ms)"}));
  EXPECT_TRUE(lines_match({"2 rows (1.2 s, 9.1M rows/s)"}, {"2 rows (0.9 s)"}));
}

}  // namespace
}  // namespace ergo::testing
