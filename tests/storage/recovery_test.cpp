// Recovery: a log cut at any byte of its last records opens as exactly the
// last complete commit; damage anywhere else, in the log or the snapshot, is
// refused naming the file and the byte offset of the damaged record.
#include <sys/wait.h>
#include <unistd.h>

#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;

// A database whose log holds `commits` commits (each a node :C {i}, plus a
// relationship to the previous one and a property set on it, so a commit
// touches old and new elements), written by a child process that never
// checkpoints. Returns the log's size after each commit.
std::vector<std::uint64_t> make_log(const fs::path& path, int commits) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    Database db = Database::open_directory(path.string());
    db.execute("CREATE (:C {i: 0})");
    for (int i = 1; i < commits; ++i) {
      db.execute("MATCH (p:C {i: $p}) SET p.next = $i CREATE (p)-[:NEXT {w: $i}]->(:C {i: $i, s: 'node ' + toString($i)})",
                 {{"p", i - 1}, {"i", i}});
    }
    _exit(0);
  }
  close(fds[1]);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::vector<std::uint64_t> ends;
  auto bytes = read_bytes(path / "log.ergo");
  // The log keeps zeros ahead of its records (LogFile::make_room); cut
  // them here, as a log written before that was, so the tests below go
  // through every byte of the records.
  EXPECT_GT(bytes.size(), records_end(bytes));
  bytes.resize(records_end(bytes));
  write_bytes(path / "log.ergo", bytes);
  for (std::uint64_t offset : record_offsets(bytes)) ends.push_back(offset);
  ends.push_back(bytes.size());
  ends.erase(ends.begin());  // the end of each record: the next one's start, then the file's end
  return ends;
}

TEST(StorageRecovery, ALogCutAtEveryByteOfItsLastRecordsOpensAsTheLastWholeCommit) {
  TempDir dir;
  const fs::path original = dir / "original";
  const int commits = 6;
  const std::vector<std::uint64_t> ends = make_log(original, commits);
  ASSERT_EQ(ends.size(), static_cast<std::size_t>(commits));
  const auto bytes = read_bytes(original / "log.ergo");
  // From the end of commit 3 (of 6) to the end of the file: every length.
  int checked = 0;
  for (std::uint64_t cut = ends[2]; cut <= bytes.size(); ++cut) {
    const fs::path copy = dir / "copy";
    fs::remove_all(copy);
    fs::create_directory(copy);
    write_bytes(copy / "log.ergo", std::vector<char>(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut)));
    int whole = 0;
    while (whole < commits && ends[whole] <= cut) ++whole;
    {
      Database db = Database::open_directory(copy.string());
      ASSERT_EQ(count_of(db, "MATCH (c:C) RETURN count(c)"), whole) << "cut at " << cut;
      ASSERT_EQ(count_of(db, "MATCH (:C)-[r:NEXT]->(:C) RETURN count(r)"), whole - 1) << "cut at " << cut;
      ASSERT_EQ(count_of(db, "MATCH (c:C) WHERE c.next IS NOT NULL RETURN count(c)"), whole - 1) << "cut at " << cut;
      ASSERT_EQ(count_of(db, "MATCH (c:C) RETURN max(c.i)"), whole - 1) << "cut at " << cut;
      // The torn tail is gone from the file (zeros may stay: room, not
      // records), so the next commit follows the last whole one.
      const auto after = read_bytes(copy / "log.ergo");
      const std::uint64_t end = whole ? ends[whole - 1] : 16u;
      ASSERT_GE(after.size(), end) << "cut at " << cut;
      ASSERT_TRUE(std::equal(after.begin(), after.begin() + static_cast<std::ptrdiff_t>(end), bytes.begin())) << cut;
      ASSERT_TRUE(std::all_of(after.begin() + static_cast<std::ptrdiff_t>(end), after.end(), [](char c) { return c == 0; }))
          << "cut at " << cut;
      db.execute("CREATE (:After)");
    }
    Database db = Database::open_directory(copy.string());
    ASSERT_EQ(count_of(db, "MATCH (c:C) RETURN count(c)"), whole);
    ASSERT_EQ(count_of(db, "MATCH (a:After) RETURN count(a)"), 1);
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(bytes.size() - ends[2] + 1));
}

TEST(StorageRecovery, ZerosAfterTheLastRecordAreATornTail) {
  TempDir dir;
  const fs::path path = dir / "db";
  const std::vector<std::uint64_t> ends = make_log(path, 3);
  auto bytes = read_bytes(path / "log.ergo");
  bytes.resize(bytes.size() + 4096, 0);
  write_bytes(path / "log.ergo", bytes);
  Database db = Database::open_directory(path.string());
  EXPECT_EQ(count_of(db, "MATCH (c:C) RETURN count(c)"), 3);
}

