// The snapshot's layout (engine/storage/snapshot.hpp, version 3): the
// store's arrays written as they are, one aligned record each, and used in
// place when large. Pinned here: a random graph and its writes read back
// element by element and edge by edge, a graph large enough for its arrays
// to be held in the mapped snapshot reads back, takes writes and
// checkpoints as a built one, and the same store when read into memory
// instead; the name index kept as written or rebuilt; databases written by
// the version 1 and 2 formats still open (and are rewritten as version 3 at
// their next checkpoint); and a snapshot whose checksums hold but whose ids
// do not is refused with the file and offset, never trusted.
#include <fcntl.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <random>

#include "engine/storage/crc32.hpp"
#include "engine/storage/snapshot.hpp"
#include "tests/storage/storage_test_support.hpp"

namespace ergo::storage_test {
namespace {

namespace fs = std::filesystem;

std::uint32_t format_version(const fs::path& snapshot) {
  const auto bytes = read_bytes(snapshot);
  return static_cast<unsigned char>(bytes.at(8)) | static_cast<unsigned char>(bytes.at(9)) << 8;
}

// Every relationship seen from both ends, typed and untyped, with each
// node's degrees: what the restored adjacency answers.
std::string adjacency_text(Database& db) {
  std::string text;
  for (const char* q : {"MATCH (a)-[r]->(b) RETURN id(a), collect(id(r)) ORDER BY id(a)",
                        "MATCH (a)<-[r]-(b) RETURN id(a), collect(id(r)) ORDER BY id(a)",
                        "MATCH (a)-[r:T1]->(b) RETURN id(a), collect(id(b)) ORDER BY id(a)",
                        "MATCH (a)<-[r:T0]-(b) RETURN id(a), collect(id(b)) ORDER BY id(a)",
                        "MATCH (a) RETURN id(a), size([(a)--() | 1]), labels(a) ORDER BY id(a)",
                        "MATCH (a:L1) RETURN collect(id(a))"}) {
    const Result result = db.execute(q);
    for (const auto& row : result.rows()) {
      for (const Value& v : row) text += v.to_cypher() + " ";
      text += "\n";
    }
  }
  return text;
}

// Seeded random writes: nodes with one to three labels and properties of
// every column kind (integers, floats, strings, booleans, mixed), typed
// relationships with properties, updates, label changes and deletions.
void random_writes(Database& db, std::mt19937& rng, int statements) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  for (int i = 0; i < statements; ++i) {
    const int a = pick(60), b = pick(60);
    switch (pick(9)) {
      case 0:
      case 1:
        db.execute("CREATE (n:L" + std::to_string(pick(3)) + (pick(2) ? ":L3" : "") +
                       " {name: 'n' + toString($k), k: $k, w: $w, s: 'v' + toString($k % 7), ok: $k % 2 = 0, "
                       "mixed: CASE WHEN $k % 3 = 0 THEN 'x' ELSE $k END})",
                   {{"k", static_cast<std::int64_t>(pick(100000))}, {"w", pick(1000) / 8.0}});
        break;
      case 2:
      case 3:
        db.execute("MATCH (x), (y) WHERE id(x) = $a AND id(y) = $b CREATE (x)-[:T" + std::to_string(pick(3)) +
                       " {since: $a + $b, weight: $w}]->(y)",
                   {{"a", a}, {"b", b}, {"w", pick(100) / 4.0}});
        break;
      case 4: db.execute("MATCH (x) WHERE id(x) = $a SET x.s = 'changed ' + toString($b), x.k = null", {{"a", a}, {"b", b}}); break;
      case 5: db.execute("MATCH (x) WHERE id(x) = $a SET x:L1 REMOVE x:L0", {{"a", a}}); break;
      case 6: db.execute("MATCH (x) WHERE id(x) = $a DETACH DELETE x", {{"a", a}}); break;
      case 7: db.execute("MATCH ()-[r]->() WHERE id(r) = $a DELETE r", {{"a", a}}); break;
      case 8: db.execute("MATCH (x) WHERE id(x) = $a SET x.aliases = ['alias' + toString($a), 'A' + toString($b)]", {{"a", a}, {"b", b}}); break;
    }
  }
}

TEST(SnapshotFormat, RandomGraphsReopenElementByElementAndEdgeByEdge) {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    TempDir dir;
    const fs::path path = dir / "db";
    std::mt19937 rng(seed), same(seed);
    Database memory;
    random_writes(memory, same, 300);
    {
      Database db = Database::open_directory(path.string());
      random_writes(db, rng, 300);
      db.checkpoint();
    }
    EXPECT_EQ(format_version(path / "snapshot.ergo"), 3u);
    {
      Database db = Database::open_directory(path.string());
      EXPECT_EQ(graph_text(db), graph_text(memory));
      EXPECT_EQ(adjacency_text(db), adjacency_text(memory));
      EXPECT_EQ(db.statistics(), memory.statistics());
      EXPECT_EQ(db.find_by_name("ALIAS7").size(), memory.find_by_name("alias7").size());
      // The restored arrays take further writes as built ones do.
      random_writes(db, rng, 200);
      random_writes(memory, same, 200);
      EXPECT_EQ(adjacency_text(db), adjacency_text(memory));
      db.checkpoint();
    }
    Database again = Database::open_directory(path.string(), {.read_only = true});
    EXPECT_EQ(graph_text(again), graph_text(memory));
    EXPECT_EQ(adjacency_text(again), adjacency_text(memory));
  }
}

