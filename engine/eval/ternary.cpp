// Conversions between three-valued truth values and Values.
#include "engine/eval/ternary.hpp"

#include <string>

#include "ergo/error.hpp"

namespace ergo::eval {

Value ternary_to_value(Ternary t) {
  if (t == Ternary::unknown) return Value();
  return Value(t == Ternary::true_value);
}

Ternary ternary_from_value(const Value& v) {
  if (v.is_null()) return Ternary::unknown;
  if (const bool* b = v.get_if<bool>()) return to_ternary(*b);
  throw Error(ErrorKind::type_error, std::string("expected a BOOLEAN, got ") + type_name(v.type()))
      .with_code("InvalidArgumentType");
}

}  // namespace ergo::eval
