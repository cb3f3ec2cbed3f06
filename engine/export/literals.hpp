// Values as text in the exported formats: the one place that knows how a
// float, a string or a date is written so that each format's reader gets
// back exactly the value that was written.
#pragma once

#include <string>
#include <string_view>

#include "ergo/value.hpp"

namespace ergo::dump {

// The shortest text that reads back as exactly `d` (std::to_chars), always
// with a '.' or an exponent so no reader takes it for an integer, and the
// exponent without '+' (openCypher's grammar has none): 1.0, 0.1, 1e-300.
// Finite values only.
std::string float_text(double d);

// An ASCII letter or '_', then letters, digits or '_': what .kg takes as a
// label, type or key, and Cypher without backquotes.
bool is_identifier(std::string_view s);

// "text" in a .kg file: \" \\ \n \t escaped, other control characters as
// \uXXXX.
std::string kg_string(std::string_view s);

// 'text' in Cypher: \' \\ \n \r \t escaped, other control characters as
// \uXXXX (Neo4j, Memgraph and ergo all read these).
std::string cypher_string(std::string_view s);

// A name in Cypher: as it is when an identifier, else in backquotes.
std::string cypher_name(std::string_view s);

// Cypher literal notation for a property value (null, boolean, integer,
// float, string, date, list, map): 42, 1.5, 'x', date('2024-01-31'), [..],
// {k: v}. Integers and floats that have no literal are written as
// expressions (-9223372036854775807 - 1, 0.0 / 0.0, 1.0 / 0.0).
std::string cypher_value(const Value& v);

}  // namespace ergo::dump
