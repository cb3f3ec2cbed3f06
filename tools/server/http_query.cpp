#include "tools/server/http_query.hpp"

#include <nlohmann/json.hpp>

#include <optional>

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
  return {{"elementId", ergo::element_id(n)}, {"labels", r.labels(n)}, {"properties", properties_json(r.properties(n), r)}};
}

json relationship_json(ergo::RelationshipRef rel, const ergo::Result& r) {
  return {{"elementId", ergo::element_id(rel)},
          {"startNodeElementId", ergo::element_id(r.start_node(rel))},
          {"endNodeElementId", ergo::element_id(r.end_node(rel))},
          {"type", r.type(rel)},
          {"properties", properties_json(r.properties(rel), r)}};
}

// Plain JSON, as the Query API's default format: numbers, strings, lists
// and objects; a temporal value as its ISO text; nodes and relationships as objects
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
    case T::local_time: return v.as_local_time().to_string();
    case T::time: return v.as_time().to_string();
    case T::local_datetime: return v.as_local_datetime().to_string();
    case T::datetime: return v.as_datetime().to_string();
    case T::duration: return v.as_duration().to_string();
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

// A PROFILE's plan as Neo4j's Query API answers it (profiledQueryPlan):
// no page cache, no database hits counted; `time` is the operator's own
// time in nanoseconds.
json plan_json(const ergo::ProfiledOperator& op) {
  json children = json::array();
  for (const ergo::ProfiledOperator& child : op.children) children.push_back(plan_json(child));
  return {{"dbHits", 0},
          {"records", op.rows},
          {"hasPageCacheStats", false},
          {"pageCacheHits", 0},
          {"pageCacheMisses", 0},
          {"pageCacheHitRatio", 0.0},
          {"time", op.nanoseconds},
          {"operatorType", op.name},
          {"arguments", {{"Details", op.details}}},
          {"identifiers", json::array()},
          {"children", std::move(children)}};
}

}  // namespace

HttpReply answer_query(ergo::Database& db, std::string_view database, std::string_view body,
                       const std::function<void(const std::string&)>& log) {
  if (database != "neo4j") {
    return error_reply(404, "Neo.ClientError.Database.DatabaseNotFound",
                       "ergo serves one database, 'neo4j'; there is no database '" + std::string(database) + "'");
  }
  HttpReply invalid;
  const std::optional<QueryRequest> request = parse_query_request(body, invalid);
  if (!request) return invalid;
  try {
    const ergo::Result result = db.execute(request->statement, request->parameters);
    json values = json::array();
    for (const ergo::Row& row : result) {
      json cells = json::array();
      for (const ergo::Value& v : row) cells.push_back(to_json(v, result));
      values.push_back(std::move(cells));
    }
    json answer = {{"data", {{"fields", result.columns()}, {"values", std::move(values)}}}, {"bookmarks", json::array()}};
    if (const auto& plan = result.profiled_plan()) answer["profiledQueryPlan"] = plan_json(*plan);
    if (request->include_counters) {
      const ergo::QueryStats& s = result.stats();
      // Every counter the Query API has, zeros included, as Neo4j answers;
      // ergo has no indexes, constraints or system database to count.
      answer["counters"] = {{"containsUpdates", s.contains_updates()},
                            {"nodesCreated", s.nodes_created},
                            {"nodesDeleted", s.nodes_deleted},
                            {"propertiesSet", s.properties_set},
                            {"relationshipsCreated", s.relationships_created},
                            {"relationshipsDeleted", s.relationships_deleted},
                            {"labelsAdded", s.labels_added},
                            {"labelsRemoved", s.labels_removed},
                            {"indexesAdded", 0},
                            {"indexesRemoved", 0},
                            {"constraintsAdded", 0},
                            {"constraintsRemoved", 0},
                            {"containsSystemUpdates", false},
                            {"systemUpdates", 0}};
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
