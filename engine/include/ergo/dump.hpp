// ergo::DumpFormat: the formats Database::dump() exports a whole graph in,
// and how a format is named or guessed from a file name (docs/export.md).
//
//   std::ofstream out("graph.cypher");
//   db.dump(out, ergo::DumpFormat::cypher);
//
// Thread safety: plain values and pure functions.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

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
// returns. Any callable does (a lambda, usually); the opener refers to it
// without copying it, so it must outlive the dump_csv() call, as a lambda
// written in the call's argument list does. (Not std::function: that
// header alone costs every program including <ergo/ergo.hpp> a tenth of
// its compile time.)
class CsvFileOpener {
 public:
  template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, CsvFileOpener> &&
             std::is_invocable_r_v<std::ostream&, F&, const std::string&>)
  CsvFileOpener(F&& open)  // NOLINT(google-explicit-constructor): a lambda converts
      : callable_(const_cast<void*>(static_cast<const void*>(std::addressof(open)))),
        call_([](void* callable, const std::string& file_name) -> std::ostream& {
          return (*static_cast<std::remove_reference_t<F>*>(callable))(file_name);
        }) {}

  std::ostream& operator()(const std::string& file_name) const { return call_(callable_, file_name); }

 private:
  void* callable_;
  std::ostream& (*call_)(void*, const std::string&);
};

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
