// Instantiates the atom rules (atom_def.hpp) for the parser's iterator and context.
#include "grammar/cypher/atom_def.hpp"

namespace ergo::cypher::parser {

BOOST_SPIRIT_INSTANTIATE(atom_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(map_literal_type, iterator_type, context_type);

}  // namespace ergo::cypher::parser
