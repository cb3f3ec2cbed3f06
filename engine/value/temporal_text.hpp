// The ISO text of any temporal value (private; for the writers that print
// a value as text: tables, CSV, JSON, captions), or nullopt for a value of
// another type.
#pragma once

#include <optional>
#include <string>

#include "ergo/value.hpp"

namespace ergo {

inline std::optional<std::string> temporal_text(const Value& v) {
  switch (v.type()) {
    case Value::Type::date: return v.as_date().to_string();
    case Value::Type::local_time: return v.as_local_time().to_string();
    case Value::Type::time: return v.as_time().to_string();
    case Value::Type::local_datetime: return v.as_local_datetime().to_string();
    case Value::Type::datetime: return v.as_datetime().to_string();
    case Value::Type::duration: return v.as_duration().to_string();
    default: return std::nullopt;
  }
}

}  // namespace ergo
