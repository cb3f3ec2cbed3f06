// Private to the Cypher parser: the X3 directives the rules use — labelled
// failures for messages, the nesting guard, openCypher detail scopes, the
// atom memo — and the on_success handler that sets node spans.
#pragma once

#include <algorithm>
#include <string>

#include "grammar/cypher/tokens.hpp"

namespace ergo::cypher::parser {

// After a parser that started at `start` failed: if it got no further than
// `start`, replace what it expected there by `e` (whose text says more).
inline void report_instead(ParseState& st, const char* start, const char* before_furthest, std::size_t before_size,
                           Expectation e) {
  if (!st.recording) return;
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
  static_assert(ParseState::max_depth == 1000, "the message below spells the limit");
  st.depth += levels;
  const char* frame = static_cast<const char*>(__builtin_frame_address(0));
  if (st.depth > ParseState::max_depth || (st.stack_floor != nullptr && frame < st.stack_floor)) {
    throw lexer::LexicalError{at, 1,
                              "expression nested deeper than 1,000 levels here (brackets, operators and "
                              "operator chains); split it with WITH or simplify it",
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

// memo[p]: p (an atom) parsed at most twice per position. The first parse
// only records whether it matched and where it ended (a failure is then
// known for good); the second, which only backtracking asks for, keeps a copy
// of the atom for every later request. Parses of nested atoms stay linear in
// the nesting depth, and the usual single parse copies nothing.
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
    const auto it = st.memo.find(start);
    const bool parsed_before = it != st.memo.end();
    if (parsed_before) {
      if (!it->second.ok) return false;
      if (it->second.stored) {
        first = it->second.end;
        assign_to(ast::Expression(it->second.value), attr);
        return true;
      }
    }
    ast::Expression value;
    bool ok = this->subject.parse(first, last, context, rcontext, value);
    AtomMemo& memo = st.memo[start];  // looked up again: nested atoms may have rehashed the map
    if (ok && parsed_before) {
      memo.value = value;
      memo.stored = true;
    }
    memo.ok = ok;
    memo.end = first;
    if (ok) assign_to(std::move(value), attr);
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
