// CSV records read one at a time from a stream, for LOAD CSV, which must not
// hold a whole file: any number of fields per record (no header is assumed),
// fields separated by one delimiter character and quoted with '"' (a
// doubled quote inside is one quote; a quoted field may span lines), LF or
// CRLF line ends, a UTF-8 byte-order mark skipped, blank lines skipped.
// Unlike csv_reader.hpp's tables for the typed import, a field knows
// whether it was written at all: an unquoted empty field is absent (LOAD
// CSV reads it as null), a quoted one ("") the empty string.
#pragma once

#include <cstddef>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ergo::csv {

struct RecordField {
  std::string text;
  bool present = false;  // written: quoted, or unquoted and not empty
};

// A record that cannot be read: a quote never closed, or text after a
// closing quote. `line` and `column` (1-based, in bytes) say where.
class RecordError : public std::runtime_error {
 public:
  RecordError(const std::string& message, std::size_t line, std::size_t column)
      : std::runtime_error(message), line(line), column(column) {}
  std::size_t line, column;
};

class RecordReader {
 public:
  // `delimiter`: any character but '"', '\r' and '\n' (the caller checks).
  RecordReader(std::istream& in, char delimiter);

  // Reads the next record into `fields`; false at the end of the input.
  // Throws RecordError for a malformed record, and stops there.
  bool next(std::vector<RecordField>& fields);

  // The 1-based line on which the record last read starts.
  std::size_t line() const { return record_line_; }

 private:
  int peek() { return in_.sgetc(); }
  int take();
  void read_quoted(RecordField& field);
  // After a record's last field: consumes the line end, if any.
  void end_line();

  std::streambuf& in_;
  char delimiter_;
  std::size_t line_ = 1, column_ = 1;  // of the next character
  std::size_t record_line_ = 0;
};

}  // namespace ergo::csv
