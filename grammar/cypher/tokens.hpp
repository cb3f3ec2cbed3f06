// Private to the Cypher parser: X3 primitive parsers for tokens (keywords,
// punctuation, names, literals) and the directives the rules use (labelled
// failures, nesting guard, detail scopes, atom memo). Each is a thin
// template over the scanning functions of lexer.hpp; each failing token
// records what it expected in the ParseState, for error messages.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "grammar/cypher/config.hpp"

namespace ergo::cypher::parser {

// Stores `value` into an X3 attribute of any type (or none).
template <typename T, typename Attribute>
void assign_to(T&& value, Attribute& attr) {
  if constexpr (!std::is_same_v<std::remove_const_t<Attribute>, x3::unused_type>) {
    x3::traits::move_to(std::forward<T>(value), attr);
  }
}

template <typename Context>
const char* skip(const char*& first, const char* last, Context const& context) {
  x3::skip_over(first, last, context);
  return first;
}

// ------------------------------------------------------------------ keywords

// A case-insensitive keyword matched as a whole word: kw("MATCH").
struct Keyword : x3::parser<Keyword> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  std::string_view word;  // upper case
  int priority;

  constexpr Keyword(std::string_view w, int p) : word(w), priority(p) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
    skip(first, last, context);
    if (lexer::match_keyword(first, last, word)) return true;
    state_of(context).expect(first, {word, ExpectKind::Keyword, priority});
    return false;
  }
};

constexpr Keyword kw(std::string_view word, int priority = 1) { return {word, priority}; }

// One of several keywords, yielding the value paired with it.
template <typename T, std::size_t N>
struct KeywordChoice : x3::parser<KeywordChoice<T, N>> {
  using attribute_type = T;
  std::array<std::pair<std::string_view, T>, N> choices;
  int priority = 1;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    skip(first, last, context);
    for (auto const& [word, value] : choices) {
      if (lexer::match_keyword(first, last, word)) {
        assign_to(T(value), attr);
        return true;
      }
    }
    for (auto const& choice : choices) state_of(context).expect(first, {choice.first, ExpectKind::Keyword, priority});
    return false;
  }
};

// ------------------------------------------------------------------ punctuation

// A punctuation token, e.g. tok("("), or tok("=", "~") for '=' not followed by '~'.
struct Token : x3::parser<Token> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  std::string_view text;
  std::string_view not_before;  // characters that must not follow
  Expectation expectation;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
    skip(first, last, context);
    if (static_cast<std::size_t>(last - first) >= text.size() && std::string_view(first, text.size()) == text &&
        !(first + text.size() < last && not_before.find(first[text.size()]) != std::string_view::npos)) {
      first += text.size();
      return true;
    }
    state_of(context).expect(first, expectation);
    return false;
  }
};

constexpr Token tok(std::string_view text, int priority = 1) {
  return Token{{}, text, {}, Expectation{text, ExpectKind::Token, priority}};
}
constexpr Token tok(std::string_view text, std::string_view not_before, int priority = 1) {
  return Token{{}, text, not_before, Expectation{text, ExpectKind::Token, priority}};
}
// A token whose absence is reported with a description: "')' to close the list".
constexpr Token closing(std::string_view text, std::string_view description) {
  return Token{{}, text, {}, Expectation{description, ExpectKind::Label, 2}};
}

// One of several punctuation tokens (longest listed first), yielding a value.
template <typename T, std::size_t N>
struct TokenChoice : x3::parser<TokenChoice<T, N>> {
  using attribute_type = T;
  std::array<std::pair<std::string_view, T>, N> choices;
  int priority = 1;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    skip(first, last, context);
    for (auto const& [text, value] : choices) {
      if (static_cast<std::size_t>(last - first) >= text.size() && std::string_view(first, text.size()) == text) {
        first += text.size();
        assign_to(T(value), attr);
        return true;
      }
    }
    for (auto const& choice : choices) state_of(context).expect(first, {choice.first, ExpectKind::Token, priority});
    return false;
  }
};

// ------------------------------------------------------------------ names

// What a name position is reported as: "a variable", "a label", ...
inline constexpr Expectation variable_expected{"a variable", ExpectKind::Label, 2};

