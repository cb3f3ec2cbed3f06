// Opening a database directory read-only, beside a writer that may be
// committing and checkpointing meanwhile (docs/adr/0007-storage.md §7).
// Nothing in the directory is created, written, cut or removed: a torn
// tail is read around, leftover *.tmp files are ignored, no lock is taken.
//
// The snapshot and the log must belong together. A checkpoint renames a new
// snapshot over the old one first and replaces the log second, so a reader
// that opened the old snapshot and then the new, emptied log would miss the
// commits in between. The reader opens the snapshot, then the log, then
// looks at the snapshot's name again: while it still names the file the
// reader holds open (that file cannot be freed and its inode reused while
// held), no checkpoint renamed a snapshot in between, so the log opened is
// that snapshot's own log or the one before it (whose commits the
// snapshot holds and replay skips). Otherwise it opens both again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "engine/store/graph.hpp"

namespace ergo::storage {

struct ReadOnlyOpen {
  std::uint64_t sequence = 0;       // the last commit loaded
  std::uint64_t log_bytes = 0;      // bytes of whole records in the log
  std::uint64_t torn_bytes = 0;     // bytes after them, read around, left in place
  unsigned attempts = 0;            // how many times the pair was opened (1: no checkpoint came between)
};

// Loads the database in `dir` into the empty `graph` as of the moment it is
// opened. Throws ergo::Error: io_error when `dir` is missing, not a
// directory, holds other files or no database, or kept being checkpointed
// through every attempt; data_error for damage (file and offset).
// `between_opens`, for tests, runs after the snapshot is opened and before
// the log is, where a concurrent checkpoint does harm.
ReadOnlyOpen open_read_only(const std::filesystem::path& dir, store::Graph& graph,
                            const std::function<void()>& between_opens = {});

}  // namespace ergo::storage
