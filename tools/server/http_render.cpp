#include "tools/server/http_render.hpp"

#include <optional>

#include "tools/server/status_codes.hpp"
#include "tools/server/write_check.hpp"

namespace ergo::server {

HttpReply answer_render(ergo::Database& db, std::string_view body,
                        const std::function<void(const std::string&)>& log) {
  const auto failed = [&](unsigned status, const std::string& code, const std::string& message) {
    if (log) log("render failed: " + code + ": " + message.substr(0, message.find('\n')));
    return error_reply(status, code, message);
  };
  HttpReply invalid;
  const std::optional<QueryRequest> request = parse_query_request(body, invalid);
  if (!request) return invalid;
  if (!ergo::render_available()) {
    return failed(501, "Neo.DatabaseError.General.UnknownError",
                  "this build of ergo cannot draw diagrams: it was built without Graphviz (-DERGO_WITH_GRAPHVIZ=OFF); "
                  "rebuild with Graphviz to use POST /render");
  }
  // Drawing runs the statement a second time (the page has already run it
  // for the table), so one that may write is refused rather than applied twice.
  if (auto word = find_updating_word(request->statement)) {
    return failed(400, "Neo.ClientError.Statement.AccessMode",
                  "POST /render draws only statements that read, because it runs the statement again; this one may "
                  "write (" + word->word + " at line " + std::to_string(word->line) + ", column " +
                      std::to_string(word->column) +
                      "). Run it with POST /db/neo4j/query/v2, then draw what it changed with a MATCH.");
  }
  try {
    const ergo::Result result = db.execute(request->statement, request->parameters);
    ergo::RenderOptions options;
    options.format = "svg";
    options.layout = request->layout;
    options.korean = request->korean;
    return {200, ergo::render(result, options), "image/svg+xml; charset=utf-8"};
  } catch (const ergo::Error& e) {
    return failed(400, neo4j_status_code(e), failure_message(e));
  }
}

}  // namespace ergo::server
