// The .kg parser's driver (see parse_kg.hpp): splits the text into lines,
// checks each for invalid UTF-8, runs the X3 line grammar (statement.hpp),
// lowers what parsed (lower.hpp), and turns the first mistake on each line
// into a diagnostic, so every bad line is reported and the rest still parse.
#include "grammar/kg/parse_kg.hpp"

#include <cstdio>
#include <limits>

#include "grammar/kg/config.hpp"
#include "grammar/kg/lower.hpp"
#include "grammar/kg/statement.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::kg {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The source line with each invalid byte shown as U+FFFD, so diagnostics are
// valid UTF-8; the caret stays put, as both take one column.
std::string printable(std::string_view line) {
  std::string out;
  while (!line.empty()) {
    std::optional<std::size_t> bad = text::find_invalid_utf8(line);
    if (!bad) break;
    out += line.substr(0, *bad);
    out += "\xEF\xBF\xBD";
    line.remove_prefix(*bad + 1);
  }
  out += line;
  return out;
}

class FileParser {
 public:
  explicit FileParser(text::SourcePtr source)
      : source_(std::move(source)),
        text_(source_->text()),
        has_bom_(text_.substr(0, utf8_bom.size()) == utf8_bom) {}

  ParsedFile run() {
    ParsedFile out{source_, {}, {}};
    if (text_.size() > std::numeric_limits<std::uint32_t>::max()) {
      out.diagnostics.push_back(text::make_diagnostic(
          source_->name(), text::Severity::error, "file too large: .kg files are limited to 4 GiB"));
      return out;
    }
    std::size_t begin = has_bom_ ? utf8_bom.size() : 0;
    for (;;) {
      std::size_t newline = text_.find('\n', begin);
      std::size_t end = newline == std::string_view::npos ? text_.size() : newline;
      std::size_t content_end = end > begin && text_[end - 1] == '\r' ? end - 1 : end;
      line(begin, content_end, out);
      if (newline == std::string_view::npos) break;
      begin = newline + 1;
    }
    return out;
  }

 private:
  text::SourcePtr source_;
  std::string_view text_;
  bool has_bom_;

  void line(std::size_t begin, std::size_t end, ParsedFile& out) {
    std::string_view content = text_.substr(begin, end - begin);
    if (std::optional<std::size_t> bad = text::find_invalid_utf8(content)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(content[*bad]));
      report(out, {static_cast<std::uint32_t>(begin + *bad), 1,
                   std::string("invalid UTF-8: byte ") + hex +
                       " does not start a valid character (save the file as UTF-8)"});
      return;
    }

    namespace x3 = boost::spirit::x3;
    parser::ParseState state;
    state.text_begin = text_.data();
    boost::optional<ast::Statement> statement;
    parser::Iterator first = text_.data() + begin;
    parser::Iterator last = text_.data() + end;
    bool ok = x3::phrase_parse(first, last, x3::with<parser::ParseStateTag>(state)[parser::line()],
                               parser::Skipper{}, statement);
    if (!ok) {
      report(out, state.error ? *state.error
                              : detail::LineError{static_cast<std::uint32_t>(first - text_.data()),
                                                  0, "syntax error"});
      return;
    }
    if (!statement) return;
    try {
      out.statements.push_back(detail::lower(*statement, text_));
    } catch (const detail::LineError& error) {
      report(out, error);
    }
  }

  void report(ParsedFile& out, const detail::LineError& error) {
    text::Diagnostic d = text::make_diagnostic(*source_, error.offset, error.length,
                                               text::Severity::error, error.message);
    // SourceText counts a byte-order mark as the first character of line 1;
    // nobody sees it, so columns on that line start after it.
    if (has_bom_ && d.line == 1) {
      --d.column;
      if (d.line_text.compare(0, utf8_bom.size(), utf8_bom) == 0) d.line_text.erase(0, utf8_bom.size());
    }
    d.line_text = printable(d.line_text);
    out.diagnostics.push_back(std::move(d));
  }
};

}  // namespace

ParsedFile parse_kg(text::SourcePtr source) { return FileParser(std::move(source)).run(); }

}  // namespace ergo::kg
