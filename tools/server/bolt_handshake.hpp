// The Bolt handshake: the client sends the magic 60 60 B0 17 and four
// version proposals, each a version or a range of minor versions
// (neo4j.com/docs/bolt/current/bolt/handshake/); the server answers with
// the one version it will speak, or four zero bytes. A proposal of 255.1 is
// the newer "manifest" handshake; ergo answers the plain ranges the same
// drivers also send, which the spec allows.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ergo::server {

struct BoltVersion {
  int major = 0;
  int minor = 0;
  friend auto operator<=>(BoltVersion, BoltVersion) = default;
};

// What this server speaks: Bolt 5.0 to 5.4 (5.4 adds TELEMETRY; 5.5 and
// later change notifications and errors to the GQL forms ergo does not
// produce).
inline constexpr BoltVersion kLowestVersion{5, 0};
inline constexpr BoltVersion kHighestVersion{5, 4};

inline constexpr std::size_t kHandshakeSize = 20;

// Whether the first four bytes are Bolt's magic preamble.
bool is_bolt_magic(std::string_view first4);

// The highest version both sides speak, from the 16 bytes of proposals
// (the handshake after its magic); nullopt when none fits.
std::optional<BoltVersion> negotiate(std::string_view proposals);

// The four bytes that answer a handshake: 00 00 minor major, or zeros.
std::array<char, 4> handshake_answer(std::optional<BoltVersion> version);

}  // namespace ergo::server
