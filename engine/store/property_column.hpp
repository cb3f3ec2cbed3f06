// One property key's values across all nodes (or all relationships), stored
// column-wise and typed by what it holds: a column of integers costs 8 bytes
// a row plus a presence bit, not a full Value. A column that sees mixed types
// falls back to generic Values.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ergo/value.hpp"
#include "grammar/text/huge_pages.hpp"

namespace ergo::store {

class PropertyColumn {
 public:
  // The numbers are written in snapshots (engine/storage/snapshot.hpp): never renumber.
  enum class Kind : std::uint8_t { empty = 0, integer = 1, floating = 2, boolean = 3, string = 4, generic = 5 };

  PropertyColumn() = default;
  // A copy (of a graph version, ADR 0006 §4) has room to grow
  // (text::copy_with_room).
  PropertyColumn(const PropertyColumn& other);
  PropertyColumn& operator=(const PropertyColumn& other) { return *this = PropertyColumn(other); }
  PropertyColumn(PropertyColumn&&) noexcept = default;
  PropertyColumn& operator=(PropertyColumn&&) noexcept = default;

  // Sets row's value; a null value removes it.
  void set(std::uint32_t row, const Value& value);
  // set(row, Value(value)), without making the Value where the column
  // holds integers (or nothing yet).
  void set_integer(std::uint32_t row, std::int64_t value);
  // set_integer(first + i, values[i]) for each i where present[i]; the
  // arrays grow once.
  void set_integers(std::uint32_t first, std::span<const std::int64_t> values, std::span<const std::uint8_t> present);
  // set(row, Value(value)) for a string, likewise.
  void set_string(std::uint32_t row, std::string_view value);
  bool has(std::uint32_t row) const {
    return row < present_.size() * 64 && (present_[row / 64] >> (row % 64) & 1);
  }
  // The value, or null when the row has none.
  Value get(std::uint32_t row) const;

  // Typed fast paths for the executor; valid only when kind() says so and
  // has(row).
  Kind kind() const { return kind_; }
  std::int64_t integer_at(std::uint32_t row) const { return ints_[row]; }
  std::string_view string_at(std::uint32_t row) const;

  // --- The arrays behind an integer, floating or string column, as a
  // snapshot writes them and restored() takes them back (the strings of a
  // restored column are back to back, without the bytes of values since
  // overwritten). Row r has a value when bit r % 64 of presence()[r / 64] is set.
  std::span<const std::uint64_t> presence() const { return present_; }
  std::span<const std::int64_t> integers() const { return ints_; }
  std::span<const double> floats() const { return doubles_; }
  // Where a row's string is in the column's characters. Plain bytes (not
  // std::pair, whose construction zeroes), so a snapshot's spans can be
  // used where the file is mapped.
  struct StringSpan {
    std::uint32_t offset, length;
  };
  // A column of `kind` (integer, floating or string) from its arrays; the
  // caller has checked that every present row has a value (and a span
  // within `chars`).
  static PropertyColumn restored(Kind kind, text::HugeVector<std::uint64_t> presence,
                                 text::HugeVector<std::int64_t> ints, text::HugeVector<double> doubles,
                                 text::HugeVector<StringSpan> spans, text::HugeString chars);

  // Drops every row >= rows (rollback).
  void truncate(std::uint32_t rows);

  std::size_t memory_bytes() const;
  // How many rows have a value.
  std::size_t count() const;
  // Rows up to `rows` are about to be set (a load): the arrays grow to
  // that at once instead of doubling and copying.
  void plan_rows(std::size_t rows) { planned_rows_ = std::max(planned_rows_, rows); }
  // Room for `rows` rows now (see Graph::make_room_to_grow).
  void reserve_rows(std::size_t rows);

 private:
  void grow_to(std::uint32_t row);
  void become_generic();
  static Kind kind_of(const Value& v);

  Kind kind_ = Kind::empty;
  text::HugeVector<std::uint64_t> present_;
  text::HugeVector<std::int64_t> ints_;
  text::HugeVector<double> doubles_;
  std::vector<bool> bools_;
  // Strings live back to back in chars_; row r is chars_[offsets_[r].first, +second).
  text::HugeVector<StringSpan> string_spans_;
  text::HugeString chars_;
  std::vector<Value> generic_;
  std::size_t planned_rows_ = 0;
};

}  // namespace ergo::store
