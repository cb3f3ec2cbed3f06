// Test support for the doc-transcript test: finds the transcripts in the
// Markdown docs and compares them with what ergo prints. The convention
// (docs/cli.md, "Transcripts in these docs are tested"):
//  - a fenced block whose first line starts with "ergo> ", or is
//    "$ tools/run.sh" or "$ ergo" alone, is an interactive session, replayed
//    in a 100x50 terminal (tmux);
//  - any other fenced block with a "$ " line that runs ergo is a batch
//    transcript: each "$ " command (with "\" continuation lines) runs in sh,
//    standard error merged into standard output, and what follows it up to
//    the next "$ " line is its output;
//  - "ergo", "build/bin/ergo" and "tools/run.sh" all run the built binary;
//  - a line that is just "..." (indent allowed) stands for any lines;
//  - times such as "(0.4 ms)" and "(1.31 s, 7.6M rows/s)" are not compared;
//  - a block fenced as ```text is never run.
#pragma once

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace ergo::testing {

struct DocBlock {
  std::filesystem::path file;
  std::size_t first_line = 0;  // 0-based index of the block's first line in the file
  std::vector<std::string> lines;
  bool interactive = false;
};

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline bool runs_ergo(const std::string& command) {
  static const std::regex ergo(R"((^|[\s|;&(])(ergo|build/bin/ergo|\./build/bin/ergo|tools/run\.sh)(\s|$))");
  return std::regex_search(command, ergo);
}

// Every transcript block of a Markdown file, in order.
inline std::vector<DocBlock> transcript_blocks(const std::filesystem::path& file) {
  std::vector<std::string> lines;
  {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  std::vector<DocBlock> blocks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with("```")) continue;
    std::string info = lines[i].substr(3);
    std::size_t end = i + 1;
    while (end < lines.size() && !lines[end].starts_with("```")) ++end;
    DocBlock b{file, i + 1, std::vector<std::string>(lines.begin() + i + 1, lines.begin() + end), false};
    i = end;
    if (info == "text" || b.lines.empty()) continue;
    const std::string& first = b.lines[0];
    if (first.starts_with("ergo> ") || first == "$ tools/run.sh" || first == "$ ergo") {
      b.interactive = true;
      blocks.push_back(std::move(b));
      continue;
    }
    bool any = false;
    for (const std::string& l : b.lines) any = any || (l.starts_with("$ ") && runs_ergo(l.substr(2)));
    if (any && first.starts_with("$ ")) blocks.push_back(std::move(b));
  }
  return blocks;
}

inline std::string without_times(const std::string& text) {
  static const std::regex time(R"(\(\d+(\.\d+)? m?s(, [0-9.]+[kM] rows/s)?\))");
  return std::regex_replace(text, time, "(TIME)");
}

inline bool is_ellipsis(const std::string& line) {
  std::size_t at = line.find_first_not_of(' ');
  return at != std::string::npos && line.substr(at) == "...";
}

// Whether `actual` is `expected`, where an ellipsis line stands for any
// number of lines, and times are not compared.
inline bool lines_match(const std::vector<std::string>& expected, const std::vector<std::string>& actual,
                        std::size_t e = 0, std::size_t a = 0) {
  if (e == expected.size()) return a == actual.size();
  if (is_ellipsis(expected[e])) {
    for (std::size_t skip = a; skip <= actual.size(); ++skip) {
      if (lines_match(expected, actual, e + 1, skip)) return true;
    }
    return false;
  }
  return a < actual.size() && without_times(expected[e]) == without_times(actual[a]) &&
         lines_match(expected, actual, e + 1, a + 1);
}

inline bool has_ellipsis(const std::vector<std::string>& lines) {
  for (const std::string& l : lines) {
    if (is_ellipsis(l)) return true;
  }
  return false;
}

// Replaces the `index`th transcript block of `file` with `lines` (to
// regenerate a doc from what ergo really printed).
inline void rewrite_block(const std::filesystem::path& file, std::size_t index, const std::vector<std::string>& lines) {
  std::vector<DocBlock> blocks = transcript_blocks(file);
  if (index >= blocks.size()) return;
  std::vector<std::string> all;
  {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) all.push_back(line);
  }
  const DocBlock& b = blocks[index];
  all.erase(all.begin() + b.first_line, all.begin() + b.first_line + b.lines.size());
  all.insert(all.begin() + b.first_line, lines.begin(), lines.end());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  for (const std::string& l : all) out << l << "\n";
}

}  // namespace ergo::testing
