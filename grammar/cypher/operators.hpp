// Private to the Cypher parser: the binary precedence levels of expressions
// (OR ... ^), each a table of operators and a way to join a link to the tree,
// and ChainParser, the iterative loop that parses one level: a 10,000-term
// OR neither recurses nor nests the tree.
#pragma once

#include <optional>
#include <string_view>
#include <type_traits>

#include "grammar/cypher/directives.hpp"

namespace ergo::cypher::parser {

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
                  ParseState& st) {
    // The binder folds the links left-deep, one level each: count them, so a
    // 50,000-term sum is a depth error here, not a stack overflow later.
    enter(st, st.begin + span.begin, 1);
    if (first_link) {
      ast::Arithmetic node;
      node.first = std::move(tree);
      tree = std::move(node);
    }
    auto& node = boost::get<x3::forward_ast<ast::Arithmetic>>(tree.get()).get();
    node.links.push_back({op, std::move(rhs)});
    node.span = span;
  }
  static constexpr bool nests = true;
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
      // No operator starts with these, and an expression usually ends at
      // one: skip trying every operator of every level there. (The
      // operators' expectations are lowest in priority, so an error message
      // at such a spot never shows them.)
      if (first == last || *first == ',' || *first == ')' || *first == '}' || *first == ']' || *first == ';') {
        first = save;
        break;
      }
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

}  // namespace ergo::cypher::parser
