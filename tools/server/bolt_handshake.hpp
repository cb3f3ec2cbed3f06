// The Bolt handshake: the client sends the magic 60 60 B0 17 and four
// version proposals, each a version or a range of minor versions
// (neo4j.com/docs/bolt/current/bolt/handshake/); the server answers with
// the one version it will speak, or four zero bytes. A proposal of 255.1
// asks for the manifest handshake (Bolt 5.7's): the server answers 255.1,
// then the ranges it speaks and its capabilities, and the client answers
// with the version it chose and its capabilities. ergo takes whichever of
// the two the client puts first.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
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
// True when the client asks for the manifest handshake before any version
// ergo speaks.
bool wants_manifest(std::string_view proposals);

// The manifest: 00 00 01 FF, how many ranges (a varint), the ranges (each
// 00 range minor major), then the capabilities (a varint; ergo has none).
std::string manifest_offer();
// The version the client chose from the manifest (its 4 bytes), if it is
// one ergo speaks; nullopt for 00 00 00 00 (none fits) or anything else.
std::optional<BoltVersion> manifest_choice(std::string_view four_bytes);
// The longest varint a client may send for its capabilities.
inline constexpr std::size_t kMaxVarintBytes = 10;

// The four bytes that answer a handshake: 00 00 minor major, or zeros.
std::array<char, 4> handshake_answer(std::optional<BoltVersion> version);

}  // namespace ergo::server
