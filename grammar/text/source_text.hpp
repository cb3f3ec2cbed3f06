// A named piece of input text (a file, a -e argument, a REPL entry) that
// maps byte offsets to line and column. Every position the grammar and the
// engine report is a byte offset into one of these.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ergo::text {

struct Location {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, counted in code points
};

class SourceText {
 public:
  SourceText(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  // Line and column of a byte offset; an offset at or past the end maps to
  // the position just after the last character.
  Location locate(std::size_t offset) const;

  // Text of a 1-based line without its line terminator.
  std::string_view line_text(std::size_t line) const;

  // Byte offset where a 1-based line starts.
  std::size_t line_start(std::size_t line) const;

  std::size_t line_count() const { return line_starts_.size(); }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

using SourcePtr = std::shared_ptr<const SourceText>;

}  // namespace ergo::text
