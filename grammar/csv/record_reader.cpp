// The streaming CSV record reader of LOAD CSV (see record_reader.hpp): a
// small state machine over a stream buffer, a character at a time.
#include "grammar/csv/record_reader.hpp"

namespace ergo::csv {
namespace {

constexpr int eof = std::char_traits<char>::eof();

}  // namespace

RecordReader::RecordReader(std::istream& in, char delimiter) : in_(*in.rdbuf()), delimiter_(delimiter) {
  // A UTF-8 byte-order mark is not part of the first field.
  static constexpr unsigned char bom[] = {0xEF, 0xBB, 0xBF};
  for (unsigned char b : bom) {
    if (peek() != b) break;
    in_.sbumpc();
  }
}

int RecordReader::take() {
  const int c = in_.sbumpc();
  if (c == '\n') {
    ++line_;
    column_ = 1;
  } else if (c != eof) {
    ++column_;
  }
  return c;
}

void RecordReader::end_line() {
  if (peek() == '\r') take();
  if (peek() == '\n') take();
}

void RecordReader::read_quoted(RecordField& field) {
  const std::size_t line = line_, column = column_;
  take();  // the opening quote
  field.present = true;
  while (true) {
    const int c = take();
    if (c == eof) {
      throw RecordError("a quoted field is never closed: add the closing '\"' (a quote inside a quoted field is "
                        "written twice, \"\")",
                        line, column);
    }
    if (c == '"') {
      if (peek() != '"') break;
      take();
    }
    field.text += static_cast<char>(c);
  }
  const int after = peek();
  if (after != delimiter_ && after != '\r' && after != '\n' && after != eof) {
    throw RecordError("text after the closing quote of a field: quote the whole field, writing a quote inside it "
                      "twice (\"\")",
                      line_, column_);
  }
}

bool RecordReader::next(std::vector<RecordField>& fields) {
  fields.clear();
  while (peek() == '\r' || peek() == '\n') take();  // blank lines
  if (peek() == eof) return false;
  record_line_ = line_;
  while (true) {
    RecordField& field = fields.emplace_back();
    if (peek() == '"') {
      read_quoted(field);
    } else {
      for (int c = peek(); c != delimiter_ && c != '\r' && c != '\n' && c != eof; c = peek()) {
        field.text += static_cast<char>(take());
      }
      field.present = !field.text.empty();
    }
    if (peek() != delimiter_) break;
    take();
  }
  end_line();
  return true;
}

}  // namespace ergo::csv
