// The CSV loader (see csv_loader.hpp): reads every file, parses its header
// (csv_header.cpp) and infers its untyped columns (csv_values.cpp), then
// turns rows into nodes and relationships, counting and describing the rows
// it leaves out.
#include "engine/load/csv_loader.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <future>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "engine/load/csv_columns.hpp"
#include "engine/load/csv_names.hpp"
#include "grammar/csv/csv_reader.hpp"
#include "grammar/text/background_release.hpp"
#include "grammar/text/huge_pages.hpp"
#include "grammar/text/parallel.hpp"

namespace ergo::load {
namespace {

using namespace csv_columns;

// --- Node ids: integers when every id column holds integers (dense ones in
// a vector), else text.

constexpr store::NodeId kNoNode = store::no_node;

class IdMap {
 public:
  void use_integers(std::int64_t min, std::int64_t max, std::size_t count) {
    integers_ = true;
    if (min >= 0 && max < static_cast<std::int64_t>(4 * count + 1024)) dense_.assign(max + 1, kNoNode);
  }
  bool integers() const { return integers_; }

  // The node an id names, or kNoNode.
  store::NodeId find(std::string_view id) const {
    if (!integers_) {
      auto it = text_.find(id);
      return it == text_.end() ? kNoNode : it->second;
    }
    std::int64_t i;
    if (!is_int(id, i)) return kNoNode;
    if (!dense_.empty()) return i >= 0 && i < static_cast<std::int64_t>(dense_.size()) ? dense_[i] : kNoNode;
    auto it = sparse_.find(i);
    return it == sparse_.end() ? kNoNode : it->second;
  }
  // find() for the fields of `column` in rows [begin, end), into `out`.
  // Dense integer ids are parsed first and looked up after, so the lookups
  // (random reads of a node-sized array) do not wait on each other.
  void find_column(const csv::Table& t, std::size_t column, std::size_t begin, std::size_t end,
                   store::NodeId* out) const {
    if (!integers_ || dense_.empty()) {
      for (std::size_t row = begin; row < end; ++row) out[row - begin] = find(t.field(row, column));
      return;
    }
    for (std::size_t row = begin; row < end; ++row) {
      std::int64_t i;
      const bool in =
          is_int_in(t.field(row, column), t.text(), i) && i >= 0 && i < static_cast<std::int64_t>(dense_.size());
      out[row - begin] = in ? static_cast<store::NodeId>(i) : kNoNode;  // an index into dense_ until below
    }
    for (std::size_t k = 0; k < end - begin; ++k) {
      if (out[k] != kNoNode) out[k] = dense_[out[k]];
    }
  }
  // Adds id → node; `id` must outlive the map, be valid (an integer in
  // integer mode) and not be there yet.
  void add(std::string_view id, store::NodeId node) {
    if (!integers_) return void(text_.emplace(id, node));
    std::int64_t i = 0;
    is_int(id, i);
    if (!dense_.empty()) dense_[i] = node;
    else sparse_.emplace(i, node);
  }

  // Where the row of a node left out of the import was (file, row), by id,
  // to explain why a relationship cannot find it.
  struct Where {
    std::size_t file, row;
  };
  void add_skipped(std::string_view id, Where where) {
    if (!id.empty()) skipped_.try_emplace(canonical(id), where);
  }
  const Where* find_skipped(std::string_view id) const {
    if (skipped_.empty()) return nullptr;
    auto it = skipped_.find(canonical(id));
    return it == skipped_.end() ? nullptr : &it->second;
  }

 private:
  std::string canonical(std::string_view id) const {
    std::int64_t i;
    return integers_ && is_int(id, i) ? std::to_string(i) : std::string(id);
  }

