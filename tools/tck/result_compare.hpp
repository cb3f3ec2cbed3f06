// Comparing a query's actual table with the TCK's expected one: column names
// in order, then rows as a multiset ("in any order") or a sequence ("in
// order"), each cell by TCK value equality.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tools/tck/gherkin.hpp"
#include "tools/tck/query_target.hpp"
#include "tools/tck/tck_value.hpp"

namespace ergo::tck {

enum class RowOrder { any, in_order };

struct ExpectedTable {
  std::vector<std::string> columns;
  std::vector<std::vector<TckValue>> rows;
};

// Why two tables differ: a one-line summary and a longer explanation.
struct Mismatch {
  std::string summary;
  std::string details;
};

// Header row → columns, other rows parsed as TCK values. Throws
// ValueSyntaxError prefixed with the row and column of the bad cell.
ExpectedTable parse_expected_table(const Table& table);

// nullopt when the tables match.
std::optional<Mismatch> compare_tables(const ExpectedTable& expected, const ActualTable& actual, RowOrder rows,
                                       ListOrder lists);

// `| a | b |` lines, header first, for reports.
std::string render_table(const std::vector<std::string>& columns, const std::vector<std::vector<TckValue>>& rows);

}  // namespace ergo::tck
