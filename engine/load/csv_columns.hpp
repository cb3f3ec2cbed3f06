// What the columns of a CSV file mean and how their fields become values,
// for the CSV loader (csv_loader.cpp; the format is docs/csv-import.md):
// the header parsed into roles, property names and type suffixes
// (csv_header.cpp), and the conversion of one field to a value, with the
// type of an untyped column inferred from all of its fields (csv_values.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/store/ids.hpp"
#include "ergo/value.hpp"
#include "grammar/csv/csv_reader.hpp"
#include "grammar/text/diagnostic.hpp"

namespace ergo::load::csv_columns {

enum class Role { id, label, start, end, type, property, ignore };
enum class Kind { automatic, integer, floating, boolean, string, date, local_time, time, local_datetime, datetime, duration };

struct Column {
  Role role = Role::property;
  std::string property;  // the key it fills; empty: not stored
  Kind kind = Kind::automatic;
  bool typed = false;    // the header gave the type (name:string): "" is the empty string, or list
  bool list = false;     // ';'-separated values
  store::KeyId key = 0;
};

// A file's columns, and which column has each role.
struct Header {
  std::vector<Column> columns;
  std::optional<std::size_t> id, label, start, end, type;
};

// The header of a nodes (relationships) file, or nullopt with every problem
// added to `problems`. `file_has_type`: the file is given a relationship
// type, so it needs no type column.
std::optional<Header> parse_header(const csv::Table& t, bool nodes, bool file_has_type,
                                   std::vector<text::Diagnostic>& problems);

// The type every non-empty field (list item) of an untyped column fits, the
// narrowest of integer, float, boolean, date, else string; numbers written
// with a leading zero ("007") are text. Large columns are looked at in
// parts on up to `threads` threads.
Kind infer(const csv::Table& t, std::size_t column, bool list, std::size_t threads = 1);

// The property value of a field of column `c` (whose kind is known): null
// when empty, a list for list columns; nullopt, with `why` saying what is
// wrong, when the text does not fit. `quoted_empty`: the field was written
// "" — in a column typed string it is the empty string, in a typed list
// column the empty list (what ergo dump writes for them).
std::optional<Value> convert(std::string_view s, const Column& c, bool quoted_empty, std::string& why);

// The message for a field convert() refused: `why`, then what the column
// (headed `header`) expects.
std::string conversion_problem(const std::string& why, std::string_view header, const Column& c);

// Whether `s` is exactly a 64-bit integer, and its value. Up to 18
// characters (every id and year of a large import) it is read here,
// inline: std::from_chars, which takes the longer ones, was a tenth of an
// import's time.
bool is_long_int(std::string_view s, std::int64_t& out);
inline bool is_int(std::string_view s, std::int64_t& out) {
  const std::size_t n = s.size();
  if (n > 18) return is_long_int(s, out);
  const bool negative = n > 0 && s[0] == '-';
  if (n == std::size_t{negative}) return false;  // "" or "-"
  std::uint64_t v = 0;  // at most 18 digits: no overflow
  for (std::size_t i = negative; i < n; ++i) {
    const unsigned digit = static_cast<unsigned char>(s[i]) - unsigned{'0'};
    if (digit > 9) return false;
    v = v * 10 + digit;
  }
  out = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
  return true;
}
// is_int for a field `s` of `text`: where the 8 bytes that end with s are
// in text, and s is 1-8 digits, they are read as one word (all digits
// checked and combined in a few multiplies) instead of a digit at a time.
inline bool is_int_in(std::string_view s, std::string_view text, std::int64_t& out) {
  const std::size_t n = s.size();
  const char* end = s.data() + n;
  if (n == 0 || n > 8 || s[0] == '-' || end < text.data() + 8 || end > text.data() + text.size() ||
      s.data() < text.data()) {
    return is_int(s, out);
  }
  std::uint64_t word;
  std::memcpy(&word, end - 8, 8);
  // Little-endian: s is the top n bytes; the bytes before it become '0's.
  const std::uint64_t before = (std::uint64_t{1} << (8 * (8 - n))) - 1;
  word = (word & ~before) | (0x3030303030303030u & before);
  if ((word & 0xF0F0F0F0F0F0F0F0u) != 0x3030303030303030u ||
      ((word + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) != 0x3030303030303030u) {
    return false;  // a byte that is not a digit
  }
  word -= 0x3030303030303030u;
  word = word * 10 + (word >> 8);  // pairs of digits
  word = ((word & 0x000000FF000000FFu) * (100 + (1000000ull << 32)) +
          ((word >> 16) & 0x000000FF000000FFu) * (1 + (10000ull << 32))) >> 32;
  out = static_cast<std::int64_t>(word);
  return true;
}
bool valid_utf8(std::string_view s);
// 'text', for messages.
std::string quote(std::string_view s);

}  // namespace ergo::load::csv_columns
