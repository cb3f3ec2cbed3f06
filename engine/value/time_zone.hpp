// Named time zones (private to the value layer and the layers above it):
// the offsets of an IANA zone ("Asia/Seoul") from the system's tz database,
// read through Howard Hinnant's date/tz library, so no zone rule is written
// here. Offsets are in seconds east of UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ergo::time_zone {

// True when the tz database knows the zone.
bool exists(std::string_view zone);

// The zone's offset at the instant `utc_seconds` (since 1970-01-01T00:00Z);
// nullopt when the zone is unknown.
std::optional<std::int32_t> offset_at(std::string_view zone, std::int64_t utc_seconds);

// The instant a wall-clock reading `local_seconds` in the zone names, as
// java.time resolves it (and so Neo4j): in a gap (spring forward) the
// reading moves later by the gap; in an overlap (fall back) the earlier
// offset wins unless `preferred` is the other valid one. nullopt when the
// zone is unknown.
std::optional<std::int64_t> resolve_local(std::string_view zone, std::int64_t local_seconds,
                                          std::optional<std::int32_t> preferred = std::nullopt);

}  // namespace ergo::time_zone
