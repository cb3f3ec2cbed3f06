// Private to the Cypher parser: Boost.Fusion adaptations of the AST structs
// whose fields X3 fills in order, kept apart from ast.hpp so the AST stays
// plain; and the traits that let X3 fill std::optional fields.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3/support/traits/optional_traits.hpp>

#include <optional>

#include "grammar/cypher/ast.hpp"

namespace boost::spirit::x3::traits {

template <typename T>
struct is_optional<std::optional<T>> : mpl::true_ {};

template <typename T>
struct optional_value<std::optional<T>> : mpl::identity<T> {};

}  // namespace boost::spirit::x3::traits

BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::ListLiteral, items)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::MapEntry, key, value)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::MapLiteral, entries)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::FunctionCall, name, distinct, arguments)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::CaseAlternative, when, then)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Case, subject, alternatives, otherwise)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::ListComprehension, variable, list, where, projection)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Quantifier, kind, variable, list, where)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Subquery, pattern)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::PatternComprehension, path_variable, pattern, where, projection)

BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::NodePattern, variable, labels, properties)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::PatternLink, relationship, node)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::PatternElement, start, links)

BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Match, optional, pattern, where)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Unwind, list, variable)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::ProjectionItem, expression, alias)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::SortItem, expression, direction)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::With, projection, where)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Return, projection)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Create, pattern)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Set, items)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Remove, items)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::RemoveProperty, target)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::SetProperty, target, value)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::SetProperties, variable, op, value)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::SetLabels, variable, labels)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::MergeAction, trigger, items)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Merge, pattern, actions)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Delete, detach, targets)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::RemoveLabels, variable, labels)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::YieldItem, field, alias)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Foreach, variable, list, clauses)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::LoadCsv, headers, source, variable, field_terminator)

BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::SingleQuery, clauses)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::UnionPart, all, query)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Query, first, unions)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::ast::Statement, mode, query)