// A variable: any name but an unquoted reserved word.
struct VariableParser : x3::parser<VariableParser> {
  using attribute_type = ast::Variable;
  Expectation expectation = variable_expected;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    const char* start = skip(first, last, context);
    const char* p = start;
    ast::Variable v;
    bool quoted = false;
    if (!lexer::scan_name(p, last, v.name, quoted) || (!quoted && lexer::is_reserved_word(v.name))) {
      state_of(context).expect(start, expectation);
      return false;
    }
    v.span = state_of(context).span(start, p);
    first = p;
    assign_to(std::move(v), attr);
    return true;
  }
};

inline constexpr VariableParser variable_name{};
// Where a variable may be left out (`()`, `-[]-`): its absence matters less.
inline constexpr VariableParser optional_variable{{}, Expectation{"a variable", ExpectKind::Label, 1}};

// `p =` before a path, checked ahead: an optional `-(name >> '=')` would
// leave the name in the attribute when the '=' is missing (X3 does not roll
// attributes back), turning `shortestPath(...)` into `shortestPath = ...`.
inline constexpr auto path_assignment = &(optional_variable >> tok("=", "~")) >> optional_variable >> tok("=");
constexpr VariableParser variable_named(std::string_view description) {
  return VariableParser{{}, Expectation{description, ExpectKind::Label, 2}};
}

// A label, relationship type or property key: any name, reserved words too.
struct SchemaNameParser : x3::parser<SchemaNameParser> {
  using attribute_type = ast::SchemaName;
  Expectation expectation;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    const char* start = skip(first, last, context);
    const char* p = start;
    ast::SchemaName n;
    bool quoted = false;
    if (!lexer::scan_name(p, last, n.name, quoted)) {
      state_of(context).expect(start, expectation);
      return false;
    }
    n.span = state_of(context).span(start, p);
    first = p;
    assign_to(std::move(n), attr);
    return true;
  }
};

constexpr SchemaNameParser schema_name(std::string_view description) {
  return SchemaNameParser{{}, Expectation{description, ExpectKind::Label, 2}};
}

// `ns.sub.name` with no spaces around the dots. For functions (`procedure`
// false) the last part may not be a reserved word (except EXISTS) and a '('
// must follow; procedure names take any words.
struct QualifiedNameParser : x3::parser<QualifiedNameParser> {
  using attribute_type = ast::QualifiedName;
  bool procedure = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    const char* start = skip(first, last, context);
    const char* p = start;
    ast::QualifiedName name;
    bool last_quoted = false;
    for (;;) {
      std::string part;
      if (!lexer::scan_name(p, last, part, last_quoted)) {
        if (procedure) state_of(context).expect(p, {"a procedure name", ExpectKind::Label, 2});
        return false;
      }
      name.parts.push_back(std::move(part));
      if (p + 1 < last && *p == '.' && (lexer::identifier_start_length(p + 1, last) > 0 || p[1] == '`')) {
        ++p;
        continue;
      }
      break;
    }
    if (!procedure) {
      const std::string& tail = name.parts.back();
      if (!last_quoted && lexer::is_reserved_word(tail) && !lexer::equals_keyword(tail, "EXISTS")) return false;
      const char* next = lexer::skip_space(p, last);
      if (next == last || *next != '(') return false;
    }
    name.span = state_of(context).span(start, p);
    first = p;
    assign_to(std::move(name), attr);
    return true;
  }
};

inline constexpr QualifiedNameParser function_name{{}, false};
inline constexpr QualifiedNameParser procedure_name{{}, true};

// ------------------------------------------------------------------ literals

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

// ------------------------------------------------------------------ directives

// After a parser that started at `start` failed: if it got no further than
// `start`, replace what it expected there by `e` (whose text says more).
inline void report_instead(ParseState& st, const char* start, const char* before_furthest, std::size_t before_size,
                           Expectation e) {
  if (st.furthest == start) {
    if (before_furthest == start) {
      st.expected.resize(std::min(before_size, st.expected.size()));
    } else {
      st.expected.clear();
    }
    st.expected.push_back(e);
  } else if (st.furthest == nullptr || start > st.furthest) {
    st.expect(start, e);
  }
}

// labelled(e)[p]: when p fails without getting past its first token, report
// "expected <e>" there instead of the tokens p tried.
template <typename Subject>
struct LabelledDirective : x3::unary_parser<Subject, LabelledDirective<Subject>> {
  using base_type = x3::unary_parser<Subject, LabelledDirective<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  Expectation expectation;

