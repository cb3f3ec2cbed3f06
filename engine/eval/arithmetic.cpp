// Arithmetic on Values: checked integer math, float math, and the list and
// string forms of `+`.
#include "engine/eval/arithmetic.hpp"

#include <cmath>
#include <cstdio>
#include <cstdint>
#include <limits>
#include <string>

#include "engine/eval/number.hpp"
#include "engine/eval/temporal_math.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

[[noreturn]] void cannot(const char* verb, const Value& a, const char* joiner, const Value& b) {
  throw Error(ErrorKind::type_error,
              std::string("cannot ") + verb + " " + type_name(a.type()) + " " + joiner + " " + type_name(b.type()))
      .with_code("InvalidArgumentType");
}

[[noreturn]] void overflow(const char* op, std::int64_t a, std::int64_t b) {
  throw Error(ErrorKind::argument_error, "integer overflow: " + std::to_string(a) + " " + op + " " + std::to_string(b))
      .with_code("IntegerOverflow");
}

const std::int64_t* as_int(const Value& v) { return v.get_if<std::int64_t>(); }

// Appends the text `+` uses for a scalar; false when the value has none
// (lists, maps, graph elements, null).
bool append_text(std::string& out, const Value& v) {
  switch (v.type()) {
    case Value::Type::string: out += v.as_string(); return true;
    case Value::Type::integer: out += std::to_string(v.as_int()); return true;
    case Value::Type::floating: out += number::format_float(v.as_double()); return true;
    case Value::Type::boolean: out += v.as_bool() ? "true" : "false"; return true;
    case Value::Type::date: out += v.as_date().to_string(); return true;
    case Value::Type::local_time: out += v.as_local_time().to_string(); return true;
    case Value::Type::time: out += v.as_time().to_string(); return true;
    case Value::Type::local_datetime: out += v.as_local_datetime().to_string(); return true;
    case Value::Type::datetime: out += v.as_datetime().to_string(); return true;
    case Value::Type::duration: out += v.as_duration().to_string(); return true;
    default: return false;
  }
}

// What one list or string `+` builds may take (as range() may): past it,
// `l + l + l ...` on a large list ran for minutes and took gigabytes.
constexpr std::uint64_t max_value_bytes = std::uint64_t{1} << 30;

[[noreturn]] void too_large(const std::string& what, double bytes, const char* kind) {
  char size[32];
  std::snprintf(size, sizeof size, "%.1f GiB", bytes / (1u << 30));
  throw Error(ErrorKind::runtime_error, "+ would build " + what + " (about " + size + ", more than the 1.0 GiB a " +
                                            kind + " may take); build it in smaller pieces, or UNWIND the lists "
                                            "instead of adding them up")
      .with_code("ValueTooLarge");
}

// Java's Math.pow where it differs from C's pow: 1 ^ NaN and (+-1) ^ +-Inf
// are NaN in Java, 1.0 in C.
double java_pow(double base, double exponent) {
  if (std::isnan(exponent)) return exponent;
  if (std::isinf(exponent) && std::fabs(base) == 1.0) return std::nan("");
  return std::pow(base, exponent);
}

}  // namespace

Value add(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (number::is_number(a) && number::is_number(b)) {
    if (as_int(a) && as_int(b)) {
      std::int64_t r;
      if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) overflow("+", a.as_int(), b.as_int());
      return r;
    }
    return a.as_double() + b.as_double();
  }
  const List* la = a.get_if<List>();
  const List* lb = b.get_if<List>();
  if (la || lb) {
    const std::uint64_t count = (la ? la->size() : 1) + (lb ? lb->size() : 1);
    if (count > max_value_bytes / sizeof(Value)) {
      too_large("a list of " + std::to_string(count) + " values", static_cast<double>(count) * sizeof(Value), "list");
    }
    List out;
    out.reserve(count);
    if (la) out.insert(out.end(), la->begin(), la->end()); else out.push_back(a);
    if (lb) out.insert(out.end(), lb->begin(), lb->end()); else out.push_back(b);
    return out;
  }
  if (std::optional<Value> t = temporal::plus(a, b)) return *t;
  if (a.type() == Value::Type::string || b.type() == Value::Type::string) {
    const std::uint64_t bytes = (a.type() == Value::Type::string ? a.as_string().size() : 0) +
                                (b.type() == Value::Type::string ? b.as_string().size() : 0);
    if (bytes > max_value_bytes) {
      too_large("a string of " + std::to_string(bytes) + " bytes", static_cast<double>(bytes), "string");
    }
    std::string out;
    if (append_text(out, a) && append_text(out, b)) return out;
  }
  cannot("add", a, "and", b);
}

