// Shared by the fuzz targets (tests/fuzz/): the small graph queries run on,
// and input written to a file for the APIs that read files.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "ergo/ergo.hpp"

namespace ergo::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Four nodes and four relationships with a cycle, labels, properties of
// every type, a list and a date: enough for every clause to find rows.
inline Database small_graph() {
  Database db;
  db.execute(
      "CREATE (a:Company {name: 'Microsoft', aliases: ['MS', '마이크로소프트'], founded: date('1975-04-04'), "
      "employees: 221000, score: 0.5, public: true}), "
      "(b:Company {name: 'OpenAI'}), (c:Person {name: 'Sam Altman'}), (d:Topic {name: ''}), "
      "(a)-[:INVESTS_IN {amount: 1000000000, currency: 'USD', line: 4}]->(b), (c)-[:CEO_OF]->(b), "
      "(b)-[:PARTNERS_WITH]->(a), (c)-[:ADVOCATES {context: 'safety'}]->(d)");
  return db;
}

// Writes `bytes` to a file of this process's own (a fuzzer runs one input
// at a time) and returns its path.
inline std::string write_file(std::string_view bytes, const char* suffix) {
  std::string path = "/tmp/ergo-fuzz-" + std::to_string(getpid()) + suffix;
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

}  // namespace ergo::fuzz
