// Compiles the value grammar (value_def.hpp) once, for the iterator and
// context of config.hpp; the statement grammar links against these.
#include "grammar/kg/value_def.hpp"

namespace ergo::kg::parser {

BOOST_SPIRIT_INSTANTIATE(WordRule, Iterator, Context)
BOOST_SPIRIT_INSTANTIATE(NameRule, Iterator, Context)
BOOST_SPIRIT_INSTANTIATE(MapRule, Iterator, Context)

WordRule const& word() { return word_rule; }
NameRule const& name() { return name_rule; }
MapRule const& map() { return map_rule; }

}  // namespace ergo::kg::parser
