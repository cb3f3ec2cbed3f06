// The function table: the families' slices merged into one case-insensitive
// index, and the argument checks every family uses.
#include "engine/eval/functions.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "engine/eval/function_support.hpp"
#include "ergo/error.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::eval {
namespace {

const std::unordered_map<std::string, const FunctionInfo*>& index() {
  static const auto table = [] {
    std::unordered_map<std::string, const FunctionInfo*> t;
    for (auto family : {fn::string_functions(), fn::numeric_functions(), fn::list_functions(),
                        fn::conversion_functions(), fn::temporal_functions()}) {
      for (const FunctionInfo& f : family) t.emplace(text::utf8::ascii_lower(f.name), &f);
    }
    return t;
  }();
  return table;
}

}  // namespace

const FunctionInfo* find_function(std::string_view name) {
  auto it = index().find(text::utf8::ascii_lower(name));
  return it == index().end() ? nullptr : it->second;
}

std::vector<std::string> function_names() {
  std::vector<std::string> names;
  for (const auto& [key, f] : index()) names.emplace_back(f->name);
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return text::utf8::ascii_lower(a) < text::utf8::ascii_lower(b);
  });
  return names;
}

namespace fn {

void wrong_type(std::string_view function, std::string_view expected, const Value& got) {
  throw Error(ErrorKind::type_error,
              std::string(function) + "() expects " + std::string(expected) + ", got " + type_name(got.type()))
      .with_code("InvalidArgumentValue");
}

void out_of_domain(std::string_view function, std::string_view message, const char* code) {
  throw Error(ErrorKind::argument_error, std::string(function) + "(): " + std::string(message)).with_code(code);
}

bool any_null(Args args) {
  return std::any_of(args.begin(), args.end(), [](const Value& v) { return v.is_null(); });
}

const std::string& string_arg(std::string_view function, const Value& v, std::string_view what) {
  if (const std::string* s = v.get_if<std::string>()) return *s;
  wrong_type(function, what, v);
}

std::int64_t integer_arg(std::string_view function, const Value& v, std::string_view what) {
  if (const std::int64_t* i = v.get_if<std::int64_t>()) return *i;
  wrong_type(function, what, v);
}

double number_arg(std::string_view function, const Value& v, std::string_view what) {
  if (const std::int64_t* i = v.get_if<std::int64_t>()) return static_cast<double>(*i);
  if (const double* d = v.get_if<double>()) return *d;
  wrong_type(function, what, v);
}

}  // namespace fn
}  // namespace ergo::eval
