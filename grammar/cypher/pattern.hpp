// Private to the Cypher parser: the pattern grammar unit — node and
// relationship patterns, variable-length ranges, paths, named paths and
// shortestPath(), comma-separated pattern parts.
#pragma once

#include "grammar/cypher/config.hpp"

namespace ergo::cypher::parser {

struct relationships_pattern_class;
struct pattern_part_class;
struct pattern_class;
struct node_labels_class;

// A path of at least one relationship: `(a)-->(b)` (pattern predicates and comprehensions).
using relationships_pattern_type = x3::rule<relationships_pattern_class, ast::PatternElement>;
using pattern_part_type = x3::rule<pattern_part_class, ast::PatternPart>;
using pattern_type = x3::rule<pattern_class, std::vector<ast::PatternPart>>;
// `:A:B`
using node_labels_type = x3::rule<node_labels_class, std::vector<ast::SchemaName>>;

BOOST_SPIRIT_DECLARE(relationships_pattern_type, pattern_part_type, pattern_type, node_labels_type);

inline constexpr relationships_pattern_type relationships_pattern{"pattern"};
inline constexpr pattern_part_type pattern_part{"pattern"};
inline constexpr pattern_type pattern{"pattern"};
inline constexpr node_labels_type node_labels{"labels"};

}  // namespace ergo::cypher::parser
