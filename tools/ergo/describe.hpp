// The shell's descriptions of the graph: :schema (labels, relationship types
// with the labels they connect, property keys, all with counts) and :find
// (one entity by name or alias, with its properties and relationships).
#pragma once

#include <ostream>
#include <string_view>

#include "ergo/database.hpp"

namespace ergo::cli {

// `width`: the columns to wrap the lists of connected labels at.
void print_schema(std::ostream& out, const Schema& schema, std::size_t width = 100);

// Prints every entity named or aliased `name` (ignoring case and Unicode
// form). Returns false, printing nothing, when there is none.
bool print_entity(std::ostream& out, Database& db, std::string_view name);

}  // namespace ergo::cli
