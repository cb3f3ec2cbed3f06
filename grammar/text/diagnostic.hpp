// One error formatter for every stage: a parse error in a .kg file, a
// syntax error in a query and a bind error all print the same way:
//
//   file:line:column: error: message
//   <the source line>
//           ^~~~
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "grammar/text/source_text.hpp"

namespace ergo::text {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string message;
  std::string file;
  std::size_t line = 0;    // 1-based; 0 when the diagnostic has no position
  std::size_t column = 0;  // 1-based, in code points
  std::string line_text;   // the source line the caret points into
  std::size_t caret_indent = 0;  // display columns before the caret
  std::size_t caret_width = 1;   // display columns the caret underlines
};

// A diagnostic pointing at [offset, offset + length) of `source`.
Diagnostic make_diagnostic(const SourceText& source, std::size_t offset, std::size_t length,
                           Severity severity, std::string message);

// A diagnostic with no source position (e.g. a file that cannot be read).
Diagnostic make_diagnostic(std::string file, Severity severity, std::string message);

// "file:line:column: error: message" plus the source line and a caret line.
std::string render(const Diagnostic& d);

// All diagnostics rendered, each ending in a newline.
std::string render(const std::vector<Diagnostic>& ds);

bool has_errors(const std::vector<Diagnostic>& ds);

}  // namespace ergo::text
