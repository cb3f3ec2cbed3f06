// What the eval_* tests share: short constructors for lists and maps, the
// literal text of a value (floats as toString() writes them), calling a
// library function by name with its arity checked, and asserting the kind of
// error an expression throws.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/functions.hpp"
#include "engine/eval/number.hpp"
#include "ergo/error.hpp"
#include "ergo/value.hpp"

namespace ergo::eval::test_support {

inline const Value null;

inline Value L(std::initializer_list<Value> items) { return Value(List(items)); }
inline Value M(std::initializer_list<std::pair<std::string, Value>> entries) { return Value(Map(entries)); }

// Cypher literal text of a value (tells 1 from 1.0 and 'a' from a), floats
// written as toString() writes them: 10.0, 1.0E20, NaN.
inline std::string cy(const Value& v) {
  if (const double* d = v.get_if<double>()) return number::format_float(*d);
  if (const List* l = v.get_if<List>()) {
    std::string out = "[";
    for (std::size_t i = 0; i < l->size(); ++i) out += (i ? ", " : "") + cy((*l)[i]);
    return out + "]";
  }
  if (const Map* m = v.get_if<Map>()) {
    std::string out = "{";
    for (std::size_t i = 0; i < m->size(); ++i) out += (i ? ", " : "") + (*m)[i].first + ": " + cy((*m)[i].second);
    return out + "}";
  }
  return v.to_cypher();
}

// Calls the library function `name`, checking the arity as the binder would.
inline Value call(std::string_view name, std::vector<Value> args) {
  const FunctionInfo* f = find_function(name);
  if (!f) throw std::logic_error("no function " + std::string(name));
  auto n = static_cast<int>(args.size());
  if (n < f->min_args || (f->max_args != any_number_of_args && n > f->max_args)) {
    throw std::logic_error("bad arity for " + std::string(name));
  }
  return f->call(args);
}

// The kind of ergo::Error `f` throws, or nullopt when it throws none.
inline std::optional<ErrorKind> error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  return std::nullopt;
}

}  // namespace ergo::eval::test_support

#define EXPECT_ERROR(expr, k) \
  EXPECT_EQ(::ergo::eval::test_support::error_of([&] { (void)(expr); }), ::ergo::ErrorKind::k) << #expr
