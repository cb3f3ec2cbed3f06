// The plan of a PROFILE query as a tree (Result::profiled_plan()): each
// operator with the rows it produced and its own time, for programs that
// show or compare plans — the Bolt server sends it to Neo4j's drivers as
// the summary's profile, the HTTP API as profiledQueryPlan.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ergo {

struct ProfiledOperator {
  // The operator, as EXPLAIN names it ("Expand", "NodeByLabelScan",
  // "Aggregate", ...), and the rest of its EXPLAIN line ("($0)-[:T $1]->($2)").
  // The root is "Produce" (details: the columns), or for a UNION "Union"
  // (details: "UNION" or "UNION ALL") over one "Produce" per part.
  std::string name;
  std::string details;
  std::uint64_t rows = 0;         // rows it produced
  std::uint64_t nanoseconds = 0;  // its own time: its inputs' time taken out
  std::vector<ProfiledOperator> children;
};

// The text Result::profile() shows: EXPLAIN's lines, each operator with
// "(rows N, T ms)".
std::string to_text(const ProfiledOperator& plan);

}  // namespace ergo
