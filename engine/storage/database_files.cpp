// A database directory's own files (see database_files.hpp).
#include "engine/storage/database_files.hpp"

#include <string>

#include "ergo/error.hpp"

namespace ergo::storage {

void refuse_foreign_files(const std::filesystem::path& dir) {
  for (const std::filesystem::directory_entry& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name != "snapshot.ergo" && name != "snapshot.ergo.tmp" && name != "log.ergo" && name != "log.ergo.tmp" &&
        name != "lock") {
      throw Error(ErrorKind::io_error,
                  "'" + dir.string() + "' is not an ergo database: it holds '" + name +
                      "'; name an empty or new directory for a database (load .kg files into it as sources)",
                  {}, dir.string());
    }
  }
}

}  // namespace ergo::storage
