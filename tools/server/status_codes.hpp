// ergo's errors as the Neo4j status codes drivers understand
// (neo4j.com/docs/status-codes/): "Neo.ClientError.Statement.SyntaxError",
// ... A driver decides from the classification (ClientError, TransientError,
// DatabaseError) whether to retry, so the mapping matters: nothing ergo
// reports for a query is worth retrying.
#pragma once

#include <ergo/error.hpp>

#include <string>

namespace ergo::server {

std::string neo4j_status_code(const ergo::Error& error);

// The message a FAILURE carries: ergo's rendered error (position, the
// line, a caret) when there is one, else the bare message.
std::string failure_message(const ergo::Error& error);

}  // namespace ergo::server
