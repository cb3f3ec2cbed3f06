// What a property may hold, shared by the cursors that write properties
// (CREATE, SET): scalars, dates, or lists of them (openCypher).
#pragma once

#include "engine/runtime/context.hpp"
#include "ergo/value.hpp"

namespace ergo::exec {

bool storable(const Value& v, bool inside_list = false);

// Throws a positioned TypeError (InvalidPropertyType) when `v` cannot be a
// property value.
void check_storable(const runtime::ExecContext& ctx, text::Span at, const Value& v);

}  // namespace ergo::exec
