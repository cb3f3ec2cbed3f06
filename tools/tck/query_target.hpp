// QueryTarget: what the scenario runner needs from a database — run a query
// with parameters, read the graph's statistics. The real one wraps
// ergo::Database (engine_target.hpp); the tests use a scripted fake.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ergo/database.hpp"
#include "tools/tck/tck_value.hpp"

namespace ergo::tck {

// A query's answer with graph elements already resolved to their content.
struct ActualTable {
  std::vector<std::string> columns;
  std::vector<std::vector<TckValue>> rows;
};

class QueryTarget {
 public:
  virtual ~QueryTarget() = default;
  // Runs `query`; throws ergo::Error when the engine rejects or fails it
  // (any other exception is reported as an engine bug).
  virtual ActualTable execute(std::string_view query, const ergo::Params& params) = 0;
  virtual ergo::GraphStatistics statistics() const = 0;
  // "there exists a procedure SIGNATURE:" — a procedure whose calls answer
  // from `rows` (columns named by `header`): the rows whose argument
  // columns equal the call's arguments, with its output columns.
  virtual void add_procedure(const std::string& signature, const std::vector<std::string>& header,
                             const std::vector<std::vector<ergo::Value>>& rows) = 0;
};

}  // namespace ergo::tck
