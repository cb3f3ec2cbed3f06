// Memory for large arrays, on huge pages where asked and the kernel allows it (huge_pages.hpp).
#include "grammar/text/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace ergo::text {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

std::size_t whole_huge_pages(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

}  // namespace

bool huge_pages_asked(const char* setting) {
  if (setting == nullptr) return false;
  const std::string_view s(setting);
  return s == "1" || s == "on" || s == "yes" || s == "true";
}

bool huge_pages_advised() {
  static const bool advised = huge_pages_asked(std::getenv("ERGO_HUGE_PAGES"));
  return advised;
}

void* allocate_huge(std::size_t bytes) {
  const std::size_t length = whole_huge_pages(bytes);
  // From malloc, not mmap: freeing a large malloc'd block raises glibc's
  // threshold for serving blocks from fresh mappings (up to 32 MiB), so the
  // executor's large temporaries (a result's rows) are then reused instead
  // of faulted in anew by every query. With the arrays mapped directly that
  // never happened, and a 37,690-row answer took 14 ms instead of 4.
  void* p = std::aligned_alloc(kHugePage, length);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  // Failure only means no huge pages: the memory works the same.
  if (huge_pages_advised()) ::madvise(p, length, MADV_HUGEPAGE);
#endif
  return p;
}

void free_huge(void* p, std::size_t) noexcept { std::free(p); }

}  // namespace ergo::text
