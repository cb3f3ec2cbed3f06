// The per-thread list of databases locked by open transactions (see
// held_locks.hpp). A thread rarely has more than one, so a small vector.
#include "engine/api/held_locks.hpp"

#include <algorithm>
#include <vector>

namespace ergo::detail {
namespace {
thread_local std::vector<const GraphSnapshot*> held;
}

bool held_by_this_thread(const GraphSnapshot* g) { return std::find(held.begin(), held.end(), g) != held.end(); }

void note_held(const GraphSnapshot* g) { held.push_back(g); }

void note_released(const GraphSnapshot* g) {
  auto it = std::find(held.begin(), held.end(), g);
  if (it != held.end()) held.erase(it);
}

}  // namespace ergo::detail
