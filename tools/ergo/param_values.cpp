// Parameter values, read by the engine itself: a literal is evaluated as
// `RETURN literal` on an empty database, so --param accepts exactly the
// Cypher a query would; JSON goes through nlohmann/json.
#include "tools/ergo/param_values.hpp"

#include <cctype>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>

#include "tools/ergo/statement_splitter.hpp"

namespace ergo::cli {
namespace {

Value from_json(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null: return Value();
    case nlohmann::json::value_t::boolean: return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer: return Value(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      auto u = j.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return Value(static_cast<double>(u));
      return Value(static_cast<std::int64_t>(u));
    }
    case nlohmann::json::value_t::number_float: return Value(j.get<double>());
    case nlohmann::json::value_t::string: return Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      List list;
      for (const auto& item : j) list.push_back(from_json(item));
      return Value(std::move(list));
    }
    case nlohmann::json::value_t::object: {
      Map map;
      for (const auto& [key, item] : j.items()) map.emplace_back(key, from_json(item));
      return Value(std::move(map));
    }
    default: throw ParamError("holds a value JSON parameters cannot have");
  }
}

}  // namespace

bool is_param_name(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (unsigned char c : name) {
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return false;
  }
  return true;
}

Value parse_param_value(std::string_view literal, const Params& known) {
  // One statement only: "1; MATCH ..." is not a value.
  if (split_statements(literal).size() != 1) throw ParamError("needs one value, e.g. 42, 'text' or [1, 2]");
  static Database scratch;  // empty: a literal cannot read a graph
  try {
    Result r = scratch.execute("RETURN " + std::string(literal) + " AS value", known, "<param>");
    if (r.size() != 1 || r.columns().size() != 1) throw ParamError("needs one value, e.g. 42, 'text' or [1, 2]");
    return r.row(0)[0];
  } catch (const Error& e) {
    std::string hint;
    if (e.code() == "UndefinedVariable") {  // a bare word: ergo reports it as a syntax error
      hint = " (write text in quotes: 'OpenAI')";
    }
    throw ParamError("is not a Cypher value: " + e.message() + hint);
  }
}

Params read_params_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParamError("cannot be read");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw ParamError(std::string("is not valid JSON: ") + e.what());
  }
  if (!j.is_object()) throw ParamError("must hold a JSON object of parameters, e.g. {\"name\": \"OpenAI\"}");
  Params params;
  for (const auto& [key, value] : j.items()) params[key] = from_json(value);
  return params;
}

}  // namespace ergo::cli
