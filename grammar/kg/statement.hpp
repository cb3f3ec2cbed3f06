// The line grammar of .kg: one line is blank, a comment, or a statement
// (`@source`, an entity declaration or a fact) with an optional trailing
// comment. statement.cpp compiles it for config.hpp's types.
#pragma once

#include <boost/optional.hpp>

#include "grammar/kg/ast.hpp"
#include "grammar/kg/config.hpp"

namespace ergo::kg::parser {

struct LineClass;
using LineRule = x3::rule<LineClass, boost::optional<ast::Statement>>;

BOOST_SPIRIT_DECLARE(LineRule)

// Parses one line; on a mistake it fails and leaves the error in the
// context's ParseState. Empty for blank and comment-only lines.
LineRule const& line();

}  // namespace ergo::kg::parser
