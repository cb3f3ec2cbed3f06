// The graph as .kg triples (docs/data-format.md, docs/export.md): one
// entity declaration per node, in id order, then one fact per relationship
// — those without a `source` first, the rest under @source directives — so
// that loading the file gives back the same labels, properties, aliases
// and provenance. What .kg cannot say (a node without a label or a unique
// name, NaN, a key that is not an identifier) is refused, pointing at the
// Cypher export, which has none of these limits.
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/export/literals.hpp"
#include "engine/export/refusal.hpp"
#include "engine/export/writers.hpp"
#include "engine/store/name_index.hpp"

namespace ergo::dump {
namespace {

constexpr std::string_view kFormat = ".kg";
const std::string kUseCypher = "export as Cypher (--format cypher), which has no such limit";
// The property map is the first of the 64 levels .kg nests.
constexpr int kMaxValueDepth = 63;

bool is_bare_name(std::string_view s) {
  if (s.empty() || s[0] == '-' || s[0] == '.' || s[0] == '+' || s[0] == '/' || s[0] == '&') return false;
  if (s == "aka" || s == "true" || s == "false" || s == "null") return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.' || c == '&' || c == '+' || c == '/';
    if (!ok) return false;
  }
  return true;
}

class KgWriter {
 public:
  KgWriter(const store::Graph& g, std::ostream& out) : g_(g), out_(out) {}

  void write() {
    out_ << "# ergo dump: " << g_.live_node_count() << " nodes, " << g_.live_relationship_count()
         << " relationships\n";
    if (g_.live_node_count() > 0) out_ << "\n";
    for (store::NodeId n = 0; n < g_.node_count(); ++n) {
      if (g_.node_exists(n)) declare(n);
    }
    write_facts();
  }

 private:
  void declare(store::NodeId n) {
    const std::string where = describe_node(g_, n);
    const std::string name = node_name(n, where);
    std::string line = name_text(name) + " :";
    auto labels = g_.labels_of(n);
    if (labels.empty()) {
      refuse(kFormat, where + " has no label, and a .kg declaration needs one",
             "add one (MATCH (n) WHERE id(n) = " + std::to_string(n) + " SET n:Thing) or " + kUseCypher);
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const std::string& label = g_.labels().name(labels[i]);
      if (!is_identifier(label)) {
        refuse(kFormat, where + " has the label " + cypher_name(label) + ", which is not an identifier",
               kUseCypher);
      }
      line += (i ? ":" : " ") + label;
    }
    std::vector<std::string> aliases = node_aliases(n, where);
    claim(name, n, where);
    for (std::size_t i = 0; i < aliases.size(); ++i) {
      claim(aliases[i], n, where);
      line += (i ? ", " : " aka ") + name_text(aliases[i]);
    }
    Map props = g_.node_properties(n);
    std::erase_if(props, [&](const auto& kv) { return kv.first == "name" || kv.first == "aliases"; });
    if (!props.empty()) line += " " + map_text(props, where);
    out_ << line << "\n";
  }

  std::string node_name(store::NodeId n, const std::string& where) {
    Value name = g_.node_property(n, g_.name_key());
    const auto* s = name.get_if<std::string>();
    if (!s || s->empty()) {
      refuse(kFormat,
             where + (name.is_null() ? " has no name" : s ? " has an empty name" : " has " + describe_type(name) + " as its name") +
                 ", and .kg names every entity by a non-empty string",
             "give it one (SET n.name = '…') or " + kUseCypher);
    }
    check_text(*s, where + "'s name");
    return *s;
  }

  std::vector<std::string> node_aliases(store::NodeId n, const std::string& where) {
    Value aliases = g_.node_property(n, g_.aliases_key());
    std::vector<std::string> out;
    if (aliases.is_null()) return out;
    const auto* list = aliases.get_if<List>();
    if (!list || list->empty()) {
      refuse(kFormat,
             where + " has " + (list ? "an empty list" : describe_type(aliases)) +
                 " as its aliases, and .kg writes aliases as names after 'aka'",
             "make them a list of names or " + kUseCypher);
    }
    for (const Value& a : *list) {
      const auto* s = a.get_if<std::string>();
      if (!s || s->empty()) {
        refuse(kFormat, where + " has " + (s ? "an empty string" : describe_type(a)) + " among its aliases",
               "make every alias a non-empty string or " + kUseCypher);
      }
      check_text(*s, where + "'s alias");
      out.push_back(*s);
    }
    return out;
  }

  // Names and aliases find one entity each, ignoring case and Unicode form.
  void claim(const std::string& name, store::NodeId n, const std::string& where) {
    auto [it, added] = owners_.emplace(store::NameIndex::key(name), n);
    if (added) return;
    const std::string other = it->second == n ? "itself" : describe_node(g_, it->second);
    refuse(kFormat,
           where + " is called " + Value(name).to_cypher() + ", a name or alias that " + other +
               " already has (names are compared ignoring case and Unicode form), and a .kg name finds one entity",
           "rename one of them or " + kUseCypher);
  }

  void check_text(const std::string& s, const std::string& where) {
    if (s.find('\0') != std::string::npos) {
      refuse(kFormat, where + " holds a NUL character, which .kg text cannot", kUseCypher);
    }
  }

  std::string name_text(const std::string& s) { return is_bare_name(s) ? s : kg_string(s); }

