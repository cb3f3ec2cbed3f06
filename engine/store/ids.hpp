// Dense integer ids for everything the store holds. Nodes and relationships
// are numbered 0..n-1 in creation order, which keeps every per-element array
// a plain vector and makes rollback a truncation.
#pragma once

#include <cstdint>
#include <limits>

namespace ergo::store {

using NodeId = std::uint32_t;
using RelId = std::uint32_t;
using LabelId = std::uint16_t;
using TypeId = std::uint16_t;
using KeyId = std::uint16_t;

inline constexpr NodeId no_node = std::numeric_limits<NodeId>::max();
inline constexpr RelId no_rel = std::numeric_limits<RelId>::max();

}  // namespace ergo::store
