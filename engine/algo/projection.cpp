// Reading labels, types and direction from a call's config (see projection.hpp).
#include "engine/algo/projection.hpp"
#include "grammar/text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace ergo::algo {
namespace {

std::vector<std::string> names_in(const Value& v) {
  std::vector<std::string> names;
  if (auto* s = v.get_if<std::string>()) names.push_back(*s);
  if (auto* list = v.get_if<List>()) {
    for (const Value& x : *list) names.push_back(x.as_string());
  }
  return names;
}

std::string number_text(double x) { return Value(x).to_cypher(); }

}  // namespace

std::vector<Option> projection_options(bool with_direction) {
  std::vector<Option> options = {
      {"labels", Type::string_list, Value(), "only nodes with any of these labels (default: every node)", {}},
      {"types", Type::string_list, Value(), "only relationships of these types (default: every type)", {}},
  };
  if (with_direction) {
    options.push_back({"direction", Type::string, Value("out"),
                       "'out' follows relationships as stored, 'in' against, 'both' either way",
                       {"out", "in", "both"}});
  }
  return options;
}

ProjectionSpec projection_spec(const store::Graph& g, const Arguments& args) {
  ProjectionSpec spec;
  if (const Value& labels = args.option("labels"); !labels.is_null()) {
    spec.all_labels = false;
    for (const std::string& name : names_in(labels)) {
      if (auto id = g.labels().find(name)) spec.labels.push_back(*id);
    }
  }
  if (const Value& types = args.option("types"); !types.is_null()) {
    spec.all_types = false;
    for (const std::string& name : names_in(types)) {
      auto id = g.types().find(name);
      // Listing a type twice must not list its relationships twice.
      if (id && std::find(spec.types.begin(), spec.types.end(), *id) == spec.types.end()) spec.types.push_back(*id);
    }
  }
  if (const Value& direction = args.option("direction"); !direction.is_null()) {
    const std::string d = text::utf8::ascii_lower(direction.as_string());
    // check_option has allowed only out, in and both.
    spec.direction = d == "in" ? Direction::in : d == "out" ? Direction::out : Direction::both;
  }
  return spec;
}

NodeId node_argument(const store::Graph& g, const Arguments& args, std::size_t i) {
  NodeId n = args[i].as_node().id;
  if (!g.node_exists(n)) {
    throw ArgumentError(i, ErrorKind::argument_error, "node " + std::to_string(n) + " does not exist",
                        "EntityNotFound");
  }
  return n;
}

double number_option(const Arguments& args, std::size_t config_index, const char* key, double min, double max,
                     bool max_inclusive) {
  double x = args.option(key).as_double();
  bool ok = std::isfinite(x) && x >= min && (max_inclusive ? x <= max : x < max);
  if (!ok) {
    throw ArgumentError(config_index, ErrorKind::argument_error,
                        std::string("config key '") + key + "' must be from " + number_text(min) + " to " +
                            number_text(max) + (max_inclusive ? "" : " (exclusive)") + ", got " +
                            args.option(key).to_cypher(),
                        "NumberOutOfRange", key);
  }
  return x;
}

std::int64_t integer_option(const Arguments& args, std::size_t config_index, const char* key, std::int64_t min) {
  std::int64_t x = args.option(key).as_int();
  if (x < min) {
    throw ArgumentError(config_index, ErrorKind::argument_error,
                        std::string("config key '") + key + "' must be at least " + std::to_string(min) + ", got " +
                            std::to_string(x),
                        "NumberOutOfRange", key);
  }
  return x;
}

}  // namespace ergo::algo