// Whether this process maps `file` (/proc/self/maps).
bool mapped(const fs::path& file) {
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) {
    if (line.find(" " + file.string()) != std::string::npos) return true;  // "(deleted)" after it too
  }
  return false;
}

// The same statements on a database on disk and one in memory.
void both(Database& disk, Database& memory, const std::string& statement) {
  disk.execute(statement);
  memory.execute(statement);
}

// 140,000 nodes and 163,334 relationships of two types, named, with an
// integer on each node and relationship: arrays past text::kHugePageWorthy.
// Linear statements only (a MATCH by id per UNWIND row scans every node).
void write_large_graph(Database& disk, Database& memory) {
  constexpr int pairs = 70000;
  both(disk, memory, "UNWIND range(0, " + std::to_string(pairs - 1) + ") AS i CREATE (:N {name: 'n' + toString(2 * i), "
                     "v: 2 * i})-[:R {w: i}]->(:N {name: 'n' + toString(2 * i + 1), v: 2 * i + 1})");
  both(disk, memory, "MATCH (a:N)-[r:R]->(b) CREATE (b)-[:S {w: r.w}]->(a)");
  both(disk, memory, "MATCH (a:N)-[r:R]->(b) WHERE r.w % 3 = 0 CREATE (a)-[:S]->(a)");
}

