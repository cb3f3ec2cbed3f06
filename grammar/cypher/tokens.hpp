// Private to the Cypher parser: X3 primitive parsers for keywords,
// punctuation and names (literals.hpp has the literals, directives.hpp the
// directives). Each is a thin template over the scanning functions of
// lexer.hpp; each failing token records what it expected, for messages.
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

// Reads a variable's name at `p` (moving it past the name): any name but an
// unquoted reserved word. `quoted` says whether it was in backticks.
inline bool scan_variable(const char*& p, const char* last, std::string& name, bool& quoted) {
  return lexer::scan_name(p, last, name, quoted) && (quoted || !lexer::is_reserved_word(name));
}

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
    if (!scan_variable(p, last, v.name, quoted)) {
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

}  // namespace ergo::cypher::parser
