// The kit's answer format (../shared/bench README, "Answers are compared as
// strings"), shared by the query runs and the on-disk reopen (RO).
#pragma once

#include <string>
#include <vector>

#include "ergo/value.hpp"

namespace ergo::bench {

inline std::string cell_text(const Value& v) {
  if (v.type() == Value::Type::string) return v.as_string();
  return v.to_cypher();
}

// One value as is; up to 20 rows as "c1:c2 ..."; more as "rows=N idsum=S",
// S the sum of the numbers in column 1's n<id>.
inline std::string answer_of(const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return "rows=0";
  if (rows.size() == 1 && rows[0].size() == 1) return rows[0][0];
  std::string out;
  if (rows.size() <= 20) {
    for (const auto& row : rows) {
      if (!out.empty()) out += ' ';
      for (std::size_t i = 0; i < row.size(); ++i) out += (i ? ":" : "") + row[i];
    }
    return out;
  }
  long long idsum = 0;
  for (const auto& row : rows) idsum += std::stoll(row[0].substr(1));
  return "rows=" + std::to_string(rows.size()) + " idsum=" + std::to_string(idsum);
}

}  // namespace ergo::bench
