// ergo::Row: cells by column name and the row as a vector; the chunks a
// Result keeps its cells in (see row.hpp). The rest of Row and RowIterator
// is inline.
#include "ergo/row.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "ergo/error.hpp"
#include "ergo/result.hpp"

namespace ergo {

namespace detail {

Value* RowChunks::append() {
  ++rows_;
  if (width_ == 0) return nullptr;
  if (chunks_.empty() || chunks_.back().size() + width_ > chunks_.back().capacity()) {
    // The first chunk holds one row (most answers to a lookup are one row),
    // the next 8, then each twice the last, up to kMaxChunkCells cells.
    const std::size_t last_rows = chunks_.empty() ? 0 : chunks_.back().capacity() / width_;
    const std::size_t rows =
        chunks_.empty() ? 1 : std::max<std::size_t>(1, std::min(std::max<std::size_t>(8, 2 * last_rows),
                                                                kMaxChunkCells / width_));
    if (!chunks_.empty()) first_row_.push_back(rows_ - 1);  // a one-chunk answer allocates no list
    chunks_.emplace_back().reserve(rows * width_);
  }
  std::vector<Value>& chunk = chunks_.back();
  chunk.resize(chunk.size() + width_);  // within the capacity: no cell moves
  return chunk.data() + (chunk.size() - width_);
}

const Value* RowChunks::row(std::size_t i) const {
  if (width_ == 0) return nullptr;
  // first_row_[c - 1] is where chunk c starts.
  const auto chunk = static_cast<std::size_t>(std::upper_bound(first_row_.begin(), first_row_.end(), i) -
                                              first_row_.begin());
  return chunks_[chunk].data() + (i - (chunk == 0 ? 0 : first_row_[chunk - 1])) * width_;
}

}  // namespace detail

const Value& Row::at(std::size_t column) const {
  if (column >= size_) {
    throw std::out_of_range("ergo::Row::at: column " + std::to_string(column) + " of a row of " +
                            std::to_string(size_));
  }
  return cells_[column];
}

const Value& Row::operator[](std::string_view column) const {
  if (auto i = result_->column_index(column)) return cells_[*i];
  std::string known;
  for (const std::string& c : result_->columns()) known += (known.empty() ? "" : ", ") + c;
  throw Error(ErrorKind::argument_error,
              "no column named '" + std::string(column) + "' (the columns are: " + known + ")");
}

const std::vector<Value>& Row::values() const { return result_->row(index_); }

}  // namespace ergo
