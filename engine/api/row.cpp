// ergo::Row: cells by column name (see row.hpp); the rest of Row and
// RowIterator is inline.
#include "ergo/row.hpp"

#include "ergo/error.hpp"
#include "ergo/result.hpp"

namespace ergo {

const Value& Row::operator[](std::string_view column) const {
  if (auto i = result_->column_index(column)) return (*values_)[*i];
  std::string known;
  for (const std::string& c : result_->columns()) known += (known.empty() ? "" : ", ") + c;
  throw Error(ErrorKind::argument_error,
              "no column named '" + std::string(column) + "' (the columns are: " + known + ")");
}

}  // namespace ergo
