#include "tools/server/http_render.hpp"

#include <nlohmann/json.hpp>

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
                  "/render draws only statements that read, because it runs the statement again; this one may "
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

namespace ergo::server {
namespace {

// A query-string value: %XX decoded, '+' a space. nullopt on a bad escape.
std::optional<std::string> percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] != '%') {
      out += text[i];
    } else {
      const auto digit = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      };
      if (i + 2 >= text.size() || digit(text[i + 1]) < 0 || digit(text[i + 2]) < 0) return std::nullopt;
      out += static_cast<char>(digit(text[i + 1]) * 16 + digit(text[i + 2]));
      i += 2;
    }
  }
  return out;
}

}  // namespace

HttpReply answer_render_url(ergo::Database& db, std::string_view target,
                            const std::function<void(const std::string&)>& log) {
  const std::size_t question = target.find('?');
  const std::string_view query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  nlohmann::json body = nlohmann::json::object();
  for (std::size_t start = 0; start < query.size();) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    const std::optional<std::string> key = percent_decoded(pair.substr(0, equals));
    const std::optional<std::string> value =
        percent_decoded(equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1));
    if (!key || !value) {
      return error_reply(400, "Neo.ClientError.Request.Invalid",
                         "GET /render: '" + std::string(pair) + "' has a % that is not followed by two hex digits");
    }
    if (*key == "parameters") {
      nlohmann::json parameters = nlohmann::json::parse(*value, nullptr, false);
      if (parameters.is_discarded() || !parameters.is_object()) {
        return error_reply(400, "Neo.ClientError.Request.Invalid",
                           "GET /render: 'parameters' must be a JSON object, e.g. parameters=%7B%22name%22%3A%22OpenAI%22%7D");
      }
      body["parameters"] = std::move(parameters);
    } else if (*key == "korean") {
      body["korean"] = *value == "true" || *value == "1";
    } else if (*key == "statement" || *key == "layout") {
      body[*key] = *value;
    } else {
      return error_reply(400, "Neo.ClientError.Request.Invalid",
                         "GET /render: unknown parameter '" + *key +
                             "'; use statement, parameters (a JSON object), layout and korean");
    }
  }
  return answer_render(db, body.dump(), log);
}

}  // namespace ergo::server
