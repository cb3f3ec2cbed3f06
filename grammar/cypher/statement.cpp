// Instantiates the statement rules (statement_def.hpp).
#include "grammar/cypher/statement_def.hpp"

namespace ergo::cypher::parser {

BOOST_SPIRIT_INSTANTIATE(statements_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(query_type, iterator_type, context_type);

}  // namespace ergo::cypher::parser
