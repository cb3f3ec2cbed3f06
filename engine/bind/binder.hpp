// The binder: turns a parsed statement into a logical plan. It resolves
// variables to frame slots, checks what openCypher forbids (undefined or
// rebound variables, misplaced aggregates, ...) and reports it as
// ergo::Error with the query position and the openCypher detail code.
#pragma once

#include <string>
#include <vector>

#include "engine/algo/catalog.hpp"
#include "engine/plan/operators.hpp"
#include "engine/store/graph.hpp"
#include "ergo/params.hpp"
#include "grammar/cypher/ast.hpp"
#include "grammar/text/source_text.hpp"

namespace ergo::bind {

struct BindInput {
  text::SourcePtr source;
  const store::Graph& graph;  // for warnings about unknown labels and types
  const Params& params;
  // When set (Database::prepare), a parameter missing from `params` is
  // recorded here instead of being an error.
  std::vector<std::string>* parameters_seen = nullptr;
  // The procedures CALL can name; null: the built-in ones.
  const algo::ProcedureCatalog* procedures = nullptr;
};

struct BindOutput {
  plan::QueryPlan plan;
  std::vector<std::string> warnings;
};

BindOutput bind(const cypher::ast::Statement& statement, const BindInput& input);

}  // namespace ergo::bind
