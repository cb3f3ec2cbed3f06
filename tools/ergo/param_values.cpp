// Parameter values, read by the engine itself: a literal is evaluated as
// `RETURN literal` on an empty database, so --param accepts exactly the
// Cypher a query would; JSON goes through nlohmann/json.
#include "tools/ergo/param_values.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>

#include "grammar/text/unicode.hpp"
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

namespace {

// nlohmann's messages name its own internals ("[json.exception.parse_error.101]
// ... last read: ..."); ergo says where the JSON went wrong and what it found
// there, with the line and a caret, from the byte the parser stopped at.
std::string json_problem(const std::string& text, std::size_t byte) {
  std::size_t last = text.find_last_not_of(" \t\r\n");
  if (last == std::string::npos) return "is empty; parameters are a JSON object, e.g. {\"name\": \"OpenAI\"}";
  std::size_t at = byte == 0 ? 0 : std::min(byte - 1, text.size());
  // Ran out of text: point just after the last thing written.
  if (at > last) at = last + 1;
  std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
  line_start = (line_start == std::string::npos || at == 0) ? 0 : line_start + 1;
  std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + line_start, '\n'));
  std::size_t line_end = text.find('\n', line_start);
  std::string line_text = text.substr(line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start);
  if (line_text.ends_with('\r')) line_text.pop_back();
  const std::string before = text.substr(line_start, at - line_start);
  std::size_t column = text::code_points(before) + 1;
  std::string found;
  if (at > last) {
    found = "the file ends before the JSON does (is a '}', ']' or '\"' missing?)";
  } else {
    found = std::string("unexpected '") + text[at] + "'";
    if (text[at] == '\'') found += " (JSON strings take double quotes)";
    if (std::isalpha(static_cast<unsigned char>(text[at]))) found += " (JSON strings and keys take double quotes)";
  }
  std::string caret(text::display_width(before), ' ');
  return "is not valid JSON: line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + found +
         "\n  " + line_text + "\n  " + caret + "^";
}

}  // namespace

Params read_params_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParamError(std::string("cannot be read: ") + std::strerror(errno));
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ParamError(json_problem(text, e.byte));
  } catch (const nlohmann::json::exception&) {
    throw ParamError("is not valid JSON; parameters are a JSON object, e.g. {\"name\": \"OpenAI\"}");
  }
  if (!j.is_object()) throw ParamError("must hold a JSON object of parameters, e.g. {\"name\": \"OpenAI\"}");
  Params params;
  for (const auto& [key, value] : j.items()) params[key] = from_json(value);
  return params;
}

}  // namespace ergo::cli
