// Lowering: one line's X3 syntax tree (ast.hpp) → the plain statement of
// kg_document.hpp. Checks what the grammar leaves open: token contents
// (literal.hpp), identifiers, directive names, empty names, duplicate keys.
#pragma once

#include <string_view>

#include "grammar/kg/ast.hpp"
#include "grammar/kg/kg_document.hpp"

namespace ergo::kg::detail {

// `text` is the whole source text the syntax tree's offsets point into.
// Throws LineError at the first mistake.
Statement lower(const ast::Statement& statement, std::string_view text);

}  // namespace ergo::kg::detail
