// A deterministic S-expression dump of the Cypher syntax tree, for golden
// tests and debugging: one clause per line, expressions inline, operator
// chains shown with their meaning ((a - b) + c as (+ (- a b) c)).
#pragma once

#include <string>
#include <vector>

#include "grammar/cypher/ast.hpp"

namespace ergo::cypher {

// All statements, each ending in a newline.
std::string print(const std::vector<ast::Statement>& statements);
std::string print(const ast::Statement& statement);
// One expression on one line, no newline.
std::string print(const ast::Expression& expression);

}  // namespace ergo::cypher
