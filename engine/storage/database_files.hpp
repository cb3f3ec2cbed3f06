// The check that a database directory holds only its own files: `--db data/` by mistake must not be read as,
// or written beside, somebody else's files.
#pragma once

#include <filesystem>

namespace ergo::storage {

// Throws ergo::Error (io_error) naming the first file in `dir` that is not
// one of the database's own (a checkpoint's *.tmp files included).
void refuse_foreign_files(const std::filesystem::path& dir);

}  // namespace ergo::storage
