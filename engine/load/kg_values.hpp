// Turns parsed .kg property maps into store values, expanding the format's
// shorthands: a money value sets `key` and `currency`; a month-precision date
// sets `key` and `key_precision`.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ergo/value.hpp"
#include "grammar/kg/kg_document.hpp"

namespace ergo::load {

using PropertyList = std::vector<std::pair<std::string, Value>>;

// Appends the properties of `map` to `out`. Problems (conflicting currencies,
// money inside a list) are reported against `source` into `diagnostics`.
void convert_properties(const kg::Map& map, const text::SourceText& source, PropertyList& out,
                        std::vector<text::Diagnostic>& diagnostics);

}  // namespace ergo::load
