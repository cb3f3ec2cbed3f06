// range(start, end[, step]) as arithmetic rather than a list: the checks of
// the Cypher function, and the i-th integer. range() builds its list from
// this; UNWIND range(...) walks it without building one (exec/), so ten
// million rows cost ten million steps, not ten million stored Values.
#pragma once

#include <cstdint>
#include <span>

#include "ergo/value.hpp"

namespace ergo::eval {

struct IntegerRange {
  std::int64_t start = 0;
  std::int64_t step = 1;
  std::uint64_t count = 0;  // may exceed what any list could hold
  std::int64_t at(std::uint64_t i) const {
    // Unsigned arithmetic wraps instead of overflowing past the end.
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + i * static_cast<std::uint64_t>(step));
  }
};

// The integers range(args...) stands for. Throws ergo::Error as range()
// does: argument_error (InvalidArgumentType) for a bound that is not an
// INTEGER, (NumberOutOfRange) for a step of zero.
IntegerRange integer_range(std::span<const Value> args);

}  // namespace ergo::eval
