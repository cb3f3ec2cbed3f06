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

namespace {
bool is_manifest_v1(std::string_view proposal) { return proposal == std::string_view("\x00\x00\x01\xFF", 4); }
}  // namespace

bool wants_manifest(std::string_view proposals) {
  for (std::size_t i = 0; i + 4 <= proposals.size() && i < 16; i += 4) {
    if (is_manifest_v1(proposals.substr(i, 4))) return true;
    if (negotiate(proposals.substr(i, 4))) return false;  // a version first: the plain handshake
  }
  return false;
}

std::string manifest_offer() {
  std::string out("\x00\x00\x01\xFF", 4);
  out += '\x01';  // one range (a varint under 128 is its own byte)
  out += '\x00';
  out += static_cast<char>(kHighestVersion.minor - kLowestVersion.minor);
  out += static_cast<char>(kHighestVersion.minor);
  out += static_cast<char>(kHighestVersion.major);
  out += '\x00';  // no capabilities
  return out;
}

std::optional<BoltVersion> manifest_choice(std::string_view four_bytes) {
  if (four_bytes.size() != 4 || four_bytes[0] != 0 || four_bytes[1] != 0) return std::nullopt;
  const BoltVersion chosen{static_cast<std::uint8_t>(four_bytes[3]), static_cast<std::uint8_t>(four_bytes[2])};
  if (chosen < kLowestVersion || chosen > kHighestVersion) return std::nullopt;
  return chosen;
}

std::array<char, 4> handshake_answer(std::optional<BoltVersion> version) {
  if (!version) return {0, 0, 0, 0};
  return {0, 0, static_cast<char>(version->minor), static_cast<char>(version->major)};
}

}  // namespace ergo::server
