// The graph as a Cypher script that ergo, Neo4j 5 and Memgraph all run
// unchanged (docs/export.md). Nodes are created in batches of one label set
// (`UNWIND [...] AS row CREATE (n:Label ...) SET n += row.properties`),
// each carrying a temporary label and a dense id property 0..n-1; a batch
// of relationships of one type collects those nodes in id order once and
// finds both ends by position (`nodes[row.from]`), so loading takes one
// label scan per batch rather than one per relationship; the last
// statement removes label and property. Only portable Cypher: no
// parameters, no APOC, no index statements (whose syntax differs between
// Neo4j and Memgraph).
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/export/literals.hpp"
#include "engine/export/refusal.hpp"
#include "engine/export/writers.hpp"

namespace ergo::dump {
namespace {

// The temporary label and property that tie relationships to their nodes.
constexpr std::string_view kDumpLabel = "ErgoDumpNode";
constexpr std::string_view kDumpId = "ergo_dump_id";
// A batch also ends past this much text, well inside ergo's default 1 MiB
// statement limit (Limits::max_query_length).
constexpr std::size_t kMaxBatchBytes = 256 * 1024;

// Elements grouped by a key (a label set, a type), groups in the order of
// their first element, elements in id order within each.
template <class Key>
struct Groups {
  std::vector<Key> keys;
  std::map<Key, std::vector<std::uint32_t>> members;
  void add(const Key& key, std::uint32_t id) {
    auto [it, added] = members.try_emplace(key);
    if (added) keys.push_back(key);
    it->second.push_back(id);
  }
};

class CypherWriter {
 public:
  CypherWriter(const store::Graph& g, std::ostream& out, std::size_t batch_rows)
      : g_(g), out_(out), batch_rows_(batch_rows == 0 ? 1 : batch_rows) {}

  void write() {
    out_ << "// ergo dump: " << g_.live_node_count() << " nodes, " << g_.live_relationship_count()
         << " relationships.\n"
         << "// Runs on ergo (ergo -f FILE), Neo4j 5 (cypher-shell -f FILE) and Memgraph (mgconsole < FILE).\n"
         << "// Nodes carry the label " << kDumpLabel << " and the property " << kDumpId
         << " until the last statement removes them.\n";
    write_nodes();
    write_relationships();
    if (g_.live_node_count() > 0) {
      out_ << "MATCH (n:" << kDumpLabel << ") REMOVE n:" << kDumpLabel << ", n." << kDumpId << ";\n";
    }
  }

 private:
  void write_nodes() {
    Groups<std::vector<std::string>> groups;
    for (store::NodeId n = 0; n < g_.node_count(); ++n) {
      if (!g_.node_exists(n)) continue;
      std::vector<std::string> labels;
      for (store::LabelId l : g_.labels_of(n)) labels.push_back(g_.labels().name(l));
      check_unclaimed(n, labels);
      dense_[n] = next_dense_++;
      groups.add(labels, n);
    }
    for (const auto& labels : groups.keys) {
      std::string pattern = "(n";
      for (const std::string& l : labels) pattern += ":" + cypher_name(l);
      pattern += ":" + std::string(kDumpLabel) + " {" + std::string(kDumpId) + ": row.id})";
      const std::string tail = "CREATE " + pattern + " SET n += row.properties;\n";
      write_batches(groups.members.at(labels), "", tail, [&](std::uint32_t n) {
        Map props = g_.node_properties(n);
        check_storable(props, describe_node(g_, n));
        return "{id: " + std::to_string(dense_[n]) + ", properties: " + cypher_value(Value(std::move(props))) + "}";
      });
    }
  }

  void write_relationships() {
    Groups<std::string> groups;
    for (store::RelId r = 0; r < g_.relationship_count(); ++r) {
      if (g_.relationship_exists(r)) groups.add(g_.types().name(g_.type_of(r)), r);
    }
    const std::string head = "MATCH (n:" + std::string(kDumpLabel) + ") WITH n ORDER BY n." + std::string(kDumpId) +
                             " WITH collect(n) AS nodes\n";
    for (const std::string& type : groups.keys) {
      const std::string tail = "WITH nodes[row.from] AS a, nodes[row.to] AS b, row\nCREATE (a)-[r:" +
                               cypher_name(type) + "]->(b) SET r += row.properties;\n";
      write_batches(groups.members.at(type), head, tail, [&](std::uint32_t r) {
        Map props = g_.relationship_properties(r);
        check_storable(props, describe_relationship(g_, r));
        return "{from: " + std::to_string(dense_[g_.source(r)]) + ", to: " + std::to_string(dense_[g_.target(r)]) +
               ", properties: " + cypher_value(Value(std::move(props))) + "}";
      });
    }
  }

  // Cypher stores no map as a property value (ergo and Neo4j refuse one in
  // SET); only .kg writes them.
  static void check_storable(const Map& props, const std::string& where) {
    for (const auto& [key, value] : props) {
      if (holds_map(value)) {
        refuse("Cypher", where + "'s property " + cypher_name(key) + " holds a map, which Cypher cannot store as a property",
               "export as .kg (--format kg), which keeps maps");
      }
    }
  }
  static bool holds_map(const Value& v) {
    if (v.type() == Value::Type::map) return true;
    if (const List* items = v.get_if<List>()) return std::any_of(items->begin(), items->end(), holds_map);
    return false;
  }

  // The dump's own label and key would be removed at the end with the
  // graph's.
  void check_unclaimed(store::NodeId n, const std::vector<std::string>& labels) {
    const bool label = std::find(labels.begin(), labels.end(), kDumpLabel) != labels.end();
    const std::optional<store::KeyId> key = g_.keys().find(kDumpId);
    if (!label && (!key || g_.node_property(n, *key).is_null())) return;
    refuse("Cypher",
           describe_node(g_, n) + " has the " + (label ? "label " + std::string(kDumpLabel) : "property " + std::string(kDumpId)) +
               ", which the script uses for itself and removes at its end",
           "rename it before dumping, or export as .kg (--format kg)");
  }

  // <head>UNWIND [row, row, ...] AS row <tail>, a batch at a time.
  template <class RowText>
  void write_batches(const std::vector<std::uint32_t>& ids, const std::string& head, const std::string& tail,
                     RowText row_text) {
    std::string batch;
    std::size_t rows = 0;
    auto flush = [&] {
      if (rows == 0) return;
      out_ << head << "UNWIND [\n" << batch << "\n] AS row\n" << tail;
      batch.clear();
      rows = 0;
    };
    for (std::uint32_t id : ids) {
      if (rows > 0) batch += ",\n";
      batch += "  " + row_text(id);
      if (++rows == batch_rows_ || batch.size() >= kMaxBatchBytes) flush();
    }
    flush();
  }

  const store::Graph& g_;
  std::ostream& out_;
  std::size_t batch_rows_;
  // A node's id in the script: its place among the live nodes, so that it
  // is also its place in the collected list.
  std::vector<std::uint32_t> dense_ = std::vector<std::uint32_t>(g_.node_count());
  std::uint32_t next_dense_ = 0;
};

}  // namespace

void write_cypher(const store::Graph& graph, std::ostream& out, std::size_t batch_rows) {
  CypherWriter(graph, out, batch_rows).write();
}

}  // namespace ergo::dump
