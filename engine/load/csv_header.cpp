// A CSV header → column roles, property names and types (see
// csv_columns.hpp and docs/csv-import.md).
#include <algorithm>
#include <string>
#include <unordered_map>

#include "engine/load/csv_columns.hpp"
#include "grammar/text/suggest.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::load::csv_columns {
namespace {

const char* kTypeSuffixes =
    "int, float, boolean, string, date, localtime, time, localdatetime, datetime or duration (with [] for a list), "
    "or ID, LABEL, START_ID, END_ID, TYPE or IGNORE";

std::optional<Role> suffix_role(std::string_view suffix) {
  if (suffix == "id") return Role::id;
  if (suffix == "label") return Role::label;
  if (suffix == "start_id") return Role::start;
  if (suffix == "end_id") return Role::end;
  if (suffix == "type") return Role::type;
  if (suffix == "ignore") return Role::ignore;
  return std::nullopt;
}

std::optional<Kind> suffix_kind(std::string_view suffix) {
  if (suffix == "int" || suffix == "integer" || suffix == "long") return Kind::integer;
  if (suffix == "float" || suffix == "double") return Kind::floating;
  if (suffix == "boolean" || suffix == "bool") return Kind::boolean;
  if (suffix == "string") return Kind::string;
  if (suffix == "date") return Kind::date;
  if (suffix == "localtime") return Kind::local_time;
  if (suffix == "time") return Kind::time;
  if (suffix == "localdatetime") return Kind::local_datetime;
  if (suffix == "datetime") return Kind::datetime;
  if (suffix == "duration") return Kind::duration;
  return std::nullopt;
}

// The role a bare column name has in a nodes (relationships) file: the
// canonical names, and the weaker alternatives that take the role only
// when no column has it otherwise.
std::optional<Role> bare_role(std::string_view lname, bool nodes) {
  if (nodes) {
    if (lname == "id") return Role::id;
    if (lname == "label") return Role::label;
  } else {
    if (lname == "src") return Role::start;
    if (lname == "dst") return Role::end;
    if (lname == "type") return Role::type;
  }
  return std::nullopt;
}

std::optional<Role> alternative_role(std::string_view lname, bool nodes) {
  if (nodes) return lname == "labels" ? std::optional(Role::label) : std::nullopt;
  if (lname == "source" || lname == "from" || lname == "start") return Role::start;
  if (lname == "target" || lname == "to" || lname == "end") return Role::end;
  return std::nullopt;
}

const char* role_name(Role r) {
  switch (r) {
    case Role::id: return "id";
    case Role::label: return "label";
    case Role::start: return "start (src)";
    case Role::end: return "end (dst)";
    case Role::type: return "type";
    default: return "property";
  }
}

}  // namespace

