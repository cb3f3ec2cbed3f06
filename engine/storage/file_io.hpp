// The few POSIX file operations durability needs, each failing with an
// ergo::Error (io_error) that names the file, the operation and the reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "grammar/text/huge_pages.hpp"

namespace ergo::storage {

// A whole file's bytes, read into memory that is not zeroed first
// (File::read_all). A snapshot is mapped instead (text::MappedFile).
class FileBytes {
 public:
  FileBytes(text::HugeBytes data, std::size_t size) : data_(std::move(data)), size_(size) {}

  std::span<const std::byte> bytes() const { return {reinterpret_cast<const std::byte*>(data_.get()), size_}; }

 private:
  text::HugeBytes data_;
  std::size_t size_ = 0;
};

// An owned file descriptor, closed on destruction.
class File {
 public:
  File() = default;
  // Opens `path` with open(2) `flags` (O_CLOEXEC is added).
  File(const std::filesystem::path& path, int flags);
  File(File&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) { other.fd_ = -1; }
  File& operator=(File&& other) noexcept;
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  ~File();

  int fd() const { return fd_; }
  const std::filesystem::path& path() const { return path_; }
  bool is_open() const { return fd_ >= 0; }

  // Writes all of `bytes` at `offset`; throws on a short write (disk full).
  void write_at(std::uint64_t offset, std::span<const std::byte> bytes) const;
  // fsync(2): what was written is on the disk when this returns.
  void sync() const;
  // fdatasync(2): the same for the data and the metadata reading it needs
  // (the size), without the rest (times).
  void sync_data() const;
  void truncate(std::uint64_t size) const;
  std::uint64_t size() const;
  // The whole file (what it holds when read: a file that shrinks while
  // being read gives what was there).
  FileBytes read_all() const;

 private:
  int fd_ = -1;
  std::filesystem::path path_;
};

// fsync(2) on a directory, so a rename or a new file in it survives a crash.
void sync_directory(const std::filesystem::path& dir);

// "could not <what> '<path>': <strerror(errno)>", as an ergo::Error.
[[noreturn]] void throw_io(const std::string& what, const std::filesystem::path& path, int error);

}  // namespace ergo::storage
