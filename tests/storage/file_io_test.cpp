// A whole file's bytes, mapped (text::MappedFile, how a snapshot is
// opened) or read: the same bytes either way, for an empty file (read;
// nothing to map), a small one and one of many pages; a mapping outlives
// the File it came from and survives the file being renamed over (what a
// checkpoint does to the snapshot an open database has mapped).
#include <gtest/gtest.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <random>
#include <vector>

#include "engine/storage/file_io.hpp"
#include "ergo/error.hpp"
#include "grammar/text/mapped_file.hpp"

namespace ergo::storage {
namespace {

namespace fs = std::filesystem;

class FileBytesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ergo_file_io_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::vector<std::byte>& bytes) {
    const fs::path path = dir_ / name;
    File f(path, O_RDWR | O_CREAT | O_TRUNC);
    f.write_at(0, bytes);
    return path;
  }

  static std::vector<std::byte> random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::byte> v(n);
    for (auto& b : v) b = static_cast<std::byte>(rng());
    return v;
  }

  static std::vector<std::byte> copy(std::span<const std::byte> s) { return {s.begin(), s.end()}; }

  fs::path dir_;
};

TEST_F(FileBytesTest, MappedAndReadGiveTheSameBytes) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4095}, std::size_t{4096},
                        std::size_t{3 << 20} + 17}) {
    const std::vector<std::byte> expected = random_bytes(n, static_cast<unsigned>(n));
    const fs::path path = write("f" + std::to_string(n), expected);
    const File f(path, O_RDONLY);
    const auto mapped = text::MappedFile::map(f.fd(), static_cast<std::size_t>(f.size()));
    if (n == 0) {
      EXPECT_EQ(mapped, nullptr);
    } else {
      ASSERT_NE(mapped, nullptr) << n;
      EXPECT_EQ(copy(mapped->bytes()), expected) << n;
    }
    EXPECT_EQ(copy(f.read_all().bytes()), expected) << n;
  }
}

TEST_F(FileBytesTest, AMappingOutlivesItsFileAndARenameOverIt) {
  const std::vector<std::byte> old_bytes = random_bytes(100000, 1);
  const fs::path path = write("snapshot", old_bytes);
  std::unique_ptr<text::MappedFile> mapped;
  {
    const File f(path, O_RDONLY);
    mapped = text::MappedFile::map(f.fd(), static_cast<std::size_t>(f.size()));
  }
  ASSERT_NE(mapped, nullptr);
  // A checkpoint writes the new snapshot beside the old one and renames it over.
  const fs::path fresh = write("snapshot.tmp", random_bytes(50000, 2));
  fs::rename(fresh, path);
  const std::unique_ptr<text::MappedFile> moved = std::move(mapped);
  EXPECT_EQ(copy(moved->bytes()), old_bytes);
  const File renamed(path, O_RDONLY);
  EXPECT_EQ(text::MappedFile::map(renamed.fd(), static_cast<std::size_t>(renamed.size()))->bytes().size(), 50000u);
}

TEST_F(FileBytesTest, AMissingFileIsAnErrorNamingIt) {
  try {
    const File f(dir_ / "absent", O_RDONLY);
    FAIL() << "opened a missing file";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("absent"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ergo::storage