Value subtract(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (std::optional<Value> t = temporal::minus(a, b)) return *t;
  if (temporal::is_instant_like(a.type()) && temporal::is_instant_like(b.type())) {
    throw Error(ErrorKind::type_error, std::string("cannot subtract ") + type_name(b.type()) + " from " +
                                           type_name(a.type()) + "; duration.between(a, b) measures the time between them")
        .with_code("InvalidArgumentType");
  }
  if (!number::is_number(a) || !number::is_number(b)) cannot("subtract", b, "from", a);
  if (as_int(a) && as_int(b)) {
    std::int64_t r;
    if (__builtin_sub_overflow(a.as_int(), b.as_int(), &r)) overflow("-", a.as_int(), b.as_int());
    return r;
  }
  return a.as_double() - b.as_double();
}

Value multiply(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (std::optional<Value> t = temporal::multiply(a, b)) return *t;
  if (!number::is_number(a) || !number::is_number(b)) cannot("multiply", a, "and", b);
  if (as_int(a) && as_int(b)) {
    std::int64_t r;
    if (__builtin_mul_overflow(a.as_int(), b.as_int(), &r)) overflow("*", a.as_int(), b.as_int());
    return r;
  }
  return a.as_double() * b.as_double();
}

Value divide(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (std::optional<Value> t = temporal::divide(a, b)) return *t;
  if (!number::is_number(a) || !number::is_number(b)) cannot("divide", a, "by", b);
  if (as_int(a) && as_int(b)) {
    std::int64_t x = a.as_int(), y = b.as_int();
    if (y == 0) throw Error(ErrorKind::argument_error, "division by zero").with_code("DivisionByZero");
    if (x == std::numeric_limits<std::int64_t>::min() && y == -1) overflow("/", x, y);
    return x / y;
  }
  return a.as_double() / b.as_double();
}

Value modulo(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (!number::is_number(a) || !number::is_number(b)) cannot("take the modulo of", a, "by", b);
  if (as_int(a) && as_int(b)) {
    std::int64_t x = a.as_int(), y = b.as_int();
    if (y == 0) throw Error(ErrorKind::argument_error, "modulo by zero").with_code("DivisionByZero");
    if (y == -1) return std::int64_t{0};  // also avoids INT64_MIN % -1
    return x % y;
  }
  return std::fmod(a.as_double(), b.as_double());
}

Value power(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (!number::is_number(a) || !number::is_number(b)) cannot("raise", a, "to the power of", b);
  return java_pow(a.as_double(), b.as_double());
}

Value negate(const Value& a) {
  if (a.is_null()) return Value();
  if (const Duration* d = a.get_if<Duration>()) return temporal::negate(*d);
  if (const std::int64_t* i = as_int(a)) {
    if (*i == std::numeric_limits<std::int64_t>::min()) {
      throw Error(ErrorKind::argument_error, "integer overflow: -(" + std::to_string(*i) + ")")
          .with_code("IntegerOverflow");
    }
    return -*i;
  }
  if (const double* d = a.get_if<double>()) return -*d;
  throw Error(ErrorKind::type_error, std::string("cannot negate ") + type_name(a.type())).with_code("InvalidArgumentType");
}

Value unary_plus(const Value& a) {
  if (a.is_null() || number::is_number(a)) return a;
  throw Error(ErrorKind::type_error, std::string("unary + needs a number, got ") + type_name(a.type()))
      .with_code("InvalidArgumentType");
}

}  // namespace ergo::eval
