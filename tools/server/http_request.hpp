// The JSON body that POST /db/neo4j/query/v2 and POST /render share:
// {"statement": "...", "parameters": {...}} plus each endpoint's options.
// Parsed once here so that both endpoints take parameters the same way.
#pragma once

#include <ergo/ergo.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace ergo::server {

struct HttpReply {
  unsigned status = 0;  // 202 as Neo4j answers a query, 200, 400, 404, ...
  std::string body;     // JSON, or SVG for /render
  std::string content_type = "application/json";
};

// An error in the Query API's form: {"errors": [{"code", "message"}]}.
HttpReply error_reply(unsigned status, const std::string& code, const std::string& message);

struct QueryRequest {
  std::string statement;
  ergo::Params parameters;
  bool include_counters = false;  // the Query API's "includeCounters"
  std::string layout = "auto";    // /render's "layout"
  bool korean = false;            // /render's "korean": Hangul aliases under the names
};

// Parses `body`; on failure returns nullopt and sets `error` to a 400
// reply that says which part of the request is wrong.
std::optional<QueryRequest> parse_query_request(std::string_view body, HttpReply& error);

}  // namespace ergo::server
