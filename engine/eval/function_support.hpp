// What the function families share (private to engine/eval): argument
// checks that raise the library's errors with uniform messages, and each
// family's slice of the function table, merged by functions.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "engine/eval/functions.hpp"
#include "ergo/value.hpp"

namespace ergo::eval::fn {

using Args = std::span<const Value>;

// Throws type_error with code InvalidArgumentValue (the TCK's code for a
// function given a value of the wrong type at run time):
// "<function>() expects <expected>, got <TYPE>".
[[noreturn]] void wrong_type(std::string_view function, std::string_view expected, const Value& got);

// Throws argument_error with the given openCypher detail code:
// "<function>(): <message>".
[[noreturn]] void out_of_domain(std::string_view function, std::string_view message,
                                const char* code = "NumberOutOfRange");

// True when any argument is null.
bool any_null(Args args);

// The argument as a STRING / INTEGER / number (INTEGER or FLOAT as double);
// anything else, null included, is a wrong_type error naming `what`.
const std::string& string_arg(std::string_view function, const Value& v, std::string_view what = "a STRING");
std::int64_t integer_arg(std::string_view function, const Value& v, std::string_view what = "an INTEGER");
double number_arg(std::string_view function, const Value& v, std::string_view what = "a number");

// The families' table slices (functions_<family>.cpp).
std::span<const FunctionInfo> string_functions();
std::span<const FunctionInfo> numeric_functions();
std::span<const FunctionInfo> list_functions();
std::span<const FunctionInfo> conversion_functions();
std::span<const FunctionInfo> temporal_functions();

}  // namespace ergo::eval::fn
