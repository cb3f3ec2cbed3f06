// Building a Duration from amounts of named units (private to the value
// layer and the layers above it), shared by duration('P1.5D') and
// duration({days: 1.5}): whole amounts stay in their field (PT48H stays 48
// hours), fractions cascade down as Neo4j cascades them — a fraction of a
// year into months, of a month into days and seconds by the average month
// (2629746 s), of a week or day into days and seconds by 86400 s a day.
#pragma once

#include <cstdint>
#include <optional>

#include "ergo/temporal.hpp"

namespace ergo::duration_units {

enum class Unit { years, quarters, months, weeks, days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds };

class Builder {
 public:
  // Adds `billionths` / 1e9 of the unit (1.5 days is add(days, 1'500'000'000)).
  void add(Unit unit, __int128 billionths);
  // The sum; nullopt when a field overflows.
  std::optional<Duration> build() const;

 private:
  __int128 months_ = 0;  // billionths of a month
  __int128 days_ = 0;    // billionths of a day
  __int128 nanos_ = 0;   // nanoseconds
};

}  // namespace ergo::duration_units
