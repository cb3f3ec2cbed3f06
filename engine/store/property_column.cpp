// Typed, column-wise property storage (see property_column.hpp).
#include "engine/store/property_column.hpp"

#include <stdexcept>

#include "grammar/text/huge_pages.hpp"

namespace ergo::store {

PropertyColumn::Kind PropertyColumn::kind_of(const Value& v) {
  switch (v.type()) {
    case Value::Type::integer: return Kind::integer;
    case Value::Type::floating: return Kind::floating;
    case Value::Type::boolean: return Kind::boolean;
    case Value::Type::string: return Kind::string;
    default: return Kind::generic;
  }
}

void PropertyColumn::reserve_rows(std::size_t rows) {
  present_.reserve((rows + 63) / 64);
  switch (kind_) {
    case Kind::empty: break;
    case Kind::integer: ints_.reserve(rows); break;
    case Kind::floating: doubles_.reserve(rows); break;
    case Kind::boolean: bools_.reserve(rows); break;
    case Kind::string: string_spans_.reserve(rows); break;
    case Kind::generic: generic_.reserve(rows); break;
  }
}

void PropertyColumn::grow_to(std::uint32_t row) {
  std::size_t rows = static_cast<std::size_t>(row) + 1;
  // The first growth past the capacity takes all the planned rows.
  auto grow = [&](auto& array, auto zero) {
    if (array.size() >= rows) return;
    if (array.capacity() < rows && planned_rows_ > rows) array.reserve(text::with_room_to_grow(planned_rows_));
    array.resize(rows, zero);
  };
  if (present_.size() * 64 < rows) present_.resize((rows + 63) / 64, 0);
  switch (kind_) {
    case Kind::empty: break;
    case Kind::integer: grow(ints_, std::int64_t{0}); break;
    case Kind::floating: grow(doubles_, 0.0); break;
    case Kind::boolean: if (bools_.size() < rows) bools_.resize(rows, false); break;
    case Kind::string: grow(string_spans_, StringSpan{0, 0}); break;
    case Kind::generic: if (generic_.size() < rows) generic_.resize(rows); break;
  }
}

void PropertyColumn::become_generic() {
  std::size_t rows = present_.size() * 64;
  std::vector<Value> values(rows);
  for (std::uint32_t r = 0; r < rows; ++r) {
    if (has(r)) values[r] = get(r);
  }
  ints_ = {};
  doubles_ = {};
  bools_ = {};
  string_spans_ = {};
  chars_ = {};
  generic_ = std::move(values);
  kind_ = Kind::generic;
}

void PropertyColumn::set(std::uint32_t row, const Value& value) {
  if (value.is_null()) {
    if (has(row)) present_[row / 64] &= ~(std::uint64_t{1} << (row % 64));
    return;
  }
  Kind k = kind_of(value);
  if (kind_ == Kind::empty) kind_ = k;
  if (kind_ != k && kind_ != Kind::generic) become_generic();
  grow_to(row);
  present_[row / 64] |= std::uint64_t{1} << (row % 64);
  switch (kind_) {
    case Kind::integer: ints_[row] = value.as_int(); break;
    case Kind::floating: doubles_[row] = *value.get_if<double>(); break;
    case Kind::boolean: bools_[row] = value.as_bool(); break;
    case Kind::string: {
      const std::string& s = value.as_string();
      if (chars_.size() + s.size() > UINT32_MAX) {
        become_generic();
        generic_[row] = value;
        break;
      }
      string_spans_[row] = {static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint32_t>(s.size())};
      chars_ += s;
      break;
    }
    case Kind::generic: generic_[row] = value; break;
    case Kind::empty: break;
  }
}

void PropertyColumn::set_integer(std::uint32_t row, std::int64_t value) {
  if (kind_ != Kind::integer && kind_ != Kind::empty) return set(row, Value(value));
  kind_ = Kind::integer;
  if (row >= ints_.size()) grow_to(row);
  present_[row / 64] |= std::uint64_t{1} << (row % 64);
  ints_[row] = value;
}

void PropertyColumn::set_integers(std::uint32_t first, std::span<const std::int64_t> values,
                                  std::span<const std::uint8_t> present) {
  if (kind_ != Kind::integer && kind_ != Kind::empty) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (present[i]) set(static_cast<std::uint32_t>(first + i), Value(values[i]));
    }
    return;
  }
  std::size_t last = values.size();  // one past the last present value
  while (last > 0 && !present[last - 1]) --last;
  if (last == 0) return;
  kind_ = Kind::integer;
  grow_to(static_cast<std::uint32_t>(first + last - 1));
  for (std::size_t i = 0; i < last; ++i) {
    if (!present[i]) continue;
    const std::size_t row = first + i;
    present_[row / 64] |= std::uint64_t{1} << (row % 64);
    ints_[row] = values[i];
  }
}

