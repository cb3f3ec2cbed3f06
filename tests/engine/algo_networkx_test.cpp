// Cross-check against networkx: for a few seeded random graphs, runs every
// graph procedure through ergo::Database, writes the graph and the answers,
// and has tests/engine/algo_networkx_check.py compute the same with networkx
// and compare. Skipped (never passed) when python3 cannot import networkx.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

#include "ergo/database.hpp"

namespace ergo {
namespace {

namespace fs = std::filesystem;

struct Edge {
  int from, to;
  std::string type;
  double weight;
};

struct RandomGraph {
  int nodes = 0;
  std::vector<std::string> labels;
  std::vector<Edge> edges;
};

// Every node gets one relationship out (PageRank then has no dangling node,
// where ergo and networkx differ on purpose), then `extra` more at random:
// some parallel, some reciprocal, no self-loops. Types X and Y, labels A and
// B, weights in thousandths so their text is exact.
RandomGraph make_random_graph(unsigned seed, int nodes, int extra) {
  std::mt19937 rng(seed);
  RandomGraph g;
  g.nodes = nodes;
  for (int v = 0; v < nodes; ++v) g.labels.push_back(rng() % 3 ? "A" : "B");
  auto add = [&](int from) {
    int to = static_cast<int>(rng() % (nodes - 1));
    if (to >= from) ++to;
    g.edges.push_back({from, to, rng() % 2 ? "X" : "Y", static_cast<double>(1 + rng() % 9999) / 1000});
  };
  for (int v = 0; v < nodes; ++v) add(v);
  for (int i = 0; i < extra; ++i) add(static_cast<int>(rng() % nodes));
  for (int i = 0; i < extra / 20; ++i) {
    Edge parallel = g.edges[rng() % g.edges.size()];
    g.edges.push_back(parallel);
  }
  return g;
}

void load(Database& db, const RandomGraph& g) {
  // One node at a time keeps node ids equal to v.
  for (int v = 0; v < g.nodes; ++v) db.execute("CREATE (:" + g.labels[v] + " {id: $id})", {{"id", Value(v)}});
  for (const char* type : {"X", "Y"}) {
    List rows;
    for (const Edge& e : g.edges) {
      if (e.type == type) rows.push_back(Value(List{Value(e.from), Value(e.to), Value(e.weight)}));
    }
    db.execute(std::string("UNWIND $rows AS e MATCH (a {id: e[0]}), (b {id: e[1]}) CREATE (a)-[:") + type +
                   " {w: e[2]}]->(b)",
               {{"rows", Value(std::move(rows))}});
  }
}

std::string number(double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

std::string cell(const Value& v) {
  if (auto* d = v.get_if<double>()) return number(*d);
  return v.to_cypher();
}

// Every answer ergo gives on g, one line each: `ALGORITHM KEY... VALUE`.
std::string answers(Database& db, const RandomGraph& g, unsigned seed) {
  std::ostringstream out;
  auto per_node = [&](const std::string& name, const std::string& call, const std::string& field) {
    Result r = db.execute("CALL " + call + " YIELD node, " + field + " RETURN id(node), " + field);
    for (const auto& row : r.rows()) out << name << " " << row[0].as_int() << " " << cell(row[1]) << "\n";
  };
  per_node("pageRank", "ergo.pageRank({tolerance: 0, maxIterations: 2000})", "score");
  per_node("betweenness", "ergo.betweenness()", "score");
  per_node("betweenness_both", "ergo.betweenness({direction: 'both'})", "score");
  per_node("betweenness_A", "ergo.betweenness({labels: ['A']})", "score");
  per_node("degree_out", "ergo.degree()", "score");
  per_node("degree_in", "ergo.degree({direction: 'in'})", "score");
  per_node("degree_both", "ergo.degree({direction: 'both'})", "score");
  per_node("wcc", "ergo.wcc()", "componentId");
  per_node("wcc_X", "ergo.wcc({types: ['X']})", "componentId");
  per_node("scc", "ergo.scc()", "componentId");
  per_node("triangles", "ergo.triangles()", "triangles");
  per_node("coefficient", "ergo.triangles()", "coefficient");
  per_node("triangles_X", "ergo.triangles({types: 'X'})", "triangles");

  std::mt19937 rng(seed * 7919);
  for (int i = 0; i < 25; ++i) {
    int s = static_cast<int>(rng() % g.nodes), t = static_cast<int>(rng() % g.nodes);
    if (s == t) continue;
    Params ends{{"s", Value(s)}, {"t", Value(t)}};
    const std::string match = "MATCH (s {id: $s}), (t {id: $t}) ";
    Result r = db.execute(match + "CALL ergo.shortestPath(s, t) YIELD length RETURN length", ends);
    out << "shortestPath " << s << " " << t << " " << (r.empty() ? -1 : r.row(0)[0].as_int()) << "\n";
    r = db.execute(match + "CALL ergo.allShortestPaths(s, t) YIELD path RETURN count(path)", ends);
    out << "allShortestPaths " << s << " " << t << " " << r.row(0)[0].as_int() << "\n";
    r = db.execute(match + "CALL ergo.dijkstra(s, t, 'w') YIELD cost RETURN cost", ends);
    out << "dijkstra " << s << " " << t << " " << (r.empty() ? "-1" : number(r.row(0)[0].as_double())) << "\n";
  }
  for (int k : {1, 2, 3}) {
    int s = static_cast<int>(rng() % g.nodes);
    Result r = db.execute(
        "MATCH (s {id: $s}) CALL ergo.khop(s, $k) YIELD node, distance "
        "RETURN id(node) AS n, distance ORDER BY n",
        {{"s", Value(s)}, {"k", Value(k)}});
    std::string reached;
    for (const auto& row : r.rows()) {
      reached += (reached.empty() ? "" : ",") + std::to_string(row[0].as_int()) + ":" + std::to_string(row[1].as_int());
    }
    out << "khop " << s << " " << k << " " << (reached.empty() ? "-" : reached) << "\n";
  }
  return out.str();
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(AlgoNetworkx, AgreesOnRandomGraphs) {
  if (std::system("python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 cannot import networkx (tools/setup.sh installs python3-networkx)";
  }
  const fs::path dir = fs::temp_directory_path() / ("ergo-networkx-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string script = std::string(ERGO_TESTS_DIR) + "/engine/algo_networkx_check.py";
  struct Case {
    unsigned seed;
    int nodes, extra;
  };
  for (const Case& c : {Case{11, 40, 60}, Case{23, 90, 200}, Case{37, 150, 450}}) {
    SCOPED_TRACE("seed " + std::to_string(c.seed));
    RandomGraph g = make_random_graph(c.seed, c.nodes, c.extra);
    Database db;
    load(db, g);
    ASSERT_EQ(db.relationship_count(), g.edges.size());

    const fs::path graph_file = dir / ("graph-" + std::to_string(c.seed) + ".txt");
    const fs::path answer_file = dir / ("ergo-" + std::to_string(c.seed) + ".txt");
    const fs::path report_file = dir / ("report-" + std::to_string(c.seed) + ".txt");
    {
      std::ofstream out(graph_file);
      out << "nodes " << g.nodes << "\n";
      for (int v = 0; v < g.nodes; ++v) out << "label " << v << " " << g.labels[v] << "\n";
      for (const Edge& e : g.edges) out << "edge " << e.from << " " << e.to << " " << e.type << " " << number(e.weight) << "\n";
      std::ofstream(answer_file) << answers(db, g, c.seed);
    }
    const std::string command = "python3 '" + script + "' '" + graph_file.string() + "' '" + answer_file.string() +
                                "' > '" + report_file.string() + "' 2>&1";
    int status = std::system(command.c_str());
    const std::string report = read_all(report_file);
    EXPECT_EQ(status, 0) << report;
    EXPECT_NE(report.find(" passed, 0 failed"), std::string::npos) << report;
    std::printf("seed %u (%d nodes, %zu relationships): %s", c.seed, g.nodes, g.edges.size(), report.c_str());
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ergo
