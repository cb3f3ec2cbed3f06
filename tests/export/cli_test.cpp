// `ergo dump` and the shell's `:dump` with the real binary (docs/cli.md,
// docs/export.md): files written and read back by ergo itself, standard
// output, a database directory, and the errors for a bad command line.
#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "tests/cli/run_ergo.hpp"

namespace ergo::testing {
namespace {

namespace fs = std::filesystem;

std::string count_query() {
  return "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships";
}

TEST(DumpCommand, KgFileLoadsBack) {
  TempDir dir;
  ErgoRun dump = run_ergo({"dump", "-o", (dir / "graph.kg").string()});
  ASSERT_EQ(dump.status, 0) << dump.err;
  EXPECT_EQ(dump.out, "");
  EXPECT_EQ(dump.err, "Dumped 86 nodes and 162 relationships to " + (dir / "graph.kg").string() + " (kg).\n");
  ErgoRun back = run_ergo({(dir / "graph.kg").string(), "-e", count_query()});
  EXPECT_EQ(back.status, 0) << back.err;
  EXPECT_EQ(back.out, "nodes,relationships\n86,162\n");
  EXPECT_EQ(back.err, "");  // no warnings: every entity is declared
}

TEST(DumpCommand, CypherFromADatabaseRunsIntoAnother) {
  TempDir dir;
  const std::string db = (dir / "db").string(), copy = (dir / "copy").string();
  ASSERT_EQ(run_ergo({"--db", db, "data/", "-e", "RETURN 1"}).status, 0);
  ErgoRun dump = run_ergo({"dump", "--db", db, "--format", "cypher", "-o", (dir / "g.cypher").string()});
  ASSERT_EQ(dump.status, 0) << dump.err;
  ErgoRun load = run_ergo({"--db", copy, "-f", (dir / "g.cypher").string()});
  ASSERT_EQ(load.status, 0) << load.err;
  // The same elements: every node and relationship as JSON, sorted (the
  // reload numbers them differently).
  auto elements = [](const std::string& database) {
    ErgoRun run = run_ergo({"--db", database, "--format", "jsonl", "-e",
                            "MATCH (n) RETURN labels(n) AS l, properties(n) AS p", "-e",
                            "MATCH (a)-[r]->(b) RETURN a.name AS a, type(r) AS t, properties(r) AS p, b.name AS b"});
    EXPECT_EQ(run.status, 0) << run.err;
    std::vector<std::string> lines;
    std::istringstream in(run.out);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  std::vector<std::string> original = elements(db);
  EXPECT_EQ(original.size(), 86u + 162u);
  EXPECT_EQ(elements(copy), original);
}

TEST(DumpCommand, CsvDirectoryImportsBack) {
  TempDir dir;
  const std::string out = (dir / "csv").string() + "/";
  ErgoRun dump = run_ergo({"dump", "-o", out});
  ASSERT_EQ(dump.status, 0) << dump.err;
  // `scope` is a list on some relationships and text on others: two files.
  EXPECT_EQ(dump.err, "Dumped 86 nodes and 162 relationships to " + out +
                          " (nodes.csv, relationships.csv, relationships-2.csv).\n");
  ErgoRun back = run_ergo({"--nodes", out + "nodes.csv", "--relationships", out + "relationships.csv",
                           "--relationships", out + "relationships-2.csv", "-e",
                           "MATCH (m {name: 'Microsoft'})-[r:INVESTS_IN]->(o) WHERE r.amount IS NOT NULL "
                           "RETURN m.aliases, r.amount, r.date, r.line, o.name"});
  EXPECT_EQ(back.status, 0) << back.err;
  EXPECT_EQ(back.out,
            "m.aliases,r.amount,r.date,r.line,o.name\n"
            "\"['마이크로소프트', 'MS', '마이크로스프트']\",1000000000,2019-07-22,4,OpenAI\n");
}

TEST(DumpCommand, GraphmlAndJsonLinesToStandardOutput) {
  ErgoRun graphml = run_ergo({"dump", "--format", "graphml"});
  ASSERT_EQ(graphml.status, 0) << graphml.err;
  EXPECT_TRUE(graphml.out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"));
  ErgoRun jsonl = run_ergo({"dump", "--format=jsonl", "data/entities.kg"});
  ASSERT_EQ(jsonl.status, 0) << jsonl.err;
  EXPECT_TRUE(jsonl.out.starts_with(
      "{\"type\":\"node\",\"id\":\"0\",\"labels\":[\"Company\",\"Organization\"],\"properties\":{\"aliases\":[\"오픈AI\"],"))
      << jsonl.out.substr(0, 200);
}

TEST(DumpCommand, UsageErrors) {
  ErgoRun unknown = run_ergo({"dump", "--format", "xml"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.err,
            "ergo dump: unknown dump format 'xml'; use kg, cypher, csv, graphml or jsonl\n"
            "Try 'ergo dump --help' for more information.\n");
  ErgoRun no_format = run_ergo({"dump"});
  EXPECT_EQ(no_format.status, 2);
  EXPECT_EQ(no_format.err,
            "ergo dump: which format? Standard output has no file name to tell it by: name one with --format "
            "FORMAT (kg, cypher, csv, graphml or jsonl)\nTry 'ergo dump --help' for more information.\n");
  ErgoRun csv_file = run_ergo({"dump", "-o", "graph.csv"});
  EXPECT_EQ(csv_file.status, 2);
  EXPECT_EQ(csv_file.err,
            "ergo dump: a CSV dump is a directory of files (nodes.csv, relationships.csv, ...): name a directory instead "
            "of 'graph.csv' (e.g. 'graph/')\nTry 'ergo dump --help' for more information.\n");
  ErgoRun both = run_ergo({"dump", "--db", "x", "data/", "--format", "kg"});
  EXPECT_EQ(both.status, 2);
  TempDir dir;
  ErgoRun missing = run_ergo({"dump", "--db", (dir / "nowhere").string(), "--format", "kg"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.err, "ergo dump: there is no database '" + (dir / "nowhere").string() +
                             "': the directory does not exist; name the directory given to ergo --db\n");
  EXPECT_FALSE(fs::exists(dir / "nowhere"));
  ErgoRun help = run_ergo({"dump", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_TRUE(help.out.starts_with("usage: ergo dump [--db DIR | SOURCE...]"));
}

TEST(DumpCommand, RefusalLeavesNoFile) {
  TempDir dir;
  const std::string script = (dir / "s.cypher").string();
  std::ofstream(script) << "CREATE ({name: 'no label'});\n:dump " << (dir / "g.kg").string() << "\n";
  ErgoRun run = run_ergo({"-f", script, "data/entities.kg"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("cannot export as .kg: node 81 ('no label') has no label"), std::string::npos) << run.err;
  for (const auto& e : fs::directory_iterator(dir.path())) EXPECT_EQ(e.path().filename(), "s.cypher");
}

TEST(DumpMetaCommand, BatchModeWritesEachFormat) {
  TempDir dir;
  const std::string input = "CREATE (:Company {name: 'Acme', motto: 'say \"hi\"\\n한국'});\n"
                            ":dump " + (dir / "g.kg").string() + "\n"
                            ":dump " + (dir / "g.out").string() + " cypher\n"
                            ":dump " + (dir / "g-csv").string() + " --format csv\n"
                            ":dump " + (dir / "g.graphml").string() + "\n"
                            ":dump " + (dir / "g.jsonl").string() + "\n";
  ErgoRun run = run_ergo({"data/"}, input);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  ErgoRun kg = run_ergo({(dir / "g.kg").string(), "-e", "MATCH (c {name: 'Acme'}) RETURN c.motto, labels(c)"});
  EXPECT_EQ(kg.out, "c.motto,labels(c)\n\"say \"\"hi\"\"\n한국\",['Company']\n");
  ErgoRun cypher = run_ergo({"-f", (dir / "g.out").string(), "data/entities.kg", "-e", "MATCH (n) RETURN count(n) AS n"});
  EXPECT_EQ(cypher.status, 0) << cypher.err;
  EXPECT_EQ(cypher.out, "n\n" + std::to_string(81 + 87) + "\n");
  EXPECT_TRUE(fs::exists(dir / "g-csv" / "relationships.csv"));
  EXPECT_TRUE(fs::exists(dir / "g.graphml"));
  EXPECT_TRUE(fs::exists(dir / "g.jsonl"));
  ErgoRun bad = run_ergo({"data/entities.kg"}, ":dump " + (dir / "g.txt").string() + "\n");
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("cannot tell the format from the name"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace ergo::testing
