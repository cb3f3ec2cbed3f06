// ergo::Params: the named parameters of a query ($name in the text), given
// to Database::execute() and PreparedQuery::execute(). A value type the
// caller owns; the engine only reads it while the query runs, so one Params
// may be passed to queries running in several threads at once (as long as
// nobody changes it meanwhile).
#pragma once

#include <map>
#include <string>

#include "ergo/value.hpp"

namespace ergo {

// Query parameters by name, without the `$`: {{"name", "OpenAI"}} binds
// $name. Lookups accept a std::string_view (transparent comparator).
using Params = std::map<std::string, Value, std::less<>>;

}  // namespace ergo