std::optional<Header> parse_header(const csv::Table& t, bool nodes, bool file_has_type,
                                   std::vector<text::Diagnostic>& problems) {
  Header h;
  const std::size_t before = problems.size();
  const std::vector<std::string>& texts = t.header();
  // Past the first 100, a problem is counted but not placed: placing one
  // copies the header line, and a header of 30,000 repeated columns made
  // that quadratic (minutes, gigabytes). Only the first few are shown.
  constexpr std::size_t placed_at_most = 100;
  auto fail = [&](std::size_t column, std::string message) {
    if (problems.size() - before < placed_at_most) {
      problems.push_back(t.diagnose_header(column, std::move(message)));
      return;
    }
    text::Diagnostic d;
    d.message = std::move(message);
    d.file = problems[before].file;
    d.line = problems[before].line;
    problems.push_back(std::move(d));
  };
  // A header in neo4j-admin's convention (a role given as a suffix: :ID,
  // :LABEL, :START_ID, ...) names its roles only that way, so its other
  // columns are properties whatever their names: `id:int`, `type`, `label`.
  const bool admin_header = std::any_of(texts.begin(), texts.end(), [](const std::string& text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) return false;
    const std::string suffix = text::utf8::ascii_lower(text.substr(colon + 1));
    return suffix_role(suffix) && suffix != "ignore";
  });
  std::vector<std::optional<Role>> alternatives(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string& text = texts[i];
    Column c;
    const std::size_t colon = text.rfind(':');
    const std::string name = colon == std::string::npos ? text : text.substr(0, colon);
    const std::string lname = text::utf8::ascii_lower(name);
    std::string suffix = colon == std::string::npos ? std::string() : text::utf8::ascii_lower(text.substr(colon + 1));
    if (suffix.ends_with("[]")) {
      c.list = true;
      suffix.resize(suffix.size() - 2);
    }
    std::optional<Role> role = colon == std::string::npos ? std::nullopt : suffix_role(suffix);
    std::optional<Kind> kind = colon == std::string::npos ? std::nullopt : suffix_kind(suffix);
    if (colon != std::string::npos && !role && !kind && !(suffix.empty() && c.list)) {
      if (suffix.empty()) {
        fail(i, "nothing after ':' in " + quote(text) + "; expected a type or a role: " + kTypeSuffixes);
        continue;
      }
      static const std::vector<std::string> kSuffixes = {"int",  "integer", "long",     "float",  "double",
                                                         "boolean", "bool", "string", "date", "localtime", "time",
                                                         "localdatetime", "datetime", "duration", "ID",
                                                         "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"};
      std::string message = "unknown column type " + quote(text.substr(colon + 1, suffix.size())) + " in " +
                            quote(text) + "; expected " + kTypeSuffixes;
      if (auto near = text::closest_match(suffix, kSuffixes)) message += " (did you mean " + quote(*near) + "?)";
      fail(i, std::move(message));
      continue;
    }
    if (!role && !admin_header) {
      std::optional<Role> bare = bare_role(lname, nodes);
      if (bare && colon != std::string::npos && *bare != Role::id) {
        fail(i, "the " + std::string(role_name(*bare)) + " column " + quote(text) +
                    " takes no type; write " + quote(name) + " alone");
        continue;
      }
      role = bare;
      if (!role && colon == std::string::npos) alternatives[i] = alternative_role(lname, nodes);
    }
    if (kind) c.kind = *kind;
    c.typed = kind.has_value();
    c.role = role.value_or(Role::property);
    if (c.list && c.role != Role::property) {
      fail(i, quote(text) + " is the " + role_name(c.role) + " column, which cannot be a list; only property "
              "columns hold lists");
      continue;
    }
    const bool node_role = c.role == Role::id || c.role == Role::label;
    const bool rel_role = c.role == Role::start || c.role == Role::end || c.role == Role::type;
    if (nodes && rel_role) {
      fail(i, quote(text) + " is a relationship column in a nodes file; expected id, label or property columns");
      continue;
    }
    if (!nodes && node_role) {
      fail(i, quote(text) + " is a node column in a relationships file; expected src, dst, type or property "
              "columns");
      continue;
    }
    if (c.role == Role::id || c.role == Role::property) c.property = name;
    if (c.role == Role::property && name.empty()) {
      fail(i, colon == std::string::npos
                  ? "this column has no name; name it, or write :IGNORE to leave it out"
                  : "the property column " + quote(text) + " has no name; expected a name before the ':'");
      continue;
    }
    // Names are text: an untyped name or aliases column is never a number.
    if (c.kind == Kind::automatic && (c.property == "name" || c.property == "aliases")) c.kind = Kind::string;
    h.columns.push_back(std::move(c));
  }
  if (problems.size() != before) return std::nullopt;

  // Roles: the canonical columns first, then the first alternative name of
  // a role no column has.
  auto slot = [&](Role r) -> std::optional<std::size_t>& {
    switch (r) {
      case Role::id: return h.id;
      case Role::label: return h.label;
      case Role::start: return h.start;
      case Role::end: return h.end;
      default: return h.type;
    }
  };
  for (std::size_t i = 0; i < h.columns.size(); ++i) {
    Role r = h.columns[i].role;
    if (r == Role::property || r == Role::ignore) continue;
    std::optional<std::size_t>& s = slot(r);
    if (s) {
      fail(i, "a second " + std::string(role_name(r)) + " column, " + quote(texts[i]) + "; column " +
                  std::to_string(*s + 1) + " (" + quote(texts[*s]) + ") is already the " + role_name(r) +
                  " column");
      h.columns[i].property.clear();  // reported once, not again as a second property
      continue;
    }
    s = i;
  }
  for (std::size_t i = 0; i < h.columns.size(); ++i) {
    if (!alternatives[i] || slot(*alternatives[i])) continue;
    slot(*alternatives[i]) = i;
    h.columns[i].role = *alternatives[i];
    h.columns[i].property.clear();
  }
  std::unordered_map<std::string, std::size_t> properties;
  for (std::size_t i = 0; i < h.columns.size(); ++i) {
    const std::string& p = h.columns[i].property;
    if (p.empty()) continue;
    auto [it, inserted] = properties.emplace(p, i);
    if (!inserted) {
      fail(i, "a second column for property " + quote(p) + "; column " + std::to_string(it->second + 1) + " (" +
                  quote(texts[it->second]) + ") already fills it");
    }
  }
  if (problems.size() == before && !nodes) {
    if (!h.start) fail(csv::Table::npos, "no start column; expected a column named src (or :START_ID)");
    if (!h.end) fail(csv::Table::npos, "no end column; expected a column named dst (or :END_ID)");
    if (!h.type && !file_has_type) {
      fail(csv::Table::npos,
           "no type column and no type given for the file; expected a column named type (or :TYPE), or a type "
           "for the whole file");
    }
  }
  if (problems.size() != before) return std::nullopt;
  return h;
}

}  // namespace ergo::load::csv_columns
