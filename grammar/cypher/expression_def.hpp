// Private to the Cypher parser: definitions of the expression rules. Each
// binary precedence level is a ChainParser (an iterative loop, so a 10,000
// term OR neither recurses nor nests the tree); NOT and unary signs are
// PrefixParsers; postfix access is a loop over the atom. Precedence, lowest
// first: OR, XOR, AND, NOT, comparison, string/list/null predicates, + -,
// * / %, ^, unary + -, postfix.
#pragma once

#include <optional>
#include <vector>

#include "grammar/cypher/ast_adapted.hpp"
#include "grammar/cypher/atom.hpp"
#include "grammar/cypher/expression.hpp"
#include "grammar/cypher/tokens.hpp"

namespace ergo::cypher::parser {

// ------------------------------------------------------------------ levels

// A level says which operators it has (match), what must follow each
// (operand_expected), and how a link joins the tree built so far (add).

template <ast::LogicalOp Op>
struct LogicalLevel {
  using OpType = ast::LogicalOp;
  static constexpr std::string_view word = Op == ast::LogicalOp::Or ? "OR" : Op == ast::LogicalOp::Xor ? "XOR" : "AND";
  static constexpr std::string_view after = Op == ast::LogicalOp::Or    ? "an expression after 'OR'"
                                            : Op == ast::LogicalOp::Xor ? "an expression after 'XOR'"
                                                                        : "an expression after 'AND'";