  bool integers_ = false;
  text::HugeVector<store::NodeId> dense_;  // by integer id, when ids are dense
  std::unordered_map<std::int64_t, store::NodeId> sparse_;
  std::unordered_map<std::string_view, store::NodeId> text_;
  std::unordered_map<std::string, Where> skipped_;
};

// The relationship types a file's rows name, for looking them up on
// every row: a table of 256 entries indexed by the name's length and its
// first and last bytes points at the one name that can match, whose bytes
// are then compared (hashing every row's name into a map, or comparing it
// with each name in turn, took half of resolving a row). Names that share
// an entry, and more than 254 names, are looked up in a map.
class TypeNames {
 public:
  TypeNames() { index_.fill(kNone); }
  TypeNames& operator=(const std::unordered_map<std::string_view, store::TypeId>& types) {
    names_.clear();
    map_ = types;
    index_.fill(kNone);
    complete_ = true;
    for (const auto& [name, type] : types) {
      if (names_.size() == kShared) {
        complete_ = false;  // the rest only in the map
        break;
      }
      std::uint8_t& at = index_[slot(name)];
      if (at == kNone) {
        at = static_cast<std::uint8_t>(names_.size());
        names_.emplace_back(name, type);
      } else {
        at = kShared;
      }
    }
    return *this;
  }
  std::size_t size() const { return map_.size(); }
  const store::TypeId* find(std::string_view name) const {
    if (name.empty()) return nullptr;
    const std::uint8_t at = index_[slot(name)];
    if (at < kShared && same_bytes(names_[at].first, name)) return &names_[at].second;
    // With every name in the table, only a shared entry can hide it.
    if (at != kShared && complete_) return nullptr;
    auto it = map_.find(name);
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  static constexpr std::uint8_t kNone = 255, kShared = 254;
  static std::size_t slot(std::string_view name) {
    const auto first = static_cast<unsigned char>(name.front()), last = static_cast<unsigned char>(name.back());
    return (name.size() * 29 + first * 7 + last) & 255;
  }
  // A loop the compiler keeps inline (memcmp was a call per row).
  static bool same_bytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  std::array<std::uint8_t, 256> index_{};
  std::vector<std::pair<std::string_view, store::TypeId>> names_;
  std::unordered_map<std::string_view, store::TypeId> map_;
  bool complete_ = true;
};

// --- The import

class CsvLoader {
 public:
  CsvLoader(store::Graph& graph, const CsvImport& import, std::size_t threads)
      : graph_(graph),
        import_(import),
        threads_(threads),
        problems_(import.nodes.size() + import.relationships.size()) {}

  CsvLoadReport run();

 private:
  struct File {
    csv::Table table;
    Header header;
    const CsvFile* spec = nullptr;
    std::size_t index = 0;                     // into problems_
    std::vector<store::LabelId> file_labels;   // nodes files
    std::optional<store::TypeId> file_type;    // relationship files
    store::NodeId first_node = 0;              // nodes files: the nodes added, in row order,
    std::size_t nodes_added = 0;               // ... skipping the rows in `skipped`
    std::vector<std::size_t> skipped;
  };
  // One file's problems: whole-file ones, and the first rows' ones as the
  // tokenizer and the loader found them (at most max_reported each).
  struct FileProblems {
    std::vector<text::Diagnostic> whole;
    std::vector<text::Diagnostic> rows;
    std::size_t loader_rows = 0;
    bool io = false;
  };

  // What reading a file finds without touching the graph or the report:
  // its table, its header and the kinds of its untyped columns. Another
  // thread can scan the relationship files while this one adds the nodes.
  struct Scanned {
    csv::ReadResult read;
    std::optional<Header> header;
    std::vector<text::Diagnostic> header_problems;
  };
  Scanned scan(const CsvFile& spec, bool nodes) const;
  std::vector<Scanned> scan_all(const std::vector<CsvFile>& specs, bool nodes) const;
  // Takes in the files `scanned` (in `specs` order): their problems, the
  // labels or type given for each, their property keys. False when one
  // cannot be loaded.
  bool read(const std::vector<CsvFile>& specs, bool nodes, std::size_t first_index, std::vector<Scanned> scanned,
            std::vector<File>& out);
  void add_all_nodes();
  void add_all_relationships();
  void prepare_ids();
  void add_nodes(File& f);
  // Converts a row's property fields into typed_ (false, with the problem
  // reported, when one does not convert): a field of an integer or string
  // column as the integer or the text itself (what its Value would hold),
  // others as Values in values_.
  struct Typed {
    enum class Is : std::uint8_t { none, integer, string, value } is = Is::none;
    std::int64_t integer = 0;
    std::string_view string;
  };
  bool convert_row(File& f, std::size_t row);
  // Relationships are added in steps of `kStep` rows: while this thread
  // adds one step's (add_resolved), a helper and then this thread too
  // resolve the next (resolve): endpoints, type and property values, looked
  // up and converted without writing to the graph. A row resolve cannot finish (a problem, a type
  // not yet seen) is added the slow way (add_relationship_row), in order,
  // so problems, type ids and relationship ids are what a single pass gives.
  struct Resolved {
    std::vector<store::NodeId> from, to;  // from == kNoNode: the slow way
    std::vector<store::TypeId> type;
    // The property columns' values: those of integer columns as integers
    // (column by column, kStep rows each, `has` saying which are not
    // null), the others' as Values (rows × columns).
    std::vector<std::int64_t> integers;
    std::vector<std::uint8_t> has;
    std::vector<Value> values;
  };
  // A relationship file's property columns, integer ones apart.
  struct PropertyColumns {
    std::vector<std::size_t> integers, others;
  };
  // Small enough that a step's arrays stay in the core's cache between
  // being resolved and being added.
  static constexpr std::size_t kStep = 2048;
  void add_relationships(File& f);
  // Resolves rows [begin, end) of the step that starts at row `first`.
  void resolve(const File& f, const PropertyColumns& properties, std::size_t first, std::size_t begin,
               std::size_t end, const TypeNames& types, Resolved& out) const;
  void add_resolved(File& f, const PropertyColumns& properties, std::size_t begin, std::size_t end,
                    const Resolved& in);
  void add_relationship_row(File& f, std::size_t row);
  // The one node named `text` (without nodes files), or kNoNode where
  // endpoint() would report a problem. Reads only.
  store::NodeId find_by_name(std::string_view text) const;
  store::NodeId endpoint(File& f, std::size_t row, std::size_t column, bool start);
  template <typename Message>
  void problem(File& f, std::size_t row, std::size_t column, Message message);
  void whole_file_problem(std::size_t index, text::Diagnostic d, bool io = false);
  std::optional<std::vector<store::LabelId>> labels_of(std::string_view text, std::string& why);
  std::string origin_of(store::NodeId node, const File& asking, std::string_view id);
  void finish();

