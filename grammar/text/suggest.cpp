// Near-miss suggestions by Damerau-Levenshtein distance (see suggest.hpp).
#include "grammar/text/suggest.hpp"

#include <algorithm>
#include <utf8proc.h>

#include "grammar/text/unicode.hpp"

namespace ergo::text {
namespace {

std::u32string code_points_of(std::string_view s) {
  std::string folded = find_invalid_utf8(s) ? std::string(s) : fold(s);
  std::u32string out;
  for (std::size_t i = 0; i < folded.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
                                          static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
    if (n <= 0) {
      cp = static_cast<unsigned char>(folded[i]);
      n = 1;
    }
    out.push_back(static_cast<char32_t>(cp));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::size_t allowed_edits(std::size_t length) { return length >= 9 ? 3 : length >= 5 ? 2 : 1; }

}  // namespace

std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
  std::u32string a = code_points_of(a_text), b = code_points_of(b_text);
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = allowed_edits(code_points(word)) + 1;
  for (const std::string& c : candidates) {
    std::size_t dist = edit_distance(word, c);
    if (dist < best_distance && dist > 0) {
      best_distance = dist;
      best = c;
    }
  }
  return best;
}

}  // namespace ergo::text