// A graph whose arrays pass text::kHugePageWorthy (node label sets, ends,
// adjacency entries, an integer column): reopened, they are held in the
// mapped snapshot, not copied. They read back as built ones, take every
// kind of write (in place: the pages written are copied, the file is not
// changed; growing: copied out), a checkpoint over the mapped file, and a
// read-only open; the mapping goes when the database closes.
TEST(SnapshotFormat, LargeArraysAreHeldInTheMappedSnapshotAndTakeWritesAsBuiltOnes) {
  TempDir dir;
  const fs::path path = dir / "db", snapshot = path / "snapshot.ergo";
  Database memory;
  {
    Database db = Database::open_directory(path.string());
    write_large_graph(db, memory);
  }
  const std::vector<char> written = read_bytes(snapshot);
  EXPECT_EQ(format_version(snapshot), 3u);
  const std::string query = "MATCH (a {name: 'n4242'})-[r]->(b) RETURN a.v, type(r), r.w, b.name, size([(a)<--() | 1])";
  {
    Database db = Database::open_directory(path.string());
    EXPECT_TRUE(mapped(snapshot)) << "no array held in the snapshot";
    EXPECT_EQ(graph_text(db), graph_text(memory));
    EXPECT_EQ(adjacency_text(db), adjacency_text(memory));
    EXPECT_EQ(db.execute(query).rows(), memory.execute(query).rows());
    // In place (a property, a label, a deletion), then growing every array.
    both(db, memory, "MATCH (a) WHERE id(a) IN [0, 4242, 139999] SET a.v = -a.v, a:Changed");
    both(db, memory, "MATCH ()-[r]->() WHERE id(r) IN [5, 77777, 150000] DELETE r");
    both(db, memory, "MATCH (a) WHERE id(a) = 31337 DETACH DELETE a");
    both(db, memory, "MATCH (a {name: 'n1'}), (b {name: 'n2'}) CREATE (a)-[:R {w: -1}]->(:New {name: 'new'})-[:R]->(b)");
    EXPECT_EQ(graph_text(db), graph_text(memory));
    EXPECT_EQ(adjacency_text(db), adjacency_text(memory));
    EXPECT_EQ(read_bytes(snapshot), written) << "a write reached the mapped file";
    db.checkpoint();  // a new snapshot renamed over the mapped one
  }
  EXPECT_FALSE(mapped(snapshot)) << "the mapping outlived the database";
  {
    Database db = Database::open_directory(path.string(), {.read_only = true});
    EXPECT_TRUE(mapped(snapshot));
    EXPECT_EQ(graph_text(db), graph_text(memory));
    EXPECT_EQ(adjacency_text(db), adjacency_text(memory));
    EXPECT_EQ(db.find_by_name("NEW").size(), 1u);
  }
  EXPECT_FALSE(mapped(snapshot));
}

// Where the snapshot cannot be mapped (mmap refused) it is read into
// memory and its arrays copied: the store comes out the same, array by
// array, as when they are held in the mapping.
TEST(SnapshotFormat, CopiedOrHeldInTheMappingTheStoreIsTheSame) {
  TempDir dir;
  const fs::path path = dir / "db", snapshot = path / "snapshot.ergo";
  {
    Database db = Database::open_directory(path.string()), memory;
    write_large_graph(db, memory);
    db.execute("MATCH (a:N) WHERE a.v % 1000 = 7 DETACH DELETE a");
  }
  store::Graph held, copied;
  const std::uint64_t sequence = storage::read_snapshot(snapshot, held);
  const storage::File file(snapshot, O_RDONLY);
  EXPECT_EQ(storage::read_snapshot(snapshot, file.read_all().bytes(), copied), sequence);
  ASSERT_EQ(held.node_count(), copied.node_count());
  ASSERT_EQ(held.relationship_count(), copied.relationship_count());
  EXPECT_TRUE(std::ranges::equal(held.node_label_sets(), copied.node_label_sets()));
  EXPECT_TRUE(std::ranges::equal(held.sources(), copied.sources()));
  EXPECT_TRUE(std::ranges::equal(held.targets(), copied.targets()));
  EXPECT_TRUE(std::ranges::equal(held.relationship_types(), copied.relationship_types()));
  auto same_entries = [](std::span<const store::Adjacent> a, std::span<const store::Adjacent> b) {
    return std::ranges::equal(a, b, [](const store::Adjacent& x, const store::Adjacent& y) {
      return x.neighbor == y.neighbor && x.rel == y.rel;
    });
  };
  const store::KeyId v = held.keys().find("v").value();
  for (std::size_t i = 0; i < held.node_count(); ++i) {
    const auto n = static_cast<store::NodeId>(i);
    ASSERT_EQ(held.node_exists(n), copied.node_exists(n)) << n;
    ASSERT_TRUE(same_entries(held.out(n), copied.out(n))) << n;
    ASSERT_TRUE(same_entries(held.in(n), copied.in(n))) << n;
    ASSERT_TRUE(std::ranges::equal(held.out_types(n), copied.out_types(n))) << n;
    ASSERT_EQ(held.node_property(n, v), copied.node_property(n, v)) << n;
    ASSERT_EQ(held.node_property(n, held.name_key()), copied.node_property(n, copied.name_key())) << n;
  }
  EXPECT_EQ(held.name_index().size(), copied.name_index().size());
  for (const char* name : {"n0", "N4242", "n139999", "n7", "n1007"}) {
    EXPECT_EQ(held.find_by_name(name), copied.find_by_name(name)) << name;
  }
  EXPECT_EQ(held.find_by_name("n4242").size(), 1u);
  EXPECT_TRUE(held.find_by_name("n1007").empty());  // deleted
}

