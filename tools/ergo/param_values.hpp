// Query parameters from outside a query: a Cypher literal (--param NAME=VALUE,
// :param NAME VALUE) or a JSON object of them (--params FILE.json).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "ergo/database.hpp"

namespace ergo::cli {

// Why a parameter value could not be read; the caller adds where it came from.
class ParamError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The value of one Cypher literal: 42, -1.5, 'OpenAI', null, [1, 2],
// {a: 1}, date('2024-01-31'). Throws ParamError, saying where, when the text
// is anything else (an expression, a second clause, a bare word).
Value parse_param_value(std::string_view literal);

// The parameters of a JSON object: numbers, strings, booleans, null, arrays
// and objects become the matching Cypher values (dates stay strings). Throws
// ParamError when the file cannot be read or is not a JSON object.
Params read_params_file(const std::string& path);

// Whether `name` can be a parameter name without quoting (`$name`).
bool is_param_name(std::string_view name);

}  // namespace ergo::cli
