// How the limits of ergo::Limits are written on a command line, shared by
// `ergo` (--timeout, --max-memory, --max-query-length, :timeout) and
// `ergo serve` (the same options), so both read them alike.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace ergo::tools {

// A time limit in seconds: a decimal number from 0 (no limit) to
// 1,000,000, e.g. "2" or "0.5"; nullopt when the text is not one.
inline std::optional<std::chrono::milliseconds> parse_timeout(std::string_view seconds) {
  std::string text(seconds);
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(value >= 0 && value <= 1'000'000)) return std::nullopt;
  auto ms = static_cast<std::int64_t>(value * 1000 + 0.5);
  if (value > 0 && ms == 0) ms = 1;  // a tiny limit is still a limit
  return std::chrono::milliseconds(ms);
}

// A plain decimal count of bytes, at most 18 digits (no overflow); nullopt
// when the text is not one.
inline std::optional<std::size_t> parse_byte_count(std::string_view text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::size_t n = 0;
  for (char c : text) n = n * 10 + static_cast<std::size_t>(c - '0');
  return n;
}

// A size as --max-memory takes it: bytes, or a number with K, M or G
// (binary: 64M is 64 MiB), at most 1024G; nullopt when the text is not one.
inline std::optional<std::size_t> parse_size(std::string_view text) {
  std::size_t shift = 0;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K': case 'k': shift = 10; break;
      case 'M': case 'm': shift = 20; break;
      case 'G': case 'g': shift = 30; break;
      default: break;
    }
  }
  if (shift) text.remove_suffix(1);
  auto n = parse_byte_count(text);
  if (!n || *n > (std::size_t{1} << 40) >> shift) return std::nullopt;
  return *n << shift;
}

// What a usage error says when an option above refused its value: one
// wording for `ergo` and `ergo serve`.
inline std::string timeout_refused(std::string_view option, std::string_view value) {
  return std::string(option) + " needs a number of seconds from 0 to 1000000, e.g. 2 or 0.5, not '" +
         std::string(value) + "'";
}
inline std::string byte_count_refused(std::string_view option, std::string_view value) {
  return std::string(option) + " needs a number of bytes, e.g. 1048576 or 0 for none, not '" + std::string(value) + "'";
}
inline std::string size_refused(std::string_view option, std::string_view value) {
  return std::string(option) + " needs a size in bytes, or with K, M or G (e.g. 512M), up to 1024G; 0 for none; not '" +
         std::string(value) + "'";
}

}  // namespace ergo::tools
