// The CSV tokenizer (see csv_reader.hpp).
#include "grammar/csv/csv_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <new>
#include <optional>
#include <stdexcept>

#include "grammar/csv/line_breaks.hpp"
#include "grammar/csv/plain_record.hpp"
#include "grammar/text/huge_pages.hpp"
#include "grammar/text/parallel.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::csv {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kQuoteHint = "a '\"' inside a quoted field is written '\"\"'";

// Where one field of a record lies in the text, before unquoting.
struct RawField {
  std::size_t begin;     // first byte (the opening quote when quoted)
  std::size_t end;       // one past the last byte (past the closing quote)
  bool quoted = false;
  bool escaped = false;  // holds doubled quotes
};

enum class RecordStatus { ok, malformed, unterminated };

struct Record {
  std::vector<RawField> fields;
  RecordStatus status = RecordStatus::ok;
  std::size_t problem_at = 0;   // byte offset of the first malformed spot
  std::size_t quote_begin = 0;  // the opening quote of that field
  std::size_t next = 0;         // where the next record starts
};

bool at_line_end(std::string_view text, std::size_t i) {
  return i >= text.size() || text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ||
         (text[i] == '\r' && i + 1 == text.size());
}

std::size_t skip_line_end(std::string_view text, std::size_t i) {
  if (i < text.size() && text[i] == '\r') ++i;
  if (i < text.size() && text[i] == '\n') ++i;
  return i;
}

// Splits the record starting at `pos` into fields. Text after a closing
// quote makes the record malformed; it is read on to its real end (the
// rest of that field taken literally), so one bad field costs one row. An
// unterminated quote swallows the rest of the text.
void scan_record(std::string_view text, std::size_t pos, char delimiter, Record& record) {
  record.fields.clear();
  record.status = RecordStatus::ok;
  std::size_t i = pos;
  while (true) {
    RawField f{i, i};
    if (i < text.size() && text[i] == '"') {
      f.quoted = true;
      ++i;
      while (true) {
        std::size_t q = text.find('"', i);
        if (q == std::string_view::npos) {
          record.status = RecordStatus::unterminated;
          record.problem_at = record.quote_begin = f.begin;
          record.next = text.size();
          return;
        }
        if (q + 1 < text.size() && text[q + 1] == '"') {
          f.escaped = true;
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (!(text.size() <= i || text[i] == delimiter || at_line_end(text, i))) {
        if (record.status == RecordStatus::ok) {
          record.status = RecordStatus::malformed;
          record.problem_at = i;
          record.quote_begin = f.begin;
        }
        while (!at_line_end(text, i) && text[i] != delimiter) ++i;
      }
      f.end = i;
    } else {
      // A quote inside an unquoted field is kept as a character, as most
      // CSV writers and readers do.
      while (i < text.size() && text[i] != delimiter && text[i] != '\n') ++i;
      f.end = i;
      if (f.end > f.begin && text[f.end - 1] == '\r' && (i >= text.size() || text[i] == '\n')) --f.end;
    }
    record.fields.push_back(f);
    if (i < text.size() && text[i] == delimiter) {
      ++i;
      continue;
    }
    record.next = skip_line_end(text, i);
    return;
  }
}

std::string unquote(std::string_view text, const RawField& f) {
  std::string_view inner = text.substr(f.begin + 1, f.end - f.begin - 2);
  std::string out;
  out.reserve(inner.size());
  for (std::size_t i = 0; i < inner.size(); ++i) {
    out += inner[i];
    if (inner[i] == '"') ++i;  // the second of a doubled quote
  }
  return out;
}

std::string_view field_text(std::string_view text, const RawField& f) {
  if (f.quoted) return text.substr(f.begin + 1, f.end - f.begin - 2);
  return text.substr(f.begin, f.end - f.begin);
}

bool blank_line(std::string_view text, std::size_t pos) { return pos < text.size() && at_line_end(text, pos); }

// A line as a terminal should show it: tabs as one space each (a tab has
// no display width of its own), invalid UTF-8 bytes as U+FFFD. Both keep
// the caret where it belongs, as each stands for one column.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  while (!line.empty()) {
    std::optional<std::size_t> bad = text::find_invalid_utf8(line);
    std::string_view good = line.substr(0, bad ? *bad : line.size());
    for (char c : good) out += c == '\t' ? ' ' : c;
    if (!bad) break;
    out += "\xEF\xBF\xBD";
    line.remove_prefix(*bad + 1);
  }
  return out;
}

