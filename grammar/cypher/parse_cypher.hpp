// The openCypher parser's entry point: query text → statements (the AST of
// ast.hpp, every node with its byte span) or the first syntax error, as a
// positioned diagnostic plus the openCypher error detail the TCK names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "grammar/cypher/ast.hpp"
#include "grammar/text/diagnostic.hpp"
#include "grammar/text/source_text.hpp"

namespace ergo::cypher {

struct SyntaxError {
  text::Diagnostic diagnostic;      // file:line:column, message, source line, caret
  std::string code = "SyntaxError";  // the openCypher error type
  std::string detail;                // "UnexpectedSyntax", "IntegerOverflow", "InvalidNumberLiteral",
                                     // "FloatingPointOverflow", "InvalidUnicodeLiteral",
                                     // "InvalidRelationshipPattern"
  ast::Span span;                    // the offending text
};

struct ParseResult {
  text::SourcePtr source;                  // what the spans point into
  std::vector<ast::Statement> statements;  // one per `;`-separated statement; empty on error
  std::optional<SyntaxError> error;

  bool ok() const { return !error.has_value(); }
};

// Parses `source` as one or more `;`-separated Cypher statements (a final
// `;` is optional). Returns the statements, or the first syntax error: what
// was expected at the furthest point the parser reached, or what is wrong
// with a literal, a nesting too deep, or a clause out of place. Semantic
// checks (undefined variables, aggregation placement, ...) are the binder's.
// Never throws on bad input; linear in the input, nesting capped at 200.
ParseResult parse_cypher(text::SourcePtr source);

}  // namespace ergo::cypher
