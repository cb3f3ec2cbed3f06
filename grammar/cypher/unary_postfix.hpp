// Private to the Cypher parser: the non-binary parts of expressions —
// prefix NOT and signs (PrefixParser, which folds a minus into a number
// literal) and postfix property, subscript, slice and label access after an
// atom (PostfixParser); both loop rather than recurse.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "grammar/cypher/directives.hpp"
#include "grammar/cypher/expression.hpp"
#include "grammar/cypher/literals.hpp"

namespace ergo::cypher::parser {

// After an atom: `.key`, `[index]`, `[from..to]`, then optionally `:Label:Other`.
template <typename Context, typename RContext>
void parse_postfix_tail(const char*& first, const char* last, Context const& context, RContext& rcontext,
                        ast::Expression& tree, const char* start) {
  ParseState& st = state_of(context);
  int depth_added = 0;
  auto grow = [&](const char* at) {
    enter(st, at, 1);
    ++depth_added;
  };
  constexpr auto key_parser = schema_name("a property key after '.'");
  constexpr auto label_parser = schema_name("a label after ':'");
  for (;;) {
    const char* save = first;
    const char* at = skip(first, last, context);
    if (at < last && *at == '.' && !(at + 1 < last && at[1] == '.')) {
      first = at + 1;
      ast::PropertyAccess node;
      if (!key_parser.parse(first, last, context, rcontext, node.key)) {
        first = save;
        break;
      }
      grow(at);
      node.subject = std::move(tree);
      node.span = st.span(start, first);
      tree = std::move(node);
      continue;
    }
    if (at < last && *at == '[') {
      first = at + 1;
      std::optional<ast::Expression> from;
      const char* from_start = lexer::skip_space(first, last);
      bool is_slice = false;
      const char* before_furthest = st.furthest;
      std::size_t before_size = st.expected.size();
      if (!(from_start + 1 < last && from_start[0] == '.' && from_start[1] == '.')) {
        ast::Expression e;
        if (expression.parse(first, last, context, rcontext, e)) from = std::move(e);
      }
      const char* dots = lexer::skip_space(first, last);
      std::optional<ast::Expression> to;
      if (dots + 1 < last && dots[0] == '.' && dots[1] == '.') {
        is_slice = true;
        first = dots + 2;
        ast::Expression e;
        if (expression.parse(first, last, context, rcontext, e)) to = std::move(e);
      } else if (!from) {
        report_instead(st, from_start, before_furthest, before_size,
                       {"an index or a slice after '['", ExpectKind::Label, 2});
        first = save;
        break;
      } else {
        st.expect(dots, {"..", ExpectKind::Token, 1});
      }
      const char* close = lexer::skip_space(first, last);
      if (close == last || *close != ']') {
        st.expect(close, {"']' to close the subscript", ExpectKind::Label, 2});
        first = save;
        break;
      }
      first = close + 1;
      grow(at);
      if (is_slice) {
        ast::Slice node;
        node.subject = std::move(tree);
        node.from = std::move(from);
        node.to = std::move(to);
        node.span = st.span(start, first);
        tree = std::move(node);
      } else {
        ast::Subscript node;
        node.subject = std::move(tree);
        node.index = std::move(*from);
        node.span = st.span(start, first);
        tree = std::move(node);
      }
      continue;
    }
    if (at < last && *at == ':') {
      ast::LabelTest node;
      for (;;) {
        const char* colon = skip(first, last, context);
        if (colon == last || *colon != ':') break;
        const char* after = colon + 1;
        ast::SchemaName label;
        if (!label_parser.parse(after, last, context, rcontext, label)) break;
        node.labels.push_back(std::move(label));
        first = after;
      }
      if (node.labels.empty()) {
        first = save;
        break;
      }
      grow(at);
      node.subject = std::move(tree);
      node.span = st.span(start, first);
      tree = std::move(node);
      break;  // labels end the chain
    }
    first = save;
    break;
  }
  st.depth -= depth_added;
}

template <typename Atom>
struct PostfixParser : x3::parser<PostfixParser<Atom>> {
  using attribute_type = ast::Expression;
  Atom atom_parser;

  constexpr PostfixParser(Atom a) : atom_parser(a) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    const char* start = skip(first, last, context);
    ast::Expression tree;
    if (!atom_parser.parse(first, last, context, rcontext, tree)) return false;
    parse_postfix_tail(first, last, context, rcontext, tree, start);
    assign_to(std::move(tree), attr);
    return true;
  }
};

// ------------------------------------------------------------------ prefix

// NOT* operand, or (+|-)* operand; a '-' right before a number literal is
// folded into it.
template <typename Operand, bool Signs>
struct PrefixParser : x3::parser<PrefixParser<Operand, Signs>> {
  using attribute_type = ast::Expression;
  Operand operand;

  constexpr PrefixParser(Operand o) : operand(o) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    ParseState& st = state_of(context);
    const char* start = skip(first, last, context);
    std::vector<std::pair<const char*, ast::UnaryOp>> ops;
    for (;;) {
      const char* at = skip(first, last, context);
      if constexpr (Signs) {
        if (at < last && (*at == '+' || *at == '-')) {
          ops.emplace_back(at, *at == '+' ? ast::UnaryOp::Plus : ast::UnaryOp::Minus);
          ++first;
          continue;
        }
      } else {
        if (lexer::match_keyword(first, last, "NOT")) {
          ops.emplace_back(at, ast::UnaryOp::Not);
          continue;
        }
      }
      break;
    }
    const char* operand_start = skip(first, last, context);
    ast::Expression tree;
    if (!ops.empty()) enter(st, ops.front().first, static_cast<int>(ops.size()));
    struct Leave {
      ParseState& st;
      int levels;
      ~Leave() { st.depth -= levels; }
    } leave{st, static_cast<int>(ops.size())};
    bool ok = false;
    if (Signs && !ops.empty() && ops.back().second == ast::UnaryOp::Minus &&
        lexer::starts_number(operand_start, last)) {
      lexer::Number number;
      const char* p = operand_start;
      const char* minus = ops.back().first;
      try {
        lexer::scan_number(p, last, true, false, number);
      } catch (lexer::LexicalError& e) {
        if (e.detail == "IntegerOverflow") {  // underline the sign too
          e.length += static_cast<std::size_t>(e.at - minus);
          e.at = minus;
        }
        throw;
      }
      ops.pop_back();
      first = p;
      tree = NumberParser::make_number(number, st.span(minus, p));
      parse_postfix_tail(first, last, context, rcontext, tree, minus);
      ok = true;
    } else {
      const char* before_furthest = st.furthest;
      std::size_t before_size = st.expected.size();
      ok = operand.parse(first, last, context, rcontext, tree);
      if (!ok && !ops.empty()) {
        std::string_view what = !Signs                                   ? "an expression after 'NOT'"
                                : ops.back().second == ast::UnaryOp::Plus ? "an expression after '+'"
                                                                          : "an expression after '-'";
        report_instead(st, operand_start, before_furthest, before_size, {what, ExpectKind::Label, 2});
      }
    }
    if (!ok) {
      first = start;
      return false;
    }
    for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
      ast::Unary node;
      node.op = it->second;
      node.operand = std::move(tree);
      node.span = st.span(it->first, first);
      tree = std::move(node);
    }
    assign_to(std::move(tree), attr);
    return true;
  }
};

template <bool Signs, typename Operand>
constexpr PrefixParser<Operand, Signs> prefix(Operand operand) {
  return {operand};
}

}  // namespace ergo::cypher::parser
