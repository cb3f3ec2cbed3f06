// The types every .kg grammar unit is compiled for: the iterator (a pointer
// into the whole source text), the skipper (spaces and tabs: a statement
// never spans lines) and the context, which carries the per-line ParseState.
// value.cpp and statement.cpp instantiate their rules for exactly these.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <optional>

#include "grammar/kg/lexical.hpp"

namespace ergo::kg::parser {

namespace x3 = boost::spirit::x3;

// Lists and maps nest at most this deep; deeper input is an error, not a
// stack overflow.
inline constexpr int max_nesting = 64;  // also in messages::too_deep

// What the grammar's handlers need while parsing one line.
struct ParseState {
  const char* text_begin = nullptr;  // offsets are measured from here
  int depth = 0;                     // open lists and maps
  std::optional<detail::LineError> error;  // the first syntax error
};

struct ParseStateTag;

using Iterator = const char*;
using Skipper = x3::ascii::blank_type;
using PhraseContext = x3::phrase_parse_context<Skipper>::type;
using Context = x3::context<ParseStateTag, ParseState, PhraseContext>;

}  // namespace ergo::kg::parser
