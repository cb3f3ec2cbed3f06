// Private to the Cypher parser: the statement grammar unit — clauses into
// single queries, UNION [ALL], EXPLAIN/PROFILE, and `;`-separated statements.
#pragma once

#include <vector>

#include "grammar/cypher/config.hpp"

namespace ergo::cypher::parser {

struct statements_class;
struct query_class;

using statements_type = x3::rule<statements_class, std::vector<ast::Statement>>;
// One query: single queries joined by UNION [ALL] (also the body of a
// subquery expression, atom_def.hpp).
using query_type = x3::rule<query_class, ast::Query>;

BOOST_SPIRIT_DECLARE(statements_type, query_type);

inline constexpr statements_type statements{"statements"};
inline constexpr query_type query{"query"};

}  // namespace ergo::cypher::parser
