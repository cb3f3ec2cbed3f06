// See name_hints.hpp. The names a query compares exactly are found with a
// pattern over its text rather than from the parsed query: this is advice,
// and a missed case costs only a missing notice.
#include "tools/ergo/name_hints.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "grammar/text/suggest.hpp"

namespace ergo::cli {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// 'it''s' → it's; "a\"b" → a"b (the common escapes only).
std::string unquote(std::string_view quoted) {
  std::string out;
  char quote = quoted.front();
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 2 < quoted.size()) {
      out += quoted[++i];
    } else if (quoted[i] == quote && i + 2 < quoted.size() && quoted[i + 1] == quote) {
      out += quoted[++i];
    } else {
      out += quoted[i];
    }
  }
  return out;
}

// The values compared exactly with a name: {name: 'x'}, .name = 'x', and
// the same with a $parameter.
std::vector<std::string> compared_names(std::string_view query, const Params& params) {
  static const std::regex pattern(
      R"((?:\bname\s*:|\.name\s*=)\s*('(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.)*"|\$([A-Za-z_][A-Za-z_0-9]*)))");
  std::vector<std::string> out;
  std::string text(query);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    if (m[2].matched) {
      auto p = params.find(m[2].str());
      if (p != params.end() && p->second.get_if<std::string>()) out.push_back(p->second.as_string());
    } else {
      out.push_back(unquote(m[1].str()));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> entity_names(Database& db) {
  std::vector<std::string> names;
  Result r = db.execute("MATCH (n) WHERE n.name IS NOT NULL RETURN n.name, n.aliases", {}, "<names>");
  for (const auto& row : r.rows()) {
    for (const Value& v : row) {
      if (auto* s = v.get_if<std::string>()) names.push_back(*s);
      if (auto* list = v.get_if<List>()) {
        for (const Value& item : *list) {
          if (auto* alias = item.get_if<std::string>()) names.push_back(*alias);
        }
      }
    }
  }
  return names;
}

std::string no_entity_message(Database& db, std::string_view name) {
  std::string message = "no entity is named '" + std::string(name) + "'";
  std::vector<std::string> names = entity_names(db);
  std::set<std::string> starting;
  const std::string wanted = lower_ascii(name);
  for (const std::string& n : names) {
    if (lower_ascii(n).starts_with(wanted)) starting.insert(n);
  }
  if (!starting.empty()) {
    constexpr std::size_t shown = 8;
    message += "; names that start with it: ";
    std::size_t i = 0;
    for (const std::string& n : starting) {
      if (i == shown) {
        message += ", … (" + std::to_string(starting.size() - shown) + " more)";
        break;
      }
      message += (i++ ? ", " : "") + n;
    }
    return message;
  }
  if (auto near = text::closest_match(name, names)) return message + "; did you mean '" + *near + "'?";
  return message + "; press Tab after :find to see the names";
}

std::vector<std::string> exact_name_notices(Database& db, std::string_view query, const Params& params) {
  std::vector<std::string> notices;
  std::set<std::string> seen;
  for (const std::string& value : compared_names(query, params)) {
    if (!seen.insert(value).second) continue;
    Result found = db.find_by_name(value);
    if (found.empty()) continue;
    std::string name, alias_of;
    bool exact = false;
    for (const auto& row : found.rows()) {
      Map properties = found.properties(row[0].as_node());
      std::string this_name;
      bool alias = false;
      for (const auto& [key, v] : properties) {
        if (key == "name" && v.get_if<std::string>()) this_name = v.as_string();
        if (key == "aliases" && v.get_if<List>()) {
          for (const Value& a : v.as_list()) alias = alias || (a.get_if<std::string>() && a.as_string() == value);
        }
      }
      exact = exact || this_name == value;
      if (name.empty()) name = this_name;
      if (alias && alias_of.empty()) alias_of = this_name;
    }
    // The exact match found the entity, so the query is empty for another reason.
    if (exact || name.empty()) continue;
    std::string what = !alias_of.empty() ? "is an alias of '" + alias_of + "'"
                                          : "matches '" + name + "' only when letter case is ignored";
    notices.push_back("'" + value + "' " + what + "; names match exactly, so use CALL ergo.find('" + value +
                      "') YIELD node to match names and aliases");
  }
  return notices;
}

}  // namespace ergo::cli
