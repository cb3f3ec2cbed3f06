// Large arrays filled right after they are allocated: asks the kernel to
// back them with transparent huge pages (2 MiB) where it allows that only
// on request (/sys/kernel/mm/transparent_hugepage/enabled = madvise, as on
// many distributions). Filling fresh memory costs one page fault per 4 KiB
// page, and on virtual machines a fault is dear: an import into 4 KiB pages
// spent a third of its time in them (docs/performance.md, "Threads").
// Only advice: where huge pages are off, or always on, nothing changes.
#pragma once

#include <cstddef>
#include <iterator>
#include <vector>

namespace ergo::text {

// Below this, an array is not worth a system call.
inline constexpr std::size_t kHugePageWorthy = std::size_t{4} << 20;

// Advises [data, data + bytes) (the whole pages inside it) before it is
// first written.
void advise_huge_pages(const void* data, std::size_t bytes);

// v.reserve(n), with the new storage advised when it is large (before
// what v holds is moved into it).
template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  if (n * sizeof(T) < kHugePageWorthy) {
    v.reserve(n);
    return;
  }
  // Advised before the elements are moved in: reserve() would copy them
  // first, faulting the new storage in 4 KiB pages.
  std::vector<T> fresh;
  fresh.reserve(n);
  advise_huge_pages(fresh.data(), n * sizeof(T));
  fresh.insert(fresh.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  v.swap(fresh);
}

// Room for `n` elements in an array that grows one element at a time (a
// write adding a node): twice the capacity when it runs out, as push_back
// would, but with the new storage advised, since the copy into it faults
// every page of a large array at once.
template <typename T>
void grow_huge(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  reserve_huge(v, n > 2 * v.capacity() ? n : 2 * v.capacity());
}

// What a load reserves for `n` elements: an eighth more, so the writes that
// follow it do not copy the whole array for their first element. Room never
// written costs address space, not memory.
inline std::size_t with_room_to_grow(std::size_t n) { return n + n / 8; }

// A copy of `v` with room to grow, its storage advised before the elements
// are copied in (a copy constructor would fault a large array's storage in
// 4 KiB pages): what the copy of a graph version is made of (ADR 0006 §4).
template <typename T>
std::vector<T> copy_huge(const std::vector<T>& v) {
  std::vector<T> copy;
  reserve_huge(copy, with_room_to_grow(v.size()));
  copy.insert(copy.end(), v.begin(), v.end());
  return copy;
}

}  // namespace ergo::text