std::string open_error(const fs::path& path) {
  try {
    Database::open_directory(path.string());
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::data_error);
    return e.message();
  }
  ADD_FAILURE() << "opened";
  return "";
}

TEST(StorageRecovery, AFlippedByteInTheMiddleOfTheLogIsRefusedWithFileAndOffset) {
  TempDir dir;
  const fs::path path = dir / "db";
  make_log(path, 6);
  const auto bytes = read_bytes(path / "log.ergo");
  const std::vector<std::uint64_t> starts = record_offsets(bytes);
  const std::string log = (path / "log.ergo").string();
  // A byte in the payload of record 3, in its payload checksum, in its length.
  for (std::uint64_t at : {starts[2] + 1, starts[2] + 9, starts[2] + 40}) {
    auto damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    write_bytes(path / "log.ergo", damaged);
    const std::string message = open_error(path);
    EXPECT_NE(message.find("the log '" + log + "' is damaged at byte " + std::to_string(starts[2]) + ": "),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("nothing was opened"), std::string::npos) << message;
  }
  // The file is left as it was found: nothing discarded.
  auto damaged = bytes;
  damaged[starts[2] + 40] = static_cast<char>(damaged[starts[2] + 40] ^ 0x10);
  EXPECT_EQ(read_bytes(path / "log.ergo"), damaged);
  // A damaged header.
  damaged = bytes;
  damaged[3] ^= 1;
  write_bytes(path / "log.ergo", damaged);
  EXPECT_EQ(open_error(path), "the log '" + log +
                                  "' is damaged at byte 0: not an ergo log header; nothing was opened. Restore the "
                                  "database directory from a copy");
}

TEST(StorageRecovery, AFlippedByteInTheSnapshotIsRefusedWithFileAndOffset) {
  TempDir dir;
  const fs::path path = dir / "db";
  {
    Database db = Database::open_directory(path.string());
    db.load({ERGO_DATA_DIR});
  }
  const auto bytes = read_bytes(path / "snapshot.ergo");
  const std::vector<std::uint64_t> starts = record_offsets(bytes);
  ASSERT_GE(starts.size(), 5u);
  const std::string snapshot = (path / "snapshot.ergo").string();
  // Every record but the last: a flip in the middle of its payload.
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    const std::uint64_t at = (starts[k] + 12 + starts[k + 1]) / 2;
    auto damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    write_bytes(path / "snapshot.ergo", damaged);
    EXPECT_EQ(open_error(path), "the snapshot '" + snapshot + "' is damaged at byte " + std::to_string(starts[k]) +
                                    ": checksum mismatch in a record of " +
                                    std::to_string(starts[k + 1] - starts[k] - 12) +
                                    " bytes; nothing was opened. Restore the database directory from a copy");
  }
  // The last record (the end marker): cut short or damaged, the snapshot is incomplete.
  auto damaged = bytes;
  damaged.back() ^= 1;
  write_bytes(path / "snapshot.ergo", damaged);
  EXPECT_EQ(open_error(path), "the snapshot '" + snapshot + "' is damaged at byte " +
                                  std::to_string(starts.back()) +
                                  ": the snapshot ends before its end record; nothing was opened. Restore the "
                                  "database directory from a copy");
  write_bytes(path / "snapshot.ergo", bytes);
  Database db = Database::open_directory(path.string());
  EXPECT_EQ(db.node_count(), 86u);
}

TEST(StorageRecovery, AnotherFileVersionIsRefusedByName) {
  TempDir dir;
  const fs::path path = dir / "db";
  { Database db = Database::open_directory(path.string()); db.execute("CREATE ()"); }
  auto bytes = read_bytes(path / "snapshot.ergo");
  bytes[8] = 4;  // version 4, and a header checksum to match
  std::uint32_t crc = 0xFFFFFFFFu;
  for (int i = 0; i < 12; ++i) {
    crc ^= static_cast<unsigned char>(bytes[i]);
    for (int k = 0; k < 8; ++k) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  crc = ~crc;
  for (int i = 0; i < 4; ++i) bytes[12 + i] = static_cast<char>(crc >> (8 * i));
  write_bytes(path / "snapshot.ergo", bytes);
  EXPECT_EQ(open_error(path), "the snapshot '" + (path / "snapshot.ergo").string() +
                                  "' has format version 4; this ergo reads versions 1 to 3: open it with a matching ergo");
}

}  // namespace
}  // namespace ergo::storage_test
