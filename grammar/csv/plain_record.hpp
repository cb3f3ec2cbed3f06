// The common record, tokenized fast: no quote character anywhere in it and
// exactly the expected number of fields. Nearly every row of a large
// import is one; the tokenizer (csv_reader.cpp) tries this first and takes
// its general path, which quotes, reports and recovers, for any other.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ergo::csv {

// Where the record starting at `pos` ends its fields: `ends[k]` is the
// offset from `pos` one past field k's last byte (a '\r' before the line's
// '\n' or at the end of the text not counted, as the general path does),
// for the `columns` fields. Returns where the next record starts, or
// std::string_view::npos — nothing promised about `ends` — when the record
// holds a '"', has another number of fields, or does not end within
// `max_length` bytes of `pos`. `pos` must not be at a blank line.
std::size_t scan_plain_record(std::string_view text, std::size_t pos, char delimiter, std::size_t columns,
                              std::uint32_t* ends, std::size_t max_length);

}  // namespace ergo::csv
