// A file mapped copy-on-write, whose large arrays can be held where the
// page cache has them instead of copied: opening a database serves its
// snapshot's arrays this way (engine/storage/snapshot_read.cpp), so an open
// costs a check of each array, not a copy of it into fresh memory.
//
// An array taken in place is an ordinary HugeVector: it reads the file's
// bytes; a write to it copies the page it touches (MAP_PRIVATE), never
// the file; growing it copies it out as growing any array does; freeing it
// drops its hold on the mapping. The mapping goes when the MappedFile and
// every array taken from it have. Only the file's own writers may change
// it meanwhile: ergo replaces a snapshot by renaming a new file over it,
// which leaves a mapped one as it was.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "grammar/text/huge_pages.hpp"

namespace ergo::text {

class MappedFile {
 public:
  // The `size` bytes of the open file `fd`, mapped; nullptr when they
  // cannot be (the caller reads the file instead).
  static std::unique_ptr<MappedFile> map(int fd, std::size_t size);
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::span<const std::byte> bytes() const { return {begin_, size_}; }

  // Makes the empty `v` hold the `count` elements at `at` (within bytes())
  // where they are. False, leaving `v` empty, when they are too few to be
  // worth it (below kHugePageWorthy: copy them), not aligned for T, or of
  // a type whose default constructor writes (std::pair): sizing the vector
  // would overwrite them.
  template <typename T>
  bool hold(HugeVector<T>& v, const std::byte* at, std::size_t count) const {
    if constexpr (!std::is_trivially_copyable_v<T> || !std::is_trivially_default_constructible_v<T>) return false;
    const std::size_t bytes = count * sizeof(T);
    if (!v.empty() || v.capacity() != 0 || bytes < kHugePageWorthy) return false;
    if (reinterpret_cast<std::uintptr_t>(at) % alignof(T) != 0) return false;
    if (at < begin_ || bytes > size_ || at - begin_ > static_cast<std::ptrdiff_t>(size_ - bytes)) return false;
    {
      const Offer offer(const_cast<std::byte*>(at), bytes);
      v.reserve(count);  // takes the offer
    }
    if (v.data() != reinterpret_cast<const T*>(at)) return false;  // not taken: v has room, nothing else
    in_place::sizing = true;
    v.resize(count);
    in_place::sizing = false;
    return true;
  }

 private:
  MappedFile(std::byte* begin, std::size_t size) : begin_(begin), size_(size) {}
  // Offers `bytes` at `at` to this thread's next allocation of that size,
  // until destroyed.
  struct Offer {
    Offer(std::byte* at, std::size_t bytes);
    Offer(const Offer&) = delete;
    Offer& operator=(const Offer&) = delete;
    ~Offer();
  };

  std::byte* begin_;
  std::size_t size_;
};

}  // namespace ergo::text
