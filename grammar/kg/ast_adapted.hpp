// Fusion adaptations of the .kg syntax tree (ast.hpp), kept apart so that
// lowering can use the structs without pulling in Fusion. Only the grammar
// definitions (*_def.hpp) include this.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/kg/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(ergo::kg::ast::Scalar, token, currency, extra)
BOOST_FUSION_ADAPT_STRUCT(ergo::kg::ast::List, elements)
BOOST_FUSION_ADAPT_STRUCT(ergo::kg::ast::Property, key, value)
BOOST_FUSION_ADAPT_STRUCT(ergo::kg::ast::Map, properties)
BOOST_FUSION_ADAPT_STRUCT(ergo::kg::ast::Directive, keyword, argument)
BOOST_FUSION_ADAPT_STRUCT(ergo::kg::ast::DeclTail, labels, aliases, properties)
BOOST_FUSION_ADAPT_STRUCT(ergo::kg::ast::FactTail, type, object, properties, line)
BOOST_FUSION_ADAPT_STRUCT(ergo::kg::ast::NameStatement, subject, tail)