std::vector<std::string> fixture_statements() {
  std::ifstream in(fs::path(ERGO_SOURCE_DIR) / "tests/storage/data/version1/statements.cypher");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line.substr(0, line.rfind(';')));
  }
  return out;
}

// tests/storage/data/version<N> was written by the ergo of that format
// (version 1: ergo 0.x; version 2: ergo at commit 2109271) by running
// version1/statements.cypher into a new database. It opens read-only and
// for writing, and its next checkpoint writes version 3.
void an_older_database_opens_and_is_rewritten(std::uint32_t version) {
  TempDir dir;
  const fs::path path = dir / "db";
  fs::create_directories(path);
  for (const char* f : {"snapshot.ergo", "log.ergo"}) {
    fs::copy_file(fs::path(ERGO_SOURCE_DIR) / "tests/storage/data" / ("version" + std::to_string(version)) / f, path / f);
  }
  ASSERT_EQ(format_version(path / "snapshot.ergo"), version);
  Database memory;
  const auto statements = fixture_statements();
  ASSERT_EQ(statements.size(), 12u);
  for (const std::string& s : statements) memory.execute(s);
  {
    Database ro = Database::open_directory(path.string(), {.read_only = true});
    EXPECT_EQ(graph_text(ro), graph_text(memory));
  }
  {
    Database db = Database::open_directory(path.string());
    EXPECT_EQ(graph_text(db), graph_text(memory));
    EXPECT_EQ(adjacency_text(db), adjacency_text(memory));
    EXPECT_EQ(db.find_by_name("ms").size(), 1u);
    db.execute("CREATE (:After {name: 'after'})");
    memory.execute("CREATE (:After {name: 'after'})");
  }
  EXPECT_EQ(format_version(path / "snapshot.ergo"), 3u);
  Database db = Database::open_directory(path.string());
  EXPECT_EQ(graph_text(db), graph_text(memory));
  EXPECT_EQ(adjacency_text(db), adjacency_text(memory));
}

TEST(SnapshotFormat, AVersion1DatabaseStillOpensAndIsRewrittenAsVersion3) { an_older_database_opens_and_is_rewritten(1); }
TEST(SnapshotFormat, AVersion2DatabaseStillOpensAndIsRewrittenAsVersion3) { an_older_database_opens_and_is_rewritten(2); }

std::uint32_t get32(const std::vector<char>& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= std::uint32_t(static_cast<unsigned char>(b[at + i])) << (8 * i);
  return v;
}

// `bytes` with the payload of the record at `offset` changed by `change`
// and its checksum made to hold again.
template <class Change>
std::vector<char> rewritten(std::vector<char> bytes, std::uint64_t offset, const Change& change) {
  const std::size_t payload = offset + 12;
  const std::uint32_t length = get32(bytes, offset);
  change(bytes.data() + payload);
  const auto crc = storage::crc32(std::as_bytes(std::span(bytes.data() + payload, length)));
  for (int i = 0; i < 4; ++i) bytes[offset + 8 + i] = static_cast<char>(crc >> (8 * i));
  return bytes;
}

