// ergo::Database: an embedded graph database — open one, run openCypher
// queries on it, read the results.
//
//   ergo::Database db = ergo::Database::open({"data/"});
//   ergo::Result r = db.execute("MATCH (c:Company)-[:INVESTS_IN]->(o) RETURN c.name, o.name");
//
// Thread safety: any number of threads may run read-only queries on one
// Database at once; queries that write are serialized with all others.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ergo/error.hpp"
#include "ergo/result.hpp"
#include "ergo/value.hpp"

namespace ergo {

// Query parameters by name, without the `$`.
using Params = std::map<std::string, Value, std::less<>>;

struct LoadSummary {
  std::size_t files = 0;
  std::size_t entities = 0;
  std::size_t relationships = 0;
  std::vector<std::string> warnings;  // rendered, one per warning
};

// What is in a database, as the openCypher TCK measures side effects.
struct GraphStatistics {
  std::size_t nodes = 0;
  std::size_t relationships = 0;
  std::size_t labels = 0;      // distinct label names carried by at least one node
  std::size_t properties = 0;  // key-value pairs over all nodes and relationships
  friend bool operator==(const GraphStatistics&, const GraphStatistics&) = default;
};

class Database {
 public:
  // An empty in-memory database.
  Database();
  // A database holding the .kg files and directories at `paths`. Throws
  // ergo::Error (data_error or io_error, rendered with every problem found)
  // when any of them cannot be loaded; nothing is loaded then.
  static Database open(const std::vector<std::string>& paths);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  // Adds more .kg files or directories, all or nothing (see open()).
  LoadSummary load(const std::vector<std::string>& paths);

  // Runs one query (or several separated by ';', returning the last one's
  // result). `source_name` names the text in error messages (a file name,
  // "<query>" by default). Throws ergo::Error: syntax_error and
  // semantic_error before anything runs; type_error, argument_error or
  // runtime_error while running, in which case nothing the query changed is
  // kept.
  Result execute(std::string_view query, const Params& params = {},
                 std::string_view source_name = "<query>");

  // Makes every query running on this database at the moment of the call
  // stop with ergo::Error (runtime_error, code "Cancelled") at its next
  // check, undoing what it changed. Safe to call from any thread or a
  // signal-handling thread; queries started afterwards are not affected.
  void interrupt();

  std::size_t node_count() const;
  std::size_t relationship_count() const;
  GraphStatistics statistics() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ergo
