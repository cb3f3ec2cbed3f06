// Resolving the names a plan holds (labels, types, keys) to store ids when a
// cursor opens or an expression runs. A name the graph has never seen cannot
// match anything.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/store/graph.hpp"

namespace ergo::runtime {

// The ids of all `labels`, or nullopt if any is unknown (so nothing matches).
std::optional<std::vector<store::LabelId>> find_labels(const store::Graph& g, const std::vector<std::string>& labels);

// The ids of the known `types`; `any` is set when `types` is empty (no
// restriction). An empty result with `any` unset means nothing can match.
struct TypeFilter {
  bool any = true;
  std::vector<store::TypeId> ids;
};
TypeFilter find_types(const store::Graph& g, const std::vector<std::string>& types);
// Whether every one of `types` was found: a filter that is not may change
// once the statement creates the missing type, so it is looked up again.
inline bool complete(const TypeFilter& f, const std::vector<std::string>& types) {
  return f.any || f.ids.size() == types.size();
}

bool has_all_labels(const store::Graph& g, store::NodeId n, const std::vector<store::LabelId>& labels);

// The node a slot holds, or nullopt for null. Throws a type error for
// anything else.
std::optional<store::NodeId> node_in(const Value& v);

}  // namespace ergo::runtime
