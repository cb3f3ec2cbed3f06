// Large arrays filled right after they are allocated: asks the kernel to
// back them with transparent huge pages (2 MiB) where it allows that only
// on request (/sys/kernel/mm/transparent_hugepage/enabled = madvise, as on
// many distributions). Filling fresh memory costs one page fault per 4 KiB
// page, and on virtual machines a fault is dear: an import into 4 KiB pages
// spent a third of its time in them (docs/performance.md, "Threads").
// Only advice: where huge pages are off, or always on, nothing changes.
#pragma once

#include <cstddef>
#include <vector>

namespace ergo::text {

// Below this, an array is not worth a system call.
inline constexpr std::size_t kHugePageWorthy = std::size_t{4} << 20;

// Advises [data, data + bytes) (the whole pages inside it) before it is
// first written.
void advise_huge_pages(const void* data, std::size_t bytes);

// v.reserve(n), with the new storage advised when it is large. Call it
// before filling v.
template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  v.reserve(n);
  if (n * sizeof(T) >= kHugePageWorthy) advise_huge_pages(v.data(), n * sizeof(T));
}

}  // namespace ergo::text
