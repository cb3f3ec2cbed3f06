// Table comparison for "Then the result should be ..." steps (see
// result_compare.hpp). Multiset matching is greedy, which is exact because
// TCK value equality is an equivalence relation.
#include "tools/tck/result_compare.hpp"

#include "tools/tck/value_parser.hpp"

namespace ergo::tck {
namespace {

bool rows_equal(const std::vector<TckValue>& a, const std::vector<TckValue>& b, ListOrder lists) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!values_equal(a[i], b[i], lists)) return false;
  }
  return true;
}

std::string render_row(const std::vector<TckValue>& row) {
  std::string out = "|";
  for (const TckValue& v : row) out += " " + render(v) + " |";
  return out;
}

std::string join(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + "]";
}

std::string both_tables(const ExpectedTable& expected, const ActualTable& actual) {
  return "expected:\n" + render_table(expected.columns, expected.rows) + "actual:\n" +
         render_table(actual.columns, actual.rows);
}

// Pairs expected rows with actual rows; returns the unmatched ones of each.
void match_multiset(const ExpectedTable& expected, const ActualTable& actual, ListOrder lists,
                    std::vector<std::size_t>& missing, std::vector<std::size_t>& unexpected) {
  std::vector<bool> used(actual.rows.size(), false);
  for (std::size_t i = 0; i < expected.rows.size(); ++i) {
    bool found = false;
    for (std::size_t j = 0; j < actual.rows.size() && !found; ++j) {
      if (!used[j] && rows_equal(expected.rows[i], actual.rows[j], lists)) used[j] = found = true;
    }
    if (!found) missing.push_back(i);
  }
  for (std::size_t j = 0; j < actual.rows.size(); ++j) {
    if (!used[j]) unexpected.push_back(j);
  }
}

}  // namespace

ExpectedTable parse_expected_table(const Table& table) {
  ExpectedTable out;
  if (table.empty()) return out;
  out.columns = table.front();
  for (std::size_t r = 1; r < table.size(); ++r) {
    std::vector<TckValue> row;
    for (std::size_t c = 0; c < table[r].size(); ++c) {
      try {
        row.push_back(parse_tck_value(table[r][c]));
      } catch (const ValueSyntaxError& e) {
        throw ValueSyntaxError("expected row " + std::to_string(r) + ", column '" + out.columns[c] + "': " + e.what());
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::optional<Mismatch> compare_tables(const ExpectedTable& expected, const ActualTable& actual, RowOrder order,
                                       ListOrder lists) {
  if (expected.columns != actual.columns) {
    return Mismatch{"columns differ: expected " + join(expected.columns) + ", got " + join(actual.columns),
                    both_tables(expected, actual)};
  }
  std::vector<std::size_t> missing, unexpected;
  match_multiset(expected, actual, lists, missing, unexpected);
  if (!missing.empty() || !unexpected.empty()) {
    std::string summary = "expected " + std::to_string(expected.rows.size()) + " rows, got " +
                          std::to_string(actual.rows.size());
    if (!missing.empty()) summary += "; missing " + render_row(expected.rows[missing.front()]);
    else summary += "; unexpected " + render_row(actual.rows[unexpected.front()]);
    if (missing.size() + unexpected.size() > 1) {
      summary += " (+" + std::to_string(missing.size() + unexpected.size() - 1) + " more)";
    }
    std::string details;
    for (std::size_t i : missing) details += "missing:    " + render_row(expected.rows[i]) + "\n";
    for (std::size_t j : unexpected) details += "unexpected: " + render_row(actual.rows[j]) + "\n";
    return Mismatch{summary, details + both_tables(expected, actual)};
  }
  if (order == RowOrder::in_order) {
    for (std::size_t i = 0; i < expected.rows.size(); ++i) {
      if (!rows_equal(expected.rows[i], actual.rows[i], lists)) {
        return Mismatch{"rows in the wrong order: row " + std::to_string(i + 1) + " expected " +
                            render_row(expected.rows[i]) + ", got " + render_row(actual.rows[i]),
                        both_tables(expected, actual)};
      }
    }
  }
  return std::nullopt;
}

std::string render_table(const std::vector<std::string>& columns, const std::vector<std::vector<TckValue>>& rows) {
  if (columns.empty()) return "  (no columns, " + std::to_string(rows.size()) + " rows)\n";
  std::string out = "  |";
  for (const std::string& c : columns) out += " " + c + " |";
  out += "\n";
  for (const auto& row : rows) out += "  " + render_row(row) + "\n";
  return out;
}

}  // namespace ergo::tck
