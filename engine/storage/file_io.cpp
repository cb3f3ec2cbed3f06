// POSIX file operations with errors that say what failed where (file_io.hpp).
#include "engine/storage/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "ergo/error.hpp"

namespace ergo::storage {

void throw_io(const std::string& what, const std::filesystem::path& path, int error) {
  std::string hint;
  if (error == ENOSPC || error == EFBIG || error == EDQUOT) hint = "; free some space (or raise the file size limit) and retry";
  if (error == EACCES || error == EROFS || error == EPERM) hint = "; check the permissions of the database directory";
  throw Error(ErrorKind::io_error,
              "could not " + what + " '" + path.string() + "': " + std::strerror(error) + hint, {}, path.string());
}

File::File(const std::filesystem::path& path, int flags) : path_(path) {
  fd_ = ::open(path.c_str(), flags | O_CLOEXEC, 0644);
  if (fd_ < 0) throw_io("open", path, errno);
}

File& File::operator=(File&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

File::~File() {
  if (fd_ >= 0) ::close(fd_);
}

void File::write_at(std::uint64_t offset, std::span<const std::byte> bytes) const {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    // A write that makes no progress without an error is a full disk too.
    if (n <= 0) throw_io("write to", path_, n < 0 ? errno : ENOSPC);
    done += static_cast<std::size_t>(n);
  }
}

void File::sync() const {
  if (::fsync(fd_) != 0) throw_io("sync", path_, errno);
}

void File::sync_data() const {
  if (::fdatasync(fd_) != 0) throw_io("sync", path_, errno);
}

void File::truncate(std::uint64_t size) const {
  if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) throw_io("truncate", path_, errno);
}

std::uint64_t File::size() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) throw_io("read the size of", path_, errno);
  return static_cast<std::uint64_t>(st.st_size);
}

FileBytes File::read_all() const {
  const std::size_t size = this->size();
  text::HugeBytes bytes = text::allocate_huge_bytes(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd_, bytes.get() + done, size - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_io("read", path_, errno);
    if (n == 0) break;  // shrank while reading: what is there is what we have
    done += static_cast<std::size_t>(n);
  }
  return FileBytes(std::move(bytes), done);
}

void sync_directory(const std::filesystem::path& dir) {
  File d(dir, O_RDONLY | O_DIRECTORY);
  d.sync();
}

}  // namespace ergo::storage
