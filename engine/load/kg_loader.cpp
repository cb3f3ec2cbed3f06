// The .kg loader: parse all files, resolve names across them, then apply
// everything or nothing (see kg_loader.hpp).
#include "engine/load/kg_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "engine/load/kg_values.hpp"
#include "grammar/kg/parse_kg.hpp"
#include "grammar/text/suggest.hpp"
#include "grammar/text/unicode.hpp"

namespace ergo::load {
namespace {

LoadReport load_sources(store::Graph& graph, const std::vector<text::SourcePtr>& sources,
                        std::vector<text::Diagnostic> earlier);

using text::Diagnostic;
using text::Severity;
using text::SourceText;

struct Where {
  const SourceText* source = nullptr;
  kg::Span span;

  std::string describe() const {
    return source->name() + ":" + std::to_string(source->locate(span.begin).line);
  }
};

struct Entity {
  std::string name;
  std::vector<std::string> labels;
  std::vector<std::string> aliases;
  PropertyList properties;
  Where first_seen;
  bool implicit = false;
  store::NodeId existing = store::no_node;  // already in the graph before this load
  // Hashed, for merging: an entity may carry tens of thousands of labels or
  // properties, and a scan per addition made that quadratic.
  std::unordered_set<std::string> label_set = {};
  std::unordered_map<std::string, std::size_t> property_at = {};  // index in `properties`
};

struct PendingRelationship {
  std::size_t from;
  std::size_t to;
  std::string type;
  PropertyList properties;
  Where at;  // the relationship type in its fact
};

class Resolver {
 public:
  Resolver(const store::Graph& graph, std::vector<Diagnostic>& diagnostics)
      : graph_(graph), diagnostics_(diagnostics) {}

  void declare(const kg::EntityDecl& decl, const SourceText& source);
  void fact(const kg::Fact& fact, const std::string* document, const SourceText& source);

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<PendingRelationship>& relationships() const { return relationships_; }

 private:
  void report(const SourceText& source, kg::Span span, Severity severity, std::string message) {
    diagnostics_.push_back(
        text::make_diagnostic(source, span.begin, span.end - span.begin, severity, std::move(message)));
  }
  std::optional<std::size_t> find(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? std::nullopt : std::optional(it->second);
  }
  std::size_t add(Entity e) {
    by_key_.emplace(store::NameIndex::key(e.name), entities_.size());
    entities_.push_back(std::move(e));
    return entities_.size() - 1;
  }
  void add_alias(std::size_t e, const kg::Name& alias, const SourceText& source);
  void merge_property(std::size_t e, const kg::Property& p, const SourceText& source);
  std::optional<std::size_t> resolve(const kg::Name& name, const SourceText& source);
  std::string suggestion(const std::string& name) const;

