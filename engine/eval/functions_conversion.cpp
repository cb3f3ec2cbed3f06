// Type conversion: toString, toInteger, toFloat, toBoolean, their ...OrNull
// forms (null instead of a type error) and the ...List forms. Text that does
// not read as the target type gives null, as the TCK's TypeConversion
// features require; a value of a type that cannot convert at all is a
// type_error (InvalidArgumentValue).
#include "engine/eval/function_support.hpp"
#include "engine/eval/number.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::eval::fn {
namespace {

// Each conversion returns nullopt for "this type cannot convert", so that the
// strict form can raise and the ...OrNull form can answer null.
using Conversion = std::optional<Value> (*)(const Value&);

std::optional<Value> as_string(const Value& v) {
  switch (v.type()) {
    case Value::Type::null:
    case Value::Type::string: return v;
    case Value::Type::integer: return Value(std::to_string(v.as_int()));
    case Value::Type::floating: return Value(number::format_float(v.as_double()));
    case Value::Type::boolean: return Value(v.as_bool() ? "true" : "false");
    case Value::Type::date: return Value(v.as_date().to_string());
    case Value::Type::local_time: return Value(v.as_local_time().to_string());
    case Value::Type::time: return Value(v.as_time().to_string());
    case Value::Type::local_datetime: return Value(v.as_local_datetime().to_string());
    case Value::Type::datetime: return Value(v.as_datetime().to_string());
    case Value::Type::duration: return Value(v.as_duration().to_string());
    default: return std::nullopt;
  }
}

// A float outside the INTEGER range (or NaN) cannot become an INTEGER; that
// is an argument_error from toInteger() and null from toIntegerOrNull().
std::optional<std::int64_t> truncate(double d) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

// `strict`: an out-of-range number is an error rather than null.
std::optional<Value> as_integer_or_throw(const Value& v, bool strict) {
  switch (v.type()) {
    case Value::Type::null:
    case Value::Type::integer: return v;
    case Value::Type::boolean: return Value(std::int64_t{v.as_bool() ? 1 : 0});
    case Value::Type::floating:
      if (auto i = truncate(v.as_double())) return Value(*i);
      if (strict) out_of_domain("toInteger", number::format_float(v.as_double()) + " is outside the INTEGER range");
      return Value();
    case Value::Type::string: {
      const std::string& s = v.as_string();
      if (auto i = number::parse_integer(s)) return Value(*i);
      number::DecimalToInteger d = number::parse_decimal_truncated(s);
      if (d.status == number::DecimalToInteger::Status::ok) return Value(d.value);
      if (d.status == number::DecimalToInteger::Status::out_of_range && strict) {
        out_of_domain("toInteger", "'" + s + "' is outside the INTEGER range");
      }
      return Value();
    }
    default: return std::nullopt;
  }
}

std::optional<Value> as_integer(const Value& v) { return as_integer_or_throw(v, true); }
std::optional<Value> as_integer_lenient(const Value& v) { return as_integer_or_throw(v, false); }

std::optional<Value> as_float(const Value& v) {
  switch (v.type()) {
    case Value::Type::null:
    case Value::Type::floating: return v;
    case Value::Type::integer: return Value(static_cast<double>(v.as_int()));
    case Value::Type::string:
      if (auto d = number::parse_float(v.as_string())) return Value(*d);
      return Value();
    default: return std::nullopt;
  }
}

// 'true' / 'false' in any case, ignoring surrounding spaces; INTEGER 0 is
// false and every other INTEGER true.
std::optional<Value> as_boolean(const Value& v) {
  switch (v.type()) {
    case Value::Type::null:
    case Value::Type::boolean: return v;
    case Value::Type::integer: return Value(v.as_int() != 0);
    case Value::Type::string: {
      std::string lower(text::utf8::trim(v.as_string()));
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (lower == "true") return Value(true);
      if (lower == "false") return Value(false);
      return Value();
    }
    default: return std::nullopt;
  }
}

Value strict(const Value& v, Conversion convert, std::string_view name, std::string_view expected) {
  std::optional<Value> out = convert(v);
  if (!out) wrong_type(name, expected, v);
  return std::move(*out);
}

Value or_null(const Value& v, Conversion convert) { return convert(v).value_or(Value()); }

// toXList(list): each element converted as toXOrNull converts it.
Value each(const Value& v, Conversion convert, std::string_view name) {
  if (v.is_null()) return Value();
  const List* l = v.get_if<List>();
  if (!l) wrong_type(name, "a LIST", v);
  List out;
  out.reserve(l->size());
  for (const Value& item : *l) out.push_back(or_null(item, convert));
  return out;
}

constexpr std::string_view to_string_types = "an INTEGER, FLOAT, BOOLEAN, STRING or DATE";
constexpr std::string_view to_integer_types = "an INTEGER, FLOAT, BOOLEAN or STRING";
constexpr std::string_view to_float_types = "an INTEGER, FLOAT or STRING";
constexpr std::string_view to_boolean_types = "a BOOLEAN, INTEGER or STRING";

constexpr FunctionInfo table[] = {
    {"toString", 1, 1, [](Args a) { return strict(a[0], as_string, "toString", to_string_types); }},
    {"toStringOrNull", 1, 1, [](Args a) { return or_null(a[0], as_string); }},
    {"toStringList", 1, 1, [](Args a) { return each(a[0], as_string, "toStringList"); }},
    {"toInteger", 1, 1, [](Args a) { return strict(a[0], as_integer, "toInteger", to_integer_types); }},
    {"toIntegerOrNull", 1, 1, [](Args a) { return or_null(a[0], as_integer_lenient); }},
    {"toIntegerList", 1, 1, [](Args a) { return each(a[0], as_integer_lenient, "toIntegerList"); }},
    {"toFloat", 1, 1, [](Args a) { return strict(a[0], as_float, "toFloat", to_float_types); }},
    {"toFloatOrNull", 1, 1, [](Args a) { return or_null(a[0], as_float); }},
    {"toFloatList", 1, 1, [](Args a) { return each(a[0], as_float, "toFloatList"); }},
    {"toBoolean", 1, 1, [](Args a) { return strict(a[0], as_boolean, "toBoolean", to_boolean_types); }},
    {"toBooleanOrNull", 1, 1, [](Args a) { return or_null(a[0], as_boolean); }},
    {"toBooleanList", 1, 1, [](Args a) { return each(a[0], as_boolean, "toBooleanList"); }},
};

}  // namespace

std::span<const FunctionInfo> conversion_functions() { return table; }

}  // namespace ergo::eval::fn