  constexpr LabelledDirective(Subject const& subject, Expectation e) : base_type(subject), expectation(e) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    ParseState& st = state_of(context);
    const char* start = lexer::skip_space(first, last);
    const char* before_furthest = st.furthest;
    std::size_t before_size = st.expected.size();
    if (this->subject.parse(first, last, context, rcontext, attr)) return true;
    report_instead(st, start, before_furthest, before_size, expectation);
    return false;
  }
};

struct LabelledGen {
  Expectation expectation;
  template <typename Subject>
  constexpr LabelledDirective<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject), expectation};
  }
};

constexpr LabelledGen labelled(std::string_view description) {
  return {Expectation{description, ExpectKind::Label, 2}};
}

// Adds `levels` to the depth, failing hard past the limit or when the stack
// is nearly used up.
inline void enter(ParseState& st, const char* at, int levels) {
  st.depth += levels;
  const char* frame = static_cast<const char*>(__builtin_frame_address(0));
  if (st.depth > ParseState::max_depth || (st.stack_floor != nullptr && frame < st.stack_floor)) {
    throw lexer::LexicalError{at, 1,
                              "the query nests too deeply here (more than " +
                                  std::to_string(ParseState::max_depth) + " levels of brackets and operators)",
                              "UnexpectedSyntax"};
  }
}

// nested[p]: one level deeper; past ParseState::max_depth it is an error.
template <typename Subject>
struct NestedDirective : x3::unary_parser<Subject, NestedDirective<Subject>> {
  using base_type = x3::unary_parser<Subject, NestedDirective<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;

  constexpr NestedDirective(Subject const& subject) : base_type(subject) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    ParseState& st = state_of(context);
    enter(st, lexer::skip_space(first, last), 1);
    struct Leave {
      ParseState& st;
      ~Leave() { --st.depth; }
    } leave{st};
    return this->subject.parse(first, last, context, rcontext, attr);
  }
};

struct NestedGen {
  template <typename Subject>
  constexpr NestedDirective<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject)};
  }
};

inline constexpr NestedGen nested{};

// detail_scope(code)[p]: failures inside p carry the openCypher detail code.
template <typename Subject>
struct DetailDirective : x3::unary_parser<Subject, DetailDirective<Subject>> {
  using base_type = x3::unary_parser<Subject, DetailDirective<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  std::string_view detail;

  constexpr DetailDirective(Subject const& subject, std::string_view d) : base_type(subject), detail(d) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    ParseState& st = state_of(context);
    std::string_view outer = st.detail;
    st.detail = detail;
    struct Restore {
      ParseState& st;
      std::string_view outer;
      ~Restore() { st.detail = outer; }
    } restore{st, outer};
    return this->subject.parse(first, last, context, rcontext, attr);
  }
};

struct DetailGen {
  std::string_view detail;
  template <typename Subject>
  constexpr DetailDirective<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject), detail};
  }
};

constexpr DetailGen detail_scope(std::string_view detail) { return {detail}; }

// memo[p]: p (an atom) parsed at most once per position.
template <typename Subject>
struct MemoDirective : x3::unary_parser<Subject, MemoDirective<Subject>> {
  using base_type = x3::unary_parser<Subject, MemoDirective<Subject>>;
  using attribute_type = ast::Expression;
  static bool const has_attribute = true;

  constexpr MemoDirective(Subject const& subject) : base_type(subject) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    ParseState& st = state_of(context);
    const char* start = skip(first, last, context);
    if (auto it = st.memo.find(start); it != st.memo.end()) {
      if (!it->second.ok) return false;
      first = it->second.end;
      assign_to(ast::Expression(it->second.value), attr);
      return true;
    }
    ast::Expression value;
    bool ok = this->subject.parse(first, last, context, rcontext, value);
    AtomMemo& memo = st.memo[start];
    memo.ok = ok;
    memo.end = first;
    if (ok) {
      memo.value = value;
      assign_to(std::move(value), attr);
    }
    return ok;
  }
};

struct MemoGen {
  template <typename Subject>
  constexpr MemoDirective<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject)};
  }
};

inline constexpr MemoGen memo{};

// ------------------------------------------------------------------ annotation

// Rule IDs derive from this to have the node's span set from the text the
// rule matched (leading spaces excluded).
struct annotate_span {
  template <typename Iterator, typename Context, typename Node>
  void on_success(Iterator const& first, Iterator const& last, Node& node, Context const& context) const {
    if constexpr (std::is_base_of_v<ast::Positioned, Node>) node.span = state_of(context).span(first, last);
  }
};

}  // namespace ergo::cypher::parser
