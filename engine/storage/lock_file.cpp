// The writer lock (see lock_file.hpp).
#include "engine/storage/lock_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "ergo/error.hpp"

namespace ergo::storage {

LockFile::LockFile(const std::filesystem::path& dir) : file_(dir / "lock", O_RDWR | O_CREAT) {
  if (::flock(file_.fd(), LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    if (error != EWOULDBLOCK) throw_io("lock", file_.path(), error);
    std::string pid;
    const FileBytes holder = file_.read_all();
    for (std::byte b : holder.bytes()) {
      const char c = static_cast<char>(b);
      if (c >= '0' && c <= '9') pid += c;
    }
    const bool self = pid == std::to_string(::getpid());
    throw Error(ErrorKind::io_error,
                "the database '" + dir.string() + "' is in use by " + (self ? "this process (pid " : "process ") +
                    (pid.empty() ? std::string("unknown") : pid) + (self ? ")" : "") +
                    "; only one process may write it at a time: close that one first, or open it read-only beside it "
                    "(ergo --read-only, StorageOptions::read_only) (lock file '" +
                    file_.path().string() + "')",
                {}, file_.path().string());
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  file_.truncate(0);
  file_.write_at(0, std::as_bytes(std::span(pid.data(), pid.size())));
}

}  // namespace ergo::storage
