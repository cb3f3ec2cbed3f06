// The shared error formatter (see diagnostic.hpp).
#include "grammar/text/diagnostic.hpp"

#include <algorithm>

#include "grammar/text/unicode.hpp"

namespace ergo::text {
namespace {

// Tabs would misplace the caret; show them as one space each.
std::string printable_line(std::string_view line) {
  std::string out(line);
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

}  // namespace

Diagnostic make_diagnostic(const SourceText& source, std::size_t offset, std::size_t length,
                           Severity severity, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.message = std::move(message);
  d.file = source.name();
  Location loc = source.locate(offset);
  d.line = loc.line;
  d.column = loc.column;
  std::string_view line = source.line_text(loc.line);
  d.line_text = printable_line(line);
  std::size_t line_offset = std::min(offset - source.line_start(loc.line), line.size());
  // Measured on the line as shown, where each tab is one space.
  d.caret_indent = display_width(printable_line(line.substr(0, line_offset)));
  std::size_t span_end = std::min(line.size(), line_offset + length);
  d.caret_width =
      std::max<std::size_t>(1, display_width(printable_line(line.substr(line_offset, span_end - line_offset))));
  return d;
}

Diagnostic make_diagnostic(std::string file, Severity severity, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.file = std::move(file);
  d.message = std::move(message);
  return d;
}

std::string render(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  if (!out.empty()) out += ": ";
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message;
  out += '\n';
  if (d.line > 0) {
    out += d.line_text;
    out += '\n';
    out += std::string(d.caret_indent, ' ');
    out += '^';
    if (d.caret_width > 1) out += std::string(d.caret_width - 1, '~');
    out += '\n';
  }
  return out;
}

std::string render(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += render(d);
  return out;
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace ergo::text
