// Property values as JSON (see json_values.hpp).
#include "engine/export/json_values.hpp"

#include <cmath>

namespace ergo::dump {

nlohmann::ordered_json json_value(const Value& v) {
  switch (v.type()) {
    case Value::Type::boolean: return v.as_bool();
    case Value::Type::integer: return v.as_int();
    case Value::Type::floating: {
      const double d = v.as_double();
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
      return d;
    }
    case Value::Type::string: return v.as_string();
    case Value::Type::date: return v.as_date().to_string();
    case Value::Type::list: {
      auto out = nlohmann::ordered_json::array();
      for (const Value& item : v.as_list()) out.push_back(json_value(item));
      return out;
    }
    case Value::Type::map: {
      auto out = nlohmann::ordered_json::object();
      for (const auto& [key, item] : v.as_map()) out[key] = json_value(item);
      return out;
    }
    default: return nullptr;
  }
}

std::string json_text(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace ergo::dump
