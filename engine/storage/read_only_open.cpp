// A read-only open of a database directory (see read_only_open.hpp).
#include "engine/storage/read_only_open.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <optional>
#include <string>
#include <vector>

#include "engine/storage/commit_replay.hpp"
#include "engine/storage/database_files.hpp"
#include "engine/storage/file_io.hpp"
#include "engine/storage/log_file.hpp"
#include "engine/storage/snapshot.hpp"
#include "ergo/error.hpp"

namespace ergo::storage {
namespace {

namespace fs = std::filesystem;

// A checkpoint takes as long as writing the whole graph; a reader that
// loses this many races in a row has a writer checkpointing without pause.
constexpr unsigned max_attempts = 100;

// The file at `path` opened for reading, or nullopt when there is none. A
// writer never removes the snapshot or the log (it replaces them by
// rename), so a name seen here is still there to open.
std::optional<File> open_if_there(const fs::path& path) {
  if (!fs::exists(path)) return std::nullopt;
  return File(path, O_RDONLY);
}

struct Identity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const Identity&) const = default;
};

// What the name `path` refers to now; nullopt when nothing.
std::optional<Identity> identity_of(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return std::nullopt;
    throw_io("look at", path, errno);
  }
  return Identity{st.st_dev, st.st_ino};
}

std::optional<Identity> identity_of(const std::optional<File>& file) {
  if (!file) return std::nullopt;
  struct stat st {};
  if (::fstat(file->fd(), &st) != 0) throw_io("look at", file->path(), errno);
  return Identity{st.st_dev, st.st_ino};
}

void check_directory(const fs::path& dir) {
  if (!fs::exists(dir)) {
    throw Error(ErrorKind::io_error,
                "there is no database '" + dir.string() + "' to open read-only (a read-only open creates nothing); "
                "check the name, or open it without --read-only to create it",
                {}, dir.string());
  }
  if (!fs::is_directory(dir)) {
    throw Error(ErrorKind::io_error, "'" + dir.string() + "' is a file, not a database directory; name a directory",
                {}, dir.string());
  }
  refuse_foreign_files(dir);
}

}  // namespace

ReadOnlyOpen open_read_only(const fs::path& dir, store::Graph& graph, const std::function<void()>& between_opens) {
  check_directory(dir);
  const fs::path snapshot_path = dir / "snapshot.ergo", log_path = dir / "log.ergo";
  ReadOnlyOpen result;
  std::optional<File> snapshot, log;
  for (;;) {
    if (++result.attempts > max_attempts) {
      throw Error(ErrorKind::io_error,
                  "the database '" + dir.string() + "' was checkpointed while it was being opened read-only, " +
                      std::to_string(max_attempts) + " times in a row; open it again when its writer is quieter",
                  {}, dir.string());
    }
    snapshot = open_if_there(snapshot_path);
    if (between_opens) between_opens();
    log = open_if_there(log_path);
    if (identity_of(snapshot_path) == identity_of(snapshot)) break;
  }
  if (!snapshot && !log) {
    throw Error(ErrorKind::io_error,
                "'" + dir.string() + "' holds no database yet (no snapshot.ergo, no log.ergo), so there is nothing "
                "to open read-only; open it without --read-only to create one",
                {}, dir.string());
  }
  std::uint64_t snapshot_sequence = 0;
  if (snapshot) snapshot_sequence = read_snapshot(snapshot_path, *snapshot, graph);
  CommitReplay replay(graph, snapshot_sequence, log_path);
  if (log) {
    // Read once: records the writer appends after this are not seen, and
    // one it is appending right now reads as a torn tail.
    const FileBytes log_bytes = log->read_all();
    const std::span<const std::byte> bytes = log_bytes.bytes();
    if (const std::optional<ScanResult> scan = scan_log(log_path, bytes)) {
      for (const RecordSpan& rec : scan->records) replay(rec.offset, rec.payload);
      result.log_bytes = scan->valid_end - file_header_size;
      result.torn_bytes = bytes.size() - scan->valid_end;
    }
  }
  graph.commit();
  result.sequence = replay.sequence();
  return result;
}

}  // namespace ergo::storage
