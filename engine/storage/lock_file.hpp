// One writer per database: an exclusive flock(2) on <dir>/lock, which holds
// the owner's pid so the next one can say who has it. The kernel drops the
// lock when the process dies, kill -9 included, so a crash never leaves a
// database locked.
#pragma once

#include <filesystem>

#include "engine/storage/file_io.hpp"

namespace ergo::storage {

class LockFile {
 public:
  // Takes the lock or throws ergo::Error (io_error) naming the pid that
  // holds it.
  explicit LockFile(const std::filesystem::path& dir);

 private:
  File file_;
};

}  // namespace ergo::storage
