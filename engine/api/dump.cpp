// Database::dump and dump_csv: the whole graph out through the writers of
// engine/export/, under the read lock. Each writer runs once into nothing
// first, so a graph the format cannot express fails before a byte reaches
// the caller's stream (docs/export.md).
#include <ostream>
#include <vector>

#include "engine/api/database_impl.hpp"
#include "engine/api/held_locks.hpp"
#include "engine/export/writers.hpp"
#include "ergo/database.hpp"

namespace ergo {
namespace {

// Rows per UNWIND statement of the Cypher export.
constexpr std::size_t kCypherBatchRows = 500;

void check_written(const std::ostream& out) {
  if (!out) throw Error(ErrorKind::io_error, "could not write the dump: the output stream failed");
}

}  // namespace

DumpSummary Database::dump(std::ostream& out, DumpFormat format) const {
  if (format == DumpFormat::csv) {
    throw Error(ErrorKind::argument_error,
                "a CSV dump is several files, nodes and relationships: call dump_csv() with a CsvFileOpener");
  }
  detail::ReadView view(*impl_->versions);
  const store::Graph& g = view.graph();
  auto write = [&](std::ostream& to) {
    switch (format) {
      case DumpFormat::kg: dump::write_kg(g, to); break;
      case DumpFormat::cypher: dump::write_cypher(g, to, kCypherBatchRows); break;
      case DumpFormat::graphml: dump::write_graphml(g, to); break;
      case DumpFormat::jsonl: dump::write_jsonl(g, to); break;
      case DumpFormat::csv: break;
    }
  };
  std::ostream nowhere(nullptr);
  write(nowhere);
  write(out);
  check_written(out);
  return {g.live_node_count(), g.live_relationship_count()};
}

DumpSummary Database::dump_csv(const CsvFileOpener& open) const {
  detail::ReadView view(*impl_->versions);
  const store::Graph& g = view.graph();
  std::ostream nowhere(nullptr);
  dump::write_csv(g, [&](const std::string&) -> std::ostream& { return nowhere; });
  std::vector<std::ostream*> opened;
  dump::write_csv(g, [&](const std::string& name) -> std::ostream& {
    std::ostream& out = open(name);
    opened.push_back(&out);
    return out;
  });
  for (const std::ostream* out : opened) check_written(*out);
  return {g.live_node_count(), g.live_relationship_count()};
}

}  // namespace ergo
