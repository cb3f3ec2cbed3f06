// "Did you mean ...?": the candidate closest to a misspelled word, for
// error messages in every stage (unknown entity, keyword, function, label).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ergo::text {

// Edit distance (insert, delete, substitute, swap adjacent) between the
// case-folded forms of a and b, counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is near enough to be a plausible
// typo: at most 1 edit for short words, 2 for words of 5+ characters, 3 for
// 9+. Ties go to the first candidate.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ergo::text
