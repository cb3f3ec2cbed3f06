// Labels and relationship types from CSV files must be names a query can
// write without backquotes (`Has Space` or `[x]` could be stored but never
// matched by an ordinary pattern), so the import checks them and says how
// to spell one that would do.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ergo::load {

// Why `name` is not usable as a label (what = "label") or relationship
// type (what = "type"); nullopt when it is a Cypher name: a letter or `_`,
// then letters, digits or `_` (Unicode letters included, as in Cypher).
std::optional<std::string> csv_name_problem(std::string_view name, const char* what);

}  // namespace ergo::load
