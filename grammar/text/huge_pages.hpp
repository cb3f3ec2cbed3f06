// Large arrays at 2 MiB boundaries, on transparent huge pages (2 MiB) only
// where the user asks for them (ERGO_HUGE_PAGES=1).
//
// Whether huge pages pay depends on the machine, both ways by several
// times (docs/performance.md, "Huge pages"). Filling 256 MiB of fresh
// memory on the 2-vCPU VMs ergo is measured on:
// - 4 KiB pages: 89-94 ms, every time (1.4 µs a page; an earlier VM took
//   11 µs a page, and there huge pages won);
// - 2 MiB pages advised with MADV_HUGEPAGE: 12 ms when the kernel hands back
//   2 MiB blocks a process just freed, 530-600 ms when it must find fresh ones
//   (after any other large program ran): a load then took 480-550 ms
//   instead of 260-290, while reads ran no faster on huge pages.
// So ergo does not advise them unless asked, as Redis and MongoDB advise
// turning them off; where the kernel uses them always
// (/sys/kernel/mm/transparent_hugepage/enabled = always) the 2 MiB
// alignment still lets it back whole arrays with them. With
// ERGO_HUGE_PAGES=1 large arrays are advised before their first write, as
// a whole number of 2 MiB blocks (an array from malloc starts anywhere, so
// up to 2 MiB at each end of it would still be faulted in 4 KiB pages).
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
// for huge pages when huge_pages_advised(); throws std::bad_alloc when
// there is none.
void* allocate_huge(std::size_t bytes);
// Whether large arrays are advised for huge pages: ERGO_HUGE_PAGES=1 in the
// environment when the process first asks (read once).
bool huge_pages_advised();
// What the value of ERGO_HUGE_PAGES (null when unset) asks for: "1", "on",
// "yes" or "true" turn huge pages on; anything else leaves them off.
bool huge_pages_asked(const char* setting);
// Gives back what allocate_huge(bytes) returned.
void free_huge(void* p, std::size_t bytes) noexcept;

// Large arrays held in place in a mapped file (mapped_file.hpp: a snapshot
// opened serves its arrays from the page cache instead of copying them).
// The allocator's side of it: an offer of the file's bytes for the next
// large allocation of exactly their size on this thread, and the release
// of an array so held when it is freed.
namespace in_place {
// The offered bytes when `bytes` is what is offered (the offer is then
// taken); nullptr otherwise.
void* take_offer(std::size_t bytes) noexcept;
// Whether `p` is an array held in a mapped file; if so its hold is dropped
// (the mapping goes with the last one).
bool release(void* p) noexcept;
// Set while an array taken from an offer is sized: its elements are the
// file's bytes, which sizing must leave as they are.
constinit inline thread_local bool sizing = false;
}  // namespace in_place

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
    if (void* offered = in_place::take_offer(n * sizeof(T))) return static_cast<T*>(offered);
    return static_cast<T*>(allocate_huge(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < kHugePageWorthy) std::allocator<T>().deallocate(p, n);
    else if (!in_place::release(p)) free_huge(p, n * sizeof(T));
  }

  // As std::allocator, except that an array sized in place keeps the
  // file's bytes (in_place::sizing).
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    if constexpr (std::is_trivially_default_constructible_v<U>) {
      if (in_place::sizing) {
        ::new (static_cast<void*>(p)) U;
        return;
      }
    }
    ::new (static_cast<void*>(p)) U();
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
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
