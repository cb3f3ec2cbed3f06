// ergo::DumpFormat: the formats Database::dump() exports a whole graph in,
// and how a format is named or guessed from a file name (docs/export.md).
//
//   std::ofstream out("graph.cypher");
//   db.dump(out, ergo::DumpFormat::cypher);
//
// Thread safety: plain values and pure functions.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace ergo {

enum class DumpFormat {
  kg,       // ergo's own .kg triples: loads back into the same graph
  cypher,   // a Cypher script of batched UNWIND … CREATE for ergo, Neo4j 5, Memgraph
  csv,      // neo4j-admin import CSV: a nodes file and a relationships file
  graphml,  // GraphML with typed keys, for Gephi, yEd, networkx
  jsonl,    // JSON Lines in the shape of APOC's apoc.export.json
};

// What a dump wrote.
struct DumpSummary {
  std::size_t nodes = 0;
  std::size_t relationships = 0;
};

// Where a CSV dump (Database::dump_csv) writes its files: called once per
// file, in order — "nodes.csv", then "relationships.csv", with
// "nodes-2.csv", "relationships-2.csv", ... after each when a property key
// holds values of several types (a CSV column has one) — and returns the
// stream to write that file to, which must stay valid until dump_csv()
// returns.
using CsvFileOpener = std::function<std::ostream&(const std::string& file_name)>;

// "kg", "cypher", "csv", "graphml", "jsonl".
const char* dump_format_name(DumpFormat format);

// The format a name names (one of dump_format_name()'s, exact, lower
// case); nullopt for anything else.
std::optional<DumpFormat> parse_dump_format(std::string_view name);

// The format a file name's extension says, in any letter case: .kg,
// .cypher or .cql, .csv, .graphml, .jsonl or .ndjson; nullopt for any other
// (or none).
std::optional<DumpFormat> dump_format_for_path(std::string_view path);

}  // namespace ergo
