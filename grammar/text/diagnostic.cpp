// The shared error formatter (see diagnostic.hpp).
#include "grammar/text/diagnostic.hpp"

#include <algorithm>
#include <string_view>

#include "grammar/text/unicode.hpp"

namespace ergo::text {
namespace {

// Tabs would misplace the caret; show them as one space each.
std::string printable_line(std::string_view line) {
  std::string out(line);
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

// A source line wider than kLongLine columns (a generated one-line query,
// a megabyte of it, say) is shown as the kShownColumns around the caret;
// anything a person wrote by hand is shown whole.
constexpr std::size_t kLongLine = 500;
constexpr std::size_t kShownColumns = 160;
// Columns kept before the caret when the line is cut.
constexpr std::size_t kColumnsBeforeCaret = 60;
constexpr std::string_view kElided = "...";

struct ShownLine {
  std::string text;
  std::size_t caret_indent;
  std::size_t caret_width;
};

// The line as the caret line is drawn under it: whole unless it is long,
// otherwise the window of it around the caret with "..." where it is cut,
// never splitting a code point.
ShownLine shown_line(const Diagnostic& d) {
  const std::string_view line = d.line_text;
  if (line.size() <= kLongLine || display_width(line) <= kLongLine) {
    return {d.line_text, d.caret_indent, d.caret_width};
  }
  const std::size_t skip_columns = d.caret_indent > kColumnsBeforeCaret ? d.caret_indent - kColumnsBeforeCaret : 0;
  std::size_t start = skip_columns == 0 ? 0 : prefix_fitting(line, skip_columns);
  const std::size_t caret_in_excerpt = d.caret_indent - display_width(line.substr(0, start));
  const std::size_t window = kShownColumns - (start > 0 ? kElided.size() : 0) - kElided.size();
  const std::string_view excerpt = line.substr(start, prefix_fitting(line.substr(start), window));
  ShownLine shown;
  if (start > 0) shown.text += kElided;
  shown.text += excerpt;
  if (start + excerpt.size() < line.size()) shown.text += kElided;
  shown.caret_indent = caret_in_excerpt + (start > 0 ? kElided.size() : 0);
  const std::size_t excerpt_width = display_width(excerpt);
  const std::size_t visible = excerpt_width > caret_in_excerpt ? excerpt_width - caret_in_excerpt : 1;
  shown.caret_width = std::max<std::size_t>(1, std::min(d.caret_width, visible));
  return shown;
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
    const ShownLine shown = shown_line(d);
    out += shown.text;
    out += '\n';
    out += std::string(shown.caret_indent, ' ');
    out += '^';
    if (shown.caret_width > 1) out += std::string(shown.caret_width - 1, '~');
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
