// Compiles the line grammar (statement_def.hpp) once, for the iterator and
// context of config.hpp; parse_kg.cpp runs it on every line.

// GCC 12 reports boost::optional<variant> temporaries inside X3's
// alternative parser as maybe-uninitialized at -O2, a known false positive
// (GCC bug 80635); this file holds only generated parser code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "grammar/kg/statement_def.hpp"

namespace ergo::kg::parser {

BOOST_SPIRIT_INSTANTIATE(LineRule, Iterator, Context)

LineRule const& line() { return line_rule; }

}  // namespace ergo::kg::parser
