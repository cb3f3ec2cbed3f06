// Side effects as the TCK states them (+nodes, -nodes, +relationships,
// -relationships, +labels, -labels, +properties, -properties): parsed from a
// step's table, or measured as the difference of two GraphStatistics.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "ergo/database.hpp"
#include "tools/tck/gherkin.hpp"

namespace ergo::tck {

class SideEffectsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SideEffects {
  std::size_t nodes_added = 0, nodes_deleted = 0;
  std::size_t relationships_added = 0, relationships_deleted = 0;
  std::size_t labels_added = 0, labels_deleted = 0;
  std::size_t properties_added = 0, properties_deleted = 0;
  friend bool operator==(const SideEffects&, const SideEffects&) = default;
};

// Rows `| +nodes | 2 |`; keys not listed are 0. Throws SideEffectsError for
// an unknown key, a repeated key, or a count that is not a whole number.
SideEffects parse_side_effects(const Table& table);

// Net change per kind: what grew is "+", what shrank is "-". Counts cannot
// tell "one node deleted, one created" from "nothing", nor an overwritten
// property from an untouched one (the TCK would report +1/-1 for both).
SideEffects diff_statistics(const ergo::GraphStatistics& before, const ergo::GraphStatistics& after);

// "+nodes 1, +labels 2", or "none".
std::string render(const SideEffects& effects);

}  // namespace ergo::tck
