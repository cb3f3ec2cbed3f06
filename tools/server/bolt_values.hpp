// ergo values on the Bolt wire: result cells out (nodes, relationships and
// paths read through their Result, with element ids), query parameters in.
#pragma once

#include <ergo/ergo.hpp>

#include <string>

#include "tools/server/packstream.hpp"

namespace ergo::server {

// Bolt 5 structure tags (neo4j.com/docs/bolt/current/bolt/structure-semantics/).
namespace tag {
inline constexpr std::uint8_t node = 0x4E;                   // 'N'
inline constexpr std::uint8_t relationship = 0x52;           // 'R'
inline constexpr std::uint8_t unbound_relationship = 0x72;   // 'r'
inline constexpr std::uint8_t path = 0x50;                   // 'P'
inline constexpr std::uint8_t date = 0x44;                   // 'D'
inline constexpr std::uint8_t time = 0x54;                   // 'T': nanoseconds of the day, offset
inline constexpr std::uint8_t local_time = 0x74;             // 't': nanoseconds of the day
inline constexpr std::uint8_t datetime = 0x49;               // 'I': UTC seconds, nanoseconds, offset (Bolt 5)
inline constexpr std::uint8_t datetime_zone_id = 0x69;       // 'i': UTC seconds, nanoseconds, zone name (Bolt 5)
inline constexpr std::uint8_t local_datetime = 0x64;         // 'd': seconds, nanoseconds
inline constexpr std::uint8_t duration = 0x45;               // 'E': months, days, seconds, nanoseconds
}  // namespace tag

// Writes `value`, a cell of `result`, in Bolt 5 form: a Date as 'D' (and the
// other temporal types as their Bolt 5 structures), a node
// as 'N' with its labels and properties, a relationship as 'R', a path as
// 'P' with unbound relationships and the index sequence the spec defines.
void pack_value(packstream::Packer& packer, const ergo::Value& value, const ergo::Result& result);

// A parameter from the wire as an ergo value. Throws ergo::Error
// (type_error) for what ergo cannot take as a parameter: byte arrays, graph
// elements, points, temporal structures with fields out of range (an
// unknown zone among them).
ergo::Value to_ergo_value(const packstream::PackValue& value, const std::string& name);

}  // namespace ergo::server
