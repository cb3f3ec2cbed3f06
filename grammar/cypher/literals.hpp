// Private to the Cypher parser: X3 primitive parsers for literals —
// parameters, numbers (with a folded sign, see expression_def.hpp), range
// bounds, strings, TRUE/FALSE/NULL — over the scanners of lexer.hpp.
#pragma once

#include "grammar/cypher/tokens.hpp"

namespace ergo::cypher::parser {

// `$name` or `$0`.
struct ParameterParser : x3::parser<ParameterParser> {
  using attribute_type = ast::Parameter;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    const char* start = skip(first, last, context);
    if (start == last || *start != '$') {
      state_of(context).expect(start, {"$", ExpectKind::Token, 1});
      return false;
    }
    const char* p = start + 1;
    ast::Parameter param;
    bool quoted = false;
    if (p < last && *p >= '0' && *p <= '9') {
      while (p < last && *p >= '0' && *p <= '9') ++p;
      param.name.assign(start + 1, p);
    } else if (!lexer::scan_name(p, last, param.name, quoted)) {
      state_of(context).expect(p, {"a parameter name after '$'", ExpectKind::Label, 2});
      return false;
    }
    param.span = state_of(context).span(start, p);
    first = p;
    assign_to(std::move(param), attr);
    return true;
  }
};

inline constexpr ParameterParser parameter_token{};

// An unsigned number literal as an expression: IntegerLiteral or FloatLiteral.
struct NumberParser : x3::parser<NumberParser> {
  using attribute_type = ast::Expression;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    const char* start = skip(first, last, context);
    const char* p = start;
    lexer::Number number;
    if (!lexer::scan_number(p, last, false, false, number)) {
      state_of(context).expect(start, {"a number", ExpectKind::Label, 1});
      return false;
    }
    first = p;
    assign_to(make_number(number, state_of(context).span(start, p)), attr);
    return true;
  }

  static ast::Expression make_number(lexer::Number const& number, ast::Span span) {
    ast::Literal literal;
    if (number.is_float) {
      literal.value = number.real;
    } else {
      literal.value = number.integer;
    }
    literal.span = span;
    return ast::Expression(std::move(literal));
  }
};

inline constexpr NumberParser number_literal{};

// An unsigned decimal, hex or octal integer (range bounds).
struct IntegerParser : x3::parser<IntegerParser> {
  using attribute_type = std::int64_t;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    const char* start = skip(first, last, context);
    const char* p = start;
    lexer::Number number;
    if (!lexer::scan_number(p, last, false, true, number)) {
      state_of(context).expect(start, {"an integer", ExpectKind::Label, 1});
      return false;
    }
    first = p;
    assign_to(number.integer, attr);
    return true;
  }
};

inline constexpr IntegerParser integer_literal{};

struct StringParser : x3::parser<StringParser> {
  using attribute_type = ast::Literal;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    const char* start = skip(first, last, context);
    const char* p = start;
    ast::Literal s;
    std::string value;
    if (!lexer::scan_string(p, last, value)) {
      state_of(context).expect(start, {"a string", ExpectKind::Label, 1});
      return false;
    }
    s.value = std::move(value);
    s.span = state_of(context).span(start, p);
    first = p;
    assign_to(std::move(s), attr);
    return true;
  }
};

inline constexpr StringParser string_literal{};

// TRUE, FALSE or NULL.
struct KeywordLiteralParser : x3::parser<KeywordLiteralParser> {
  using attribute_type = ast::Expression;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    const char* start = skip(first, last, context);
    const char* p = start;
    ParseState& st = state_of(context);
    ast::Literal literal;
    if (lexer::match_keyword(p, last, "NULL")) {
      literal.value = std::monostate{};
    } else if (lexer::match_keyword(p, last, "TRUE")) {
      literal.value = true;
    } else if (lexer::match_keyword(p, last, "FALSE")) {
      literal.value = false;
    } else {
      return false;
    }
    literal.span = st.span(start, p);
    first = p;
    assign_to(ast::Expression(std::move(literal)), attr);
    return true;
  }
};

inline constexpr KeywordLiteralParser keyword_literal{};

}  // namespace ergo::cypher::parser