// The offset of the first record whose payload starts with `kind` (and,
// for an array record, holds array `array`).
std::uint64_t record_of(const std::vector<char>& bytes, int kind, int array = -1) {
  for (std::uint64_t offset : record_offsets(bytes)) {
    if (bytes[offset + 12] == kind && (array < 0 || bytes[offset + 13] == array)) return offset;
  }
  ADD_FAILURE() << "no record of kind " << kind;
  return 0;
}

// The name index is written as it is and used as written: names, aliases
// and a name two nodes share are found after reopening. A table written by
// a build whose hash differs (here: its hash check changed) is rebuilt from
// the columns instead, with the same answers; a slot pointing outside the
// table's keys is refused, never followed.
TEST(SnapshotFormat, TheNameIndexIsKeptAsWrittenOrRebuiltWhenItsHashDiffers) {
  TempDir dir;
  const fs::path path = dir / "db", snapshot = path / "snapshot.ergo";
  {
    Database db = Database::open_directory(path.string());
    db.execute("UNWIND range(1, 300) AS i CREATE (:P {name: 'Name ' + toString(i), aliases: ['A' + toString(i)]})");
    db.execute("CREATE (:Twin {name: 'twin'}), (:Twin {name: 'TWIN'}), (:Other {name: '마이크로소프트', aliases: ['MS']})");
    db.execute("MATCH (p:P {name: 'Name 7'}) DETACH DELETE p");
  }
  auto expect_names = [&](Database& db) {
    EXPECT_EQ(db.find_by_name("name 42").size(), 1u);
    EXPECT_EQ(db.find_by_name("a300").size(), 1u);
    EXPECT_EQ(db.find_by_name("Twin").size(), 2u);
    EXPECT_EQ(db.find_by_name("ms").rows(), db.find_by_name("마이크로소프트").rows());
    EXPECT_EQ(db.find_by_name("ms").size(), 1u);
    EXPECT_TRUE(db.find_by_name("Name 7").empty());
    EXPECT_TRUE(db.find_by_name("A7").empty());
  };
  const std::vector<char> bytes = read_bytes(snapshot);
  {
    Database db = Database::open_directory(path.string(), {.read_only = true});
    expect_names(db);
  }
  // As another build would write it: another hash check, and every key in
  // a slot this build's hash would not look in (so a table used anyway
  // would find nothing).
  const std::uint64_t index_record = record_of(bytes, 10), slots_record = record_of(bytes, 6, 17);
  std::vector<char> other_build = rewritten(bytes, index_record, [](char* payload) { payload[1] ^= 0x5A; });
  other_build = rewritten(other_build, slots_record, [&](char* payload) {
    const std::size_t elements = 15 + static_cast<unsigned char>(payload[14]);
    const std::uint32_t count = get32(bytes, slots_record + 12 + 10);
    std::vector<char> table(payload + elements, payload + elements + std::size_t{count} * 24);
    for (std::uint32_t i = 0; i < count; ++i) std::memcpy(payload + elements + i * 24, table.data() + (i + count / 2) % count * 24, 24);
  });
  write_bytes(snapshot, other_build);
  {
    Database db = Database::open_directory(path.string(), {.read_only = true});
    expect_names(db);
  }
  // A live slot (hash above 1) whose key starts past the characters.
  const std::vector<char> bad_slot = rewritten(bytes, slots_record, [](char* payload) {
    const std::size_t elements = 15 + static_cast<unsigned char>(payload[14]);
    for (char* slot = payload + elements;; slot += 24) {
      std::uint64_t hash = 0;
      std::memcpy(&hash, slot, 8);
      if (hash > 1) {
        const std::uint32_t past = 1u << 30;
        std::memcpy(slot + 8, &past, 4);
        return;
      }
    }
  });
  write_bytes(snapshot, bad_slot);
  try {
    Database::open_directory(path.string(), {.read_only = true});
    ADD_FAILURE() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::data_error);
    EXPECT_EQ(e.message(), "the snapshot '" + snapshot.string() + "' is damaged at byte " +
                               std::to_string(record_offsets(bytes).back()) +
                               ": a name slot out of range; nothing was opened. Restore the database directory from a copy");
  }
}

