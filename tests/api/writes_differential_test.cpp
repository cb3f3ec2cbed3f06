// A seeded random differential test of the write clauses: a mix of CREATE,
// MERGE, SET, REMOVE, DELETE and DETACH DELETE on a small graph, each statement
// checked against a plain reference model kept here (maps of ids to labels
// and properties) — the whole graph compared after every statement, and the
// statement's statistics too. Statements that must fail (DELETE of a
// connected node) must fail with DeleteConnectedNode and change nothing.
// 100,000 statements by default (about 12 s of CPU);
// ERGO_DIFFERENTIAL_STATEMENTS overrides the number.
#include <cstdlib>
#include <map>
#include <random>
#include <set>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

struct Element {
  std::set<std::string> labels;  // nodes only
  std::map<std::string, std::int64_t> props;
  std::int64_t from = 0, to = 0;  // relationships only
  std::string type;
};

struct Model {
  std::map<std::int64_t, Element> nodes, rels;
  std::int64_t next_node = 0, next_rel = 0;

  bool connected(std::int64_t n) const {
    for (const auto& [id, r] : rels) {
      if (r.from == n || r.to == n) return true;
    }
    return false;
  }
};

const char* const label_names[] = {"A", "B", "C"};
const char* const key_names[] = {"k", "m", "name"};
const char* const type_names[] = {"R", "S"};

// The graph as text: one line per node and relationship, in id order.
std::string dump(const Model& m) {
  std::string out;
  for (const auto& [id, n] : m.nodes) {
    out += "n" + std::to_string(id);
    for (const auto& l : n.labels) out += ":" + l;
    for (const auto& [k, v] : n.props) out += " " + k + "=" + std::to_string(v);
    out += "\n";
  }
  for (const auto& [id, r] : m.rels) {
    out += "r" + std::to_string(id) + " " + std::to_string(r.from) + "-" + r.type + "->" + std::to_string(r.to);
    for (const auto& [k, v] : r.props) out += " " + k + "=" + std::to_string(v);
    out += "\n";
  }
  return out;
}

std::string dump(Database& db) {
  std::string out;
  Result nodes = db.execute("MATCH (n) RETURN id(n), labels(n), properties(n) ORDER BY id(n)");
  for (const auto& row : nodes.rows()) {
    out += "n" + std::to_string(row[0].as_int());
    std::set<std::string> labels;
    for (const Value& l : row[1].as_list()) labels.insert(l.as_string());
    for (const auto& l : labels) out += ":" + l;
    for (const auto& [k, v] : row[2].as_map()) out += " " + k + "=" + std::to_string(v.as_int());
    out += "\n";
  }
  Result rels = db.execute("MATCH (a)-[r]->(b) RETURN id(r), id(a), type(r), id(b), properties(r) ORDER BY id(r)");
  for (const auto& row : rels.rows()) {
    out += "r" + std::to_string(row[0].as_int()) + " " + std::to_string(row[1].as_int()) + "-" +
           row[2].as_string() + "->" + std::to_string(row[3].as_int());
    for (const auto& [k, v] : row[4].as_map()) out += " " + k + "=" + std::to_string(v.as_int());
    out += "\n";
  }
  return out;
}

std::size_t statements() {
  if (const char* n = std::getenv("ERGO_DIFFERENTIAL_STATEMENTS")) return std::strtoul(n, nullptr, 10);
  return 100000;
}

