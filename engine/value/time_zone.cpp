// Named time zones through date/tz (see time_zone.hpp). The library reads
// the operating system's zoneinfo files (Debian's build: USE_OS_TZDB=1),
// whose transitions are listed only up to 2037; beyond the last listed
// one, each file's footer — the POSIX TZ rule the tz database itself
// writes there, "EST5EDT,M3.2.0,M11.1.0" — says what happens every year
// after, and date/ptz.h reads it (as java.time and Python's zoneinfo do).
#include "engine/value/time_zone.hpp"

#include <date/tz.h>

// ptz.h names hh_mm_ss unqualified under `using namespace date` and `using
// namespace std::chrono`; in C++20 both have one, and the name is
// ambiguous. An alias only date has keeps it unambiguous.
namespace date {
template <class Duration>
using ergo_hh_mm_ss = hh_mm_ss<Duration>;
}  // namespace date
#define hh_mm_ss ergo_hh_mm_ss
#include <date/ptz.h>
#undef hh_mm_ss

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ergo::time_zone {
namespace {

struct Zone {
  const date::time_zone* listed = nullptr;          // the transitions in the file
  std::optional<Posix::time_zone> rule;             // the footer, when the file has one
  date::sys_seconds rule_from = date::sys_seconds::max();  // where the listed transitions end
};

bool plausible_name(std::string_view zone) {
  // Zone names are ASCII letters, digits and / _ - +; anything else (an
  // empty name, "..", a path) is not asked of the database at all.
  if (zone.empty() || zone.size() > 64 || zone.front() == '/' || zone.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : zone) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
              c == '-' || c == '+';
    if (!ok) return false;
  }
  return true;
}

// The last line of a TZif file (version 2 and later): the POSIX TZ rule.
std::optional<Posix::time_zone> footer_rule(const std::string& zone) {
  std::ifstream in("/usr/share/zoneinfo/" + zone, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string file = bytes.str();
  if (file.size() < 2 || file.back() != '\n') return std::nullopt;
  const std::size_t start = file.rfind('\n', file.size() - 2);
  if (start == std::string::npos) return std::nullopt;
  const std::string rule = file.substr(start + 1, file.size() - start - 2);
  if (rule.empty()) return std::nullopt;
  try {
    return Posix::time_zone(rule);
  } catch (const std::exception&) {
    return std::nullopt;  // a rule this reader does not take: the listed transitions alone
  }
}

std::shared_ptr<const Zone> load(const std::string& name) {
  auto z = std::make_shared<Zone>();
  try {
    z->listed = date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;  // unknown zone, or no tz database on this machine
  }
  z->rule = footer_rule(name);
  if (z->rule) {
    const date::sys_seconds far{date::sys_days{date::year{3000} / 1 / 1}};
    z->rule_from = z->listed->get_info(far).begin;
  }
  return z;
}

std::shared_ptr<const Zone> find(std::string_view zone) {
  if (!plausible_name(zone)) return nullptr;
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Zone>, std::less<>> zones;
  std::lock_guard lock(mutex);
  if (auto it = zones.find(zone); it != zones.end()) return it->second;
  std::string name(zone);
  auto z = load(name);
  if (zones.size() < 4096) zones.emplace(std::move(name), z);  // unknown names cached too, within reason
  return z;
}

// A POSIX rule says the same every 400 Gregorian years (the calendar
// repeats), so an instant far past rule_from is read at its place in the
// first cycle after it: the date library's years are 16 bits, and dates
// reach the year 999,999,999.
constexpr std::int64_t cycle_seconds = 146'097LL * 86'400;

std::int64_t fold_into_first_cycle(std::int64_t seconds, std::int64_t from) {
  if (seconds < from + cycle_seconds) return seconds;
  return seconds - (seconds - from) / cycle_seconds * cycle_seconds;
}

}  // namespace

bool exists(std::string_view zone) { return find(zone) != nullptr; }

std::optional<std::int32_t> offset_at(std::string_view zone, std::int64_t utc_seconds) {
  std::shared_ptr<const Zone> z = find(zone);
  if (!z) return std::nullopt;
  date::sys_seconds at{std::chrono::seconds(utc_seconds)};
  if (z->rule && at >= z->rule_from) {
    const std::int64_t from = z->rule_from.time_since_epoch().count();
    const date::sys_seconds folded{std::chrono::seconds(fold_into_first_cycle(utc_seconds, from))};
    return static_cast<std::int32_t>(z->rule->get_info(folded).offset.count());
  }
  return static_cast<std::int32_t>(z->listed->get_info(at).offset.count());
}

std::optional<std::int64_t> resolve_local(std::string_view zone, std::int64_t local_seconds,
                                          std::optional<std::int32_t> preferred) {
  std::shared_ptr<const Zone> z = find(zone);
  if (!z) return std::nullopt;
  // A day's margin: local readings and instants differ by less than that.
  const std::int64_t from = z->rule_from.time_since_epoch().count();
  const bool by_rule = z->rule && local_seconds - 86'400 >= from;
  const date::local_seconds at{std::chrono::seconds(by_rule ? fold_into_first_cycle(local_seconds, from + 86'400)
                                                            : local_seconds)};
  const date::local_info info = by_rule ? z->rule->get_info(at) : z->listed->get_info(at);
  std::int64_t offset = info.first.offset.count();
  if (info.result == date::local_info::ambiguous && preferred && *preferred == info.second.offset.count()) {
    offset = info.second.offset.count();
  }
  // In a gap, the offset before it: the same instant as java.time's reading
  // moved later by the gap and seen at the offset after it.
  return local_seconds - offset;
}

}  // namespace ergo::time_zone
