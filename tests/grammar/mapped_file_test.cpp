// Arrays held in a mapped file (grammar/text/mapped_file.hpp): a held array
// reads the file's bytes where the mapping has them; writing to it never
// reaches the file; growing it copies it out; the mapping lasts while the
// MappedFile or any held array does, and goes with the last of them;
// arrays too small, misaligned, or of types whose construction writes are
// refused (the caller copies them).
#include "grammar/text/mapped_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ergo::text {
namespace {

namespace fs = std::filesystem;

// A file of `count` u32s counting up from 0, after `offset` bytes of 0xAB.
struct CountingFile {
  fs::path path;
  int fd = -1;
  CountingFile(std::size_t offset, std::size_t count) {
    path = fs::temp_directory_path() / ("ergo-mapped-" + std::to_string(::getpid()) + "-" + std::to_string(offset));
    std::vector<std::uint32_t> values(count);
    std::iota(values.begin(), values.end(), 0u);
    std::ofstream out(path, std::ios::binary);
    const std::string lead(offset, '\xAB');
    out.write(lead.data(), static_cast<std::streamsize>(lead.size()));
    out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * 4));
    out.close();
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  ~CountingFile() {
    ::close(fd);
    fs::remove(path);
  }
  std::size_t size() const { return static_cast<std::size_t>(fs::file_size(path)); }
  std::uint32_t value_on_disk(std::size_t offset, std::size_t i) const {
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset + i * 4));
    std::uint32_t v = 0;
    in.read(reinterpret_cast<char*>(&v), 4);
    return v;
  }
};

// Whether this process maps `path` (what /proc/self/maps lists).
bool mapped(const fs::path& path) {
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) {
    if (line.find(path.string()) != std::string::npos) return true;
  }
  return false;
}

constexpr std::size_t kCount = kHugePageWorthy / 4 * 2 + 5;

// The file mapped, and its kCount values held in `values`.
struct Held {
  std::unique_ptr<MappedFile> mapping;
  HugeVector<std::uint32_t> values;
  Held(const CountingFile& file, std::size_t offset) : mapping(MappedFile::map(file.fd, file.size())) {
    EXPECT_NE(mapping, nullptr);
    if (mapping) {
      EXPECT_TRUE(mapping->hold(values, mapping->bytes().data() + offset, kCount));
    }
  }
};

TEST(MappedFile, AHeldArrayReadsTheFileWhereItIsMapped) {
  CountingFile file(64, kCount);
  Held held(file, 64);
  const HugeVector<std::uint32_t>& v = held.values;
  EXPECT_EQ(static_cast<const void*>(v.data()), static_cast<const void*>(held.mapping->bytes().data() + 64));
  ASSERT_EQ(v.size(), kCount);
  for (std::size_t i = 0; i < kCount; i += 997) ASSERT_EQ(v[i], i);
  EXPECT_EQ(v.back(), kCount - 1);
}

TEST(MappedFile, WritesStayInTheProcessAndGrowingCopiesOut) {
  CountingFile file(128, kCount);
  Held held(file, 128);
  HugeVector<std::uint32_t>& v = held.values;
  ASSERT_EQ(v.size(), kCount);
  v[10] = 77;
  EXPECT_EQ(v[10], 77u);
  EXPECT_EQ(file.value_on_disk(128, 10), 10u);  // the file is as it was
  // A second mapping of the file sees the file, not this process's write.
  auto other = MappedFile::map(file.fd, file.size());
  std::uint32_t seen = 0;
  std::memcpy(&seen, other->bytes().data() + 128 + 40, 4);
  EXPECT_EQ(seen, 10u);
  v.push_back(5);  // no room: copied out, every element with it
  EXPECT_NE(static_cast<const void*>(v.data()), static_cast<const void*>(held.mapping->bytes().data() + 128));
  EXPECT_EQ(v[10], 77u);
  EXPECT_EQ(v[kCount - 1], kCount - 1);
  EXPECT_EQ(v.back(), 5u);
}

TEST(MappedFile, TheMappingLastsWhileAnyHeldArrayDoes) {
  CountingFile file(0, kCount);
  std::optional<HugeVector<std::uint32_t>> first, second;
  {
    auto m = MappedFile::map(file.fd, file.size());
    ASSERT_NE(m, nullptr);
    first.emplace();
    second.emplace();
    ASSERT_TRUE(m->hold(*first, m->bytes().data(), kCount / 2));
    ASSERT_TRUE(m->hold(*second, m->bytes().data() + kCount / 2 * 4, kCount - kCount / 2));
    EXPECT_TRUE(mapped(file.path));
  }
  // The MappedFile is gone; its arrays still read the file.
  EXPECT_TRUE(mapped(file.path));
  EXPECT_EQ((*first)[3], 3u);
  EXPECT_EQ(second->back(), kCount - 1);
  HugeVector<std::uint32_t> moved = std::move(*first);  // moving keeps the hold
  first.reset();
  EXPECT_EQ(moved[7], 7u);
  moved = HugeVector<std::uint32_t>();  // frees it (= {} would keep its storage)
  EXPECT_TRUE(mapped(file.path));
  second.reset();
  EXPECT_FALSE(mapped(file.path));
}

TEST(MappedFile, SmallMisalignedOrNotPlainArraysAreLeftToCopy) {
  CountingFile file(2, kCount);
  auto m = MappedFile::map(file.fd, file.size());
  ASSERT_NE(m, nullptr);
  HugeVector<std::uint32_t> small;
  EXPECT_FALSE(m->hold(small, m->bytes().data() + 2, 100));  // too few to be worth a hold
  EXPECT_TRUE(small.empty());
  HugeVector<std::uint32_t> misaligned;
  EXPECT_FALSE(m->hold(misaligned, m->bytes().data() + 2, kCount - 1));
  EXPECT_TRUE(misaligned.empty());
  HugeVector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // sizing would zero them
  EXPECT_FALSE(m->hold(pairs, m->bytes().data() + 6, kCount / 2 - 2));
  HugeVector<std::uint32_t> outside;
  EXPECT_FALSE(m->hold(outside, m->bytes().data() + 8, kCount));  // runs past the end
  HugeVector<std::uint16_t> held;
  EXPECT_TRUE(m->hold(held, m->bytes().data() + 2, kCount));
  m.reset();
  held = HugeVector<std::uint16_t>();
  EXPECT_FALSE(mapped(file.path));
  // Arrays that were never held free as before.
  HugeVector<std::uint32_t> ordinary(kCount, 1);
  ordinary = HugeVector<std::uint32_t>();
}

}  // namespace
}  // namespace ergo::text