  static std::optional<OpType> match(const char*& p, const char* end, ParseState& st) {
    if (lexer::match_keyword(p, end, word)) return Op;
    st.expect(p, {word, ExpectKind::Keyword, 0});
    return std::nullopt;
  }
  static bool has_operand(OpType) { return true; }
  static std::string_view operand_expected(OpType) { return after; }
  static void add(ast::Expression& tree, OpType op, ast::Expression&& rhs, ast::Span span, bool first_link,
                  ParseState&) {
    if (first_link) {
      ast::Logical node;
      node.op = op;
      node.operands.push_back(std::move(tree));
      tree = std::move(node);
    }
    auto& node = boost::get<x3::forward_ast<ast::Logical>>(tree.get()).get();
    node.operands.push_back(std::move(rhs));
    node.span = span;
  }
};

struct ComparisonLevel {
  using OpType = ast::ComparisonOp;
  static std::optional<OpType> match(const char*& p, const char* end, ParseState& st) {
    auto at = [&](std::string_view t) {
      return static_cast<std::size_t>(end - p) >= t.size() && std::string_view(p, t.size()) == t;
    };
    if (at("<>")) return p += 2, ast::ComparisonOp::NotEqual;
    if (at("<=")) return p += 2, ast::ComparisonOp::LessEqual;
    if (at(">=")) return p += 2, ast::ComparisonOp::GreaterEqual;
    if (at("=~")) return std::nullopt;  // a regular expression match, one level up
    if (at("=")) return p += 1, ast::ComparisonOp::Equal;
    if (at("<")) return p += 1, ast::ComparisonOp::Less;
    if (at(">")) return p += 1, ast::ComparisonOp::Greater;
    for (std::string_view t : {"=", "<>", "<", ">", "<=", ">="}) st.expect(p, {t, ExpectKind::Token, 0});
    return std::nullopt;
  }
  static bool has_operand(OpType) { return true; }
  static std::string_view operand_expected(OpType op) {
    switch (op) {
      case ast::ComparisonOp::Equal: return "an expression after '='";
      case ast::ComparisonOp::NotEqual: return "an expression after '<>'";
      case ast::ComparisonOp::Less: return "an expression after '<'";
      case ast::ComparisonOp::Greater: return "an expression after '>'";
      case ast::ComparisonOp::LessEqual: return "an expression after '<='";
      case ast::ComparisonOp::GreaterEqual: return "an expression after '>='";
    }
    return "an expression";
  }
  static void add(ast::Expression& tree, OpType op, ast::Expression&& rhs, ast::Span span, bool first_link,
                  ParseState&) {
    if (first_link) {
      ast::Comparison node;
      node.first = std::move(tree);
      tree = std::move(node);
    }
    auto& node = boost::get<x3::forward_ast<ast::Comparison>>(tree.get()).get();
    node.links.push_back({op, std::move(rhs)});
    node.span = span;
  }
};

// STARTS WITH, ENDS WITH, CONTAINS, IN, =~, IS [NOT] NULL: left-nested
// nodes, each a level of depth.
struct PredicateLevel {
  enum class OpType { StartsWith, EndsWith, Contains, In, RegexMatch, IsNull, IsNotNull };
  static std::optional<OpType> match(const char*& p, const char* end, ParseState& st) {
    const char* q = p;
    auto word = [&](std::string_view w) {
      const char* r = lexer::skip_space(q, end);
      if (!lexer::match_keyword(r, end, w)) return false;
      q = r;
      return true;
    };
    for (auto [first_word, op] : {std::pair{"STARTS", OpType::StartsWith}, std::pair{"ENDS", OpType::EndsWith}}) {
      q = p;
      if (!word(first_word)) continue;
      if (word("WITH")) return p = q, op;
      st.expect(lexer::skip_space(q, end), {"WITH", ExpectKind::Keyword, 2});
      return std::nullopt;
    }
    q = p;
    if (word("CONTAINS")) return p = q, OpType::Contains;
    if (word("IN")) return p = q, OpType::In;
    if (word("IS")) {
      if (word("NULL")) return p = q, OpType::IsNull;
      if (word("NOT") && word("NULL")) return p = q, OpType::IsNotNull;
      st.expect(lexer::skip_space(q, end), {"NULL", ExpectKind::Keyword, 2});
      st.expect(lexer::skip_space(q, end), {"NOT NULL", ExpectKind::Keyword, 2});
      return std::nullopt;
    }
    if (static_cast<std::size_t>(end - p) >= 2 && p[0] == '=' && p[1] == '~') return p += 2, OpType::RegexMatch;
    for (std::string_view w : {"STARTS WITH", "ENDS WITH", "CONTAINS", "IN", "IS"})
      st.expect(p, {w, ExpectKind::Keyword, 0});
    st.expect(p, {"=~", ExpectKind::Token, 0});
    return std::nullopt;
  }
  static bool has_operand(OpType op) { return op != OpType::IsNull && op != OpType::IsNotNull; }
  static std::string_view operand_expected(OpType op) {
    switch (op) {
      case OpType::StartsWith: return "an expression after 'STARTS WITH'";
      case OpType::EndsWith: return "an expression after 'ENDS WITH'";
      case OpType::Contains: return "an expression after 'CONTAINS'";
      case OpType::In: return "an expression after 'IN'";
      case OpType::RegexMatch: return "an expression after '=~'";
      default: return "an expression";
    }
  }
  static void add(ast::Expression& tree, OpType op, ast::Expression&& rhs, ast::Span span, bool,
                  ParseState& st) {
    enter(st, st.begin + span.begin, 1);
    if (op == OpType::IsNull || op == OpType::IsNotNull) {
      ast::Unary node;
      node.op = op == OpType::IsNull ? ast::UnaryOp::IsNull : ast::UnaryOp::IsNotNull;
      node.operand = std::move(tree);
      node.span = span;
      tree = std::move(node);
      return;
    }
    ast::StringListPredicate node;
    switch (op) {
      case OpType::StartsWith: node.op = ast::StringListOp::StartsWith; break;
      case OpType::EndsWith: node.op = ast::StringListOp::EndsWith; break;
      case OpType::Contains: node.op = ast::StringListOp::Contains; break;
      case OpType::In: node.op = ast::StringListOp::In; break;
      default: node.op = ast::StringListOp::RegexMatch; break;
    }
    node.lhs = std::move(tree);
    node.rhs = std::move(rhs);
    node.span = span;
    tree = std::move(node);
  }
  static constexpr bool nests = true;
};

// + - / * / % / ^ : runs of one level in one Arithmetic node.
template <char... Ops>
struct ArithmeticLevel {
  using OpType = ast::ArithmeticOp;
  static ast::ArithmeticOp op_of(char c) {
    switch (c) {
      case '+': return ast::ArithmeticOp::Add;
      case '-': return ast::ArithmeticOp::Subtract;
      case '*': return ast::ArithmeticOp::Multiply;
      case '/': return ast::ArithmeticOp::Divide;
      case '%': return ast::ArithmeticOp::Modulo;
      default: return ast::ArithmeticOp::Power;
    }
  }
  static std::optional<OpType> match(const char*& p, const char* end, ParseState& st) {
    if (p < end) {
      for (char c : {Ops...}) {
        // `+=` belongs to SET; `//` and `/*` start comments (an unterminated one
        // is left in place by the skipper, to be reported as such).
        if (*p != c) continue;
        if (c == '+' && p + 1 < end && p[1] == '=') continue;
        if (c == '/' && p + 1 < end && (p[1] == '*' || p[1] == '/')) continue;
        return ++p, op_of(c);
      }
    }
    static constexpr char spellings[][2] = {{Ops, 0}...};
    for (auto const& s : spellings) st.expect(p, {std::string_view(s, 1), ExpectKind::Token, 0});
    return std::nullopt;
  }
  static bool has_operand(OpType) { return true; }
  static std::string_view operand_expected(OpType op) {
    switch (op) {
      case ast::ArithmeticOp::Add: return "an expression after '+'";
      case ast::ArithmeticOp::Subtract: return "an expression after '-'";
      case ast::ArithmeticOp::Multiply: return "an expression after '*'";
      case ast::ArithmeticOp::Divide: return "an expression after '/'";
      case ast::ArithmeticOp::Modulo: return "an expression after '%'";
      case ast::ArithmeticOp::Power: return "an expression after '^'";
    }
    return "an expression";
  }
  static void add(ast::Expression& tree, OpType op, ast::Expression&& rhs, ast::Span span, bool first_link,
                  ParseState&) {
    if (first_link) {
      ast::Arithmetic node;
      node.first = std::move(tree);
      tree = std::move(node);
    }
    auto& node = boost::get<x3::forward_ast<ast::Arithmetic>>(tree.get()).get();
    node.links.push_back({op, std::move(rhs)});
    node.span = span;
  }
};

template <typename Level, typename = void>
struct level_nests : std::false_type {};
template <typename Level>
struct level_nests<Level, std::void_t<decltype(Level::nests)>> : std::true_type {};

// operand (op operand)*, folded by Level::add as it goes.
template <typename Operand, typename Level>
struct ChainParser : x3::parser<ChainParser<Operand, Level>> {
  using attribute_type = ast::Expression;
  Operand operand;

