// Cypher's four notions of sameness and order (openCypher CIP2016-06-14):
// equality (`=`, `<>`, IN), comparability (`<`, `<=`, `>`, `>=`), the total
// orderability used by ORDER BY, min and max, and equivalence (with a
// matching hash) used by DISTINCT, grouping keys and aggregate DISTINCT.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "engine/eval/ternary.hpp"
#include "ergo/value.hpp"

namespace ergo::eval {

// ---- equality and comparability (comparison.cpp)

// Cypher `=`. Unknown when either side is null. Numbers compare by value
// across INTEGER and FLOAT (1 = 1.0); NaN equals nothing, itself included.
// Lists: false when the sizes differ, else the AND of the element equalities
// ([1, 2] = [1, null] is unknown, [1, 2] = [3, null] is false). Maps: false
// when the key sets differ, else the AND of the value equalities. Nodes and
// relationships by id, paths by their node and relationship sequences. Values
// of different types are unequal (false).
Ternary equals(const Value& a, const Value& b);

// Cypher `<>`: NOT (a = b); so NaN <> x is true.
Ternary not_equals(const Value& a, const Value& b);

// Cypher `<`, `<=`, `>`, `>=`. Unknown when the values are incomparable:
// either is null, or they have different types (INTEGER and FLOAT mix
// freely). Any comparison with NaN is false. Strings compare by code point,
// booleans false < true, temporal values of one type by their reading (zoned
// ones by their instant; durations do not compare), lists lexicographically with element
// comparability (a shorter prefix is less; an incomparable pair decides
// unknown: [1, 2] >= [1, null] is unknown, [1, 2] >= [3, null] is false).
// Maps, nodes, relationships and paths are comparable among their own kind
// as the CIP allows (maps by size, keys, then values, and unknown when either
// holds a null; nodes and relationships by id; paths as the list of their
// alternating nodes and relationships).
Ternary less(const Value& a, const Value& b);
Ternary less_equal(const Value& a, const Value& b);
Ternary greater(const Value& a, const Value& b);
Ternary greater_equal(const Value& a, const Value& b);

// The comparability above as a three-way result: negative, zero or positive;
// nullopt when incomparable. NaN is reported as incomparable (nullopt) here,
// although the operators must answer false, not unknown, for it: prefer the
// four functions above for `<`, `<=`, `>`, `>=`.
std::optional<int> compare(const Value& a, const Value& b);

// ---- orderability (orderability.cpp)

// The total order of ORDER BY, ascending: negative when a sorts before b,
// zero when they are equivalent, positive after. Types in the order MAP,
// NODE, RELATIONSHIP, LIST, PATH, ZONED DATETIME, LOCAL DATETIME, DATE,
// ZONED TIME, LOCAL TIME, DURATION, STRING, BOOLEAN, NUMBER, null (so
// null sorts last ascending and first descending). Numbers by value across
// INTEGER and FLOAT with NaN after every other number; lists and paths
// lexicographically by this order (shorter prefix first); maps by size, then
// keys, then values; nodes and relationships by id.
int order(const Value& a, const Value& b);

// ---- equivalence (equivalence.cpp)

// Equivalence: like `=`, but always true or false; null is equivalent to null
// and NaN to NaN (also inside lists and maps), and 1 is equivalent to 1.0.
// Agrees with order(a, b) == 0.
bool equivalent(const Value& a, const Value& b);

// A hash that agrees with equivalent(): equivalent values hash alike (an
// integral float hashes as the integer it equals).
std::size_t hash_equivalent(const Value& v);

// Hash-container adaptors for values and rows of values under equivalence.
struct EquivalentHash {
  std::size_t operator()(const Value& v) const { return hash_equivalent(v); }
  std::size_t operator()(const std::vector<Value>& row) const;
};
struct EquivalentEqual {
  bool operator()(const Value& a, const Value& b) const { return equivalent(a, b); }
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

}  // namespace ergo::eval
