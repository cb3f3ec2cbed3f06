// List and scalar helpers: coalesce, head, last, tail, size, length,
// reverse, range, keys and properties of maps, isEmpty and nullIf.
#include <algorithm>

#include "engine/eval/comparison.hpp"
#include "engine/eval/function_support.hpp"
#include "grammar/text/unicode.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::eval::fn {
namespace {

// range() refuses to build lists longer than this (2^24 elements, about a
// gigabyte of Values) rather than exhaust memory.
constexpr std::uint64_t max_range_length = std::uint64_t{1} << 24;

Value coalesce(Args a) {
  for (const Value& v : a) {
    if (!v.is_null()) return v;
  }
  return Value();
}

const List& list_arg(std::string_view function, const Value& v) {
  if (const List* l = v.get_if<List>()) return *l;
  wrong_type(function, "a LIST", v);
}

Value head(Args a) {
  if (a[0].is_null()) return Value();
  const List& l = list_arg("head", a[0]);
  return l.empty() ? Value() : l.front();
}

Value last(Args a) {
  if (a[0].is_null()) return Value();
  const List& l = list_arg("last", a[0]);
  return l.empty() ? Value() : l.back();
}

Value tail(Args a) {
  if (a[0].is_null()) return Value();
  const List& l = list_arg("tail", a[0]);
  return l.empty() ? List{} : List(l.begin() + 1, l.end());
}

// size(): elements of a list, code points of a string.
Value size(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (const List* l = v.get_if<List>()) return static_cast<std::int64_t>(l->size());
  if (const std::string* s = v.get_if<std::string>()) return static_cast<std::int64_t>(text::code_points(*s));
  wrong_type("size", "a LIST or STRING", v);
}

// length(): relationships of a path; like size() for lists and strings.
Value length(Args a) {
  const Value& v = a[0];
  if (const PathRef* p = v.get_if<PathRef>()) return static_cast<std::int64_t>(p->relationships.size());
  if (v.is_null() || v.get_if<List>() || v.get_if<std::string>()) return size(a);
  wrong_type("length", "a PATH, LIST or STRING", v);
}

Value reverse(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (const std::string* s = v.get_if<std::string>()) return text::utf8::reverse(*s);
  if (const List* l = v.get_if<List>()) return List(l->rbegin(), l->rend());
  wrong_type("reverse", "a STRING or LIST", v);
}

// range(start, end[, step]): the INTEGERs start, start + step, ... that do
// not pass end. Every argument must be an INTEGER: the TCK (List11 [5])
// wants an ArgumentError, not a TypeError, for anything else.
Value range(Args a) {
  auto bound = [&](std::size_t i, const char* what) -> std::int64_t {
    if (const std::int64_t* v = a[i].get_if<std::int64_t>()) return *v;
    out_of_domain("range", std::string(what) + " must be an INTEGER, got " + type_name(a[i].type()),
                  "InvalidArgumentType");
  };
  std::int64_t start = bound(0, "start"), end = bound(1, "end");
  std::int64_t step = a.size() > 2 ? bound(2, "step") : 1;
  if (step == 0) out_of_domain("range", "step must not be zero");
  if (step > 0 ? start > end : start < end) return List{};
  // Count in unsigned arithmetic: |end - start| can exceed INT64_MAX.
  std::uint64_t span = step > 0 ? static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(start)
                                : static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(end);
  std::uint64_t stride = step > 0 ? static_cast<std::uint64_t>(step) : 0 - static_cast<std::uint64_t>(step);
  if (span / stride >= max_range_length) {
    out_of_domain("range", "the list would have more than " + std::to_string(max_range_length) + " elements");
  }
  std::uint64_t count = span / stride + 1;
  List out;
  out.reserve(count);
  auto v = static_cast<std::uint64_t>(start);  // wraps instead of overflowing past end
  for (std::uint64_t i = 0; i < count; ++i, v += static_cast<std::uint64_t>(step)) {
    out.emplace_back(static_cast<std::int64_t>(v));
  }
  return out;
}

// keys(map): the map's keys (in key order). Nodes and relationships are the
// executor's; here they are type errors.
Value keys(Args a) {
  if (a[0].is_null()) return Value();
  const Map* m = a[0].get_if<Map>();
  if (!m) wrong_type("keys", "a MAP, NODE or RELATIONSHIP", a[0]);
  List out;
  out.reserve(m->size());
  for (const auto& entry : *m) out.emplace_back(entry.first);
  return out;
}

// properties(map): the map itself.
Value properties(Args a) {
  if (a[0].is_null()) return Value();
  if (!a[0].get_if<Map>()) wrong_type("properties", "a MAP, NODE or RELATIONSHIP", a[0]);
  return a[0];
}

Value is_empty(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (const List* l = v.get_if<List>()) return l->empty();
  if (const Map* m = v.get_if<Map>()) return m->empty();
  if (const std::string* s = v.get_if<std::string>()) return s->empty();
  wrong_type("isEmpty", "a LIST, MAP or STRING", v);
}

// nullIf(v1, v2): null when v1 = v2 is true, else v1.
Value null_if(Args a) { return equals(a[0], a[1]) == Ternary::true_value ? Value() : a[0]; }

constexpr FunctionInfo table[] = {
    {"coalesce", 1, any_number_of_args, coalesce},
    {"head", 1, 1, head},
    {"last", 1, 1, last},
    {"tail", 1, 1, tail},
    {"size", 1, 1, size},
    {"length", 1, 1, length},
    {"reverse", 1, 1, reverse},
    {"range", 2, 3, range},
    {"keys", 1, 1, keys},
    {"properties", 1, 1, properties},
    {"isEmpty", 1, 1, is_empty},
    {"nullIf", 2, 2, null_if},
};

}  // namespace

std::span<const FunctionInfo> list_functions() { return table; }

}  // namespace ergo::eval::fn
