// Replaying the log's commits onto a graph loaded from the snapshot: the
// one rule both the writer's open and a read-only open follow. Records the
// snapshot already holds (a crash, or a concurrent checkpoint, came between
// the snapshot's rename and the log's reset) are skipped; the rest must
// follow on one by one, or the log is refused as damaged.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>

#include "engine/store/graph.hpp"

namespace ergo::storage {

class CommitReplay {
 public:
  // Replays onto `graph`, which holds the snapshot of commit
  // `snapshot_sequence` (0: no snapshot). `log_path` names the log in errors.
  CommitReplay(store::Graph& graph, std::uint64_t snapshot_sequence, std::filesystem::path log_path)
      : graph_(graph), snapshot_sequence_(snapshot_sequence), sequence_(snapshot_sequence),
        log_path_(std::move(log_path)) {}

  // Applies the record at byte `offset` of the log. Throws ergo::Error
  // (data_error) naming the log and the offset when the record is malformed
  // or does not follow the last commit applied.
  void operator()(std::uint64_t offset, std::span<const std::byte> payload);

  // The last commit the graph holds now.
  std::uint64_t sequence() const { return sequence_; }

 private:
  store::Graph& graph_;
  std::uint64_t snapshot_sequence_;
  std::uint64_t sequence_;
  std::filesystem::path log_path_;
};

}  // namespace ergo::storage
