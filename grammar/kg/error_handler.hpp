// The grammar's handlers and the messages its rules are named with. A rule's
// name is the full message for when that rule was expected and is missing;
// on_error handlers turn an expectation failure into the ParseState's error
// (or into a clearer one: "unterminated map" instead of "expected '}'").
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "grammar/kg/ast.hpp"
#include "grammar/kg/config.hpp"

namespace ergo::kg::parser {

namespace messages {
inline constexpr const char* end_of_statement = "the end of the statement";
inline constexpr const char* unterminated_double = "unterminated string: missing closing '\"'";
inline constexpr const char* unterminated_single = "unterminated string: missing closing \"'\"";
inline constexpr const char* list_start = "expected a value or ']' after '['";
inline constexpr const char* list_close = "expected ',' or ']' after the list element";
inline constexpr const char* unterminated_list = "unterminated list: missing closing ']'";
inline constexpr const char* map_start = "expected a property key or '}' after '{'";
inline constexpr const char* map_close = "expected ',' or '}' after the property";
inline constexpr const char* unterminated_map = "unterminated map: missing closing '}'";
// Keep in step with max_nesting (config.hpp).
inline constexpr const char* too_deep = "lists and maps nest too deeply (at most 64 levels)";
}  // namespace messages

inline Iterator skip_blanks(Iterator it, Iterator last) {
  while (it != last && detail::is_blank(*it)) ++it;
  return it;
}

// Sets the byte offsets of every syntax-tree node that has them.
struct Annotate {
  template <typename It, typename Attr, typename Ctx>
  void on_success(It const& first, It const& last, Attr& attr, Ctx const& ctx) const {
    if constexpr (std::is_base_of_v<ast::Located, Attr>) {
      const char* base = x3::get<ParseStateTag>(ctx).text_begin;
      attr.begin = static_cast<std::uint32_t>(first - base);
      attr.end = static_cast<std::uint32_t>(last - base);
    }
  }
};

// For a list or map rule: a missing closing bracket at the end of the line
// becomes "unterminated ..." pointing at the opening bracket.
// Brackets names the two expectations that can fail there and the message.
template <typename Brackets>
struct UnterminatedHandler {
  template <typename It, typename Exc, typename Ctx>
  x3::error_handler_result on_error(It& first, It const& last, Exc const& x, Ctx const&) const {
    It where = skip_blanks(x.where(), last);
    bool at_end = where == last || *where == '#';
    if (at_end && (x.which() == Brackets::start || x.which() == Brackets::close)) {
      throw x3::expectation_failure<It>(skip_blanks(first, last), Brackets::unterminated);
    }
    return x3::error_handler_result::rethrow;
  }
};

struct ListBrackets {
  static constexpr const char* start = messages::list_start;
  static constexpr const char* close = messages::list_close;
  static constexpr const char* unterminated = messages::unterminated_list;
};

struct MapBrackets {
  static constexpr const char* start = messages::map_start;
  static constexpr const char* close = messages::map_close;
  static constexpr const char* unterminated = messages::unterminated_map;
};

// For the quoted-string rule: the body takes the rest of the line, so a
// missing closing quote always fails at its end; point at the opening quote.
struct UnterminatedStringHandler {
  template <typename It, typename Exc, typename Ctx>
  x3::error_handler_result on_error(It& first, It const& last, Exc const& x, Ctx const&) const {
    if (x.which() == messages::unterminated_double || x.which() == messages::unterminated_single) {
      throw x3::expectation_failure<It>(skip_blanks(first, last), x.which());
    }
    return x3::error_handler_result::rethrow;
  }
};

// For the line rule: records the first error and fails the line.
struct LineErrorHandler {
  template <typename It, typename Exc, typename Ctx>
  x3::error_handler_result on_error(It& first, It const& last, Exc const& x, Ctx const& ctx) const {
    ParseState& state = x3::get<ParseStateTag>(ctx);
    if (!state.error) {
      It where = skip_blanks(x.where(), last);
      std::string_view rest(where, static_cast<std::size_t>(last - where));
      std::size_t length = detail::token_length(rest);
      std::string message = x.which();
      if (message == messages::end_of_statement) {
        It before = where;
        while (before != first && detail::is_blank(*(before - 1))) --before;
        bool after_bare_word =
            before != where && before != first && detail::is_word_char(*(before - 1));
        message = detail::unexpected_token_message(rest.substr(0, length), after_bare_word);
      }
      state.error = detail::LineError{static_cast<std::uint32_t>(where - state.text_begin),
                                      static_cast<std::uint32_t>(length), std::move(message)};
    }
    return x3::error_handler_result::fail;
  }
};

}  // namespace ergo::kg::parser