  std::string map_text(const Map& props, const std::string& where) {
    std::string out = "{";
    for (const auto& [key, value] : props) {
      if (!is_identifier(key)) {
        refuse(kFormat, where + " has the property " + cypher_name(key) + ", whose key is not an identifier",
               kUseCypher);
      }
      if (key.ends_with("_precision") && month_precision(props, key.substr(0, key.size() - 10))) continue;
      out += (out.size() > 1 ? ", " : "") + key + ": ";
      if (month_precision(props, key)) {
        out += date_text(value.as_date(), where).substr(0, 7);
      } else {
        out += value_text(value, 1, where + "'s property " + key);
      }
    }
    return out + "}";
  }

  // `key` is a date on the first of a month with `key_precision: "month"`
  // beside it: written 2023-12, which loads as exactly those two.
  static bool month_precision(const Map& props, const std::string& key) {
    const Value* date = nullptr;
    const Value* precision = nullptr;
    for (const auto& [k, v] : props) {
      if (k == key) date = &v;
      if (k == key + "_precision") precision = &v;
    }
    return date && precision && date->get_if<Date>() && date->as_date().day() == 1 &&
           *precision == Value("month");
  }

  std::string date_text(Date d, const std::string& where) {
    if (d.year() < 1 || d.year() > 9999) {
      refuse(kFormat, where + " holds the date " + d.to_string() + ", and .kg dates have four-digit years",
             kUseCypher);
    }
    return d.to_string();
  }

  std::string value_text(const Value& v, int depth, const std::string& where) {
    if (depth > kMaxValueDepth) {
      refuse(kFormat, where + " nests lists or maps deeper than .kg's 64 levels", kUseCypher);
    }
    switch (v.type()) {
      case Value::Type::null: return "null";
      case Value::Type::boolean: return v.as_bool() ? "true" : "false";
      case Value::Type::integer: return std::to_string(v.as_int());
      case Value::Type::floating: {
        const double d = v.as_double();
        if (!std::isfinite(d)) {
          refuse(kFormat, where + " is " + Value(d).to_cypher() + ", and .kg has no NaN or infinity", kUseCypher);
        }
        return float_text(d);
      }
      case Value::Type::string: check_text(v.as_string(), where); return kg_string(v.as_string());
      case Value::Type::date: return date_text(v.as_date(), where);
      case Value::Type::list: {
        std::string out = "[";
        for (const Value& item : v.as_list()) out += (out.size() > 1 ? ", " : "") + value_text(item, depth + 1, where);
        return out + "]";
      }
      case Value::Type::map: {
        std::string out = "{";
        for (const auto& [key, item] : v.as_map()) {
          if (!is_identifier(key)) {
            refuse(kFormat, where + " holds a map key " + cypher_name(key) + " that is not an identifier", kUseCypher);
          }
          out += (out.size() > 1 ? ", " : "") + key + ": " + value_text(item, depth + 1, where);
        }
        return out + "}";
      }
      default: refuse(kFormat, where + " holds " + describe_type(v), kUseCypher);
    }
  }

  // Facts without a `source` come first: a @source directive holds to the
  // end of the file, and a fact after one would take its document.
  void write_facts() {
    std::vector<store::RelId> unsourced, sourced;
    const std::optional<store::KeyId> source_key = g_.keys().find("source");
    for (store::RelId r = 0; r < g_.relationship_count(); ++r) {
      if (!g_.relationship_exists(r)) continue;
      const bool has_source = source_key && !g_.relationship_property(r, *source_key).is_null();
      (has_source ? sourced : unsourced).push_back(r);
    }
    if (!unsourced.empty() || !sourced.empty()) out_ << "\n";
    for (store::RelId r : unsourced) fact(r);
    std::string document;
    bool in_document = false;
    for (store::RelId r : sourced) {
      Value source = g_.relationship_property(r, *source_key);
      if (const auto* s = source.get_if<std::string>(); s && is_directive_text(*s) && (!in_document || *s != document)) {
        out_ << "@source " << name_text(*s) << "\n";
        document = *s;
        in_document = true;
      }
      fact(r, in_document ? &document : nullptr);
    }
  }

  // @source takes a name, bare or quoted.
  static bool is_directive_text(const std::string& s) { return !s.empty() && s.find('\0') == std::string::npos; }

  void fact(store::RelId r, const std::string* document = nullptr) {
    const std::string where = describe_relationship(g_, r);
    const std::string& type = g_.types().name(g_.type_of(r));
    if (!is_identifier(type)) {
      refuse(kFormat, where + " has the type " + cypher_name(type) + ", which is not an identifier", kUseCypher);
    }
    std::string line = name_text(node_name(g_.source(r), where)) + " " + type + " " +
                       name_text(node_name(g_.target(r), where));
    Map props = g_.relationship_properties(r);
    std::optional<std::int64_t> at;
    std::erase_if(props, [&](const auto& kv) {
      if (kv.first == "source" && document && kv.second == Value(*document)) return true;
      if (kv.first == "line" && kv.second.template get_if<std::int64_t>() && kv.second.as_int() >= 1) {
        at = kv.second.as_int();
        return true;
      }
      return false;
    });
    if (!props.empty()) line += " " + map_text(props, where);
    if (at) line += " @" + std::to_string(*at);
    out_ << line << "\n";
  }

  const store::Graph& g_;
  std::ostream& out_;
  std::unordered_map<std::string, store::NodeId> owners_;  // folded name → node
};

}  // namespace

void write_kg(const store::Graph& graph, std::ostream& out) { KgWriter(graph, out).write(); }

}  // namespace ergo::dump
