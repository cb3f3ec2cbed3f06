// Private to the Cypher parser: the types every grammar unit is compiled for —
// the iterator (a pointer into the query text), the skipper (spaces and
// comments) and the context, which carries the ParseState: furthest-failure
// tracking for error messages, the nesting depth guard and the atom memo.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "grammar/cypher/ast.hpp"
#include "grammar/cypher/lexer.hpp"

namespace ergo::cypher::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

// Whitespace and comments between tokens.
struct Skipper : x3::parser<Skipper> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    const char* p = lexer::skip_space(first, last);
    if (p == first) return false;
    first = p;
    return true;
  }
};

// What the parser wanted where it failed, for "expected ..." messages.
enum class ExpectKind {
  Token,    // punctuation, shown quoted: ')'
  Keyword,  // shown quoted, candidate for "did you mean": 'RETURN'
  Label,    // a description shown as is: "an expression after 'WHERE'"
};

struct Expectation {
  std::string_view text;
  ExpectKind kind = ExpectKind::Token;
  // 0: an optional continuation (an operator that could follow); 1: an
  // alternative; 2: what was required here (a closing bracket, a labelled
  // construct). Messages show the highest priority present.
  int priority = 1;
};

// A memoised atom: the parse of one atom at one position, so that trying the
// alternatives of `(` and `[` never re-parses what they contain (linear, not
// exponential, in the nesting depth).
struct AtomMemo {
  bool ok = false;
  bool stored = false;  // `value` holds the atom (from its second parse on)
  const char* end = nullptr;
  ast::Expression value;
};

struct ParseState {
  // Brackets, parentheses, unary operators and operator chains nest at most
  // this deep; deeper input is a syntax error, not a stack overflow.
  static constexpr int max_depth = 1000;

  const char* begin = nullptr;  // offsets are measured from here
  const char* end = nullptr;
  int depth = 0;
  // The lowest stack address the parser may reach (room is left below it for
  // the error path), or null when the platform does not tell: a safety net
  // under max_depth for threads with small stacks and unoptimized builds.
  const char* stack_floor = nullptr;

  // Whether failures are recorded for a message. The first parse of a query
  // does not record (most queries parse, and recording every keyword tried
  // at every spot was a tenth of parsing); a query that fails is parsed
  // again, recording. What a parse accepts never depends on it: only the
  // route does (ClauseByFirstLetter, statement_def.hpp, tries fewer clause
  // rules when not recording).
  bool recording = true;
  // The furthest position any token failed at and what was expected there.
  const char* furthest = nullptr;
  std::vector<Expectation> expected;
  std::string_view detail;           // openCypher detail of the innermost scope being parsed
  std::string_view furthest_detail;  // ... and of the furthest failure

  std::unordered_map<const char*, AtomMemo> memo;

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - begin); }
  ast::Span span(const char* from, const char* to) const { return {offset(from), offset(to)}; }

  void expect(const char* at, Expectation e) {
    if (!recording) return;
    if (furthest == nullptr || at > furthest) {
      furthest = at;
      expected.clear();
      furthest_detail = {};
    }
    if (at == furthest) {
      expected.push_back(e);
      if (!detail.empty()) furthest_detail = detail;
    }
  }
};

struct state_tag;

using phrase_context_type = x3::phrase_parse_context<Skipper>::type;
using context_type = x3::context<state_tag, ParseState, phrase_context_type>;

template <typename Context>
ParseState& state_of(Context const& context) {
  return x3::get<state_tag>(context);
}

}  // namespace ergo::cypher::parser
