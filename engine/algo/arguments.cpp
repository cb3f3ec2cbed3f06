// Checking a call's arguments against a procedure's signature, and printing
// signatures (see procedure.hpp). The binder runs the same checks on
// literal arguments at compile time that the cursor runs on values.
#include <algorithm>

#include "engine/algo/procedure.hpp"
#include "grammar/text/suggest.hpp"

namespace ergo::algo {
namespace {

bool fits(const Value& v, Type t) {
  switch (t) {
    case Type::any: return true;
    case Type::boolean: return v.get_if<bool>() != nullptr;
    case Type::integer: return v.get_if<std::int64_t>() != nullptr;
    case Type::number: return v.get_if<std::int64_t>() || v.get_if<double>();
    case Type::string: return v.get_if<std::string>() != nullptr;
    case Type::map: return v.get_if<Map>() != nullptr;
    case Type::node: return v.get_if<NodeRef>() != nullptr;
    case Type::path: return v.get_if<PathRef>() != nullptr;
    case Type::relationship: return v.get_if<RelationshipRef>() != nullptr;
    case Type::list: return v.get_if<List>() != nullptr;
    case Type::numeric: return v.get_if<std::int64_t>() || v.get_if<double>();
    case Type::string_list:
      if (v.get_if<std::string>()) return true;
      if (auto* list = v.get_if<List>()) {
        return std::all_of(list->begin(), list->end(), [](const Value& x) { return x.get_if<std::string>() != nullptr; });
      }
      return false;
  }
  return false;
}

std::string described(const Value& v) {
  if (auto* list = v.get_if<List>()) {
    for (const Value& x : *list) {
      if (!x.get_if<std::string>()) return std::string("a LIST holding a ") + type_name(x.type());
    }
  }
  return type_name(v.type());
}

bool is_config(const Procedure& p, std::size_t i) {
  return i + 1 == p.arguments.size() && p.arguments[i].type == Type::map && !p.options.empty();
}

std::vector<std::string> option_names(const Procedure& p) {
  std::vector<std::string> names;
  for (const Option& o : p.options) names.push_back(o.name);
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

std::string quoted(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", '" : "'") + names[i] + "'";
  return out;
}

}  // namespace

std::optional<std::string> choice_of(const Option& o, const std::string& given) {
  for (const std::string& c : o.choices) {
    if (text::edit_distance(c, given) == 0) return c;
  }
  return std::nullopt;
}

const char* type_name(Type t) {
  switch (t) {
    case Type::any: return "ANY";
    case Type::boolean: return "BOOLEAN";
    case Type::integer: return "INTEGER";
    case Type::number: return "FLOAT";
    case Type::string: return "STRING";
    case Type::map: return "MAP";
    case Type::node: return "NODE";
    case Type::path: return "PATH";
    case Type::string_list: return "LIST<STRING>";
    case Type::relationship: return "RELATIONSHIP";
    case Type::list: return "LIST<ANY>";
    case Type::numeric: return "NUMBER";
  }
  return "ANY";
}

const Value& Arguments::option(std::string_view key) const {
  static const Value null;
  for (const auto& [k, v] : options_) {
    if (k == key) return v;
  }
  return null;
}

std::optional<std::size_t> Procedure::field_index(std::string_view field) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field) return i;
  }
  return std::nullopt;
}

std::size_t Procedure::required_arguments() const {
  std::size_t n = 0;
  for (const Argument& a : arguments) n += !a.default_value;
  return n;
}

std::string signature(const Procedure& p) {
  std::string out = p.name + "(";
  for (std::size_t i = 0; i < p.arguments.size(); ++i) {
    const Argument& a = p.arguments[i];
    out += (i ? ", " : "") + a.name + " :: " + type_name(a.type) + (a.nullable ? "?" : "");
    if (a.default_value) out += " = " + a.default_value->to_cypher();
  }
  out += ") :: (";
  for (std::size_t i = 0; i < p.fields.size(); ++i) {
    out += (i ? ", " : "") + p.fields[i].name + " :: " + type_name(p.fields[i].type);
  }
  return out + ")";
}

void check_option(const Procedure& p, std::size_t i, const std::string& key, const Value* value) {
  auto option = std::find_if(p.options.begin(), p.options.end(), [&](const Option& o) { return o.name == key; });
  if (option == p.options.end()) {
    auto near = text::closest_match(key, option_names(p));
    throw ArgumentError(i, ErrorKind::argument_error,
                        p.name + " has no config key '" + key + "'" +
                            (near ? ", did you mean '" + *near + "'?" : " (it takes " + joined(option_names(p)) + ")"),
                        "InvalidArgumentValue", key);
  }
  if (value && !value->is_null() && !fits(*value, option->type)) {
    throw ArgumentError(i, ErrorKind::type_error,
                        p.name + ": config key '" + key + "' must be " + type_name(option->type) + ", got " +
                            described(*value),
                        "InvalidArgumentType", key);
  }
  if (value && !option->choices.empty() && value->get_if<std::string>() && !choice_of(*option, value->as_string())) {
    throw ArgumentError(i, ErrorKind::argument_error,
                        p.name + ": config key '" + key + "' must be one of " + quoted(option->choices) + ", got " +
                            value->to_cypher(),
                        "InvalidArgumentValue", key);
  }
}

void check_argument(const Procedure& p, std::size_t i, const Value& v) {
  const Argument& a = p.arguments[i];
  if (v.is_null()) {
    if (a.nullable || is_config(p, i) || (a.default_value && a.default_value->is_null())) return;
    throw ArgumentError(i, ErrorKind::argument_error,
                        p.name + ": " + a.name + " is null; it must be " + std::string(type_name(a.type)) +
                            (a.type == Type::node ? " (a node that exists)" : ""),
                        "InvalidArgumentValue");
  }
  if (!fits(v, a.type)) {
    throw ArgumentError(i, ErrorKind::type_error,
                        p.name + ": " + a.name + " must be " + type_name(a.type) + ", got " + described(v),
                        "InvalidArgumentType");
  }
  if (is_config(p, i)) {
    for (const auto& [key, value] : v.as_map()) check_option(p, i, key, &value);
  }
}

Arguments make_arguments(const Procedure& p, std::vector<Value> values) {
  Map options;
  for (std::size_t i = 0; i < values.size(); ++i) {
    check_argument(p, i, values[i]);
    if (is_config(p, i) && !values[i].is_null()) options = values[i].as_map();
  }
  for (const Option& o : p.options) {
    bool given = std::any_of(options.begin(), options.end(),
                             [&](const auto& kv) { return kv.first == o.name && !kv.second.is_null(); });
    if (!given && !o.default_value.is_null()) options.emplace_back(o.name, o.default_value);
  }
  std::erase_if(options, [](const auto& kv) { return kv.second.is_null(); });
  return Arguments(std::move(values), std::move(options));
}

}  // namespace ergo::algo