void PropertyColumn::set_string(std::uint32_t row, std::string_view value) {
  if ((kind_ != Kind::string && kind_ != Kind::empty) || chars_.size() + value.size() > UINT32_MAX) {
    return set(row, Value(value));
  }
  kind_ = Kind::string;
  grow_to(row);
  present_[row / 64] |= std::uint64_t{1} << (row % 64);
  string_spans_[row] = {static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint32_t>(value.size())};
  chars_ += value;
}

PropertyColumn PropertyColumn::restored(Kind kind, text::HugeVector<std::uint64_t> presence,
                                        text::HugeVector<std::int64_t> ints, text::HugeVector<double> doubles,
                                        text::HugeVector<StringSpan> spans, text::HugeString chars) {
  PropertyColumn c;
  c.kind_ = kind;
  c.present_ = std::move(presence);
  c.ints_ = std::move(ints);
  c.doubles_ = std::move(doubles);
  c.string_spans_ = std::move(spans);
  c.chars_ = std::move(chars);
  return c;
}

std::string_view PropertyColumn::string_at(std::uint32_t row) const {
  auto [offset, length] = string_spans_[row];
  return std::string_view(chars_).substr(offset, length);
}

PropertyColumn::PropertyColumn(const PropertyColumn& other)
    : kind_(other.kind_),
      present_(text::copy_with_room(other.present_)),
      ints_(text::copy_with_room(other.ints_)),
      doubles_(text::copy_with_room(other.doubles_)),
      bools_(other.bools_),
      string_spans_(text::copy_with_room(other.string_spans_)),
      chars_(other.chars_),
      generic_(other.generic_),
      planned_rows_(other.planned_rows_) {}

Value PropertyColumn::get(std::uint32_t row) const {
  if (!has(row)) return Value();
  switch (kind_) {
    case Kind::integer: return ints_[row];
    case Kind::floating: return doubles_[row];
    case Kind::boolean: return static_cast<bool>(bools_[row]);
    case Kind::string: return string_at(row);
    case Kind::generic: return generic_[row];
    case Kind::empty: break;
  }
  return Value();
}

void PropertyColumn::truncate(std::uint32_t rows) {
  std::size_t words = (static_cast<std::size_t>(rows) + 63) / 64;
  if (present_.size() > words) present_.resize(words);
  if (present_.size() == words && rows % 64) present_.back() &= (std::uint64_t{1} << (rows % 64)) - 1;
  if (ints_.size() > rows) ints_.resize(rows);
  if (doubles_.size() > rows) doubles_.resize(rows);
  if (bools_.size() > rows) bools_.resize(rows);
  if (string_spans_.size() > rows) string_spans_.resize(rows);
  if (generic_.size() > rows) generic_.resize(rows);
  // chars_ keeps the bytes of dropped strings; they are unreachable and are
  // reclaimed only when the column is rebuilt.
}

std::size_t PropertyColumn::count() const {
  std::size_t n = 0;
  for (std::uint64_t word : present_) n += static_cast<std::size_t>(__builtin_popcountll(word));
  return n;
}

std::size_t PropertyColumn::memory_bytes() const {
  return present_.capacity() * 8 + ints_.capacity() * 8 + doubles_.capacity() * 8 +
         bools_.capacity() / 8 + string_spans_.capacity() * 8 + chars_.capacity() +
         generic_.capacity() * sizeof(Value);
}

}  // namespace ergo::store
