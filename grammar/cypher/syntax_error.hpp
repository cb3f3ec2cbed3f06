// Private to the Cypher parser: turning a failed parse into one message —
// the furthest point reached, what was expected there (the most relevant
// expectations, grouped), "did you mean" for near-miss keywords.
#pragma once

#include <cstddef>
#include <string>


namespace ergo::cypher::parser {

struct ParseState;

struct ErrorReport {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string message;
  std::string detail = "UnexpectedSyntax";
};

// The error for a parse that failed or stopped short, from what `state`
// recorded.
ErrorReport describe_failure(const ParseState& state);

// Byte length of the token at p (a word, a number, a quoted string's quote,
// an operator), for underlining; 0 at the end.
std::size_t token_length(const char* p, const char* end);

}  // namespace ergo::cypher::parser
