// Help when a name finds nothing: :find's "names that start with it" and
// "did you mean", and the notice after a query whose exact {name: ...} match
// came back empty although the value is an alias or differs only in letter
// case. Everything goes through the public API (Database::find_by_name and
// queries), so the engine's executor stays exact and silent, as openCypher is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ergo/database.hpp"

namespace ergo::cli {

// Every entity name and alias in the graph.
std::vector<std::string> entity_names(Database& db);

// The error for ":find NAME" when nothing is named NAME: with the names
// that start with it (오픈 → 오픈AI), or else the nearest one.
std::string no_entity_message(Database& db, std::string_view name);

// For a query that returned no rows: one notice per name compared exactly
// in it (`{name: 'x'}`, `n.name = 'x'`, or a parameter in either place) that
// no entity has as its name but some entity has as an alias or in another
// letter case. Empty when there is nothing to say.
std::vector<std::string> exact_name_notices(Database& db, std::string_view query, const Params& params);

}  // namespace ergo::cli