  const store::Graph& graph_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, std::size_t> by_key_;  // folded name or alias → entity
  std::vector<PendingRelationship> relationships_;
};

void Resolver::declare(const kg::EntityDecl& decl, const SourceText& source) {
  const std::string key = store::NameIndex::key(decl.name.text);
  std::size_t e;
  if (auto found = find(key)) {
    e = *found;
    if (store::NameIndex::key(entities_[e].name) != key) {
      report(source, decl.name.span, Severity::error,
             "'" + decl.name.text + "' is already an alias of '" + entities_[e].name + "' (" +
                 entities_[e].first_seen.describe() + "); declare '" + entities_[e].name + "' instead");
      return;
    }
  } else if (!graph_.find_by_name(decl.name.text).empty()) {
    report(source, decl.name.span, Severity::error,
           "'" + decl.name.text +
               "' is already in the graph from an earlier load; later files can state facts about it but not "
               "declare it again");
    return;
  } else {
    e = add(Entity{decl.name.text, {}, {}, {}, Where{&source, decl.name.span}});
  }
  for (const kg::Name& label : decl.labels) {
    Entity& entity = entities_[e];
    if (entity.label_set.insert(label.text).second) entity.labels.push_back(label.text);
  }
  for (const kg::Name& alias : decl.aliases) add_alias(e, alias, source);
  for (const kg::Property& p : decl.properties) merge_property(e, p, source);
}

void Resolver::add_alias(std::size_t e, const kg::Name& alias, const SourceText& source) {
  const std::string key = store::NameIndex::key(alias.text);
  if (auto other = find(key)) {
    if (*other != e) {
      report(source, alias.span, Severity::error,
             "alias '" + alias.text + "' already names '" + entities_[*other].name + "' (" +
                 entities_[*other].first_seen.describe() + ")");
    }
    return;
  }
  if (!graph_.find_by_name(alias.text).empty()) {
    report(source, alias.span, Severity::error,
           "alias '" + alias.text + "' already names an entity loaded earlier");
    return;
  }
  by_key_.emplace(key, e);
  entities_[e].aliases.push_back(alias.text);
}

void Resolver::merge_property(std::size_t e, const kg::Property& p, const SourceText& source) {
  if (p.key == "name" || p.key == "aliases") {
    report(source, p.span, Severity::error,
           "'" + p.key + "' is set by the declaration itself: write the name before ':' and other names after 'aka'");
    return;
  }
  PropertyList converted;
  convert_properties(kg::Map{p}, source, converted, diagnostics_);
  for (auto& [key, value] : converted) {
    Entity& entity = entities_[e];
    auto [at, fresh] = entity.property_at.try_emplace(key, entity.properties.size());
    if (fresh) {
      entity.properties.emplace_back(key, std::move(value));
    } else if (const Value& earlier = entity.properties[at->second].second; earlier != value) {
      report(source, p.span, Severity::error,
             "'" + entity.name + "' already has " + key + " = " + earlier.to_cypher() +
                 " from an earlier declaration; here it is " + value.to_cypher());
    }
  }
}

std::string Resolver::suggestion(const std::string& name) const {
  std::vector<std::string> names;
  for (const Entity& e : entities_) {
    if (e.implicit) continue;
    names.push_back(e.name);
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
  }
  auto best = text::closest_match(name, names);
  return best ? " (did you mean '" + *best + "'?)" : "";
}

std::optional<std::size_t> Resolver::resolve(const kg::Name& name, const SourceText& source) {
  const std::string key = store::NameIndex::key(name.text);
  if (auto found = find(key)) return found;
  std::vector<store::NodeId> loaded = graph_.find_by_name(name.text);
  if (loaded.size() > 1) {
    report(source, name.span, Severity::error,
           "'" + name.text + "' is ambiguous: " + std::to_string(loaded.size()) + " entities in the graph have that name");
    return std::nullopt;
  }
  Entity e{name.text, {}, {}, {}, Where{&source, name.span}};
  if (loaded.size() == 1) {
    e.existing = loaded.front();
  } else {
    e.implicit = true;
    report(source, name.span, Severity::warning,
           "'" + name.text + "' is not declared; it is added with no label" + suggestion(name.text));
  }
  return add(std::move(e));
}

void Resolver::fact(const kg::Fact& fact, const std::string* document, const SourceText& source) {
  auto from = resolve(fact.subject, source);
  auto to = resolve(fact.object, source);
  PropertyList props;
  convert_properties(fact.properties, source, props, diagnostics_);
  auto has = [&](const char* key) {
    return std::any_of(props.begin(), props.end(), [&](const auto& kv) { return kv.first == key; });
  };
  if (document && !has("source")) props.emplace_back("source", Value(*document));
  if (fact.line && !has("line")) props.emplace_back("line", Value(*fact.line));
  if (!from || !to) return;
  relationships_.push_back({*from, *to, fact.type.text, std::move(props), Where{&source, fact.type.span}});
}

// Adds what the resolver found to the graph, all or nothing.
void apply(store::Graph& graph, const Resolver& resolver, LoadReport& report) {
  const store::Graph::Mark mark = graph.mark();
  const Where* at = nullptr;  // the statement being added, for an error
  try {
    std::vector<store::NodeId> nodes;
    nodes.reserve(resolver.entities().size());
    for (const Entity& e : resolver.entities()) {
      at = &e.first_seen;
      if (e.existing != store::no_node) {
        nodes.push_back(e.existing);
        continue;
      }
      std::vector<store::LabelId> labels;
      for (const std::string& l : e.labels) labels.push_back(graph.labels().intern(l));
      store::NodeId n = graph.add_node(std::move(labels));
      graph.set_node_property(n, graph.name_key(), Value(e.name));
      if (!e.aliases.empty()) {
        graph.set_node_property(n, graph.aliases_key(), Value(List(e.aliases.begin(), e.aliases.end())));
      }
      for (const auto& [key, value] : e.properties) graph.set_node_property(n, graph.keys().intern(key), value);
      nodes.push_back(n);
      ++report.entities;
    }
    for (const PendingRelationship& r : resolver.relationships()) {
      at = &r.at;
      store::RelId id = graph.add_relationship(nodes[r.from], graph.types().intern(r.type), nodes[r.to]);
      for (const auto& [key, value] : r.properties) {
        graph.set_relationship_property(id, graph.keys().intern(key), value);
      }
      ++report.relationships;
    }
    graph.commit();
    graph.accept();
  } catch (const std::length_error&) {
    // An interner is full: ids of labels, types and keys are 16 bits.
    graph.rollback(mark);
    report.entities = report.relationships = 0;
    const std::string message =
        "too many distinct labels, relationship types or property keys: at most 65,535 of each fit in one graph "
        "(keep open-ended names in property values instead)";
    if (at && at->source) {
      report.diagnostics.push_back(text::make_diagnostic(*at->source, at->span.begin, at->span.end - at->span.begin,
                                                         Severity::error, message));
    } else {
      report.diagnostics.push_back(text::make_diagnostic("", Severity::error, message));
    }
  } catch (const std::exception& e) {
    graph.rollback(mark);
    report.entities = report.relationships = 0;
    report.diagnostics.push_back(text::make_diagnostic("", Severity::error, std::string("load failed: ") + e.what()));
  }
}

// A .kg file larger than this is refused before reading (1 GiB: far above
// any real graph, far below what would exhaust memory in a copy or two).
constexpr std::uintmax_t max_kg_file_bytes = std::uintmax_t{1} << 30;

std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error) {
  namespace fs = std::filesystem;
  // Only regular files: a device (/dev/zero) or a FIFO would never end.
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) {
    error = ec.message();
    return std::nullopt;
  }
  if (!fs::is_regular_file(st)) {
    error = "not a regular file";
    return std::nullopt;
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    error = ec.message();
    return std::nullopt;
  }
  if (size > max_kg_file_bytes) {
    error = "larger than 1 GiB (" + std::to_string(size) + " bytes)";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  try {
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (in.bad()) {
      error = "read error";
      return std::nullopt;
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
  } catch (const std::bad_alloc&) {
    error = "not enough memory to read it (" + std::to_string(size) + " bytes)";
    return std::nullopt;
  }
}

}  // namespace

std::vector<std::filesystem::path> kg_files(const std::filesystem::path& path,
                                            std::vector<Diagnostic>& diagnostics) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    diagnostics.push_back(
        text::make_diagnostic(path.string(), Severity::error, ec ? ec.message() : "no such file or directory"));
    return {};
  }
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<fs::path> files;
  const std::size_t problems_before = diagnostics.size();
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().extension() != ".kg") continue;
    // Asked with an error code: a symlink loop or a dangling link is a
    // problem to report with its path, not an exception.
    std::error_code entry_ec;
    bool regular = entry.is_regular_file(entry_ec);
    if (entry_ec) {
      diagnostics.push_back(
          text::make_diagnostic(entry.path().string(), Severity::error, "cannot read file: " + entry_ec.message()));
    } else if (regular) {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    diagnostics.push_back(text::make_diagnostic(path.string(), Severity::error, "cannot list directory: " + ec.message()));
    return {};
  }
  std::sort(files.begin(), files.end());
  if (files.empty() && diagnostics.size() == problems_before) {
    diagnostics.push_back(text::make_diagnostic(path.string(), Severity::error, "directory has no .kg files"));
  }
  return files;
}

