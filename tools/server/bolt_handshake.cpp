#include "tools/server/bolt_handshake.hpp"

#include <algorithm>

namespace ergo::server {

bool is_bolt_magic(std::string_view first4) { return first4 == std::string_view("\x60\x60\xB0\x17", 4); }

std::optional<BoltVersion> negotiate(std::string_view proposals) {
  // Proposals are in the client's order of preference; the first one that
  // overlaps what ergo speaks wins, at the highest minor version of the overlap.
  for (std::size_t i = 0; i + 4 <= proposals.size() && i < 16; i += 4) {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(proposals[i + k]); };
    const int range = byte(1), minor = byte(2), major = byte(3);
    if (major != kHighestVersion.major) continue;  // includes 0 (an empty slot) and 255 (the manifest)
    const int lowest_offered = std::max(0, minor - range);
    const int top = std::min(minor, kHighestVersion.minor);
    if (top >= lowest_offered && top >= kLowestVersion.minor) return BoltVersion{major, top};
  }
  return std::nullopt;
}

std::array<char, 4> handshake_answer(std::optional<BoltVersion> version) {
  if (!version) return {0, 0, 0, 0};
  return {0, 0, static_cast<char>(version->minor), static_cast<char>(version->major)};
}

}  // namespace ergo::server
