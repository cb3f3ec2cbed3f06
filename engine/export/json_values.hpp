// Property values as JSON, shared by the JSON Lines and GraphML exports:
// numbers, strings, booleans, arrays and objects as themselves; dates as
// "YYYY-MM-DD" strings (as APOC writes temporal values); NaN and the
// infinities, which JSON has no number for, as the strings "NaN",
// "Infinity" and "-Infinity".
#pragma once

#include <nlohmann/json.hpp>

#include "ergo/value.hpp"

namespace ergo::dump {

nlohmann::ordered_json json_value(const Value& v);

// Compact JSON text; invalid UTF-8 (which the store never holds) as U+FFFD.
std::string json_text(const nlohmann::ordered_json& j);

}  // namespace ergo::dump