LoadReport load_kg(store::Graph& graph, const std::vector<std::filesystem::path>& paths) {
  std::vector<Diagnostic> problems;
  std::vector<text::SourcePtr> sources;
  for (const auto& path : paths) {
    for (const auto& file : kg_files(path, problems)) {
      std::string error;
      if (auto content = read_file(file, error)) {
        sources.push_back(std::make_shared<SourceText>(file.string(), std::move(*content)));
      } else {
        problems.push_back(text::make_diagnostic(file.string(), Severity::error, "cannot read file: " + error));
      }
    }
  }
  return load_sources(graph, sources, std::move(problems));
}

LoadReport load_kg(store::Graph& graph, const std::vector<text::SourcePtr>& sources) {
  return load_sources(graph, sources, {});
}

namespace {

// Parses, resolves and (when nothing is wrong, `earlier` included) applies.
LoadReport load_sources(store::Graph& graph, const std::vector<text::SourcePtr>& sources,
                        std::vector<Diagnostic> earlier) {
  LoadReport report;
  report.files = sources.size();
  report.diagnostics = std::move(earlier);
  std::vector<kg::ParsedFile> parsed;
  for (const text::SourcePtr& source : sources) {
    parsed.push_back(kg::parse_kg(source));
    auto& d = parsed.back().diagnostics;
    report.diagnostics.insert(report.diagnostics.end(), d.begin(), d.end());
  }

  std::vector<Diagnostic> resolution;
  Resolver resolver(graph, resolution);
  for (const kg::ParsedFile& file : parsed) {
    for (const kg::Statement& s : file.statements) {
      if (auto* decl = std::get_if<kg::EntityDecl>(&s)) resolver.declare(*decl, *file.source);
    }
  }
  for (const kg::ParsedFile& file : parsed) {
    const std::string* document = nullptr;
    for (const kg::Statement& s : file.statements) {
      if (auto* directive = std::get_if<kg::SourceDirective>(&s)) document = &directive->document.text;
      if (auto* fact = std::get_if<kg::Fact>(&s)) resolver.fact(*fact, document, *file.source);
    }
  }
  report.diagnostics.insert(report.diagnostics.end(), resolution.begin(), resolution.end());

  // Report in input order: by file, then line, then column.
  // Problems with no source file (unreadable paths) come first.
  std::map<std::string, std::size_t> file_order;
  for (const text::SourcePtr& s : sources) file_order.emplace(s->name(), file_order.size() + 1);
  auto order = [&](const Diagnostic& d) {
    auto it = file_order.find(d.file);
    return std::tuple(it == file_order.end() ? 0 : it->second, d.line, d.column);
  };
  std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return order(a) < order(b); });

  if (report.ok()) apply(graph, resolver, report);
  return report;
}

}  // namespace

}  // namespace ergo::load
