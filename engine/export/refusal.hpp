// How an export says it cannot express part of a graph: what, where (the
// element, by id and name) and what to do instead, as one ergo::Error.
#pragma once

#include <string>
#include <string_view>

#include "engine/store/graph.hpp"

namespace ergo::dump {

// "node 5 ('Microsoft')", "node 7" when it has no string name.
std::string describe_node(const store::Graph& graph, store::NodeId n);
// "relationship 3 (:KNOWS from node 1 to node 2)".
std::string describe_relationship(const store::Graph& graph, store::RelId r);

// Throws data_error: "cannot export as FORMAT: PROBLEM; ADVICE".
[[noreturn]] void refuse(std::string_view format, const std::string& problem, const std::string& advice);

// The type of a value in messages: "a map", "a list of lists", ...
std::string describe_type(const Value& v);

}  // namespace ergo::dump
