// Private to the Cypher parser: the atom grammar unit — literals, parameters,
// variables, lists and maps, CASE, function calls, comprehensions,
// quantifiers, pattern predicates and parenthesized expressions.
#pragma once

#include "grammar/cypher/config.hpp"

namespace ergo::cypher::parser {

struct atom_class;
struct map_literal_class;

using atom_type = x3::rule<atom_class, ast::Expression>;
using map_literal_type = x3::rule<map_literal_class, ast::MapLiteral>;

BOOST_SPIRIT_DECLARE(atom_type, map_literal_type);

inline constexpr atom_type atom{"atom"};
inline constexpr map_literal_type map_literal{"map"};

}  // namespace ergo::cypher::parser
