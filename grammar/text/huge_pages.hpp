// Large arrays on transparent huge pages (2 MiB). Filling fresh memory
// costs one page fault per 4 KiB page, and on virtual machines a fault is
// dear: on the 2-vCPU VM of docs/performance.md one costs about 11 µs, so
// filling 9 MiB in 4 KiB pages took 9 ms and in 2 MiB pages 0.7 ms.
//
// The kernel backs a range with huge pages only where it is advised
// (/sys/kernel/mm/transparent_hugepage/enabled = madvise, as on many
// distributions) and only for whole 2 MiB blocks inside the mapping: an
// array from malloc starts anywhere, so up to 2 MiB at each end of it were
// still faulted in 4 KiB pages. HugeAllocator places large arrays at a
// 2 MiB boundary, a whole number of 2 MiB blocks long, advised before the
// first write. Where huge pages are off (or always on) nothing changes but
// the alignment; the memory works the same.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ergo::text {

// Below this, an array is not worth a mapping of its own. At this size its
// 2 MiB page holds 1.5 MiB it does not use, and saves 128 faults (1.4 ms
// on that VM) each time it is filled: reopening a database of 200,000
// nodes fills several.
inline constexpr std::size_t kHugePageWorthy = std::size_t{512} << 10;

// `bytes` (at least kHugePageWorthy) of memory at a 2 MiB boundary, advised
// for huge pages; throws std::bad_alloc when there is none.
void* allocate_huge(std::size_t bytes);
// Gives back what allocate_huge(bytes) returned.
void free_huge(void* p, std::size_t bytes) noexcept;

// std::allocator for small arrays, allocate_huge for large ones. Stateless:
// arrays move and swap between each other as with std::allocator.
template <typename T>
struct HugeAllocator {
  using value_type = T;

  HugeAllocator() = default;
  template <typename U>
  HugeAllocator(const HugeAllocator<U>&) noexcept {}  // NOLINT: rebinding is implicit by design

  T* allocate(std::size_t n) {
    if (n > std::size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
    if (n * sizeof(T) < kHugePageWorthy) return std::allocator<T>().allocate(n);
    return static_cast<T*>(allocate_huge(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < kHugePageWorthy) std::allocator<T>().deallocate(p, n);
    else free_huge(p, n * sizeof(T));
  }

  template <typename U>
  bool operator==(const HugeAllocator<U>&) const noexcept { return true; }
};

// HugeAllocator whose resize() leaves new elements of trivial types as they
// are instead of zeroing them: for an array sized once and then written
// whole, by several threads, each faulting in (and the kernel zeroing) its
// own pages, instead of one thread zeroing all of it first.
template <typename T>
struct UnzeroedHugeAllocator : HugeAllocator<T> {
  template <typename U>
  struct rebind {
    using other = UnzeroedHugeAllocator<U>;
  };
  UnzeroedHugeAllocator() = default;
  template <typename U>
  UnzeroedHugeAllocator(const UnzeroedHugeAllocator<U>&) noexcept {}  // NOLINT: rebinding is implicit by design

  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;  // default-initialized: trivial types keep their bytes
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// The arrays a graph is made of: one element per node, relationship or
// adjacency entry.
template <typename T>
using HugeVector = std::vector<T, HugeAllocator<T>>;
// An array whose resize() does not zero what it adds (see above).
template <typename T>
using UnzeroedHugeVector = std::vector<T, UnzeroedHugeAllocator<T>>;
// The characters of a column of strings.
using HugeString = std::basic_string<char, std::char_traits<char>, HugeAllocator<char>>;

// `n` bytes left as they are (not zeroed): a file read whole. Large ones
// on huge pages, as above.
struct HugeBytesFree {
  std::size_t bytes = 0;
  void operator()(char* p) const noexcept { HugeAllocator<char>().deallocate(p, bytes); }
};
using HugeBytes = std::unique_ptr<char[], HugeBytesFree>;
inline HugeBytes allocate_huge_bytes(std::size_t n) {
  return HugeBytes(HugeAllocator<char>().allocate(n), HugeBytesFree{n});
}

// What a load reserves for `n` elements: an eighth more, so the writes that
// follow it do not copy the whole array for their first element. Room never
// written costs address space, not memory.
inline std::size_t with_room_to_grow(std::size_t n) { return n + n / 8; }

// A copy of `v` with room to grow (a copy constructor leaves none, so the
// first write after a copy would copy the whole array again): what the copy
// of a graph version is made of (ADR 0006 §4).
template <typename Vector>
Vector copy_with_room(const Vector& v) {
  Vector copy;
  copy.reserve(with_room_to_grow(v.size()));
  copy.insert(copy.end(), v.begin(), v.end());
  return copy;
}

}  // namespace ergo::text
