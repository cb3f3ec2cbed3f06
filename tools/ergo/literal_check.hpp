// Whether a parameter value is one Cypher literal and nothing else, so that
// --param and :param can never run query text (issue 18).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ergo::cli {

// Where `text` stops being a literal and what was expected there.
struct LiteralProblem {
  std::size_t offset = 0;
  std::string expected;
};

// A literal is null, true, false, a number (optionally signed), a quoted
// string, date('…'), a list of literals or a map of name: literal, nested at
// most 1,000 levels, with only whitespace around. nullopt when `text` is one.
std::optional<LiteralProblem> check_literal(std::string_view text);

}  // namespace ergo::cli
