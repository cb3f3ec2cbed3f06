// Instantiates the reading and projecting clause rules (reading_clause_def.hpp).
#include "grammar/cypher/reading_clause_def.hpp"

namespace ergo::cypher::parser {

BOOST_SPIRIT_INSTANTIATE(match_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(unwind_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(call_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(call_subquery_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(load_csv_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(with_clause_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(return_clause_type, iterator_type, context_type);

}  // namespace ergo::cypher::parser
