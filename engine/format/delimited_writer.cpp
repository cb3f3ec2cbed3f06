// CSV and TSV. CSV quotes a field per RFC 4180 (when it holds a comma, a
// quote, CR or LF; quotes doubled) and ends records in LF, as Unix tools
// expect; TSV cannot quote, so it escapes tab, newline, CR and backslash.
// Null is an empty field in both.
#include "engine/format/cell_text.hpp"
#include "engine/format/writers.hpp"

namespace ergo::format {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string tsv_field(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void write_delimited(std::ostream& out, const Result& result, char separator, bool header) {
  if (result.columns().empty()) return;
  auto field = [&](const std::string& s) { return separator == ',' ? csv_field(s) : tsv_field(s); };
  auto write_record = [&](const std::vector<std::string>& cells, const std::vector<bool>* nulls) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c) line += separator;
      if (!(nulls && (*nulls)[c])) line += field(cells[c]);
    }
    out << line << "\n";
  };
  CellGrid grid = cell_grid(result);
  if (header) write_record(grid.header, nullptr);
  for (std::size_t r = 0; r < grid.rows.size(); ++r) write_record(grid.rows[r], &grid.null[r]);
}

}  // namespace ergo::format