TEST(WritesDifferential, RandomStatementsAgreeWithTheReferenceModel) {
  std::mt19937_64 rng(20261204);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  Database db;
  Model m;
  auto random_node = [&]() -> std::int64_t {
    auto it = m.nodes.begin();
    std::advance(it, pick(m.nodes.size()));
    return it->first;
  };
  auto random_rel = [&]() -> std::int64_t {
    auto it = m.rels.begin();
    std::advance(it, pick(m.rels.size()));
    return it->first;
  };
  const std::size_t total = statements();
  for (std::size_t step = 0; step < total; ++step) {
    // Fewer creations as the graph grows keeps it small and busy.
    const std::size_t kind = m.nodes.size() < 3 ? 0 : pick(m.nodes.size() > 25 ? 14 : 12) + (m.nodes.size() > 25);
    std::string query;
    Params params;
    QueryStats expect;
    bool must_fail = false;
    const std::string label = label_names[pick(3)];
    const std::string key = key_names[pick(3)];
    const std::int64_t value = static_cast<std::int64_t>(pick(5));
    switch (kind) {
      case 0: {  // CREATE a node
        query = "CREATE (:" + label + " {" + key + ": $v})";
        params = {{"v", Value(value)}};
        m.nodes[m.next_node++] = Element{{label}, {{key, value}}, 0, 0, ""};
        expect.nodes_created = 1, expect.labels_added = 1, expect.properties_set = 1;
        break;
      }
      case 1: {  // CREATE a relationship between existing nodes
        const std::int64_t a = random_node(), b = random_node();
        const std::string type = type_names[pick(2)];
        query = "MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b CREATE (a)-[:" + type + " {w: $v}]->(b)";
        params = {{"a", Value(a)}, {"b", Value(b)}, {"v", Value(value)}};
        Element r;
        r.from = a, r.to = b, r.type = type, r.props = {{"w", value}};
        m.rels[m.next_rel++] = r;
        expect.relationships_created = 1, expect.properties_set = 1;
        break;
      }
      case 2: {  // SET a property (null: remove)
        const std::int64_t n = random_node();
        const bool null = pick(4) == 0;
        query = "MATCH (n) WHERE id(n) = $n SET n." + key + " = $v";
        params = {{"n", Value(n)}, {"v", null ? Value() : Value(value)}};
        auto& props = m.nodes[n].props;
        if (null) {
          expect.properties_set = props.erase(key);
        } else {
          props[key] = value;
          expect.properties_set = 1;
        }
        break;
      }
      case 3: {  // SET a label
        const std::int64_t n = random_node();
        query = "MATCH (n) WHERE id(n) = $n SET n:" + label;
        params = {{"n", Value(n)}};
        expect.labels_added = m.nodes[n].labels.insert(label).second;
        break;
      }
      case 4: {  // REMOVE a label or a property
        const std::int64_t n = random_node();
        params = {{"n", Value(n)}};
        if (pick(2)) {
          query = "MATCH (n) WHERE id(n) = $n REMOVE n:" + label;
          expect.labels_removed = m.nodes[n].labels.erase(label);
        } else {
          query = "MATCH (n) WHERE id(n) = $n REMOVE n." + key;
          expect.properties_set = m.nodes[n].props.erase(key);
        }
        break;
      }
      case 5: {  // SET += / = a map
        const std::int64_t n = random_node();
        const bool replace = pick(2);
        const std::string map = key == "m" ? "{m: $v}" : "{" + key + ": $v, m: 7}";
        query = "MATCH (n) WHERE id(n) = $n SET n " + std::string(replace ? "=" : "+=") + " " + map;
        params = {{"n", Value(n)}, {"v", Value(value)}};
        auto& props = m.nodes[n].props;
        if (replace) {
          for (const auto& [k, v] : props) expect.properties_set += k != key && k != "m";
          props.clear();
        }
        if (key != "m") props["m"] = 7;
        props[key] = value;
        expect.properties_set += key == "m" ? 1 : 2;
        break;
      }
      case 6: {  // SET a relationship property, or DELETE a relationship
        if (m.rels.empty()) continue;
        const std::int64_t r = random_rel();
        params = {{"r", Value(r)}};
        if (pick(2)) {
          query = "MATCH ()-[r]->() WHERE id(r) = $r SET r.w = r.w + 1";
          ++m.rels[r].props["w"];
          expect.properties_set = 1;
        } else {
          query = "MATCH ()-[r]->() WHERE id(r) = $r DELETE r";
          m.rels.erase(r);
          expect.relationships_deleted = 1;
        }
        break;
      }
      case 7:
      case 8:
      case 9: {  // DELETE a node: fails while it has relationships
        const std::int64_t n = random_node();
        query = "MATCH (n) WHERE id(n) = $n DELETE n";
        params = {{"n", Value(n)}};
        if (m.connected(n)) {
          must_fail = true;
        } else {
          m.nodes.erase(n);
          expect.nodes_deleted = 1;
        }
        break;
      }
      case 10: {  // MERGE a node by label and property, ON MATCH SET / ON CREATE SET
        query = "MERGE (n:" + label + " {k: $v}) ON CREATE SET n.m = 1 ON MATCH SET n.m = 2";
        params = {{"v", Value(value)}};
        bool found = false;
        for (auto& [id, n] : m.nodes) {
          auto k = n.props.find("k");
          if (n.labels.count(label) && k != n.props.end() && k->second == value) {
            found = true;
            n.props["m"] = 2;
            ++expect.properties_set;
          }
        }
        if (!found) {
          m.nodes[m.next_node++] = Element{{label}, {{"k", value}, {"m", 1}}, 0, 0, ""};
          expect.nodes_created = 1, expect.labels_added = 1, expect.properties_set = 2;
        }
        break;
      }
      case 11: {  // MERGE a relationship between existing nodes
        const std::int64_t a = random_node(), b = random_node();
        const std::string type = type_names[pick(2)];
        query = "MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b MERGE (a)-[r:" + type + "]->(b) ON CREATE SET r.w = $v";
        params = {{"a", Value(a)}, {"b", Value(b)}, {"v", Value(value)}};
        bool found = false;
        for (const auto& [id, r] : m.rels) found |= r.from == a && r.to == b && r.type == type;
        if (!found) {
          Element r;
          r.from = a, r.to = b, r.type = type, r.props = {{"w", value}};
          m.rels[m.next_rel++] = r;
          expect.relationships_created = 1, expect.properties_set = 1;
        }
        break;
      }
      default: {  // DETACH DELETE a node
        const std::int64_t n = random_node();
        query = "MATCH (n) WHERE id(n) = $n DETACH DELETE n";
        params = {{"n", Value(n)}};
        for (auto it = m.rels.begin(); it != m.rels.end();) {
          if (it->second.from == n || it->second.to == n) {
            it = m.rels.erase(it);
            ++expect.relationships_deleted;
          } else {
            ++it;
          }
        }
        m.nodes.erase(n);
        expect.nodes_deleted = 1;
        break;
      }
    }
    SCOPED_TRACE("statement " + std::to_string(step) + ": " + query);
    if (must_fail) {
      Error e = api_test::error_of([&] { db.execute(query, params); });
      ASSERT_EQ(e.code(), "DeleteConnectedNode");
    } else {
      QueryStats got = db.execute(query, params).stats();
      ASSERT_EQ(got.nodes_created, expect.nodes_created);
      ASSERT_EQ(got.relationships_created, expect.relationships_created);
      ASSERT_EQ(got.nodes_deleted, expect.nodes_deleted);
      ASSERT_EQ(got.relationships_deleted, expect.relationships_deleted);
      ASSERT_EQ(got.labels_added, expect.labels_added);
      ASSERT_EQ(got.labels_removed, expect.labels_removed);
      ASSERT_EQ(got.properties_set, expect.properties_set);
    }
    ASSERT_EQ(dump(db), dump(m));
    ASSERT_EQ(db.node_count(), m.nodes.size());
    ASSERT_EQ(db.relationship_count(), m.rels.size());
  }
}

}  // namespace
}  // namespace ergo
