// The per-thread list of databases with an open transaction (see
// held_locks.hpp). A thread rarely has more than one, so a small vector.
#include "engine/api/held_locks.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace ergo::detail {
namespace {
thread_local std::vector<std::pair<const GraphVersions*, store::Graph*>> held;

auto find(const GraphVersions* versions) {
  return std::find_if(held.begin(), held.end(), [&](const auto& h) { return h.first == versions; });
}
}  // namespace

store::Graph* held_by_this_thread(const GraphVersions* versions) {
  auto it = find(versions);
  return it == held.end() ? nullptr : it->second;
}

void note_held(const GraphVersions* versions, store::Graph* graph) { held.emplace_back(versions, graph); }

void note_released(const GraphVersions* versions) {
  auto it = find(versions);
  if (it != held.end()) held.erase(it);
}

}  // namespace ergo::detail
