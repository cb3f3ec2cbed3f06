// Work that gives memory back, done on a thread of its own so the caller
// need not wait for it: freeing a large import's CSV text and fields (some
// 100 MiB handed back to the kernel page by page) took 8 ms the import
// waited for once the graph was built (docs/performance.md).
#pragma once

#include <functional>

namespace ergo::text {

// Runs `release` on the releasing thread, after whatever it was given
// before; on this thread, at once, where no thread can be had. `release`
// must not throw and must not need anything but what it owns. Everything
// given is done before the process's static objects are destroyed, and
// before wait_for_releases() returns.
void release_in_background(std::function<void()> release);
void wait_for_releases();

}  // namespace ergo::text