// Array records whose checksums hold but whose ids point past the graph:
// each is refused at its own offset (and never read out of bounds: this
// runs under the sanitizers too).
TEST(SnapshotFormat, IdsOutOfRangeAreRefusedEvenWhenTheChecksumsHold) {
  TempDir dir;
  const fs::path path = dir / "db";
  {
    Database db = Database::open_directory(path.string());
    db.execute("UNWIND range(1, 50) AS i CREATE (:P:Q {name: 'p' + toString(i), k: i, s: 'x' + toString(i)})");
    db.execute("MATCH (a:P), (b:P) WHERE a.k + 1 = b.k CREATE (a)-[:NEXT {w: a.k, t: 'w'}]->(b)");
    db.execute("MATCH (a:P {k: 3}) DETACH DELETE a");
    db.execute("MATCH ()-[r:NEXT {w: 10}]->() DELETE r");
  }
  const std::vector<char> bytes = read_bytes(path / "snapshot.ergo");
  // Array ids whose elements are ids or counts: 1-12 (7 and 10, the
  // degrees, version 2's only), the string spans (16) and the adjacency's
  // slices (20, 21).
  const std::string snapshot = (path / "snapshot.ergo").string();
  int refused = 0;
  for (std::uint64_t offset : record_offsets(bytes)) {
    const std::size_t payload = offset + 12;
    const std::uint32_t length = get32(bytes, offset);
    if (bytes[payload] != 6) continue;  // not an array record
    const int array = static_cast<unsigned char>(bytes[payload + 1]);
    if (!(array <= 12 || array == 16 || array == 20 || array == 21)) continue;
    const std::uint32_t count = get32(bytes, payload + 10);
    if (count == 0) continue;
    std::vector<char> damaged = bytes;
    // The last element's first four bytes (a u16 array: its last two) set to
    // all ones. Before the elements: kind, array, first, count, padding and
    // the padding's bytes.
    const std::size_t padding = static_cast<unsigned char>(bytes[payload + 14]);
    const std::size_t width = (length - 15 - padding) / count;
    ASSERT_EQ(15 + padding + width * count, length);
    ASSERT_EQ((payload + 15 + padding) % 64, 0u) << "elements aligned in the file";
    const std::size_t element = payload + length - width;
    for (std::size_t i = 0; i < std::min<std::size_t>(width, 4); ++i) damaged[element + i] = static_cast<char>(0xFF);
    const auto crc = storage::crc32(std::as_bytes(std::span(damaged.data() + payload, length)));
    for (int i = 0; i < 4; ++i) damaged[offset + 8 + i] = static_cast<char>(crc >> (8 * i));
    write_bytes(path / "snapshot.ergo", damaged);
    SCOPED_TRACE("array " + std::to_string(array));
    try {
      Database::open_directory(path.string(), {.read_only = true});
      ADD_FAILURE() << "opened";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::data_error);
      EXPECT_EQ(e.message().rfind("the snapshot '" + snapshot + "' is damaged at byte " + std::to_string(offset) + ": ", 0), 0u)
          << e.message();
      ++refused;
    }
  }
  // The 12 arrays of elements and adjacency (slices for degrees), and the
  // spans of three string columns (the nodes' name and s, the
  // relationships' t).
  EXPECT_EQ(refused, 15);
  write_bytes(path / "snapshot.ergo", bytes);
  Database db = Database::open_directory(path.string(), {.read_only = true});
  EXPECT_EQ(db.node_count(), 49u);
}

}  // namespace
}  // namespace ergo::storage_test
