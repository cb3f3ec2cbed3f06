// SKIP and LIMIT counts, shared by Skip, Limit and a Sort that keeps only
// the first rows.
#pragma once

#include <cstdint>

#include "engine/expr/expr.hpp"
#include "engine/runtime/context.hpp"
#include "engine/runtime/frame.hpp"

namespace ergo::exec {

// The value of a SKIP or LIMIT expression, evaluated once: a non-negative
// integer, else a syntax error naming `clause` (openCypher classifies it so
// even when a parameter brings the bad value in at run time).
std::int64_t row_count(const expr::Expr& e, runtime::Frame& frame, runtime::ExecContext& ctx, const char* clause);

}  // namespace ergo::exec
