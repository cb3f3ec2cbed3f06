// The HTTP Query API's one endpoint, POST /db/<name>/query/v2, as a
// function of the request body (neo4j.com/docs/query-api/current/): the
// statement and parameters in, the answer as plain JSON out, the way
// Neo4j's server writes it. No sockets here; http_connection.cpp serves it.
#pragma once

#include <ergo/ergo.hpp>

#include <functional>
#include <string>
#include <string_view>

#include "tools/server/http_request.hpp"

namespace ergo::server {

// Runs the request `body` ({"statement": ..., "parameters": {...},
// "includeCounters": bool}) against `db` when `database` is "neo4j".
// Failures are {"errors": [{"code": "Neo.ClientError...", "message": ...}]}
// with status 400 (404 for an unknown database); `log` gets one line per
// failed query.
HttpReply answer_query(ergo::Database& db, std::string_view database, std::string_view body,
                       const std::function<void(const std::string&)>& log);

}  // namespace ergo::server
