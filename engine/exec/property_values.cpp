// Property values (see property_values.hpp).
#include "engine/exec/property_values.hpp"

#include <string>

namespace ergo::exec {

bool storable(const Value& v, bool inside_list) {
  switch (v.type()) {
    case Value::Type::list:
      if (inside_list) return false;
      for (const Value& item : v.as_list()) {
        if (!storable(item, true)) return false;
      }
      return true;
    case Value::Type::map:
    case Value::Type::node:
    case Value::Type::relationship:
    case Value::Type::path:
      return false;
    default:
      return true;
  }
}

void check_storable(const runtime::ExecContext& ctx, text::Span at, const Value& v) {
  if (storable(v)) return;
  throw runtime::error_at(ctx, at, ErrorKind::type_error,
                          std::string("a property value must be a number, string, boolean, temporal value or a list of them") +
                              " (this value is of type " + type_name(v.type()) + ")")
      .with_code("InvalidPropertyType");
}

}  // namespace ergo::exec
