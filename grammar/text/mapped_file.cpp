// Arrays held in a mapped file (mapped_file.hpp): the mappings, and how many
// holds each has (its MappedFile and every array taken from it).
#include "grammar/text/mapped_file.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <new>
#include <vector>

#include "grammar/text/parallel.hpp"

namespace ergo::text {
namespace {

struct Mapping {
  std::byte* begin;
  std::size_t size;
  std::size_t holds;
};

// Few mappings live at once (one per open database), so a list will do;
// `mappings_live` lets every other free of a large array skip the lock.
std::mutex mappings_lock;
std::vector<Mapping> mappings;
std::atomic<std::size_t> mappings_live{0};

struct PendingOffer {
  std::byte* at = nullptr;
  std::size_t bytes = 0;
};
thread_local PendingOffer offer;

// Drops one hold on the mapping at index `i` (lock held); unmaps it with the last.
void drop_hold(std::size_t i) {
  if (--mappings[i].holds != 0) return;
  ::munmap(mappings[i].begin, mappings[i].size);
  mappings.erase(mappings.begin() + static_cast<std::ptrdiff_t>(i));
  mappings_live.fetch_sub(1, std::memory_order_relaxed);
}

// The mapping holding `p`, or mappings.size() (lock held).
std::size_t mapping_of(const void* p) {
  const auto* b = static_cast<const std::byte*>(p);
  for (std::size_t i = 0; i < mappings.size(); ++i) {
    if (b >= mappings[i].begin && b < mappings[i].begin + mappings[i].size) return i;
  }
  return mappings.size();
}

}  // namespace

namespace in_place {

void* take_offer(std::size_t bytes) noexcept {
  if (offer.at == nullptr || offer.bytes != bytes) return nullptr;
  std::byte* const at = offer.at;
  offer = {};
  const std::scoped_lock lock(mappings_lock);
  const std::size_t i = mapping_of(at);  // an offer lies in a live mapping: its MappedFile makes it
  if (i == mappings.size()) return nullptr;
  ++mappings[i].holds;
  return at;
}

bool release(void* p) noexcept {
  if (mappings_live.load(std::memory_order_relaxed) == 0) return false;
  const std::scoped_lock lock(mappings_lock);
  const std::size_t i = mapping_of(p);
  if (i == mappings.size()) return false;
  drop_hold(i);
  return true;
}

}  // namespace in_place

std::unique_ptr<MappedFile> MappedFile::map(int fd, std::size_t size) {
  if (size == 0) return nullptr;
  // Writable but private: a write to an array held here copies its page.
  void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) return nullptr;
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22  // Linux 5.14; older kernels refuse it and the pages fault in as read
#endif
  // Every byte is read at once (checksums): map the page cache's pages now,
  // without copying them (MAP_POPULATE on a writable private mapping would
  // copy every page), in two halves at once where the file is large (the
  // kit's 94 MiB snapshot: 1.6 against 2.7 ms).
  constexpr std::size_t halves_from = std::size_t{32} << 20;
  const std::size_t half = size / 2 / 4096 * 4096;
  if (size >= halves_from && std::thread::hardware_concurrency() > 1) {
    run_parts(2, [&](std::size_t part) {
      if (part == 0) ::madvise(p, half, MADV_POPULATE_READ);
      else ::madvise(static_cast<std::byte*>(p) + half, size - half, MADV_POPULATE_READ);
    });
  } else {
    ::madvise(p, size, MADV_POPULATE_READ);
  }
  auto* begin = static_cast<std::byte*>(p);
  try {
    const std::scoped_lock lock(mappings_lock);
    mappings.push_back({begin, size, 1});
    mappings_live.fetch_add(1, std::memory_order_relaxed);
  } catch (const std::bad_alloc&) {
    ::munmap(p, size);
    return nullptr;
  }
  return std::unique_ptr<MappedFile>(new MappedFile(begin, size));
}

MappedFile::~MappedFile() {
  const std::scoped_lock lock(mappings_lock);
  drop_hold(mapping_of(begin_));
}

MappedFile::Offer::Offer(std::byte* at, std::size_t bytes) { offer = {at, bytes}; }
MappedFile::Offer::~Offer() { offer = {}; }

}  // namespace ergo::text
