// Private to the Cypher parser: the rules of openCypher's grammar that are
// checked on the tree rather than while parsing — clause order (RETURN last,
// WITH between updating and reading clauses, a query ends with RETURN or an
// update), CALL forms that only a standalone call may take, and pattern
// expressions outside predicates.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "grammar/cypher/ast.hpp"
#include "grammar/cypher/syntax_error.hpp"

namespace ergo::cypher::parser {

// The first violation in `statements`, if any; `text` is the query text.
std::optional<ErrorReport> check_syntax(const std::vector<ast::Statement>& statements, std::string_view text);

}  // namespace ergo::cypher::parser
