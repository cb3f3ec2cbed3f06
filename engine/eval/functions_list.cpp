// List and scalar helpers: coalesce, head, last, tail, size, length,
// reverse, range, keys and properties of maps, isEmpty and nullIf.
#include <algorithm>
#include <cstdio>

#include "engine/eval/comparison.hpp"
#include "engine/eval/function_support.hpp"
#include "engine/eval/integer_range.hpp"
#include "grammar/text/unicode.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::eval::fn {
namespace {

// The most memory a list built by range() may take. Only a list that is
// really built counts: UNWIND range(...) streams (exec/), so it has no cap.
constexpr std::uint64_t max_list_bytes = std::uint64_t{1} << 30;

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

// "3.7 GiB", "512 MiB": a size for a message.
std::string memory_text(double bytes) {
  char buf[32];
  if (bytes >= (1u << 30)) {
    std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / (1u << 30));
  } else {
    std::snprintf(buf, sizeof buf, "%.0f MiB", bytes / (1u << 20));
  }
  return buf;
}

// range(start, end[, step]): the INTEGERs start, start + step, ... that do
// not pass end, as a list (see integer_range.hpp for the checks).
Value range(Args a) {
  IntegerRange r = integer_range(a);
  const std::uint64_t max_count = max_list_bytes / sizeof(Value);
  if (r.count > max_count) {
    out_of_domain("range", "the list would hold " + std::to_string(r.count) + " integers, about " +
                               memory_text(static_cast<double>(r.count) * sizeof(Value)) +
                               " of memory, more than the " + memory_text(max_list_bytes) +
                               " a list may take; UNWIND range(...) streams its integers without building the list");
  }
  List out;
  out.reserve(r.count);
  for (std::uint64_t i = 0; i < r.count; ++i) out.emplace_back(r.at(i));
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
