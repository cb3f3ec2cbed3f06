#include "tools/server/http_request.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace ergo::server {

using nlohmann::json;

namespace {

// Parameters from JSON: no dates, since JSON has none (docs/server.md).
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

std::optional<QueryRequest> parse_query_request(std::string_view body, HttpReply& error) {
  const auto invalid = [&](const std::string& why) {
    error = error_reply(400, "Neo.ClientError.Request.Invalid", why);
    return std::nullopt;
  };
  const json request = json::parse(body, nullptr, false);
  if (request.is_discarded() || !request.is_object()) return invalid("the request body is not a JSON object");
  const auto statement = request.find("statement");
  if (statement == request.end() || !statement->is_string()) {
    return invalid("the request has no \"statement\" string");
  }
  const auto parameters = request.find("parameters");
  if (parameters != request.end() && !parameters->is_object() && !parameters->is_null()) {
    return invalid("\"parameters\" is not a JSON object");
  }
  QueryRequest out;
  out.statement = statement->get<std::string>();
  if (parameters != request.end() && parameters->is_object()) {
    try {
      for (const auto& [name, value] : parameters->items()) out.parameters[name] = from_json(value, name);
    } catch (const ergo::Error& e) {
      error = error_reply(400, "Neo.ClientError.Statement.TypeError", e.message());
      return std::nullopt;
    }
  }
  const auto flag = [&](const char* key, bool& into) {
    const auto it = request.find(key);
    if (it == request.end() || it->is_null()) return true;
    if (!it->is_boolean()) return false;
    into = it->get<bool>();
    return true;
  };
  if (!flag("includeCounters", out.include_counters)) return invalid("\"includeCounters\" is not true or false");
  if (!flag("korean", out.korean)) return invalid("\"korean\" is not true or false");
  const auto layout = request.find("layout");
  if (layout != request.end() && !layout->is_null()) {
    if (!layout->is_string()) return invalid("\"layout\" is not a string");
    out.layout = layout->get<std::string>();
  }
  return out;
}

}  // namespace ergo::server
