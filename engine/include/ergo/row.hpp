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

// A view of row index() of a Result: it points into the result, so it is
// valid while that Result is alive and not moved or assigned to.
class Row {
 public:
  Row() = default;
  // For RowIterator and Result::at(); `values` must be a row of `result`.
  Row(const Result& result, const std::vector<Value>& values, std::size_t index)
      : result_(&result), values_(&values), index_(index) {}

  // The row's position in its result, from 0.
  std::size_t index() const { return index_; }
  // The number of cells: the result's column count.
  std::size_t size() const { return values_->size(); }

  // The cell in column `column` (0-based). Precondition: column < size().
  const Value& operator[](std::size_t column) const { return (*values_)[column]; }
  // As operator[], but throws std::out_of_range when column >= size().
  const Value& at(std::size_t column) const { return values_->at(column); }
  // The cell in the column named `column` (the name RETURN gave it, as in
  // Result::columns()). Throws ergo::Error (argument_error) when the result
  // has no such column.
  const Value& operator[](std::string_view column) const;
  const Value& at(std::string_view column) const { return (*this)[column]; }

  // The cells, in column order; owned by the result.
  const std::vector<Value>& values() const { return *values_; }
  std::vector<Value>::const_iterator begin() const { return values_->begin(); }
  std::vector<Value>::const_iterator end() const { return values_->end(); }

  // The result this row belongs to: read its nodes' labels and properties
  // through it (Result::labels(), Result::property(), ...).
  const Result& result() const { return *result_; }

 private:
  const Result* result_ = nullptr;
  const std::vector<Value>* values_ = nullptr;
  std::size_t index_ = 0;
};

// Walks the rows of a Result in order, yielding a Row view for each
// (a std::forward_iterator whose reference type is Row itself).
class RowIterator {
 public:
  using iterator_concept = std::forward_iterator_tag;
  using iterator_category = std::input_iterator_tag;
  using value_type = Row;
  using reference = Row;
  using difference_type = std::ptrdiff_t;

  RowIterator() = default;
  RowIterator(const Result& result, const std::vector<std::vector<Value>>& rows, std::size_t index)
      : result_(&result), rows_(&rows), index_(index) {}

  Row operator*() const { return Row(*result_, (*rows_)[index_], index_); }
  RowIterator& operator++() {
    ++index_;
    return *this;
  }
  RowIterator operator++(int) {
    RowIterator before = *this;
    ++index_;
    return before;
  }
  friend bool operator==(const RowIterator& a, const RowIterator& b) {
    return a.rows_ == b.rows_ && a.index_ == b.index_;
  }

 private:
  const Result* result_ = nullptr;
  const std::vector<std::vector<Value>>* rows_ = nullptr;
  std::size_t index_ = 0;
};

}  // namespace ergo
