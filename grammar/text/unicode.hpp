// Unicode helpers every stage shares: validation, normalization for name
// lookup, and terminal display width for carets and aligned tables.
// Backed by utf8proc; callers never see its types.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ergo::text {

// Byte offset of the first byte that does not start a valid UTF-8 sequence,
// or nullopt when the whole input is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// NFC normalization. Input must be valid UTF-8.
std::string nfc(std::string_view s);

// The key names are compared by: NFC, then Unicode case folding, so that
// "MICROSOFT", "microsoft" and decomposed Hangul all map to one key.
// Input must be valid UTF-8.
std::string fold(std::string_view s);

// Columns a terminal uses to show s: East Asian wide characters take 2,
// combining marks and other zero-width characters 0. Invalid bytes count 1.
std::size_t display_width(std::string_view s);

// Number of code points in s (invalid bytes count as one each).
std::size_t code_points(std::string_view s);

// Byte length of the longest prefix of s whose display width is at most
// `columns`, never splitting a code point.
std::size_t prefix_fitting(std::string_view s, std::size_t columns);

}  // namespace ergo::text
