// The log's commits onto the snapshot's graph (see commit_replay.hpp).
#include "engine/storage/commit_replay.hpp"

#include <string>

#include "engine/storage/bytes.hpp"
#include "engine/storage/commit_record.hpp"
#include "ergo/error.hpp"

namespace ergo::storage {

void CommitReplay::operator()(std::uint64_t offset, std::span<const std::byte> payload) {
  try {
    const std::uint64_t sequence = commit_sequence(payload);
    if (sequence <= snapshot_sequence_) return;  // already in the snapshot
    if (sequence != sequence_ + 1) {
      throw ByteReader::Malformed{"commit " + std::to_string(sequence) + " follows commit " +
                                  std::to_string(sequence_)};
    }
    apply_commit(graph_, payload);
    sequence_ = sequence;
  } catch (const ByteReader::Malformed& m) {
    throw Error(ErrorKind::data_error,
                "the log '" + log_path_.string() + "' is damaged at byte " + std::to_string(offset) + ": " + m.what +
                    "; nothing was opened. Restore the database directory from a copy",
                {}, log_path_.string());
  }
}

}  // namespace ergo::storage
