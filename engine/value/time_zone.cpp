// Named time zones through date/tz (see time_zone.hpp). The library reads
// the operating system's zoneinfo files (Debian's build: USE_OS_TZDB=1).
#include "engine/value/time_zone.hpp"

#include <date/tz.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace ergo::time_zone {
namespace {

const date::time_zone* find(std::string_view zone) {
  // Zone names are ASCII letters, digits and / _ - +; anything else (an
  // empty name, "..", a path) is not asked of the database at all.
  if (zone.empty() || zone.size() > 64 || zone.front() == '/' || zone.find("..") != std::string_view::npos) {
    return nullptr;
  }
  for (char c : zone) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
              c == '-' || c == '+';
    if (!ok) return nullptr;
  }
  try {
    return date::locate_zone(std::string(zone));
  } catch (const std::exception&) {
    return nullptr;  // unknown zone, or no tz database on this machine
  }
}

}  // namespace

bool exists(std::string_view zone) { return find(zone) != nullptr; }

std::optional<std::int32_t> offset_at(std::string_view zone, std::int64_t utc_seconds) {
  const date::time_zone* tz = find(zone);
  if (!tz) return std::nullopt;
  date::sys_seconds at{std::chrono::seconds(utc_seconds)};
  return static_cast<std::int32_t>(tz->get_info(at).offset.count());
}

std::optional<std::int64_t> resolve_local(std::string_view zone, std::int64_t local_seconds,
                                          std::optional<std::int32_t> preferred) {
  const date::time_zone* tz = find(zone);
  if (!tz) return std::nullopt;
  date::local_seconds at{std::chrono::seconds(local_seconds)};
  date::local_info info = tz->get_info(at);
  std::int64_t offset = info.first.offset.count();
  if (info.result == date::local_info::ambiguous && preferred && *preferred == info.second.offset.count()) {
    offset = info.second.offset.count();
  }
  // In a gap, the offset before it: the same instant as java.time's reading
  // moved later by the gap and seen at the offset after it.
  return local_seconds - offset;
}

}  // namespace ergo::time_zone
