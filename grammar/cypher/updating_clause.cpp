// Instantiates the updating clause rules (updating_clause_def.hpp).
#include "grammar/cypher/updating_clause_def.hpp"

namespace ergo::cypher::parser {

BOOST_SPIRIT_INSTANTIATE(create_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(merge_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(set_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(delete_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(remove_clause_type, iterator_type, context_type);

}  // namespace ergo::cypher::parser
