// Messages for what an export cannot express (see refusal.hpp).
#include "engine/export/refusal.hpp"

#include "ergo/error.hpp"

namespace ergo::dump {

std::string describe_node(const store::Graph& graph, store::NodeId n) {
  std::string out = "node " + std::to_string(n);
  Value name = graph.node_property(n, graph.name_key());
  if (const auto* s = name.get_if<std::string>()) out += " (" + Value(*s).to_cypher() + ")";
  return out;
}

std::string describe_relationship(const store::Graph& graph, store::RelId r) {
  return "relationship " + std::to_string(r) + " (:" + graph.types().name(graph.type_of(r)) + " from " +
         describe_node(graph, graph.source(r)) + " to " + describe_node(graph, graph.target(r)) + ")";
}

void refuse(std::string_view format, const std::string& problem, const std::string& advice) {
  throw Error(ErrorKind::data_error, "cannot export as " + std::string(format) + ": " + problem + "; " + advice);
}

std::string describe_type(const Value& v) {
  switch (v.type()) {
    case Value::Type::null: return "null";
    case Value::Type::boolean: return "a boolean";
    case Value::Type::integer: return "an integer";
    case Value::Type::floating: return "a float";
    case Value::Type::string: return "a string";
    case Value::Type::date: return "a date";
    case Value::Type::list: return "a list";
    case Value::Type::map: return "a map";
    default: return "a graph element";
  }
}

}  // namespace ergo::dump
