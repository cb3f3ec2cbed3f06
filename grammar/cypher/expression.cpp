// Instantiates the expression rules (expression_def.hpp) for the parser's
// iterator and context.
#include "grammar/cypher/expression_def.hpp"

namespace ergo::cypher::parser {

BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type);
BOOST_SPIRIT_INSTANTIATE(postfix_expression_type, iterator_type, context_type);

}  // namespace ergo::cypher::parser
