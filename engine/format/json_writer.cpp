// JSON and JSON Lines: each row an object keyed by column name, in column
// order; nodes {"id", "labels", "properties"}, relationships {"id", "type",
// "start", "end", "properties"}, paths {"nodes", "relationships"}; dates as
// ISO strings, NaN and infinities (which JSON lacks) as null.
#include <cmath>

#include <nlohmann/json.hpp>

#include "engine/value/temporal_text.hpp"
#include "engine/format/writers.hpp"

namespace ergo::format {
namespace {

using Json = nlohmann::ordered_json;

Json to_json(const Result& r, const Value& v);

Json properties_json(const Result& r, const Map& properties) {
  Json out = Json::object();
  for (const auto& [key, value] : properties) out[key] = to_json(r, value);
  return out;
}

Json node_json(const Result& r, NodeRef n) {
  Json out = Json::object();
  out["id"] = n.id;
  out["labels"] = r.labels(n);
  out["properties"] = properties_json(r, r.properties(n));
  return out;
}

Json relationship_json(const Result& r, RelationshipRef rel) {
  Json out = Json::object();
  out["id"] = rel.id;
  out["type"] = r.type(rel);
  out["start"] = r.start_node(rel).id;
  out["end"] = r.end_node(rel).id;
  out["properties"] = properties_json(r, r.properties(rel));
  return out;
}

Json to_json(const Result& r, const Value& v) {
  switch (v.type()) {
    case Value::Type::null: return nullptr;
    case Value::Type::boolean: return v.as_bool();
    case Value::Type::integer: return v.as_int();
    case Value::Type::floating: {
      double d = v.as_double();
      return std::isfinite(d) ? Json(d) : Json(nullptr);
    }
    case Value::Type::string: return v.as_string();
    case Value::Type::date:
    case Value::Type::local_time:
    case Value::Type::time:
    case Value::Type::local_datetime:
    case Value::Type::datetime:
    case Value::Type::duration: return *temporal_text(v);
    case Value::Type::list: {
      Json out = Json::array();
      for (const Value& item : v.as_list()) out.push_back(to_json(r, item));
      return out;
    }
    case Value::Type::map: return properties_json(r, v.as_map());
    case Value::Type::node: return node_json(r, v.as_node());
    case Value::Type::relationship: return relationship_json(r, v.as_relationship());
    case Value::Type::path: {
      Json out = Json::object();
      out["nodes"] = Json::array();
      out["relationships"] = Json::array();
      for (NodeRef n : v.as_path().nodes) out["nodes"].push_back(node_json(r, n));
      for (RelationshipRef rel : v.as_path().relationships) out["relationships"].push_back(relationship_json(r, rel));
      return out;
    }
  }
  return nullptr;
}

std::string row_text(const Result& r, const Row& row) {
  Json object = Json::object();
  for (std::size_t c = 0; c < row.size() && c < r.columns().size(); ++c) object[r.columns()[c]] = to_json(r, row[c]);
  // Invalid UTF-8 cannot come from the engine, but must not abort output.
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void write_json(std::ostream& out, const Result& result, bool lines) {
  if (lines) {
    for (const Row& row : result) out << row_text(result, row) << "\n";
    return;
  }
  if (result.empty()) {
    out << "[]\n";
    return;
  }
  out << "[\n";
  for (const Row& row : result) {
    out << "  " << row_text(result, row) << (row.index() + 1 < result.size() ? ",\n" : "\n");
  }
  out << "]\n";
}

}  // namespace ergo::format
