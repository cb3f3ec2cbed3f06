// Helpers for the storage tests: a temporary database directory, the whole
// graph as one canonical text (to compare two databases exactly), and the
// record layout of a log or snapshot file (to aim damage at a record).
#pragma once

#include <algorithm>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ergo/ergo.hpp"
#include "tests/cli/run_ergo.hpp"

namespace ergo::storage_test {

using ergo::testing::TempDir;

// Every node (id, labels, properties) and relationship (id, ends, type,
// properties), in id order, as Cypher literals: two graphs are the same
// when their texts are.
inline std::string graph_text(Database& db) {
  std::string text;
  // Each Result held by name: a range-for over a temporary's member would dangle.
  const Result nodes = db.execute("MATCH (n) RETURN id(n), labels(n), properties(n) ORDER BY id(n)");
  const Result rels =
      db.execute("MATCH (a)-[r]->(b) RETURN id(r), id(a), type(r), id(b), properties(r) ORDER BY id(r)");
  for (const Result* result : {&nodes, &rels}) {
    for (const auto& row : result->rows()) {
      for (const Value& v : row) text += v.to_cypher() + " ";
      text += "\n";
    }
  }
  return text;
}

inline std::vector<char> read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::vector<char>(std::istreambuf_iterator<char>(in), {});
}

inline void write_bytes(const std::filesystem::path& p, const std::vector<char>& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Where each record of a log or snapshot starts (after the 16-byte header;
// a record is length(4) crc(4) crc(4) payload). Zeros end them: the room a
// log keeps ahead of its records (a real header's checksums are never zero).
inline std::vector<std::uint64_t> record_offsets(const std::vector<char>& bytes) {
  std::vector<std::uint64_t> offsets;
  std::uint64_t at = 16;
  while (at + 12 <= bytes.size()) {
    if (std::all_of(bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.begin() + static_cast<std::ptrdiff_t>(at + 12),
                    [](char c) { return c == 0; })) {
      break;
    }
    std::uint32_t length = 0;
    for (int i = 0; i < 4; ++i) length |= std::uint32_t(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    if (at + 12 + length > bytes.size()) break;
    offsets.push_back(at);
    at += 12 + length;
  }
  return offsets;
}

// Where the records of a log end (the zeros after them are room).
inline std::uint64_t records_end(const std::vector<char>& bytes) {
  const std::vector<std::uint64_t> offsets = record_offsets(bytes);
  if (offsets.empty()) return 16;
  const std::uint64_t last = offsets.back();
  std::uint32_t length = 0;
  for (int i = 0; i < 4; ++i) length |= std::uint32_t(static_cast<unsigned char>(bytes[last + i])) << (8 * i);
  return last + 12 + length;
}

// The count(*) of a query, as an integer.
inline std::int64_t count_of(Database& db, const std::string& query) {
  return db.execute(query).rows().at(0).at(0).as_int();
}

}  // namespace ergo::storage_test