std::size_t line_number(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string describe_delimiter(char delimiter) {
  if (delimiter == '\t') return "a tab";
  return std::string("'") + delimiter + "'";
}

text::Diagnostic Table::diagnose_at(std::size_t offset, std::size_t length, std::string message) const {
  std::string_view text = text_;
  offset = std::min(offset, text.size());
  std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  std::size_t line_begin = newline == std::string_view::npos ? 0 : newline + 1;
  if (line_begin == 0 && text.starts_with(kBom)) line_begin = std::min(kBom.size(), offset);
  std::size_t line_end = text.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view line = text.substr(line_begin, line_end - line_begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  text::Diagnostic d;
  d.severity = text::Severity::error;
  d.message = std::move(message);
  d.file = file_;
  d.line = line_number(text, line_begin);
  std::size_t in_line = std::min(offset - line_begin, line.size());
  d.column = 1 + text::code_points(line.substr(0, in_line));
  d.line_text = printable(line);
  d.caret_indent = text::display_width(printable(line.substr(0, in_line)));
  std::size_t span_end = std::min(line.size(), in_line + length);
  d.caret_width = std::max<std::size_t>(1, text::display_width(printable(line.substr(in_line, span_end - in_line))));
  return d;
}

text::Diagnostic Table::diagnose_field(std::size_t record_start, std::size_t column, std::string message) const {
  if (column == npos) return diagnose_at(record_start, 0, std::move(message));
  Record record;
  scan_record(text_, record_start, delimiter_, record);
  if (column >= record.fields.size()) return diagnose_at(record_start, 0, std::move(message));
  const RawField& f = record.fields[column];
  return diagnose_at(f.begin, f.end - f.begin, std::move(message));
}

text::Diagnostic Table::diagnose(std::size_t row, std::size_t column, std::string message) const {
  return diagnose_field(row_starts_[row], column, std::move(message));
}

text::Diagnostic Table::diagnose_header(std::size_t column, std::string message) const {
  return diagnose_field(header_start_, column, std::move(message));
}

std::string_view Table::escaped_field(std::size_t index) const {
  auto it = std::lower_bound(escaped_.begin(), escaped_.end(), index,
                             [](const auto& e, std::size_t i) { return e.first < i; });
  return {unescaped_.data() + it->second.offset, it->second.length};
}

bool Table::quoted_empty(std::size_t row, std::size_t column) const {
  return std::binary_search(quoted_empty_.begin(), quoted_empty_.end(), row * header_.size() + column);
}

std::size_t Table::line_of(std::size_t row) const { return line_number(text_, row_starts_[row]); }

class Reader {
 public:
  static ReadResult read(std::string name, text::HugeBytes bytes, std::size_t size,
                         const ReadOptions& options);

 private:
  // One run of whole lines. Its rows go straight into the table's arrays,
  // from row `first_row` on, at most `capacity` of them (the lines starting
  // in the run: no run can have more rows); join() closes the gaps that
  // blank and bad lines leave. Offsets into `unescaped` and the indexes in
  // `quoted_empty` are the run's own until then.
  struct Part {
    std::size_t first_row = 0;
    std::size_t capacity = 0;
    std::size_t rows = 0;
    std::vector<std::size_t> quoted_empty;  // from the run's first field
    std::string unescaped;
    std::vector<std::pair<std::size_t, Table::Span>> escaped;  // compact tables: as Table::escaped_, the run's own
    bool too_long = false;  // a record too long for compact fields: the table must be wide
    std::vector<text::Diagnostic> problems;  // at most max_problems
    std::size_t bad_rows = 0;
    std::optional<text::Diagnostic> fatal;
    std::size_t end = 0;  // where its last record ended
  };

  static std::size_t line_starts(std::string_view t, std::size_t begin, std::size_t end);
  static void tokenize(Table& table, std::size_t begin, std::size_t end, std::size_t columns,
                       const ReadOptions& options, Part& part);
  static std::vector<Part> tokenize_in_parts(Table& table, std::size_t begin, std::size_t columns,
                                             const ReadOptions& options);
  static void join(std::vector<Part>& parts, Table& table, ReadResult& result, std::size_t max_problems);
  static text::Diagnostic wrong_count(const Table& table, const Record& r, std::size_t columns);
  static text::Diagnostic unterminated(const Table& table, std::size_t quote);
  static text::Diagnostic malformed(const Table& table, const Record& r, std::string_view where);
};

// "this row has 3 fields; expected 4, one per header column (no value for 'x')".
text::Diagnostic Reader::wrong_count(const Table& table, const Record& r, std::size_t columns) {
  const std::size_t n = r.fields.size();
  std::string message = "this row has " + plural(n, "field", "fields") + "; expected " + std::to_string(columns) +
                        ", one per header column";
  if (n > columns) return table.diagnose_at(r.fields[columns].begin, 1, std::move(message));
  message += " (no value for ";
  for (std::size_t c = n; c < columns; ++c) {
    if (c > n) message += c + 1 == columns ? " and " : ", ";
    message += "'" + table.header_[c] + "'";
  }
  message += ")";
  return table.diagnose_at(r.fields.back().end, 1, std::move(message));
}

text::Diagnostic Reader::unterminated(const Table& table, std::size_t quote) {
  return table.diagnose_at(quote, 1,
                           "this quoted field is never closed; expected a closing '\"' before the end of the "
                           "file (" + std::string(kQuoteHint) + ")");
}

text::Diagnostic Reader::malformed(const Table& table, const Record& r, std::string_view where) {
  std::string_view t = table.text_;
  std::string message = "text after the closing quote" + std::string(where) + "; expected " +
                        describe_delimiter(table.delimiter_) + " or the end of the line";
  if (std::count(t.begin() + r.quote_begin, t.begin() + r.problem_at, '\n') > 0) {
    text::Diagnostic open = table.diagnose_at(r.quote_begin, 1, "");
    message += " (the quoted field began on line " + std::to_string(open.line) + ", column " +
               std::to_string(open.column) + ": is that quote unmatched?)";
  } else {
    message += " (" + std::string(kQuoteHint) + ")";
  }
  return table.diagnose_at(r.problem_at, 1, std::move(message));
}

// How many lines start in [begin, end): the most records that can.
std::size_t Reader::line_starts(std::string_view t, std::size_t begin, std::size_t end) {
  if (end <= begin) return 0;
  return count_line_breaks(t.substr(begin, end - 1 - begin)) + 1;
}

// Tokenizes the records that start in [begin, end) into the table's arrays
// at part.first_row: `begin` is where a record starts, and the last record
// may run past `end` (part.end says where it stopped).
void Reader::tokenize(Table& table, std::size_t begin, std::size_t end, std::size_t columns,
                      const ReadOptions& options, Part& part) {
  const std::string_view t = table.text_;
  const char delimiter = options.delimiter;
  // Builds the diagnostic only when it will be kept: each one counts lines
  // from the start of the file.
  auto problem = [&](auto make) {
    ++part.bad_rows;
    if (part.problems.size() < options.max_problems) part.problems.push_back(make());
  };
  const bool wide = table.wide_;
  Table::Span* const fields = wide ? table.fields_.data() + part.first_row * columns : nullptr;
  Table::Compact* const compact = wide ? nullptr : table.compact_.data() + part.first_row * columns;
  std::uint32_t* const row_starts = table.row_starts_.data() + part.first_row;
  std::size_t field = 0;
  Record record;
  std::vector<std::uint32_t> ends(wide ? 0 : columns);  // the plain records' fields
  std::size_t pos = begin;
  while (pos < end) {
    if (blank_line(t, pos)) {
      pos = skip_line_end(t, pos);
      continue;
    }
    if (!wide) {
      const std::size_t next = scan_plain_record(t, pos, delimiter, columns, ends.data(), Table::kCompactRecord);
      if (next != std::string_view::npos) {
        if (part.rows == part.capacity) throw std::logic_error("csv: more records than lines");
        row_starts[part.rows++] = static_cast<std::uint32_t>(pos);
        std::uint32_t field_begin = 0;
        for (std::size_t c = 0; c < columns; ++c) {
          compact[field++] = {static_cast<std::uint16_t>(field_begin),
                              static_cast<std::uint16_t>(ends[c] - field_begin)};
          field_begin = ends[c] + 1;
        }
        pos = next;
        continue;
      }
    }
    scan_record(t, pos, delimiter, record);
    if (record.status == RecordStatus::unterminated) {
      // Everything after the quote is one field; nothing after it can be read.
      part.fatal = unterminated(table, record.problem_at);
      part.end = t.size();
      return;
    }
    if (record.status == RecordStatus::malformed) {
      problem([&] { return malformed(table, record, ""); });
    } else if (record.fields.size() != columns) {
      problem([&] { return wrong_count(table, record, columns); });
    } else {
      // Every record starts a line, so there is room for it.
      if (part.rows == part.capacity) throw std::logic_error("csv: more records than lines");
      if (!wide && record.fields.back().end - pos >= Table::kCompactRecord) {
        part.too_long = true;
        part.end = pos;
        return;
      }
      row_starts[part.rows++] = static_cast<std::uint32_t>(pos);
      for (const RawField& f : record.fields) {
        if (f.quoted && f.end - f.begin == 2) part.quoted_empty.push_back(field);
        if (f.end - f.begin >= Table::kUnescaped) {  // only wide: a compact record is shorter
          part.fatal = table.diagnose_at(f.begin, 1, "this field is longer than 2 GiB, the most a field may hold");
          part.end = t.size();
          return;
        }
        if (f.escaped) {
          std::string value = unquote(t, f);
          const Table::Span in_unescaped{static_cast<std::uint32_t>(part.unescaped.size()),
                                         static_cast<std::uint32_t>(value.size())};
          if (wide) {
            fields[field] = {in_unescaped.offset, in_unescaped.length | Table::kUnescaped};
          } else {
            part.escaped.emplace_back(field, in_unescaped);
            compact[field] = {0, Table::kCompactUnescaped};
          }
          part.unescaped += value;
        } else {
          std::string_view v = field_text(t, f);
          if (wide) {
            fields[field] = {static_cast<std::uint32_t>(v.data() - t.data()), static_cast<std::uint32_t>(v.size())};
          } else {
            compact[field] = {static_cast<std::uint16_t>(v.data() - t.data() - pos),
                              static_cast<std::uint16_t>(v.size())};
          }
        }
        ++field;
      }
    }
    pos = record.next;
  }
  part.end = pos;
}

// The rows from `begin` to the end of the text, cut into runs of whole
// lines tokenized on up to options.threads threads. A cut is right only
// where a record ends; a record that runs past its part's end (a quoted
// field holding the line break at the cut) shows a cut was wrong, and then
// the whole text is tokenized again as one part. Every part before it was
// right: the first starts at a record, and each ended exactly at the next.
std::vector<Reader::Part> Reader::tokenize_in_parts(Table& table, std::size_t begin, std::size_t columns,
                                                    const ReadOptions& options) {
  const std::string_view t = table.text_;
  const std::size_t bytes = t.size() - begin;
  const std::size_t count =
      std::clamp<std::size_t>(bytes / std::max<std::size_t>(options.bytes_per_thread, 1), 1,
                              std::max<std::size_t>(options.threads, 1));
  std::vector<std::size_t> cuts{begin};
  for (std::size_t i = 1; i < count; ++i) {
    std::size_t at = std::max(cuts.back(), begin + bytes / count * i);
    std::size_t newline = t.find('\n', at);
    if (newline == std::string_view::npos) break;
    if (newline + 1 > cuts.back() && newline + 1 < t.size()) cuts.push_back(newline + 1);
  }
  cuts.push_back(t.size());
  std::vector<Part> parts(cuts.size() - 1);
  // Room for every line, each part's from where the lines before it end;
  // the cuts are at line starts, so the parts' lines add up to the text's.
  text::run_parts(parts.size(), [&](std::size_t i) { parts[i].capacity = line_starts(t, cuts[i], cuts[i + 1]); });
  std::size_t lines = 0;
  for (Part& p : parts) {
    p.first_row = lines;
    lines += p.capacity;
  }
  if (lines > std::numeric_limits<std::size_t>::max() / std::max<std::size_t>(columns, 1)) throw std::bad_alloc();
  // Compact fields until a record too long for them turns up; then every
  // record is tokenized again into wide ones.
  auto size_fields = [&] {
    if (table.wide_) {
      table.compact_ = {};
      table.fields_.resize(lines * columns);
    } else {
      table.compact_.resize(lines * columns);
    }
  };
  size_fields();
  table.row_starts_.resize(lines);
  text::run_parts(parts.size(),
                  [&](std::size_t i) { tokenize(table, cuts[i], cuts[i + 1], columns, options, parts[i]); });
  auto once_more_as_one = [&] {
    parts.assign(1, Part{});
    parts[0].capacity = lines;
    tokenize(table, begin, t.size(), columns, options, parts[0]);
  };
  auto too_long = [&] { return std::any_of(parts.begin(), parts.end(), [](const Part& p) { return p.too_long; }); };
  for (std::size_t i = 0; parts.size() > 1 && i < parts.size(); ++i) {
    if (parts[i].too_long) break;  // below
    if (parts[i].end != cuts[i + 1] || parts[i].fatal) {
      once_more_as_one();
      break;
    }
  }
  if (too_long()) {
    table.wide_ = true;
    size_fields();
    once_more_as_one();
  }
  return parts;
}

// Closes the gaps between the parts' rows (left by blank and bad lines),
// makes their offsets and indexes the table's, and puts their problems into
// the result as one part would have: the first max_problems, all counted.
void Reader::join(std::vector<Part>& parts, Table& table, ReadResult& result, std::size_t max_problems) {
  for (Part& p : parts) {
    result.bad_rows += p.bad_rows;
    for (text::Diagnostic& d : p.problems) {
      if (result.problems.size() < max_problems) result.problems.push_back(std::move(d));
    }
  }
  const std::size_t columns = table.columns();
  std::size_t rows = 0;
  for (Part& p : parts) {
    if (p.first_row != rows) {
      if (table.wide_) {
        std::memmove(table.fields_.data() + rows * columns, table.fields_.data() + p.first_row * columns,
                     p.rows * columns * sizeof(Table::Span));
      } else {
        std::memmove(table.compact_.data() + rows * columns, table.compact_.data() + p.first_row * columns,
                     p.rows * columns * sizeof(Table::Compact));
      }
      std::memmove(table.row_starts_.data() + rows, table.row_starts_.data() + p.first_row,
                   p.rows * sizeof(std::uint32_t));
    }
    const std::size_t field_base = rows * columns;
    if (table.wide_ && !p.unescaped.empty() && !table.unescaped_.empty()) {
      const auto unescaped_base = static_cast<std::uint32_t>(table.unescaped_.size());
      for (std::size_t f = field_base; f < field_base + p.rows * columns; ++f) {
        Table::Span& s = table.fields_[f];
        if (s.length & Table::kUnescaped) s.offset += unescaped_base;
      }
    }
    for (auto [index, span] : p.escaped) {
      span.offset += static_cast<std::uint32_t>(table.unescaped_.size());
      table.escaped_.emplace_back(field_base + index, span);
    }
    for (std::size_t q : p.quoted_empty) table.quoted_empty_.push_back(field_base + q);
    table.unescaped_ += p.unescaped;
    rows += p.rows;
    p = Part{};
  }
  if (table.wide_) table.fields_.resize(rows * columns);
  else table.compact_.resize(rows * columns);
  table.row_starts_.resize(rows);
}

ReadResult Reader::read(std::string name, text::HugeBytes bytes, std::size_t size,
                        const ReadOptions& options) {
  ReadResult result;
  Table& table = result.table;
  table.file_ = std::move(name);
  table.bytes_ = std::move(bytes);
  table.text_ = std::string_view(table.bytes_.get(), size);
  table.delimiter_ = options.delimiter;
  const std::string_view t = table.text_;
  const char delimiter = options.delimiter;

  auto fatal = [&](text::Diagnostic d) {
    result.problems.push_back(std::move(d));
    result.fatal = true;
    return std::move(result);
  };
  auto whole_file = [&](std::string message) {
    return fatal(text::make_diagnostic(table.file_, text::Severity::error, std::move(message)));
  };
  if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
    return whole_file(std::string("'") + (delimiter == '"' ? "\"" : delimiter == '\n' ? "\\n" : "\\r") +
                      "' cannot be the delimiter; expected a character such as ',', ';' or a tab");
  }
  if (t.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return whole_file("the file is " + std::to_string(t.size()) +
                      " bytes, more than the 4 GiB a CSV file may have; split it into several files");
  }
  std::size_t pos = t.starts_with(kBom) ? kBom.size() : 0;
  while (blank_line(t, pos)) pos = skip_line_end(t, pos);
  if (pos >= t.size()) return whole_file("the file is empty; expected a header row naming the columns");
  if (std::size_t cr = t.find('\r', pos); cr != std::string_view::npos && cr + 1 < t.size() &&
                                           t.find('\n', pos) == std::string_view::npos) {
    return whole_file("the lines end in a lone carriage return (\\r, as on classic Mac OS); expected \\n or \\r\\n");
  }
  table.header_start_ = static_cast<std::uint32_t>(pos);

  Record record;
  scan_record(t, pos, delimiter, record);
  if (record.status == RecordStatus::unterminated) return fatal(unterminated(table, record.problem_at));
  if (record.status == RecordStatus::malformed) {
    return fatal(malformed(table, record, " in the header"));
  }
  for (const RawField& f : record.fields) {
    table.header_.push_back(f.escaped ? unquote(t, f) : std::string(field_text(t, f)));
  }
  std::vector<Part> parts = tokenize_in_parts(table, record.next, record.fields.size(), options);
  std::optional<text::Diagnostic> stop = std::move(parts.back().fatal);
  join(parts, table, result, options.max_problems);
  if (stop) return fatal(std::move(*stop));
  // Sized by line count: give back only a large excess (many bad or blank
  // lines), as shrinking copies the array.
  if (table.fields_.capacity() - table.fields_.size() > table.fields_.size() / 8) table.fields_.shrink_to_fit();
  if (table.compact_.capacity() - table.compact_.size() > table.compact_.size() / 8) table.compact_.shrink_to_fit();
  return result;
}

ReadResult read_text(std::string name, std::string text, const ReadOptions& options) {
  auto bytes = text::allocate_huge_bytes(text.size());
  std::copy(text.begin(), text.end(), bytes.get());
  return Reader::read(std::move(name), std::move(bytes), text.size(), options);
}

ReadResult read_file(const std::string& path, const ReadOptions& options) {
  auto failure = [&](std::string message) {
    ReadResult result;
    result.fatal = result.io_error = true;
    result.problems.push_back(text::make_diagnostic(path, text::Severity::error, std::move(message)));
    return result;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return failure("cannot read a directory; expected a CSV file");
  // A device or FIFO has no end to read to.
  auto st = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
    return failure("cannot read the file (not a regular file; expected a CSV file)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure(std::string("cannot open the file (") + std::strerror(errno) + ")");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) return failure("cannot read the file (its size is unknown)");
  auto bytes = text::allocate_huge_bytes(static_cast<std::size_t>(size));
  // A large file is read in parts on several threads: the kernel zeroes
  // each fresh page of `bytes` in the thread that first writes it, and that
  // was a third of reading alone.
  const auto total = static_cast<std::size_t>(size);
  const std::size_t parts = std::clamp<std::size_t>(total / std::max<std::size_t>(options.bytes_per_thread, 1), 1,
                                                    std::max<std::size_t>(options.threads, 1));
  std::vector<int> errors(parts, 0);
  text::run_parts(parts, [&](std::size_t i) {
    const std::size_t begin = total / parts * i, end = i + 1 == parts ? total : total / parts * (i + 1);
    if (end == begin) return;
    std::ifstream part;
    std::ifstream& from = i == 0 ? in : part;
    if (i > 0) part.open(path, std::ios::binary);
    from.seekg(static_cast<std::streamoff>(begin));
    from.read(bytes.get() + begin, static_cast<std::streamsize>(end - begin));
    if (!from) errors[i] = errno ? errno : EIO;
  });
  for (int e : errors) {
    if (e) return failure(std::string("cannot read the file (") + std::strerror(e) + ")");
  }
  return Reader::read(path, std::move(bytes), static_cast<std::size_t>(size), options);
}

}  // namespace ergo::csv
