// Instantiates the pattern rules (pattern_def.hpp) for the parser's iterator and context.
#include "grammar/cypher/pattern_def.hpp"

namespace ergo::cypher::parser {

BOOST_SPIRIT_INSTANTIATE(relationships_pattern_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(pattern_part_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(pattern_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(node_labels_type, iterator_type, context_type);

}  // namespace ergo::cypher::parser