  constexpr ChainParser(Operand o) : operand(o) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    ParseState& st = state_of(context);
    const char* start = skip(first, last, context);
    ast::Expression tree;
    if (!operand.parse(first, last, context, rcontext, tree)) return false;
    int depth_added = 0;
    for (bool first_link = true;; first_link = false) {
      const char* save = first;
      skip(first, last, context);
      std::optional<typename Level::OpType> op = Level::match(first, last, st);
      if (!op) {
        first = save;
        break;
      }
      ast::Expression rhs;
      if (Level::has_operand(*op)) {
        const char* rhs_start = lexer::skip_space(first, last);
        const char* before_furthest = st.furthest;
        std::size_t before_size = st.expected.size();
        if (!operand.parse(first, last, context, rcontext, rhs)) {
          report_instead(st, rhs_start, before_furthest, before_size,
                         {Level::operand_expected(*op), ExpectKind::Label, 2});
          first = save;
          break;
        }
      }
      Level::add(tree, *op, std::move(rhs), st.span(start, first), first_link, st);
      if constexpr (level_nests<Level>::value) ++depth_added;
    }
    st.depth -= depth_added;
    assign_to(std::move(tree), attr);
    return true;
  }
};

template <typename Level, typename Operand>
constexpr ChainParser<Operand, Level> chain(Operand operand) {
  return {operand};
}

// ------------------------------------------------------------------ postfix

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

// ------------------------------------------------------------------ rules

struct or_expression_class;
struct xor_expression_class;
struct and_expression_class;
struct not_expression_class;
struct comparison_expression_class;
struct predicate_expression_class;
struct additive_expression_class;
struct multiplicative_expression_class;
struct power_expression_class;
struct unary_expression_class;

inline constexpr x3::rule<or_expression_class, ast::Expression> or_expression{"expression"};
inline constexpr x3::rule<xor_expression_class, ast::Expression> xor_expression{"expression"};
inline constexpr x3::rule<and_expression_class, ast::Expression> and_expression{"expression"};
inline constexpr x3::rule<not_expression_class, ast::Expression> not_expression{"expression"};
inline constexpr x3::rule<comparison_expression_class, ast::Expression> comparison_expression{"expression"};
inline constexpr x3::rule<predicate_expression_class, ast::Expression> predicate_expression{"expression"};
inline constexpr x3::rule<additive_expression_class, ast::Expression> additive_expression{"expression"};
inline constexpr x3::rule<multiplicative_expression_class, ast::Expression> multiplicative_expression{
    "expression"};
inline constexpr x3::rule<power_expression_class, ast::Expression> power_expression{"expression"};
inline constexpr x3::rule<unary_expression_class, ast::Expression> unary_expression{"expression"};

inline constexpr auto expression_def = nested[or_expression];
inline constexpr auto or_expression_def = chain<LogicalLevel<ast::LogicalOp::Or>>(xor_expression);
inline constexpr auto xor_expression_def = chain<LogicalLevel<ast::LogicalOp::Xor>>(and_expression);
inline constexpr auto and_expression_def = chain<LogicalLevel<ast::LogicalOp::And>>(not_expression);
inline constexpr auto not_expression_def = prefix<false>(comparison_expression);
inline constexpr auto comparison_expression_def = chain<ComparisonLevel>(predicate_expression);
inline constexpr auto predicate_expression_def = chain<PredicateLevel>(additive_expression);
inline constexpr auto additive_expression_def = chain<ArithmeticLevel<'+', '-'>>(multiplicative_expression);
inline constexpr auto multiplicative_expression_def = chain<ArithmeticLevel<'*', '/', '%'>>(power_expression);
inline constexpr auto power_expression_def = chain<ArithmeticLevel<'^'>>(unary_expression);
inline constexpr auto unary_expression_def = prefix<true>(postfix_expression);
inline constexpr auto postfix_expression_def = PostfixParser<atom_type>(atom);

BOOST_SPIRIT_DEFINE(expression, or_expression, xor_expression, and_expression, not_expression,
                    comparison_expression, predicate_expression, additive_expression, multiplicative_expression,
                    power_expression, unary_expression, postfix_expression)

}  // namespace ergo::cypher::parser
