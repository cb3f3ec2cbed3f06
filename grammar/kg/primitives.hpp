// Small X3 parsers the .kg grammar is built from: the bare-name character
// class, a string-body character, and nested[...] which matches an opening
// bracket and keeps count of how deep lists and maps nest.
#pragma once

#include "grammar/kg/config.hpp"
#include "grammar/kg/error_handler.hpp"

namespace ergo::kg::parser {

struct WordChar : x3::char_parser<WordChar> {
  using attribute_type = char;
  static bool const has_attribute = true;
  template <typename Char, typename Ctx>
  bool test(Char ch, Ctx const&) const {
    return detail::is_word_char(static_cast<char>(ch));
  }
};

// Any character of a string body except its quote and the backslash.
template <char Quote>
struct StringChar : x3::char_parser<StringChar<Quote>> {
  using attribute_type = char;
  static bool const has_attribute = true;
  template <typename Char, typename Ctx>
  bool test(Char ch, Ctx const&) const {
    return ch != Quote && ch != '\\';
  }
};

// What a currency code may start with: a letter, or any non-ASCII character
// (so `1 €` is reported as a bad currency, `[1 2]` as a missing comma).
struct CurrencyStart : x3::char_parser<CurrencyStart> {
  using attribute_type = char;
  static bool const has_attribute = true;
  template <typename Char, typename Ctx>
  bool test(Char ch, Ctx const&) const {
    auto c = static_cast<char>(ch);
    return detail::is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80;
  }
};

inline constexpr WordChar word_char{};
inline constexpr CurrencyStart currency_start{};

// nested<'['>[p]: like '[' > p, one level deeper: once the bracket matched,
// p must follow. Past max_nesting levels it fails with a positioned error
// instead of recursing on.
template <char Open, typename Subject>
struct NestedDirective : x3::unary_parser<Subject, NestedDirective<Open, Subject>> {
  using base_type = x3::unary_parser<Subject, NestedDirective<Open, Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;

  constexpr explicit NestedDirective(Subject const& subject) : base_type(subject) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last || *first != Open) return false;
    ParseState& state = x3::get<ParseStateTag>(ctx);
    if (state.depth >= max_nesting) throw x3::expectation_failure<It>(first, messages::too_deep);
    It i = first;
    ++i;
    ++state.depth;  // an exception abandons the line, and its ParseState with it
    bool ok = this->subject.parse(i, last, ctx, rctx, attr);
    --state.depth;
    if (!ok) throw x3::expectation_failure<It>(i, x3::what(this->subject));
    first = i;
    return true;
  }
};

template <char Open>
struct NestedGen {
  template <typename Subject>
  constexpr NestedDirective<Open, typename x3::extension::as_parser<Subject>::value_type>
  operator[](Subject const& subject) const {
    return NestedDirective<Open, typename x3::extension::as_parser<Subject>::value_type>(
        x3::as_parser(subject));
  }
};

template <char Open>
inline constexpr NestedGen<Open> nested{};

}  // namespace ergo::kg::parser
