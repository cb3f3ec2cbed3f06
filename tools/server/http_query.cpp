#include "tools/server/http_query.hpp"

#include <nlohmann/json.hpp>

#include "tools/server/bolt_values.hpp"
#include "tools/server/status_codes.hpp"

namespace ergo::server {

using nlohmann::json;

namespace {

json to_json(const ergo::Value& v, const ergo::Result& r);

json properties_json(const ergo::Map& map, const ergo::Result& r) {
  json o = json::object();
  for (const auto& [key, item] : map) o[key] = to_json(item, r);
  return o;
}

json node_json(ergo::NodeRef n, const ergo::Result& r) {
  return {{"elementId", node_element_id(n)}, {"labels", r.labels(n)}, {"properties", properties_json(r.properties(n), r)}};
}

json relationship_json(ergo::RelationshipRef rel, const ergo::Result& r) {
  return {{"elementId", relationship_element_id(rel)},
          {"startNodeElementId", node_element_id(r.start_node(rel))},
          {"endNodeElementId", node_element_id(r.end_node(rel))},
          {"type", r.type(rel)},
          {"properties", properties_json(r.properties(rel), r)}};
}

// Plain JSON, as the Query API's default format: numbers, strings, lists
// and objects; a date as its ISO text; nodes and relationships as objects
// with element ids; a path as the list of its nodes and relationships in order.
json to_json(const ergo::Value& v, const ergo::Result& r) {
  using T = ergo::Value::Type;
  switch (v.type()) {
    case T::null: return nullptr;
    case T::boolean: return v.as_bool();
    case T::integer: return v.as_int();
    case T::floating: return v.as_double();
    case T::string: return v.as_string();
    case T::date: return v.as_date().to_string();
    case T::list: {
      json a = json::array();
      for (const ergo::Value& item : v.as_list()) a.push_back(to_json(item, r));
      return a;
    }
    case T::map: return properties_json(v.as_map(), r);
    case T::node: return node_json(v.as_node(), r);
    case T::relationship: return relationship_json(v.as_relationship(), r);
    case T::path: {
      const ergo::PathRef& p = v.as_path();
      json a = json::array();
      for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        a.push_back(node_json(p.nodes[i], r));
        if (i < p.relationships.size()) a.push_back(relationship_json(p.relationships[i], r));
      }
      return a;
    }
  }
  return nullptr;
}

ergo::Value from_json(const json& j, const std::string& name) {
  switch (j.type()) {
    case json::value_t::null: return {};
    case json::value_t::boolean: return j.get<bool>();
    case json::value_t::number_integer: return j.get<std::int64_t>();
    case json::value_t::number_unsigned:
      if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
        throw ergo::Error(ergo::ErrorKind::type_error, "parameter $" + name + " is an integer beyond 64 bits");
      }
      return static_cast<std::int64_t>(j.get<std::uint64_t>());
    case json::value_t::number_float: return j.get<double>();
    case json::value_t::string: return j.get<std::string>();
    case json::value_t::array: {
      ergo::List l;
      for (const json& item : j) l.push_back(from_json(item, name));
      return l;
    }
    case json::value_t::object: {
      ergo::Map m;
      for (const auto& [key, item] : j.items()) m.emplace_back(key, from_json(item, name));
      return m;
    }
    default: throw ergo::Error(ergo::ErrorKind::type_error, "parameter $" + name + " has a type ergo cannot take");
  }
}

}  // namespace

HttpReply error_reply(unsigned status, const std::string& code, const std::string& message) {
  json body = {{"errors", json::array({{{"code", code}, {"message", message}}})}};
  return {status, body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

HttpReply answer_query(ergo::Database& db, std::string_view database, std::string_view body,
                       const std::function<void(const std::string&)>& log) {
  if (database != "neo4j") {
    return error_reply(404, "Neo.ClientError.Database.DatabaseNotFound",
                       "ergo serves one database, 'neo4j'; there is no database '" + std::string(database) + "'");
  }
  const json request = json::parse(body, nullptr, false);
  if (request.is_discarded() || !request.is_object()) {
    return error_reply(400, "Neo.ClientError.Request.Invalid", "the request body is not a JSON object");
  }
  const auto statement = request.find("statement");
  if (statement == request.end() || !statement->is_string()) {
    return error_reply(400, "Neo.ClientError.Request.Invalid", "the request has no \"statement\" string");
  }
  const auto parameters = request.find("parameters");
  if (parameters != request.end() && !parameters->is_object() && !parameters->is_null()) {
    return error_reply(400, "Neo.ClientError.Request.Invalid", "\"parameters\" is not a JSON object");
  }
  try {
    ergo::Params params;
    if (parameters != request.end() && parameters->is_object()) {
      for (const auto& [name, value] : parameters->items()) params[name] = from_json(value, name);
    }
    const ergo::Result result = db.execute(statement->get<std::string>(), params);
    json values = json::array();
    for (const std::vector<ergo::Value>& row : result.rows()) {
      json cells = json::array();
      for (const ergo::Value& v : row) cells.push_back(to_json(v, result));
      values.push_back(std::move(cells));
    }
    json answer = {{"data", {{"fields", result.columns()}, {"values", std::move(values)}}}, {"bookmarks", json::array()}};
    if (request.value("includeCounters", false)) {
      const ergo::QueryStats& s = result.stats();
      answer["counters"] = {{"containsUpdates", s.contains_updates()},
                            {"nodesCreated", s.nodes_created},
                            {"relationshipsCreated", s.relationships_created},
                            {"labelsAdded", s.labels_added},
                            {"propertiesSet", s.properties_set}};
    }
    return {202, answer.dump(-1, ' ', false, json::error_handler_t::replace)};
  } catch (const ergo::Error& e) {
    const std::string code = neo4j_status_code(e);
    const std::string message = failure_message(e);
    if (log) log("http: query failed: " + code + ": " + message.substr(0, message.find('\n')));
    return error_reply(400, code, message);
  }
}

}  // namespace ergo::server
