// The config keys every graph procedure shares to choose what it runs on —
// `labels`, `types` and `direction` — and the ProjectionSpec they make.
#pragma once

#include "engine/algo/procedure.hpp"
#include "engine/algo/projected_graph.hpp"

namespace ergo::algo {

// labels and types; direction too when the procedure follows directions.
std::vector<Option> projection_options(bool with_direction);

// The projection a call's config asks for.
// Unknown label and type names match nothing, as in MATCH.
ProjectionSpec projection_spec(const store::Graph& g, const Arguments& args);

// The node in argument i, or an ArgumentError when the store has no such node.
NodeId node_argument(const store::Graph& g, const Arguments& args, std::size_t i);

// Number config values, checked against a range: ArgumentError under the
// config argument `config_index` otherwise.
double number_option(const Arguments& args, std::size_t config_index, const char* key, double min, double max,
                     bool max_inclusive = true);
std::int64_t integer_option(const Arguments& args, std::size_t config_index, const char* key, std::int64_t min);

// A node value for a result row.
inline Value node_value(NodeId n) { return Value(NodeRef{n}); }

}  // namespace ergo::algo
