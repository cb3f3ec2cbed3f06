// Private to the Cypher parser: the statement grammar unit — clauses into
// single queries, UNION [ALL], EXPLAIN/PROFILE, and `;`-separated statements.
#pragma once

#include <vector>

#include "grammar/cypher/config.hpp"

namespace ergo::cypher::parser {

struct statements_class;

using statements_type = x3::rule<statements_class, std::vector<ast::Statement>>;

BOOST_SPIRIT_DECLARE(statements_type);

inline constexpr statements_type statements{"statements"};

}  // namespace ergo::cypher::parser
