// Private to the Cypher parser: a fast path for the commonest expressions —
// a variable, a property chain `a.b.c` or a string literal, standing alone
// right before `,` `)` `}` `]` `;` or the end of the text — built directly
// instead of through the eleven precedence levels. Anything else (spaces or
// comments inside, another token after, a reserved word, a quoted or
// non-ASCII name) is left to the full grammar, which builds the same tree
// with the same spans; this path records no expectations, so error messages
// do not change either.
#pragma once

#include <string>

#include "grammar/cypher/config.hpp"
#include "grammar/cypher/directives.hpp"
#include "grammar/cypher/lexer.hpp"

namespace ergo::cypher::parser {

struct SimpleExpressionParser : x3::parser<SimpleExpressionParser> {
  using attribute_type = ast::Expression;
  static bool const has_attribute = true;

  // One past an ASCII identifier starting at p, or p when none starts there.
  static const char* identifier_end(const char* p, const char* end) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (p >= end || !letter(*p)) return p;
    do {
      ++p;
    } while (p < end && (letter(*p) || (*p >= '0' && *p <= '9')));
    return p;
  }

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    ParseState& st = state_of(context);
    const char* start = lexer::skip_space(first, last);
    const char* p = start;
    ast::Expression tree;
    if (p < last && (*p == '\'' || *p == '"')) {
      ast::Literal literal;
      std::string value;
      try {
        if (!lexer::scan_string(p, last, value)) return false;
      } catch (const lexer::LexicalError&) {
        return false;  // the full grammar reports it
      }
      literal.value = std::move(value);
      literal.span = st.span(start, p);
      tree = std::move(literal);
    } else {
      const char* name_end = identifier_end(p, last);
      if (name_end == p || lexer::is_reserved_word(std::string_view(p, name_end - p))) return false;
      ast::Variable variable;
      variable.name.assign(p, name_end);
      variable.span = st.span(p, name_end);
      tree = std::move(variable);
      p = name_end;
      // Long chains go the full way, which caps how deep the tree nests.
      for (int keys = 0; p < last && *p == '.'; ++keys) {
        const char* key_end = identifier_end(p + 1, last);
        if (key_end == p + 1 || keys == 8) return false;
        ast::PropertyAccess access;
        access.key.name.assign(p + 1, key_end);
        access.key.span = st.span(p + 1, key_end);
        access.subject = std::move(tree);
        access.span = st.span(start, key_end);
        tree = std::move(access);
        p = key_end;
      }
    }
    const char* next = lexer::skip_space(p, last);
    if (next < last && *next != ',' && *next != ')' && *next != '}' && *next != ']' && *next != ';') return false;
    first = p;
    assign_to(std::move(tree), attr);
    return true;
  }
};

inline constexpr SimpleExpressionParser simple_expression{};

}  // namespace ergo::cypher::parser
