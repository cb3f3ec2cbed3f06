// ergo::Row: one row of a Result as a view. Iterating a Result hands these
// out without copying a value; read cells by position or by column name.
//
//   for (const ergo::Row& row : result) std::cout << row["name"].as_string() << '\n';
//
// Thread safety: Rows and RowIterators only read their Result, so any
// number of them may be used from different threads at once.
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>
#include <vector>

#include "ergo/value.hpp"

namespace ergo {

class Result;

namespace detail {

// A result's cells, row after row, in chunks that stay where they are once
// written: a row costs no allocation of its own (a chunk holds many rows,
// each chunk twice the last up to kMaxChunkCells cells), and rows are read
// in place. For the engine and Result; embedders read Rows.
class RowChunks {
 public:
  // No default: Result({}, {}, ...) means rows as vectors.
  explicit RowChunks(std::size_t width) : width_(width) {}

  // Cells per row (the result's column count), and rows.
  std::size_t width() const { return width_; }
  std::size_t size() const { return rows_; }

  // Appends a row of width() null cells; returns its first cell, to fill in
  // (null when width() is 0).
  Value* append();
  // Row i's first cell (i < size()).
  const Value* row(std::size_t i) const;

  // Where a row is, for walking rows in order without a search.
  struct Place {
    std::size_t chunk = 0, row = 0;
  };
  const Value* at(Place p) const { return width_ == 0 ? nullptr : chunks_[p.chunk].data() + p.row * width_; }
  void next(Place& p) const {
    if (width_ != 0 && ++p.row == chunks_[p.chunk].size() / width_) {
      ++p.chunk;
      p.row = 0;
    }
  }

  static constexpr std::size_t kMaxChunkCells = 16384;

 private:
  std::size_t width_ = 0, rows_ = 0;
  std::vector<std::vector<Value>> chunks_;  // each reserved once and never grown past it
  std::vector<std::size_t> first_row_;      // of each chunk after the first (which starts at row 0)
};

}  // namespace detail

class Row {
 public:
  Row() = default;
  // For RowIterator and Result::at(): `size` cells from `cells`, row `index`
  // of `result`.
  Row(const Result& result, const Value* cells, std::size_t size, std::size_t index)
      : result_(&result), cells_(cells), size_(size), index_(index) {}

  // The row's position in its result, from 0.
  std::size_t index() const { return index_; }
  // The number of cells: the result's column count.
  std::size_t size() const { return size_; }
  // The cell in column `column` (0-based). Precondition: column < size().
  const Value& operator[](std::size_t column) const { return cells_[column]; }
  // As operator[], but throws std::out_of_range when column >= size().
  const Value& at(std::size_t column) const;
  // The cell in the column named `column` (the name RETURN gave it, as in
  // Result::columns()). Throws ergo::Error (argument_error) when the result
  // has no such column.
  const Value& operator[](std::string_view column) const;
  const Value& at(std::string_view column) const { return (*this)[column]; }
  // The cells, in column order, as Result::row(index()) holds them.
  const std::vector<Value>& values() const;
  // The cells in column order, in place.
  const Value* begin() const { return cells_; }
  const Value* end() const { return cells_ + size_; }

  // The result this row belongs to: read its nodes' labels and properties
  // through it (Result::labels(), Result::property(), ...).
  const Result& result() const { return *result_; }

 private:
  const Result* result_ = nullptr;
  const Value* cells_ = nullptr;
  std::size_t size_ = 0;
  std::size_t index_ = 0;
};

// Walks a Result's rows in order (Result::begin() / end()).
class RowIterator {
 public:
  using iterator_concept = std::forward_iterator_tag;
  using iterator_category = std::input_iterator_tag;
  using value_type = Row;
  using reference = Row;
  using difference_type = std::ptrdiff_t;

  RowIterator() = default;
  // For Result: row `index` of `result`, whose cells are `cells`.
  RowIterator(const Result& result, const detail::RowChunks& cells, std::size_t index,
              detail::RowChunks::Place place)
      : result_(&result), cells_(&cells), index_(index), place_(place) {}

  Row operator*() const { return Row(*result_, cells_->at(place_), cells_->width(), index_); }
  RowIterator& operator++() {
    ++index_;
    cells_->next(place_);
    return *this;
  }
  RowIterator operator++(int) {
    RowIterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const RowIterator& a, const RowIterator& b) {
    return a.cells_ == b.cells_ && a.index_ == b.index_;
  }

 private:
  const Result* result_ = nullptr;
  const detail::RowChunks* cells_ = nullptr;
  std::size_t index_ = 0;
  detail::RowChunks::Place place_;
};

}  // namespace ergo
