// The TCK value notation parser: turns an expected-result cell or a
// parameter value (`[1, 'a', {k: 1.5}]`, `(:A {k: 1})`, `<(:A)-[:T]->()>`)
// into a TckValue. A small recursive-descent parser; malformed text raises
// ValueSyntaxError saying what was expected where.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "tools/tck/tck_value.hpp"

namespace ergo::tck {

class ValueSyntaxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses the whole of `text` (surrounding whitespace allowed). Accepts null,
// true, false, integers, floats (1.0, .5, -1e10, 1E+3, NaN, Inf, -Inf),
// strings in single quotes (escapes \' \\ \" \n \t \r \b \f \uXXXX),
// lists, maps, nodes, relationships and paths; names may be backquoted.
// Throws ValueSyntaxError ("expected ']' at offset 7 in `[1, 2`").
TckValue parse_tck_value(std::string_view text);

}  // namespace ergo::tck
