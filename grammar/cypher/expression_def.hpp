// Private to the Cypher parser: definitions of the expression rules, one per
// precedence level, lowest first: OR, XOR, AND, NOT, comparison,
// string/list/null predicates, + -, * / %, ^, unary + -, postfix. The
// parsers they are made of are in operators.hpp and unary_postfix.hpp.
#pragma once

#include "grammar/cypher/atom.hpp"
#include "grammar/cypher/expression.hpp"
#include "grammar/cypher/operators.hpp"
#include "grammar/cypher/simple_expression.hpp"
#include "grammar/cypher/unary_postfix.hpp"

namespace ergo::cypher::parser {

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

inline constexpr auto expression_def = nested[simple_expression | or_expression];
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
