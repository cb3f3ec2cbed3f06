// CSV text → a table of fields (RFC 4180: a header row, fields separated by
// one delimiter character, fields quoted with '"' and quotes inside doubled,
// LF or CRLF line ends). The whole file is tokenized in one pass into field
// spans over the text (4 bytes a field where records are shorter than
// 32 KiB, 8 otherwise), so the loader can look at a column twice (once to
// infer its type, once to convert) without copying a string.
//
// Blank lines are skipped. A row with a malformed field (text after a
// closing quote) or the wrong number of fields is reported and left out of
// the table; the caller decides whether that fails the whole import. A
// quote inside an unquoted field is an ordinary character. A quote that is
// never closed, an empty file and an unreadable one are fatal: the table is
// unusable. Diagnostics carry file, line and column (in code points; a
// byte-order mark is not counted) and a caret placed by display width.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/text/diagnostic.hpp"
#include "grammar/text/huge_pages.hpp"

namespace ergo::csv {

class Table {
 public:
  const std::string& file() const { return file_; }
  // The file's text, which holds every field but those written with doubled
  // quotes: readable bytes around a field, for parsers that read a word at
  // a time.
  std::string_view text() const { return text_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t columns() const { return header_.size(); }
  std::size_t rows() const { return row_starts_.size(); }

  // The text of row `row` (0-based, header excluded), column `column`,
  // unquoted and unescaped. Valid while the table lives and is not moved.
  std::string_view field(std::size_t row, std::size_t column) const {
    const std::size_t i = row * header_.size() + column;
    if (!wide_) {
      const Compact c = compact_[i];
      if (c.length & kCompactUnescaped) return escaped_field(i);
      return {text_.data() + row_starts_[row] + c.offset, c.length};
    }
    const Span& s = fields_[i];
    const char* base = (s.length & kUnescaped) ? unescaped_.data() : text_.data();
    return {base + s.offset, s.length & ~kUnescaped};
  }

  // Whether the field was written as two quotes and nothing else (""):
  // empty like an absent field, but a typed string column reads it as the
  // empty string and a typed list column as the empty list, as
  // neo4j-admin import does.
  bool quoted_empty(std::size_t row, std::size_t column) const;

  // The 1-based line of the file on which row `row` starts. Counts lines
  // from the start of the file: meant for messages, not for loops.
  std::size_t line_of(std::size_t row) const;

  // A diagnostic pointing at a field (or the row start when `column` is
  // npos), with its file, line, column and the line's text for the caret.
  text::Diagnostic diagnose(std::size_t row, std::size_t column, std::string message) const;
  // A diagnostic pointing at column `column` of the header line (its start
  // when `column` is npos).
  text::Diagnostic diagnose_header(std::size_t column, std::string message) const;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  friend class Reader;
  static constexpr std::uint32_t kUnescaped = 0x80000000u;  // span is in unescaped_
  struct Span {
    std::uint32_t offset;
    std::uint32_t length;  // top bit: kUnescaped
  };
  // Where every record is shorter than kCompactRecord bytes (nearly every
  // file), a field is 4 bytes instead of 8: where it starts in its row and
  // how long it is. Half the memory a large file's fields take, and memory
  // touched for the first time is most of what an import costs
  // (docs/performance.md). A field with doubled quotes is in escaped_.
  static constexpr std::size_t kCompactRecord = 0x8000;
  static constexpr std::uint16_t kCompactUnescaped = 0x8000;
  struct Compact {
    std::uint16_t offset;  // from the row's start
    std::uint16_t length;  // top bit: kCompactUnescaped
  };
  std::string_view escaped_field(std::size_t index) const;

  text::Diagnostic diagnose_at(std::size_t byte_offset, std::size_t length, std::string message) const;
  text::Diagnostic diagnose_field(std::size_t record_start, std::size_t column, std::string message) const;

  std::string file_;
  // The file's bytes, read into memory that is not zeroed first (a
  // std::string would write every byte twice). Moving the table keeps them
  // where they are.
  text::HugeBytes bytes_;
  std::string_view text_;
  std::string unescaped_;  // fields whose doubled quotes were undoubled
  std::vector<std::string> header_;
  char delimiter_ = ',';
  std::uint32_t header_start_ = 0;         // after a byte order mark and blank lines
  // Written in place by the tokenizing threads (so not zeroed first):
  // rows() × columns(), row-major, in compact_ unless wide_.
  bool wide_ = false;
  text::UnzeroedHugeVector<Compact> compact_;
  text::UnzeroedHugeVector<Span> fields_;
  std::vector<std::pair<std::size_t, Span>> escaped_;  // compact: fields in unescaped_, by index, ascending
  text::UnzeroedHugeVector<std::uint32_t> row_starts_;  // byte offset of each row in text_
  std::vector<std::size_t> quoted_empty_;  // indexes into fields_ of "" fields, ascending
};

struct ReadResult {
  Table table;
  // Rows left out (malformed, wrong field count), in file order, and
  // problems that stop the file (unreadable, no header, unterminated quote).
  std::vector<text::Diagnostic> problems;
  std::size_t bad_rows = 0;  // rows left out; problems may list fewer
  bool fatal = false;        // the table is unusable (no header, unreadable)
  bool io_error = false;     // ... because the file cannot be read
};

struct ReadOptions {
  // Any character but '"', '\r' and '\n' (those are fatal).
  char delimiter = ',';
  // At most this many row problems are kept as diagnostics; bad_rows
  // counts them all.
  std::size_t max_problems = 20;
  // Threads that read the file, each a part of it, and tokenize the rows,
  // each a run of whole lines (1: this thread alone). The table, problems
  // and counts are the same whatever the number: a file whose quoted fields
  // hold line breaks where the text is cut is read again on one thread.
  std::size_t threads = 1;
  // A thread gets at least this many bytes to read and of rows to
  // tokenize; fewer threads are used for smaller files. (Tests set it low
  // to cut small texts.)
  std::size_t bytes_per_thread = std::size_t{1} << 20;
};

// Reads and tokenizes the file at `path`.
ReadResult read_file(const std::string& path, const ReadOptions& options);
// Tokenizes `text`, naming it `name` in diagnostics.
ReadResult read_text(std::string name, std::string text, const ReadOptions& options);

// How a delimiter is shown in messages: ',' or "a tab".
std::string describe_delimiter(char delimiter);

}  // namespace ergo::csv
