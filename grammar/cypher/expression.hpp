// Private to the Cypher parser: the expression grammar unit — operator
// precedence from OR down to postfix property/index/label access. Atoms
// (literals, calls, comprehensions, ...) are in atom.hpp.
#pragma once

#include "grammar/cypher/config.hpp"

namespace ergo::cypher::parser {

struct expression_class;
struct postfix_expression_class;

using expression_type = x3::rule<expression_class, ast::Expression>;
// An atom followed by property lookups, subscripts and label tests.
using postfix_expression_type = x3::rule<postfix_expression_class, ast::Expression>;

BOOST_SPIRIT_DECLARE(expression_type, postfix_expression_type);

inline constexpr expression_type expression{"expression"};
inline constexpr postfix_expression_type postfix_expression{"expression"};

}  // namespace ergo::cypher::parser
