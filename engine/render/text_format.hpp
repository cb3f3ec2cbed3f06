// How values read in a diagram: money as "$1B" or "1.18T KRW", month dates as
// 2019-07, counts with thousands separators, long names cut with an ellipsis,
// and the Hangul test that picks a Korean alias. No Graphviz here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ergo/value.hpp"

namespace ergo::diagram {

// 1000000000 "USD" → "$1B"; 1180000000000 "KRW" → "1.18T KRW"; three
// significant digits at most, units K, M, B, T from ten thousand up.
std::string format_money(double amount, std::string_view currency);

// 1234567 → "1,234,567".
std::string format_count(std::size_t n);

// A value as a reader sees it: strings without quotes, dates as YYYY-MM-DD,
// everything else in Cypher notation.
std::string display_value(const Value& v);

// The value `key` of `properties` as text; a date shortened to YYYY-MM when
// the map says `<key>_precision: "month"` (how the loader keeps 2019-07).
// Empty when there is no such property.
std::string display_date(const Map& properties, std::string_view key);

// The value under `key`, or nullptr.
const Value* find_property(const Map& properties, std::string_view key);

// s cut to at most `columns` display columns, ending in "…" when cut.
std::string truncate_text(std::string_view s, std::size_t columns);

// Whether s holds a Hangul syllable or jamo.
bool contains_hangul(std::string_view s);

}  // namespace ergo::diagram