  store::Graph& graph_;
  const CsvImport& import_;
  const std::size_t threads_;
  CsvLoadReport report_;
  std::vector<FileProblems> problems_;
  std::vector<File> node_files_;
  std::vector<File> rel_files_;
  IdMap ids_;
  bool any_id_column_ = false;
  std::unordered_map<std::string, std::vector<store::LabelId>> label_sets_;
  std::unordered_map<std::string_view, store::TypeId> types_;
  std::vector<Value> values_;  // one row's converted properties, reused
  std::vector<Typed> typed_;   // ... by convert_row
};

template <typename Message>
void CsvLoader::problem(File& f, std::size_t row, std::size_t column, Message message) {
  ++report_.bad_rows;
  ++report_.problem_count;
  FileProblems& p = problems_[f.index];
  if (p.loader_rows < import_.max_reported) {
    ++p.loader_rows;
    p.rows.push_back(f.table.diagnose(row, column, message()));
  }
}

void CsvLoader::whole_file_problem(std::size_t index, text::Diagnostic d, bool io) {
  ++report_.problem_count;
  report_.fatal = true;
  report_.io_failure |= io;
  problems_[index].io |= io;
  problems_[index].whole.push_back(std::move(d));
}

CsvLoader::Scanned CsvLoader::scan(const CsvFile& spec, bool nodes) const {
  csv::ReadOptions options{import_.delimiter, import_.max_reported};
  options.threads = threads_;
  Scanned s{csv::read_file(spec.path, options), std::nullopt, {}};
  if (s.read.fatal) return s;
  s.header = parse_header(s.read.table, nodes, !spec.label_or_type.empty(), s.header_problems);
  if (!s.header) return s;
  for (std::size_t c = 0; c < s.header->columns.size(); ++c) {
    Column& col = s.header->columns[c];
    if (col.role != Role::id && col.role != Role::property) continue;
    if (col.kind == Kind::automatic) col.kind = infer(s.read.table, c, col.list, threads_);
  }
  return s;
}

std::vector<CsvLoader::Scanned> CsvLoader::scan_all(const std::vector<CsvFile>& specs, bool nodes) const {
  std::vector<Scanned> scanned;
  scanned.reserve(specs.size());
  for (const CsvFile& spec : specs) scanned.push_back(scan(spec, nodes));
  return scanned;
}

bool CsvLoader::read(const std::vector<CsvFile>& specs, bool nodes, std::size_t first_index,
                     std::vector<Scanned> scanned, std::vector<File>& out) {
  bool ok = true;
  for (std::size_t s = 0; s < specs.size(); ++s) {
    const CsvFile& spec = specs[s];
    const std::size_t index = first_index + s;
    csv::ReadResult& r = scanned[s].read;
    report_.bad_rows += r.bad_rows;
    report_.problem_count += r.bad_rows;
    if (r.fatal) {
      // The fatal problem is the last; those before it are rows.
      whole_file_problem(index, std::move(r.problems.back()), r.io_error);
      r.problems.pop_back();
      for (auto& d : r.problems) problems_[index].rows.push_back(std::move(d));
      ok = false;
      continue;
    }
    for (auto& d : r.problems) problems_[index].rows.push_back(std::move(d));

    File f;
    f.table = std::move(r.table);
    f.spec = &spec;
    f.index = index;
    auto file_problem = [&](std::string message) {
      whole_file_problem(index, text::make_diagnostic(spec.path, text::Severity::error, std::move(message)));
    };
    bool file_ok = true;
    if (!spec.label_or_type.empty()) {
      if (nodes) {
        std::string why;
        auto labels = labels_of(spec.label_or_type, why);
        if (labels) f.file_labels = std::move(*labels);
        else file_problem("the labels given for the file, " + quote(spec.label_or_type) + ", are not usable: " + why);
        file_ok = labels.has_value();
      } else if (!valid_utf8(spec.label_or_type)) {
        file_problem("the type given for the file is not valid UTF-8");
        file_ok = false;
      } else if (auto problem = csv_name_problem(spec.label_or_type, "type")) {
        file_problem("the type given for the file is not usable: " + *problem);
        file_ok = false;
      } else {
        f.file_type = graph_.types().intern(spec.label_or_type);
      }
    }
    for (auto& d : scanned[s].header_problems) whole_file_problem(index, std::move(d));
    if (!scanned[s].header || !file_ok) {
      ok = false;
      continue;
    }
    f.header = std::move(*scanned[s].header);
    for (Column& col : f.header.columns) {
      if (!col.property.empty() && (col.role == Role::id || col.role == Role::property)) {
        col.key = graph_.keys().intern(col.property);
      }
    }
    out.push_back(std::move(f));
  }
  return ok;
}

void CsvLoader::prepare_ids() {
  bool integers = true;
  std::int64_t min = std::numeric_limits<std::int64_t>::max(), max = std::numeric_limits<std::int64_t>::min();
  std::size_t count = 0;
  for (const File& f : node_files_) {
    if (!f.header.id) continue;
    any_id_column_ = true;
    // An id column whose values are not all integers makes every id text.
    if (f.header.columns[*f.header.id].kind != Kind::integer) integers = false;
    count += f.table.rows();
    if (!integers) continue;
    for (std::size_t r = 0; r < f.table.rows(); ++r) {
      std::int64_t i;
      if (!is_int(f.table.field(r, *f.header.id), i)) continue;
      min = std::min(min, i);
      max = std::max(max, i);
    }
  }
  if (integers && count > 0 && min <= max) ids_.use_integers(min, max, count);
}

std::optional<std::vector<store::LabelId>> CsvLoader::labels_of(std::string_view text, std::string& why) {
  auto it = label_sets_.find(std::string(text));
  if (it != label_sets_.end()) return it->second;
  std::vector<store::LabelId> labels;
  for (std::size_t begin = 0; !text.empty() && begin <= text.size();) {
    std::size_t end = std::min(text.find(';', begin), text.size());
    std::string_view label = text.substr(begin, end - begin);
    if (label.empty()) {
      why = "an empty label in " + quote(text) + "; expected labels separated by single ';'";
      return std::nullopt;
    }
    if (!valid_utf8(label)) {
      why = "the label is not valid UTF-8";
      return std::nullopt;
    }
    if (auto problem = csv_name_problem(label, "label")) {
      why = *problem;
      return std::nullopt;
    }
    labels.push_back(graph_.labels().intern(label));
    begin = end + 1;
  }
  label_sets_.emplace(std::string(text), labels);
  return labels;
}

// "the first is on line 4" (of `asking`) or "the first is on line 4 of
// a.csv", for the node that already has id `id`.
std::string CsvLoader::origin_of(store::NodeId node, const File& asking, std::string_view id) {
  for (const File& f : node_files_) {
    if (node < f.first_node || node >= f.first_node + f.nodes_added) continue;
    std::size_t row = node - f.first_node;
    for (std::size_t s : f.skipped) {  // ascending
      if (s <= row) ++row;
      else break;
    }
    std::string out = "the first is on line " + std::to_string(f.table.line_of(row));
    if (&f != &asking) out += " of " + f.table.file();
    std::string_view first = f.table.field(row, *f.header.id);
    if (first != id) out += ", as " + quote(first) + " (ids are integers here)";
    return out;
  }
  return "the first is in the same import";
}

bool CsvLoader::convert_row(File& f, std::size_t row) {
  const Header& h = f.header;
  const csv::Table& t = f.table;
  values_.resize(h.columns.size());
  typed_.resize(h.columns.size());
  for (std::size_t c = 0; c < h.columns.size(); ++c) {
    const Column& col = h.columns[c];
    Typed& out = typed_[c];
    out.is = Typed::Is::none;
    if (col.property.empty()) continue;
    const std::string_view s = t.field(row, c);
    // What convert() makes of the field, read here where that is simple.
    if (!col.list && col.kind == Kind::integer) {
      if (s.empty()) continue;
      out.is = Typed::Is::integer;
      if (is_int(s, out.integer)) continue;
    } else if (!col.list && col.kind == Kind::string) {
      if (s.empty() && !(col.typed && t.quoted_empty(row, c))) continue;
      out.is = Typed::Is::string;
      out.string = s;
      if (valid_utf8(s)) continue;
    }
    std::string why;
    auto v = convert(s, col, t.quoted_empty(row, c), why);
    if (!v) {
      problem(f, row, c, [&] { return conversion_problem(why, t.header()[c], col); });
      return false;
    }
    out.is = v->is_null() ? Typed::Is::none : Typed::Is::value;
    values_[c] = std::move(*v);
  }
  return true;
}

void CsvLoader::add_nodes(File& f) {
  const Header& h = f.header;
  const csv::Table& t = f.table;
  const std::size_t file = static_cast<std::size_t>(&f - node_files_.data());
  f.first_node = static_cast<store::NodeId>(graph_.node_count());
  // Label sets by the text of the row's label field (checked, and their
  // set looked up, once per text).
  struct LabelsOf {
    std::vector<store::LabelId> labels;
    std::optional<std::uint32_t> set;
    bool bad = false;
    std::string why;
  };
  LabelsOf file_only{f.file_labels, std::nullopt, false, {}};
  std::unordered_map<std::string_view, LabelsOf> by_text;
  auto skip = [&](std::size_t row, std::string_view id) {
    f.skipped.push_back(row);
    ids_.add_skipped(id, {file, row});
  };
  for (std::size_t row = 0; row < t.rows(); ++row) {
    std::string_view id;
    if (h.id) {
      id = t.field(row, *h.id);
      if (id.empty()) {
        problem(f, row, *h.id,
                [] { return std::string("the id is empty; every node of a file with an id column needs one"); });
        f.skipped.push_back(row);
        continue;
      }
      if (store::NodeId other = ids_.find(id); other != kNoNode) {
        problem(f, row, *h.id, [&] { return "a second node with id " + quote(id) + "; " + origin_of(other, f, id); });
        f.skipped.push_back(row);
        continue;
      }
    }
    // Labels: the file's, then the row's.
    LabelsOf* labels = &file_only;
    if (h.label) {
      const std::string_view text = t.field(row, *h.label);
      auto it = by_text.find(text);
      if (it == by_text.end()) {
        LabelsOf fresh;
        auto row_labels = labels_of(text, fresh.why);
        fresh.labels = f.file_labels;
        if (row_labels) fresh.labels.insert(fresh.labels.end(), row_labels->begin(), row_labels->end());
        else fresh.bad = true;
        it = by_text.emplace(text, std::move(fresh)).first;
      }
      labels = &it->second;
      if (labels->bad) {
        problem(f, row, *h.label, [&] { return labels->why; });
        skip(row, id);
        continue;
      }
    }
    if (!convert_row(f, row)) {
      skip(row, id);
      continue;
    }
    if (!labels->set) labels->set = graph_.label_set(labels->labels);
    store::NodeId n = graph_.add_node_in_set(*labels->set);
    for (std::size_t c = 0; c < h.columns.size(); ++c) {
      const store::KeyId key = h.columns[c].key;
      switch (typed_[c].is) {
        case Typed::Is::none: break;
        case Typed::Is::integer: graph_.set_new_node_integer(n, key, typed_[c].integer); break;
        case Typed::Is::string: graph_.set_new_node_string(n, key, typed_[c].string); break;
        case Typed::Is::value: graph_.set_new_node_property(n, key, values_[c]); break;
      }
    }
    if (h.id) ids_.add(id, n);
    ++f.nodes_added;
    ++report_.nodes;
  }
  graph_.index_names_of(f.first_node, static_cast<store::NodeId>(graph_.node_count()));
}

store::NodeId CsvLoader::endpoint(File& f, std::size_t row, std::size_t column, bool start) {
  std::string_view text = f.table.field(row, column);
  const char* which = start ? "start" : "end";
  const bool by_name = node_files_.empty();
  if (text.empty()) {
    problem(f, row, column, [&] {
      return by_name ? std::string("the ") + which + " node's name is empty; expected the name or alias of a node "
                                                     "in the database"
                     : std::string("the ") + which + " node's id is empty; expected the id of a node in the nodes "
                                                     "files of this import";
    });
    return kNoNode;
  }
  if (!by_name) {
    store::NodeId n = ids_.find(text);
    if (n != kNoNode) return n;
    problem(f, row, column, [&] {
      if (const IdMap::Where* w = ids_.find_skipped(text)) {
        const File& nf = node_files_[w->file];
        return "the node with id " + quote(text) + " was left out (its row, line " +
               std::to_string(nf.table.line_of(w->row)) + " of " + nf.table.file() +
               ", has a problem), so this relationship is left out too";
      }
      if (!any_id_column_) {
        return "no node has id " + quote(text) + "; none of the nodes files of this import has an id column";
      }
      std::int64_t i;
      if (ids_.integers() && !is_int(text, i)) {
        return "no node has id " + quote(text) + "; the ids in the nodes files of this import are integers";
      }
      return "no node has id " + quote(text) + "; expected the id of a node in the nodes files of this import";
    });
    return kNoNode;
  }
  std::vector<store::NodeId> named = graph_.find_by_name(text);
  if (named.size() == 1) return named.front();
  problem(f, row, column, [&] {
    return named.empty()
               ? "no node is named " + quote(text) + "; without nodes files, an import finds each " + which +
                     " node by the name or alias of a node already in the database"
               : quote(text) + " names " + std::to_string(named.size()) +
                     " nodes; import them with ids to tell them apart";
  });
  return kNoNode;
}

store::NodeId CsvLoader::find_by_name(std::string_view text) const {
  if (text.empty()) return kNoNode;
  std::vector<store::NodeId> named = graph_.find_by_name(text);
  return named.size() == 1 ? named.front() : kNoNode;
}

void CsvLoader::resolve(const File& f, const PropertyColumns& properties, std::size_t first,
                        std::size_t begin, std::size_t end, const TypeNames& types, Resolved& out) const {
  const Header& h = f.header;
  const csv::Table& t = f.table;
  if (node_files_.empty()) {
    for (std::size_t row = begin; row < end; ++row) {
      out.from[row - first] = find_by_name(t.field(row, *h.start));
      out.to[row - first] = find_by_name(t.field(row, *h.end));
    }
  } else {
    ids_.find_column(t, *h.start, begin, end, out.from.data() + (begin - first));
    ids_.find_column(t, *h.end, begin, end, out.to.data() + (begin - first));
  }
  const std::size_t ints = properties.integers.size(), others = properties.others.size();
  std::string why;
  for (std::size_t i = begin - first; i < end - first; ++i) {
    const std::size_t row = first + i;
    const store::NodeId from = out.from[i];
    out.from[i] = kNoNode;  // until the row is resolved
    if (from == kNoNode || out.to[i] == kNoNode) continue;
    std::string_view name = h.type ? t.field(row, *h.type) : std::string_view();
    if (name.empty()) {
      if (!f.file_type) continue;
      out.type[i] = *f.file_type;
    } else if (const store::TypeId* type = types.find(name)) {
      out.type[i] = *type;
    } else {
      continue;
    }
    // An integer column's field is null when empty, else an integer or a
    // problem (convert()'s verdict, without the Value).
    bool converted = true;
    for (std::size_t p = 0; p < ints && converted; ++p) {
      std::string_view field = t.field(row, properties.integers[p]);
      out.has[p * kStep + i] = !field.empty();
      converted = field.empty() || is_int_in(field, t.text(), out.integers[p * kStep + i]);
    }
    for (std::size_t p = 0; p < others && converted; ++p) {
      const std::size_t c = properties.others[p];
      auto value = convert(t.field(row, c), h.columns[c], t.quoted_empty(row, c), why);
      if (value) out.values[i * others + p] = std::move(*value);
      converted = value.has_value();
    }
    if (converted) out.from[i] = from;
  }
}

void CsvLoader::add_resolved(File& f, const PropertyColumns& properties, std::size_t begin, std::size_t end,
                             const Resolved& in) {
  const Header& h = f.header;
  const std::size_t ints = properties.integers.size(), others = properties.others.size();
  for (std::size_t i = 0; i < end - begin;) {
    if (in.from[i] == kNoNode) {
      add_relationship_row(f, begin + i);
      ++i;
      continue;
    }
    // A run of resolved rows goes in at once.
    std::size_t j = i + 1;
    while (j < end - begin && in.from[j] != kNoNode) ++j;
    const auto first = static_cast<store::RelId>(graph_.relationship_count());
    graph_.add_relationships(std::span(in.from).subspan(i, j - i), std::span(in.type).subspan(i, j - i),
                             std::span(in.to).subspan(i, j - i));
    for (std::size_t p = 0; p < ints; ++p) {
      graph_.set_new_relationship_integers(first, h.columns[properties.integers[p]].key,
                                           std::span(in.integers).subspan(p * kStep + i, j - i),
                                           std::span(in.has).subspan(p * kStep + i, j - i));
    }
    for (std::size_t p = 0; p < others; ++p) {
      const store::KeyId key = h.columns[properties.others[p]].key;
      for (std::size_t k = i; k < j; ++k) {
        const Value& v = in.values[k * others + p];
        if (!v.is_null()) graph_.set_relationship_property(first + (k - i), key, v);
      }
    }
    report_.relationships += j - i;
    i = j;
  }
}

void CsvLoader::add_relationships(File& f) {
  const std::size_t rows = f.table.rows();
  const std::size_t steps = (rows + kStep - 1) / kStep;
  PropertyColumns properties;
  for (std::size_t c = 0; c < f.header.columns.size(); ++c) {
    const Column& col = f.header.columns[c];
    if (col.property.empty()) continue;
    (col.kind == Kind::integer && !col.list ? properties.integers : properties.others).push_back(c);
  }
  Resolved resolved[2];
  for (Resolved& r : resolved) {
    const std::size_t size = std::min(rows, kStep);
    r.from.resize(size);
    r.to.resize(size);
    r.type.resize(size);
    r.integers.resize(kStep * properties.integers.size());
    r.has.resize(kStep * properties.integers.size());
    r.values.resize(size * properties.others.size());
  }
  auto range = [&](std::size_t step) {
    const std::size_t begin = std::min(rows, step * kStep);
    return std::pair(begin, std::min(rows, begin + kStep));
  };
  // What resolve() reads while add_resolved() may intern new types: a copy
  // of the types known when the step starts (types_ only grows here, so a
  // copy of the same size is the same).
  TypeNames known;
  // Step s adds the rows of step s - 1 and resolves those of step s. On two
  // threads the helper starts resolving at once, and the adding thread
  // joins it when it is done: each takes the next few rows not yet taken,
  // so neither waits long for the other however long adding takes (it
  // takes about a quarter of the time resolving does, more where it faults
  // in fresh pages).
  constexpr std::size_t kTake = 256;
  std::atomic<std::size_t> taken{0};
  auto work = [&](std::size_t step, std::size_t part, std::size_t) {
    if (part == 0 && step > 0) {
      auto [begin, end] = range(step - 1);
      add_resolved(f, properties, begin, end, resolved[(step - 1) % 2]);
    }
    if (step == steps) return;
    auto [begin, end] = range(step);
    for (;;) {
      const std::size_t from = begin + taken.fetch_add(kTake, std::memory_order_relaxed);
      if (from >= end) break;
      resolve(f, properties, begin, from, std::min(end, from + kTake), known, resolved[step % 2]);
    }
  };
  auto between = [&](std::size_t) {
    if (known.size() != types_.size()) known = types_;
    taken.store(0, std::memory_order_relaxed);
  };
  // A file of a few steps is done before a helper thread would pay for
  // itself.
  if (threads_ == 1 || steps < 4) {
    for (std::size_t step = 0; step <= steps; ++step) {
      between(step);
      work(step, 0, 1);
    }
    return;
  }
  text::run_in_steps(steps + 1, 2, between, work);
}

void CsvLoader::add_relationship_row(File& f, std::size_t row) {
  const Header& h = f.header;
  const csv::Table& t = f.table;
  store::NodeId from = endpoint(f, row, *h.start, true);
  if (from == kNoNode) return;
  store::NodeId to = endpoint(f, row, *h.end, false);
  if (to == kNoNode) return;
  store::TypeId type;
  std::string_view name = h.type ? t.field(row, *h.type) : std::string_view();
  if (name.empty()) {
    if (!f.file_type) {
      problem(f, row, *h.type,
              [] { return std::string("the type is empty; expected a relationship type, such as INVESTS_IN"); });
      return;
    }
    type = *f.file_type;
  } else if (auto it = types_.find(name); it != types_.end()) {
    type = it->second;
  } else {
    if (!valid_utf8(name)) {
      problem(f, row, *h.type, [] { return std::string("the type is not valid UTF-8"); });
      return;
    }
    if (auto bad = csv_name_problem(name, "type")) {
      problem(f, row, *h.type, [&] { return *bad; });
      return;
    }
    type = graph_.types().intern(name);
    types_.emplace(name, type);
  }
  if (!convert_row(f, row)) return;
  store::RelId r = graph_.add_relationship(from, type, to);
  for (std::size_t c = 0; c < h.columns.size(); ++c) {
    const store::KeyId key = h.columns[c].key;
    switch (typed_[c].is) {
      case Typed::Is::none: break;
      case Typed::Is::integer: graph_.set_relationship_integer(r, key, typed_[c].integer); break;
      case Typed::Is::string: graph_.set_relationship_property(r, key, Value(typed_[c].string)); break;
      case Typed::Is::value: graph_.set_relationship_property(r, key, values_[c]); break;
    }
  }
  ++report_.relationships;
}

// Problems in report order: files that cannot be read, then other problems
// with whole files, then rows; each group in file order, rows by line.
void CsvLoader::finish() {
  auto by_position = [](const text::Diagnostic& a, const text::Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  };
  std::vector<text::Diagnostic>& out = report_.problems;
  for (int pass = 0; pass < 3; ++pass) {
    for (FileProblems& p : problems_) {
      if (pass == 0 && p.io) std::move(p.whole.begin(), p.whole.end(), std::back_inserter(out));
      if (pass == 1 && !p.io) std::move(p.whole.begin(), p.whole.end(), std::back_inserter(out));
      if (pass == 2) {
        std::stable_sort(p.rows.begin(), p.rows.end(), by_position);
        std::move(p.rows.begin(), p.rows.end(), std::back_inserter(out));
      }
      if (out.size() >= import_.max_reported) break;
    }
  }
  if (out.size() > import_.max_reported) out.resize(import_.max_reported);
}

void CsvLoader::add_all_nodes() {
  std::size_t rows = 0;
  for (const File& f : node_files_) rows += f.table.rows();
  graph_.reserve(rows, 0);
  for (const File& f : node_files_) {
    for (const Column& col : f.header.columns) {
      if (!col.property.empty()) graph_.plan_node_property(col.key, graph_.node_count() + rows);
    }
  }
  prepare_ids();
  for (File& f : node_files_) add_nodes(f);
}

void CsvLoader::add_all_relationships() {
  std::size_t rows = 0;
  for (const File& f : rel_files_) rows += f.table.rows();
  graph_.reserve(0, rows);
  for (const File& f : rel_files_) {
    for (const Column& col : f.header.columns) {
      if (!col.property.empty()) graph_.plan_relationship_property(col.key, graph_.relationship_count() + rows);
    }
  }
  for (File& f : rel_files_) add_relationships(f);
}

CsvLoadReport CsvLoader::run() {
  // Adding nodes keeps one thread busy: meanwhile another reads, tokenizes
  // and infers the relationship files, which touch no state of the loader.
  // Nodes added before a relationship file turns out unusable are rolled
  // back with the rest of the import (Database::import_csv).
  std::future<std::vector<Scanned>> relationships;
  try {
    const bool nodes_ok = read(import_.nodes, true, 0, scan_all(import_.nodes, true), node_files_);
    if (nodes_ok && threads_ > 1 && !import_.relationships.empty()) {
      try {
        relationships = std::async(std::launch::async, [this] { return scan_all(import_.relationships, false); });
      } catch (const std::system_error&) {
        // No thread to spare: the files are read below, after the nodes.
      }
    }
    if (nodes_ok) add_all_nodes();
    std::vector<Scanned> scanned =
        relationships.valid() ? relationships.get() : scan_all(import_.relationships, false);
    const bool rels_ok = read(import_.relationships, false, import_.nodes.size(), std::move(scanned), rel_files_);
    if (nodes_ok && rels_ok) add_all_relationships();
  } catch (const std::length_error&) {
    // An interner is full (ids are 16 bits).
    ++report_.problem_count;
    report_.fatal = true;
    report_.problems.push_back(text::make_diagnostic(
        "", text::Severity::error,
        "too many distinct labels, relationship types or property keys; at most 65535 of each fit"));
  }
  if (relationships.valid()) relationships.wait();  // still reading when adding nodes failed
  finish();
  types_.clear();
  if (report_.ok(import_.lenient)) graph_.commit(threads_);
  // The files' text and fields (some 100 MiB for the kit's large graph)
  // are given back on a thread of their own: freeing them here made the
  // import wait 8 ms longer, and freeing them while the adjacency was being
  // built slowed the build's page faults as much. On one thread (threads =
  // 1) they are freed here, when the loader goes.
  if (threads_ == 1) return std::move(report_);
  auto tables = std::make_shared<std::vector<csv::Table>>();
  for (auto* files : {&node_files_, &rel_files_}) {
    for (File& f : *files) tables->push_back(std::move(f.table));
  }
  text::release_in_background([tables = std::move(tables)]() mutable { tables.reset(); });
  return std::move(report_);
}


}  // namespace

CsvLoadReport load_csv(store::Graph& graph, const CsvImport& import, std::size_t threads) {
  return CsvLoader(graph, import, threads).run();
}

}  // namespace ergo::load
