// SKIP and LIMIT counts, shared by Skip, Limit and a Sort that keeps only
// the first rows.
#pragma once

#include <cstdint>

#include "engine/exec/context.hpp"
#include "engine/exec/frame.hpp"
#include "engine/expr/expr.hpp"

namespace ergo::exec {

// The value of a SKIP or LIMIT expression, evaluated once: a non-negative
// integer, else a syntax error naming `clause` (openCypher classifies it so
// even when a parameter brings the bad value in at run time).
std::int64_t row_count(const expr::Expr& e, Frame& frame, ExecContext& ctx, const char* clause);

}  // namespace ergo::exec
