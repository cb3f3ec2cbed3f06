// The words on a diagram (see captions.hpp).
#include "engine/render/captions.hpp"

#include "engine/render/escape.hpp"
#include "engine/render/text_format.hpp"

namespace ergo::diagram {
namespace {

constexpr std::size_t kNameColumns = 32;       // a caption line, in display columns
constexpr std::size_t kQualifierColumns = 40;
constexpr std::size_t kTooltipValueColumns = 300;
constexpr std::size_t kCaptionLines = 3;       // lines of one name or qualifier text

// Each line cut to `columns`, at most kCaptionLines lines ("…" when more).
std::string fit(std::string_view s, std::size_t columns) {
  std::string out;
  std::size_t lines = 0;
  while (true) {
    std::size_t end = s.find('\n');
    if (lines == kCaptionLines) {
      out += "…";
      break;
    }
    out += (lines++ ? "\n" : "") + truncate_text(s.substr(0, end), columns);
    if (end == std::string_view::npos) break;
    s.remove_prefix(end + 1);
  }
  return out;
}

std::string string_property(const Map& props, std::string_view key) {
  const Value* v = find_property(props, key);
  if (!v || v->is_null()) return {};
  return display_value(*v);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// "source: DOC, line N" when the element has a source.
std::string provenance(const Map& props) {
  std::string source = string_property(props, "source");
  if (source.empty()) return {};
  std::string line = string_property(props, "line");
  return "source: " + source + (line.empty() ? "" : ", line " + line);
}

// Whether `key` is KEY_precision for a date KEY of the map (shown as part of
// that date instead).
bool is_precision_of_a_date(const Map& props, const std::string& key) {
  constexpr std::string_view suffix = "_precision";
  if (key.size() <= suffix.size() || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  const Value* date = find_property(props, std::string_view(key).substr(0, key.size() - suffix.size()));
  return date && date->get_if<Date>();
}

// One "key: value" line per property, except those in `skip`.
void add_properties(std::string& out, const Map& props, std::initializer_list<std::string_view> skip) {
  for (const auto& [key, value] : props) {
    bool skipped = is_precision_of_a_date(props, key);
    for (std::string_view s : skip) skipped = skipped || key == s;
    if (skipped) continue;
    out += "\n" + clean_text(key) + ": " + truncate_text(clean_text(display_date(props, key)), kTooltipValueColumns);
  }
}

std::string money(const Map& props) {
  const Value* amount = find_property(props, "amount");
  if (!amount || !(amount->get_if<std::int64_t>() || amount->get_if<double>())) return {};
  return format_money(amount->as_double(), string_property(props, "currency"));
}

}  // namespace

std::string node_name(const DrawnNode& n) {
  for (const char* key : {"name", "title"}) {
    std::string s = clean_text(string_property(n.properties, key));
    if (!s.empty()) return s;
  }
  return "#" + std::to_string(n.ref.id);
}

std::string node_caption(const DrawnNode& n, bool korean) {
  std::string name = node_name(n);
  std::string caption = fit(name, kNameColumns);
  if (!korean || contains_hangul(name)) return caption;
  const Value* aliases = find_property(n.properties, "aliases");
  if (!aliases || !aliases->get_if<List>()) return caption;
  for (const Value& alias : aliases->as_list()) {
    const auto* s = alias.get_if<std::string>();
    if (s && contains_hangul(*s)) return caption + "\n" + fit(clean_text(*s), kNameColumns);
  }
  return caption;
}

std::string relationship_caption(const DrawnRelationship& r) {
  const Map& p = r.properties;
  std::string when = display_date(p, "date");
  if (when.empty()) when = string_property(p, "year");
  std::string qualifiers = join({money(p), when, string_property(p, "status"), string_property(p, "role")}, " · ");
  std::string caption = fit(clean_text(r.type), kQualifierColumns);
  if (!qualifiers.empty()) caption += "\n" + fit(clean_text(qualifiers), kQualifierColumns);
  return caption;
}

std::string node_tooltip(const DrawnNode& n) {
  std::string out = node_name(n);
  std::string labels;
  for (const std::string& l : n.labels) labels += ":" + l;
  if (!labels.empty()) out += " (" + clean_text(labels) + ")";
  if (n.context) out += "\nneighbour of the answer (context)";
  if (std::string p = provenance(n.properties); !p.empty()) out += "\n" + clean_text(p);
  add_properties(out, n.properties, {"source", "line"});
  return out;
}

std::string relationship_tooltip(const DrawnRelationship& r, const std::string& start_name,
                                 const std::string& end_name) {
  std::string out = start_name + " -[:" + clean_text(r.type) + "]-> " + end_name;
  if (r.context) out += "\nneighbouring relationship (context)";
  if (std::string p = provenance(r.properties); !p.empty()) out += "\n" + clean_text(p);
  add_properties(out, r.properties, {"source", "line"});
  return out;
}

}  // namespace ergo::diagram
