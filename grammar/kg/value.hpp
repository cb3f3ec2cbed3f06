// The value grammar of .kg: tokens (bare words, quoted strings), names, and
// property maps with their nested lists and maps. The statement grammar uses
// the rules declared here; value.cpp compiles them once for config.hpp's types.
#pragma once

#include "grammar/kg/ast.hpp"
#include "grammar/kg/config.hpp"

namespace ergo::kg::parser {

struct WordClass;
struct NameClass;
struct MapClass;

using WordRule = x3::rule<WordClass, ast::Word>;
using NameRule = x3::rule<NameClass, ast::Name>;
using MapRule = x3::rule<MapClass, ast::Map>;

BOOST_SPIRIT_DECLARE(WordRule, NameRule, MapRule)

// A run of bare-name characters.
WordRule const& word();
// A bare or quoted name.
NameRule const& name();
// `{key: value, ...}`
MapRule const& map();

}  // namespace ergo::kg::parser
