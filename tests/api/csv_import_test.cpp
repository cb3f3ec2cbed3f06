// Database::import_csv through the public API only (docs/csv-import.md):
// small CSV files written to a scratch directory per test, imported, then
// checked with exact counts and with Cypher queries whose rows are compared
// exactly — header roles, type inference and explicit types, lists, text
// and integer ids, labels and types per file, relationships found by name
// in the bundled graph, the name index, strict imports that fail leaving
// the database as it was (with the exact error text), lenient imports that
// skip rows, and every kind of header and row problem.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::error_of;
namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

// Each row as its values in Cypher notation, joined by " | ".
Lines query(Database& db, std::string_view cypher) {
  Lines out;
  Result r = db.execute(cypher);
  for (const auto& row : r.rows()) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + row[i].to_cypher();
    out.push_back(std::move(line));
  }
  return out;
}

// Everything schema() says, one line per label, type and key.
Lines describe(const Schema& s) {
  Lines out{"nodes " + std::to_string(s.nodes), "relationships " + std::to_string(s.relationships)};
  for (const auto& l : s.labels) out.push_back(":" + l.name + " " + std::to_string(l.nodes));
  for (const auto& t : s.relationship_types) {
    out.push_back("[:" + t.name + "] " + std::to_string(t.relationships));
    for (const auto& c : t.connects) {
      out.push_back("  " + c.start_label + "->" + c.end_label + " " + std::to_string(c.relationships));
    }
  }
  for (const auto& k : s.property_keys) {
    out.push_back("." + k.name + " " + std::to_string(k.nodes) + "/" + std::to_string(k.relationships));
  }
  return out;
}

// An import, built up call by call: Import().node("n.csv").rel("e.csv", "KNOWS").lenient().
// (The tests spell every member out: GCC 12's -Wextra reports members left
// out of designated initializers.)
class Import {
 public:
  Import& node(std::string path, std::string labels = "") {
    spec_.nodes.push_back(CsvFile{std::move(path), std::move(labels)});
    return *this;
  }
  Import& rel(std::string path, std::string type = "") {
    spec_.relationships.push_back(CsvFile{std::move(path), std::move(type)});
    return *this;
  }
  Import& lenient() {
    spec_.lenient = true;
    return *this;
  }
  Import& delimiter(char d) {
    spec_.delimiter = d;
    return *this;
  }
  Import& max_reported(std::size_t n) {
    spec_.max_reported = n;
    return *this;
  }
  operator const ergo::CsvImport&() const { return spec_; }

 private:
  ergo::CsvImport spec_;
};

class CsvImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ergo-csv-import-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `text` (bytes as they are) to dir/name; returns the path.
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }

  // The error a strict import throws; checks that it changed nothing.
  Error failure(Database& db, const ergo::CsvImport& import) {
    const Lines schema = describe(db.schema());
    const GraphStatistics stats = db.statistics();
    const std::size_t nodes = db.node_count(), rels = db.relationship_count();
    Error e = error_of([&] { db.import_csv(import); });
    EXPECT_EQ(db.node_count(), nodes);
    EXPECT_EQ(db.relationship_count(), rels);
    EXPECT_EQ(db.statistics(), stats);
    EXPECT_EQ(describe(db.schema()), schema);
    return e;
  }

  fs::path dir_;
};

// --- What an import adds

TEST_F(CsvImportTest, NodesAndRelationships) {
  std::string nodes = write("nodes.csv",
                            "id,name,label,founded\n"
                            "0,OpenAI,Company,2015\n"
                            "1,Anthropic,Company,2021\n"
                            "2,Sam Altman,Person,\n"
                            "3,Microsoft,Company,1975\n");
  std::string edges = write("edges.csv",
                            "src,dst,type,since\n"
                            "3,0,INVESTS_IN,2019\n"
                            "2,0,CEO_OF,2019\n"
                            "0,1,COMPETES_WITH,\n");
  Database db;
  CsvImportSummary s = db.import_csv(Import().node(nodes).rel(edges));
  EXPECT_EQ(s.nodes, 4u);
  EXPECT_EQ(s.relationships, 3u);
  EXPECT_EQ(s.skipped_rows, 0u);
  EXPECT_TRUE(s.problems.empty());
  EXPECT_EQ(db.node_count(), 4u);
  EXPECT_EQ(db.relationship_count(), 3u);

  EXPECT_EQ(query(db, "MATCH (n) RETURN n.id, n.name, labels(n), n.founded ORDER BY n.id"),
            (Lines{"0 | 'OpenAI' | ['Company'] | 2015", "1 | 'Anthropic' | ['Company'] | 2021",
                   "2 | 'Sam Altman' | ['Person'] | null", "3 | 'Microsoft' | ['Company'] | 1975"}));
  EXPECT_EQ(query(db, "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name, r.since ORDER BY a.name"),
            (Lines{"'Microsoft' | 'INVESTS_IN' | 'OpenAI' | 2019", "'OpenAI' | 'COMPETES_WITH' | 'Anthropic' | null",
                   "'Sam Altman' | 'CEO_OF' | 'OpenAI' | 2019"}));
  // The src, dst and type columns are not properties; the empty field is
  // no property at all.
  EXPECT_EQ(query(db, "MATCH ()-[r:COMPETES_WITH]->() RETURN keys(r)"), (Lines{"[]"}));
  EXPECT_EQ(query(db, "MATCH (p:Person) RETURN keys(p)"), (Lines{"['id', 'name']"}));
  EXPECT_EQ(query(db, "MATCH (p:Person)-[:CEO_OF]->(c:Company)<-[:INVESTS_IN]-(i) RETURN p.name, i.name"),
            (Lines{"'Sam Altman' | 'Microsoft'"}));
}

TEST_F(CsvImportTest, ImportedDataIsInTheSchema) {
  std::string nodes = write("n.csv", "id,name,label\n1,a,A\n2,b,B\n");
  std::string edges = write("e.csv", "src,dst,type,w\n1,2,R,0.5\n");
  Database db;
  db.import_csv(Import().node(nodes).rel(edges));
  EXPECT_EQ(describe(db.schema()), (Lines{"nodes 2", "relationships 1", ":A 1", ":B 1", "[:R] 1", "  A->B 1",
                                          ".id 2/0", ".name 2/0", ".w 0/1"}));
}

TEST_F(CsvImportTest, InferredTypes) {
  std::string nodes = write("n.csv",
                            "id,i,f,mixed,b,d,s,almost_date,sparse,blank,zip,zero\n"
                            "1,42,1.5,1,true,2024-02-29,x,2024-02-29,,,02134,0\n"
                            "2,-7,2,2.5,FALSE,1999-12-31,007,2023-02-30,9,,10001,0.5\n"
                            "3,0,-1e3,3,True,2000-01-01,3,2000-01-01,,,94105,-0.25\n");
  Database db;
  db.import_csv(Import().node(nodes));
  EXPECT_EQ(query(db,
                  "MATCH (n) RETURN n.i, n.f, n.mixed, n.b, n.d, n.s, n.almost_date, n.sparse, n.blank, n.zip, "
                  "n.zero ORDER BY n.id"),
            (Lines{"42 | 1.5 | 1.0 | true | date('2024-02-29') | 'x' | '2024-02-29' | null | null | '02134' | 0.0",
                   "-7 | 2.0 | 2.5 | false | date('1999-12-31') | '007' | '2023-02-30' | 9 | null | '10001' | 0.5",
                   "0 | -1000.0 | 3.0 | true | date('2000-01-01') | '3' | '2000-01-01' | null | null | '94105' | "
                   "-0.25"}));
  // Typed values are queryable as such.
  EXPECT_EQ(query(db, "MATCH (n) WHERE n.d < date('2000-06-01') AND n.i < 10 RETURN n.id ORDER BY n.id"),
            (Lines{"2", "3"}));
  EXPECT_EQ(query(db, "MATCH (n) WHERE n.b RETURN sum(n.i), sum(n.f)"), (Lines{"42 | -998.5"}));
}

TEST_F(CsvImportTest, ExplicitTypes) {
  std::string nodes = write("n.csv",
                            "id,code:string,score:float,ok:boolean,when:date,n:int,big:long,x:double,y:bool\n"
                            "1,007,1,true,2024-01-31,-3,9007199254740993,2,false\n"
                            "2,,,,,,,,\n"
                            "3,5,.5,TRUE,2000-02-29,007,0,1e+2,False\n");
  Database db;
  db.import_csv(Import().node(nodes));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.code, n.score, n.ok, n.when, n.n, n.big, n.x, n.y ORDER BY n.id"),
            (Lines{"'007' | 1.0 | true | date('2024-01-31') | -3 | 9007199254740993 | 2.0 | false",
                   "null | null | null | null | null | null | null | null",
                   "'5' | 0.5 | true | date('2000-02-29') | 7 | 0 | 100.0 | false"}));
}

TEST_F(CsvImportTest, TemporalTypes) {
  // neo4j-admin import's temporal column types.
  std::string nodes = write("n.csv",
                            "id,founded:date,opens:localtime,call:time,starts:localdatetime,at:datetime,for:duration\n"
                            "1,2015-12-11,09:30,09:30+09:00,2019-07-22T09:30,2019-07-22T09:30[Asia/Seoul],P1Y2M\n"
                            "2,,,,,2019-07-22T09:30:00.5-03:30,PT90M\n");
  Database db;
  db.import_csv(Import().node(nodes));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.founded, n.opens, n.call, n.starts, n.at, n.for ORDER BY n.id"),
            (Lines{"date('2015-12-11') | localtime('09:30:00') | time('09:30:00+09:00') | "
                   "localdatetime('2019-07-22T09:30:00') | datetime('2019-07-22T09:30:00+09:00[Asia/Seoul]') | "
                   "duration('P1Y2M')",
                   "null | null | null | null | datetime('2019-07-22T09:30:00.5-03:30') | duration('PT1H30M')"}));
  std::string bad = write("bad.csv", "id,at:datetime\n1,2019-07-22T09:30[Asia/Sequl]\n");
  Database other;
  EXPECT_NE(failure(other, Import().node(bad)).message().find(
                "'2019-07-22T09:30[Asia/Sequl]' is not a date-time (or names a time zone the tz database lacks)"),
            std::string::npos);
}

TEST_F(CsvImportTest, NamesAreNeverNumbers) {
  // An untyped name or aliases column stays text, so the name index finds it.
  std::string nodes = write("n.csv", "id,name,aliases,year\n1,1984,42,1949\n2,2001,7,1968\n");
  Database db;
  db.import_csv(Import().node(nodes));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.name, n.aliases, n.year ORDER BY n.id"),
            (Lines{"'1984' | '42' | 1949", "'2001' | '7' | 1968"}));
  Result r = db.find_by_name("1984");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.property(r.row(0)[0].as_node(), "year").as_int(), 1949);
  EXPECT_EQ(db.find_by_name("7").size(), 1u);
}

TEST_F(CsvImportTest, Lists) {
  std::string nodes = write("n.csv",
                            "id,name,aliases:string[],scores:int[],tags:[],nums:[]\n"
                            "1,Alice,앨리스;Ali,1;2;3,a;b,1;2.5\n"
                            "2,Bob,,7,,\n"
                            "3,Carol,;Caz;;,;,x,4\n");
  Database db;
  db.import_csv(Import().node(nodes));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.name, n.aliases, n.scores, n.tags, n.nums ORDER BY n.id"),
            (Lines{"'Alice' | ['앨리스', 'Ali'] | [1, 2, 3] | ['a', 'b'] | [1.0, 2.5]",
                   "'Bob' | null | [7] | null | null", "'Carol' | ['Caz'] | [] | ['x'] | [4.0]"}));
  EXPECT_EQ(query(db, "MATCH (n) WHERE 2 IN n.scores RETURN n.name"), (Lines{"'Alice'"}));
  // Every alias in a list is in the name index.
  Result r = db.find_by_name("앨리스");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.property(r.row(0)[0].as_node(), "name").as_string(), "Alice");
  EXPECT_EQ(db.find_by_name("caz").size(), 1u);
}

TEST_F(CsvImportTest, QuotedEmptyFieldsInTypedColumns) {
  // As neo4j-admin reads them: "" is the empty string in a string column
  // and the empty list in a list column; ,, is no value everywhere, and ""
  // in an untyped or non-string column too.
  std::string nodes = write("n.csv",
                            "id,motto:string,tags:string[],n:int[],note,count:int\n"
                            "1,\"\",\"\",\"\",\"\",\"\"\n"
                            "2,,,,,\n"
                            "3,x,a,1,y,2\n");
  Database db;
  db.import_csv(Import().node(nodes));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.id, n.motto, n.tags, n.n, n.note, n.count ORDER BY n.id"),
            (Lines{"1 | '' | [] | [] | null | null", "2 | null | null | null | null | null",
                   "3 | 'x' | ['a'] | [1] | 'y' | 2"}));
}

TEST_F(CsvImportTest, NeoAdminHeaderNamesRolesOnlyBySuffix) {
  // With :ID, :LABEL, :START_ID, ... in the header, id, label, type and src
  // are ordinary property columns.
  std::string nodes = write("n.csv",
                            ":ID,:LABEL,id:int,label,name\n"
                            "10,Company;Organization,7,x,Acme\n"
                            "11,,8,,Beta\n");
  std::string rels = write("r.csv",
                           ":START_ID,:END_ID,:TYPE,type,src,source\n"
                           "10,11,OWNS,majority,1,doc\n");
  Database db;
  db.import_csv(Import().node(nodes).rel(rels));
  EXPECT_EQ(query(db, "MATCH (n) RETURN labels(n), properties(n) ORDER BY n.name"),
            (Lines{"['Company', 'Organization'] | {id: 7, label: 'x', name: 'Acme'}", "[] | {id: 8, name: 'Beta'}"}));
  EXPECT_EQ(query(db, "MATCH (a)-[r]->(b) RETURN a.name, type(r), properties(r), b.name"),
            (Lines{"'Acme' | 'OWNS' | {source: 'doc', src: 1, type: 'majority'} | 'Beta'"}));
}

TEST_F(CsvImportTest, TextIds) {
  std::string people = write("people.csv", "id,name\np1,Alice\np2,Bob\n007,Bond\n7,Seven\n");
  std::string knows = write("knows.csv", "src,dst,type\np1,p2,KNOWS\n007,p1,KNOWS\n7,007,KNOWS\n");
  Database db;
  CsvImportSummary s = db.import_csv(Import().node(people).rel(knows));
  EXPECT_EQ(s.relationships, 3u);
  // Ids that are not all integers are text: '007' and '7' are two ids.
  EXPECT_EQ(query(db, "MATCH (a)-[:KNOWS]->(b) RETURN a.id, b.id ORDER BY a.id"),
            (Lines{"'007' | 'p1'", "'7' | '007'", "'p1' | 'p2'"}));
}

TEST_F(CsvImportTest, ZeroPaddedIdsAreText) {
  std::string nodes = write("n.csv", "id,name\n001,a\n002,b\n");
  std::string edges = write("e.csv", "src,dst,type\n001,002,R\n");
  Database db;
  db.import_csv(Import().node(nodes).rel(edges));
  EXPECT_EQ(query(db, "MATCH (x)-[:R]->(y) RETURN x.id, y.id"), (Lines{"'001' | '002'"}));
  // As text, '1' is another id.
  EXPECT_EQ(failure(db, Import().node(nodes).rel(write("f.csv", "src,dst,type\n1,002,R\n"))).message(),
            "no node has id '1'; expected the id of a node in the nodes files of this import (1 problem; nothing "
            "was imported)");
}

TEST_F(CsvImportTest, IntegerIdsSparseAndNegative) {
  std::string nodes = write("n.csv", "id,name\n-5,minus\n9000000000,big\n12,twelve\n");
  std::string edges = write("e.csv", "src,dst,type\n-5,9000000000,R\n9000000000,12,R\n12,-5,R\n");
  Database db;
  db.import_csv(Import().node(nodes).rel(edges));
  EXPECT_EQ(query(db, "MATCH (a)-[:R]->(b) RETURN a.id, b.name ORDER BY a.id"),
            (Lines{"-5 | 'big'", "12 | 'minus'", "9000000000 | 'twelve'"}));
}

TEST_F(CsvImportTest, IdColumnsByRole) {
  // ':ID' is an id that is not stored; 'key:ID' stores it as 'key';
  // 'id:string' keeps the ids text (and leading zeros).
  std::string a = write("a.csv", ":ID,name\n1,a\n");
  std::string b = write("b.csv", "key:ID,name\n2,b\n");
  std::string c = write("c.csv", "id:string,name\n003,c\n");
  std::string e = write("e.csv", ":START_ID,:END_ID,:TYPE\n1,2,R\n2,003,R\n");
  Database db;
  db.import_csv(Import().node(a).node(b).node(c).rel(e));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.name, properties(n) ORDER BY n.name"),
            (Lines{"'a' | {name: 'a'}", "'b' | {key: 2, name: 'b'}", "'c' | {id: '003', name: 'c'}"}));
  EXPECT_EQ(query(db, "MATCH (x)-[:R]->(y) RETURN x.name, y.name ORDER BY x.name"),
            (Lines{"'a' | 'b'", "'b' | 'c'"}));
}

TEST_F(CsvImportTest, OneIdSpaceAcrossNodesFiles) {
  std::string people = write("people.csv", "id,name\n1,Alice\n2,Bob\n");
  std::string firms = write("firms.csv", "id,name\n10,Acme\n");
  std::string works = write("works.csv", "src,dst\n1,10\n2,10\n");
  Database db;
  CsvImportSummary s =
      db.import_csv(Import().node(people, "Person").node(firms, "Company").rel(works, "WORKS_AT"));
  EXPECT_EQ(s.nodes, 3u);
  EXPECT_EQ(s.relationships, 2u);
  EXPECT_EQ(query(db, "MATCH (p:Person)-[:WORKS_AT]->(c:Company) RETURN p.name, c.name ORDER BY p.name"),
            (Lines{"'Alice' | 'Acme'", "'Bob' | 'Acme'"}));
}

TEST_F(CsvImportTest, MultipleLabels) {
  std::string nodes = write("n.csv",
                            "id,name,label\n"
                            "1,Sam,Person;Founder\n"
                            "2,Ilya,Person;Researcher;Founder\n"
                            "3,Acme,\n");
  Database db;
  db.import_csv(Import().node(nodes, "Imported;Person"));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.name, size(labels(n)) ORDER BY n.id"),
            (Lines{"'Sam' | 3", "'Ilya' | 4", "'Acme' | 2"}));
  EXPECT_EQ(query(db, "MATCH (n:Imported:Person) RETURN count(n)"), (Lines{"3"}));
  EXPECT_EQ(query(db, "MATCH (n:Founder) RETURN n.name ORDER BY n.name"), (Lines{"'Ilya'", "'Sam'"}));
  EXPECT_EQ(query(db, "MATCH (n:Researcher:Founder:Person:Imported) RETURN n.name"), (Lines{"'Ilya'"}));
  EXPECT_EQ(describe(db.schema()),
            (Lines{"nodes 3", "relationships 0", ":Founder 2", ":Imported 3", ":Person 3", ":Researcher 1",
                   ".id 3/0", ".name 3/0"}));
}

TEST_F(CsvImportTest, FileTypeForRelationships) {
  std::string nodes = write("n.csv", "id,name\n1,a\n2,b\n3,c\n");
  std::string plain = write("plain.csv", "src,dst,weight\n1,2,3\n");
  // With a type column, the file's type fills the rows whose type is empty.
  std::string mixed = write("mixed.csv", "src,dst,type\n2,3,\n3,1,OWNS\n");
  Database db;
  db.import_csv(Import().node(nodes).rel(plain, "LIKES").rel(mixed, "LIKES"));
  EXPECT_EQ(query(db, "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name, r.weight ORDER BY a.name"),
            (Lines{"'a' | 'LIKES' | 'b' | 3", "'b' | 'LIKES' | 'c' | null", "'c' | 'OWNS' | 'a' | null"}));
}

TEST_F(CsvImportTest, OtherDelimiterQuotingAndCrLf) {
  std::string nodes = write("n.csv",
                            "\xEF\xBB\xBFid;name;note\r\n"
                            "1;\"Kim; Minji\";\"said \"\"hi\"\"\r\ntwice\"\r\n"
                            "\r\n"
                            "2;Lee, Jun;plain\r\n");
  Database db;
  CsvImportSummary s = db.import_csv(Import().node(nodes).delimiter(';'));
  EXPECT_EQ(s.nodes, 2u);
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.id, n.name, n.note ORDER BY n.id"),
            (Lines{"1 | 'Kim; Minji' | 'said \"hi\"\\r\\ntwice'", "2 | 'Lee, Jun' | 'plain'"}));
}

TEST_F(CsvImportTest, AlternativeColumnNames) {
  std::string nodes = write("n.csv", "id,name,labels\n1,a,X\n2,b,Y\n");
  // 'source' is the start column only when there is no src column: here
  // it is a property (the provenance key the bundled graph uses).
  std::string with_src = write("a.csv", "src,dst,type,source,line\n1,2,CITES,doc-1,4\n");
  std::string named = write("b.csv", "source,target,type\n2,1,BACK\n");
  std::string from_to = write("c.csv", "from,to,type,end\n1,1,SELF,soon\n");
  Database db;
  db.import_csv(Import().node(nodes).rel(with_src).rel(named).rel(from_to));
  EXPECT_EQ(query(db, "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name, properties(r) ORDER BY type(r)"),
            (Lines{"'b' | 'BACK' | 'a' | {}", "'a' | 'CITES' | 'b' | {line: 4, source: 'doc-1'}",
                   "'a' | 'SELF' | 'a' | {end: 'soon'}"}));
  EXPECT_EQ(query(db, "MATCH (n:X) RETURN n.name"), (Lines{"'a'"}));
}

TEST_F(CsvImportTest, IgnoredColumns) {
  std::string nodes = write("n.csv", "id,name,junk:IGNORE,:IGNORE\n1,a,x,y\n");
  Database db;
  db.import_csv(Import().node(nodes));
  EXPECT_EQ(query(db, "MATCH (n) RETURN properties(n)"), (Lines{"{id: 1, name: 'a'}"}));
}

TEST_F(CsvImportTest, NodesWithoutIds) {
  std::string nodes = write("n.csv", "name,label\nA,T\nB,T\n");
  Database db;
  EXPECT_EQ(db.import_csv(Import().node(nodes)).nodes, 2u);
  EXPECT_EQ(query(db, "MATCH (n:T) RETURN n.name ORDER BY n.name"), (Lines{"'A'", "'B'"}));
}

TEST_F(CsvImportTest, ImportsAddUp) {
  Database db;
  db.import_csv(Import().node(write("a.csv", "id,name\n1,a\n")));
  // A second import is a new id space: id 1 may be used again.
  db.import_csv(
      Import().node(write("b.csv", "id,name\n1,b\n2,c\n")).rel(write("e.csv", "src,dst,type\n1,2,R\n")));
  EXPECT_EQ(db.node_count(), 3u);
  EXPECT_EQ(query(db, "MATCH (x)-[:R]->(y) RETURN x.name, y.name"), (Lines{"'b' | 'c'"}));
}

TEST_F(CsvImportTest, NameIndexFindsImportedNodes) {
  std::string nodes = write("n.csv", "id,name,aliases:string[]\n1,Alice Kim,김앨리스;AK\n2,Bob,\n");
  Database db;
  db.import_csv(Import().node(nodes));
  for (const char* spelling : {"Alice Kim", "alice kim", "ALICE KIM", "김앨리스", "ak"}) {
    Result r = db.find_by_name(spelling);
    ASSERT_EQ(r.size(), 1u) << spelling;
    EXPECT_EQ(r.property(r.row(0)[0].as_node(), "id").as_int(), 1) << spelling;
  }
  EXPECT_EQ(db.find_by_name("bob").size(), 1u);
  EXPECT_TRUE(db.find_by_name("carol").empty());
  // Queries that start from a name use the same index.
  EXPECT_EQ(query(db, "MATCH (n {name: 'Alice Kim'}) RETURN n.aliases"), (Lines{"['김앨리스', 'AK']"}));
}

// --- Relationships between nodes already in the database, by name

TEST_F(CsvImportTest, RelationshipsByNameInTheBundledGraph) {
  Database db = Database::open({ERGO_DATA_DIR});
  const std::size_t nodes = db.node_count(), rels = db.relationship_count();
  // Names, aliases in Korean, other letter case: each finds one entity.
  std::string edges = write("edges.csv",
                            "src,dst,type,since:int\n"
                            "Microsoft,OpenAI,CSV_PARTNER_OF,2019\n"
                            "마이크로소프트,\"Sam Altman\",CSV_MET,\n"
                            "intel,오픈AI,CSV_SUPPLIES,2016\n");
  CsvImportSummary s = db.import_csv(Import().rel(edges));
  EXPECT_EQ(s.nodes, 0u);
  EXPECT_EQ(s.relationships, 3u);
  EXPECT_EQ(db.node_count(), nodes);
  EXPECT_EQ(db.relationship_count(), rels + 3);
  EXPECT_EQ(query(db,
                  "MATCH (a)-[r]->(b) WHERE type(r) STARTS WITH 'CSV_' "
                  "RETURN a.name, type(r), b.name, r.since ORDER BY type(r)"),
            (Lines{"'Microsoft' | 'CSV_MET' | 'Sam Altman' | null",
                   "'Microsoft' | 'CSV_PARTNER_OF' | 'OpenAI' | 2019",
                   "'Intel' | 'CSV_SUPPLIES' | 'OpenAI' | 2016"}));
  // The new relationships are expanded like the bundled ones.
  EXPECT_EQ(query(db, "MATCH ({name: 'Microsoft'})-[:CSV_PARTNER_OF]->(o)<-[:CEO_OF]-(p) RETURN DISTINCT p.name"),
            (Lines{"'Sam Altman'"}));
}

TEST_F(CsvImportTest, UnknownAndAmbiguousNames) {
  Database db;
  db.import_csv(Import().node(write("twins.csv", "name\nTwin\ntwin\nSolo\n")));
  std::string edges = write("e.csv", "src,dst,type\nSolo,Twin,R\nSolo,Nobody,R\n");
  Error e = failure(db, Import().rel(edges));
  EXPECT_EQ(e.kind(), ErrorKind::data_error);
  EXPECT_EQ(e.rendered(), edges +
                              ":2:6: error: 'Twin' names 2 nodes; import them with ids to tell them apart\n"
                              "Solo,Twin,R\n"
                              "     ^~~~\n" +
                              edges +
                              ":3:6: error: no node is named 'Nobody'; without nodes files, an import finds each "
                              "end node by the name or alias of a node already in the database\n"
                              "Solo,Nobody,R\n"
                              "     ^~~~~~\n"
                              "2 problems; nothing was imported\n");
}

// Labels and types a query could only match in backquotes are refused,
// each under its field, with a spelling that would do.
TEST_F(CsvImportTest, LabelsAndTypesMustBeCypherNames) {
  Database db;
  std::string nodes = write("n.csv", "id,name,label\n1,A,Has Space\n2,B,Person;[x]\n3,C,회사\n");
  std::string edges = write("e.csv", "src,dst,type\n3,3,KNOWS\n3,3,works at\n");
  Error e = failure(db, Import().node(nodes).rel(edges));
  EXPECT_EQ(e.rendered(), nodes +
                              ":2:5: error: 'Has Space' is not usable as a label; a label is a name a query can "
                              "write as it is: a letter or '_', then letters, digits or '_', such as Has_Space\n"
                              "1,A,Has Space\n"
                              "    ^~~~~~~~~\n" +
                              nodes +
                              ":3:5: error: '[x]' is not usable as a label; a label is a name a query can write as "
                              "it is: a letter or '_', then letters, digits or '_', such as x\n"
                              "2,B,Person;[x]\n"
                              "    ^~~~~~~~~~\n" +
                              edges +
                              ":3:5: error: 'works at' is not usable as a type; a type is a name a query can write "
                              "as it is: a letter or '_', then letters, digits or '_', such as works_at\n"
                              "3,3,works at\n"
                              "    ^~~~~~~~\n"
                              "3 problems; nothing was imported\n");
  // Hangul is a letter, in Cypher as here; a type given for the whole file is checked too.
  db.import_csv(Import().node(write("ok.csv", "id,name,label\n1,A,회사\n")));
  EXPECT_EQ(query(db, "MATCH (n:회사) RETURN n.name"), Lines{"'A'"});
  e = failure(db, Import().rel(write("t.csv", "src,dst\nA,A\n"), "SELF LOOP"));
  EXPECT_NE(e.message().find("the type given for the file is not usable: 'SELF LOOP' is not usable as a type"),
            std::string::npos)
      << e.message();
}

// --- Strict imports that fail change nothing

TEST_F(CsvImportTest, StrictFailureLeavesTheBundledGraphUnchanged) {
  Database db = Database::open({ERGO_DATA_DIR});
  std::string nodes = write("n.csv",
                            "id,name,label,founded:int\n"
                            "1,Newco,Company,2020\n"
                            "2,Oldco,Company,19x5\n"
                            "3,Midco,NewLabel,2001\n");
  std::string edges = write("e.csv", "src,dst,type,weight\n1,3,NEW_TYPE,1.5\n");
  Error e = failure(db, Import().node(nodes).rel(edges));
  EXPECT_EQ(e.kind(), ErrorKind::data_error);
  EXPECT_EQ(e.file(), nodes);
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.column(), 17u);
  EXPECT_EQ(e.message(),
            "'19x5' is not an integer; column 'founded:int' expects whole numbers such as 42 or -7 "
            "(1 problem; nothing was imported)");
  EXPECT_EQ(e.rendered(), nodes +
                              ":3:17: error: '19x5' is not an integer; column 'founded:int' expects whole numbers "
                              "such as 42 or -7\n"
                              "2,Oldco,Company,19x5\n"
                              "                ^~~~\n"
                              "1 problem; nothing was imported\n");
  EXPECT_STREQ(e.what(), e.rendered().c_str());
  // Nothing of it is visible to queries, and the names are free.
  EXPECT_EQ(query(db, "MATCH (n:NewLabel) RETURN count(n)"), (Lines{"0"}));
  EXPECT_TRUE(db.find_by_name("Newco").empty());
  EXPECT_EQ(db.node_count(), 86u);
  EXPECT_EQ(db.relationship_count(), 162u);
}

TEST_F(CsvImportTest, EveryProblemIsCountedTheFirstAreShown) {
  std::string nodes = write("n.csv",
                            "id,n:int\n"
                            "1,x\n"
                            "2,1,extra\n"
                            "3,y\n"
                            "\n"
                            "4,z\n"
                            "5,w\n");
  Database db;
  Error e = failure(db, Import().node(nodes).max_reported(3));
  // Problems come in file order, whichever stage found them.
  EXPECT_EQ(e.rendered(), nodes +
                              ":2:3: error: 'x' is not an integer; column 'n:int' expects whole numbers such as 42 "
                              "or -7\n"
                              "1,x\n"
                              "  ^\n" +
                              nodes +
                              ":3:5: error: this row has 3 fields; expected 2, one per header column\n"
                              "2,1,extra\n"
                              "    ^\n" +
                              nodes +
                              ":4:3: error: 'y' is not an integer; column 'n:int' expects whole numbers such as 42 "
                              "or -7\n"
                              "3,y\n"
                              "  ^\n"
                              "5 problems (the first 3 shown); nothing was imported\n");
  EXPECT_EQ(e.message(),
            "'x' is not an integer; column 'n:int' expects whole numbers such as 42 or -7 "
            "(5 problems (the first 3 shown); nothing was imported)");
}

TEST_F(CsvImportTest, HeaderProblemsInOneFileAndRowProblemsInAnotherAreAllCounted) {
  std::string good = write("good.csv", "id,name\n1,a\n2\n");
  std::string bad = write("bad.csv", "id,name:text\n1,a\n");
  Database db;
  Error e = failure(db, Import().node(good).node(bad));
  EXPECT_EQ(e.kind(), ErrorKind::data_error);
  // The header problem comes first: the file cannot be used at all.
  EXPECT_EQ(e.rendered(), bad +
                              ":1:4: error: unknown column type 'text' in 'name:text'; expected int, float, "
                              "boolean, string, date, localtime, time, localdatetime, datetime or duration (with [] for a list), or ID, LABEL, START_ID, END_ID, TYPE "
                              "or IGNORE\n"
                              "id,name:text\n"
                              "   ^~~~~~~~~\n" +
                              good +
                              ":3:2: error: this row has 1 field; expected 2, one per header column (no value for "
                              "'name')\n"
                              "2\n"
                              " ^\n"
                              "2 problems; nothing was imported\n");
}

// A header of 30,000 columns for one property: every repeat is counted,
// the first are shown, in linear time (placing each problem once copied the
// whole header line: minutes and gigabytes).
TEST_F(CsvImportTest, AHeaderOfManyRepeatedColumnsFailsQuickly) {
  std::string header = "id,name", row = "1,a";
  for (int i = 0; i < 30000; ++i) {
    header += ",c";
    row += ",1";
  }
  std::string nodes = write("wide.csv", header + "\n" + row + "\n");
  Database db;
  const auto start = std::chrono::steady_clock::now();
  Error e = failure(db, Import().node(nodes));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(e.kind(), ErrorKind::data_error);
  EXPECT_EQ(e.message(),
            "a second column for property 'c'; column 3 ('c') already fills it (29999 problems (the first 20 shown); "
            "nothing was imported)");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 11u);
  EXPECT_EQ(db.node_count(), 0u);
}

// A type per row, more than type ids can number: the import stops with
// the reason, on one thread and on two (where the row that overflows is
// added while the next step is resolved), and leaves the database as it was.
TEST_F(CsvImportTest, MoreTypesThanFitStopTheImportOnAnyNumberOfThreads) {
  std::string edges = "src,dst,type\n";
  for (int i = 0; i < 70000; ++i) edges += "1,2,T" + std::to_string(i) + "\n";
  const std::string n = write("n.csv", "id\n1\n2\n"), e = write("e.csv", edges);
  for (std::size_t threads : {1, 2}) {
    Database db = Database::open({});
    db.set_threads(threads);
    db.execute("CREATE (:Kept {name: 'k'})");
    Error err = failure(db, Import().node(n).rel(e).lenient());
    EXPECT_EQ(err.message(),
              "too many distinct labels, relationship types or property keys; at most 65535 of each fit (1 problem; "
              "nothing was imported)")
        << threads << " threads";
    EXPECT_EQ(db.execute("MATCH (n) RETURN count(*)").row(0)[0].as_int(), 1);
  }
}

// Types looked up on every row by a table keyed on a name's length and
// first and last bytes (csv_loader.cpp): names sharing a key (AXB, ABB, AYB:
// same length, first and last byte), one met where another already is,
// names that are prefixes of others,
// more names than the table holds, and names first met in a later step; each
// row's type must be its own, on one thread and on two.
TEST_F(CsvImportTest, EveryRowKeepsItsOwnTypeAmongManyAndLookAlikeTypes) {
  // COT, met only after CAT is known, is looked up where CAT is.
  std::vector<std::string> types = {"AXB", "ABB", "AYB", "A", "AB", "ABC", "ABCD", "B_A", "CAT", "COT"};
  for (int i = 0; i < 300; ++i) types.push_back("T" + std::to_string(i));
  std::string edges = "src,dst,type\n";
  std::map<std::string, std::pair<int, long>> expected;  // rows, sum of start ids * 100 + end ids
  for (int row = 0; row < 20000; ++row) {
    // The first 4,000 rows name only the first few types; the rest all.
    const std::string& t = types[(row * 7919) % (row < 4000 ? 9 : types.size())];
    edges += std::to_string(row % 50) + "," + std::to_string((row * 31) % 50) + "," + t + "\n";
    ++expected[t].first;
    expected[t].second += (row % 50) * 100 + (row * 31) % 50;
  }
  std::string nodes = "id\n";
  for (int i = 0; i < 50; ++i) nodes += std::to_string(i) + "\n";
  const std::string n = write("n.csv", nodes), e = write("e.csv", edges);
  Lines want;
  for (const auto& [t, seen] : expected) {
    want.push_back("'" + t + "' | " + std::to_string(seen.first) + " | " + std::to_string(seen.second));
  }
  ASSERT_EQ(want.size(), types.size());
  for (std::size_t threads : {1, 2}) {
    Database db = Database::open({});
    db.set_threads(threads);
    db.import_csv(Import().node(n).rel(e));
    EXPECT_EQ(query(db, "MATCH (a)-[r]->(b) RETURN type(r) AS t, count(*), sum(a.id * 100 + b.id) ORDER BY t"),
              want)
        << threads << " threads";
  }
}

// The ids of this process's threads, from /proc (Linux).
std::set<std::string> process_threads() {
  std::set<std::string> ids;
  for (const auto& task : fs::directory_iterator("/proc/self/task")) ids.insert(task.path().filename().string());
  return ids;
}

// Whether every thread of `now` was there in `before`: none started since.
bool no_new_thread(const std::set<std::string>& before, const std::set<std::string>& now) {
  return std::includes(before.begin(), before.end(), now.begin(), now.end());
}

// set_threads(1): nothing of an import runs on another thread, nor after it
// (the copy for the next writer, the text given back); the first write
// makes the copy itself, and both versions answer as they should.
TEST_F(CsvImportTest, OneThreadStartsNoThreadAndTheFirstWriteStillWorks) {
  std::string edges = "src,dst,type,w:int\n";
  for (int i = 0; i < 300000; ++i) edges += std::to_string(i % 1000) + "," + std::to_string((i * 7) % 1000) + ",T," +
                                            std::to_string(i) + "\n";
  std::string nodes = "id,name\n";
  for (int i = 0; i < 1000; ++i) nodes += std::to_string(i) + ",n" + std::to_string(i) + "\n";
  const std::string n = write("n.csv", nodes), e = write("e.csv", edges);
  Database db = Database::open({});
  db.set_threads(1);
  const std::set<std::string> before = process_threads();
  db.import_csv(Import().node(n).rel(e));
  EXPECT_TRUE(no_new_thread(before, process_threads()));
  EXPECT_EQ(db.execute("MATCH ()-[r]->() RETURN count(r), sum(r.w)").row(0),
            (std::vector<Value>{Value(std::int64_t{300000}), Value(std::int64_t{299999} * 300000 / 2)}));
  Result read = db.execute("MATCH (a {name: 'n1'})-->(b) RETURN count(b)");
  db.execute("MATCH (a {name: 'n1'}) CREATE (a)-[:T {w: -1}]->(:New)");
  EXPECT_EQ(db.execute("MATCH (a {name: 'n1'})-->(b) RETURN count(b)").row(0)[0].as_int(), read.row(0)[0].as_int() + 1);
  EXPECT_EQ(read.row(0)[0].as_int(), 300);
  EXPECT_TRUE(no_new_thread(before, process_threads()));
}

// --- Lenient imports skip bad rows

TEST_F(CsvImportTest, LenientSkipsBadRowsAndTheirRelationships) {
  std::string nodes = write("n.csv",
                            "id,name,age:int\n"
                            "1,Alice,30\n"
                            "2,Bob,thirty\n"
                            "3,Carol,41\n"
                            ",Nobody,1\n"
                            "3,Carol again,2\n");
  std::string edges = write("e.csv",
                            "src,dst,type\n"
                            "1,3,KNOWS\n"
                            "1,2,KNOWS\n"
                            "3,9,KNOWS\n"
                            "3,1\n");
  Database db;
  CsvImportSummary s = db.import_csv(Import().node(nodes).rel(edges).lenient());
  EXPECT_EQ(s.nodes, 2u);
  EXPECT_EQ(s.relationships, 1u);
  EXPECT_EQ(s.skipped_rows, 6u);
  EXPECT_EQ(s.problems,
            (Lines{nodes + ":3:7: warning: 'thirty' is not an integer; column 'age:int' expects whole numbers such as "
                           "42 or -7\n2,Bob,thirty\n      ^~~~~~\n",
                   nodes + ":5:1: warning: the id is empty; every node of a file with an id column needs one\n"
                           ",Nobody,1\n^\n",
                   nodes + ":6:1: warning: a second node with id '3'; the first is on line 4\n3,Carol again,2\n^\n",
                   edges + ":3:3: warning: the node with id '2' was left out (its row, line 3 of " + nodes +
                       ", has a problem), so this relationship is left out too\n1,2,KNOWS\n  ^\n",
                   edges + ":4:3: warning: no node has id '9'; expected the id of a node in the nodes files of this "
                           "import\n3,9,KNOWS\n  ^\n",
                   edges + ":5:4: warning: this row has 2 fields; expected 3, one per header column (no value for "
                           "'type')\n3,1\n   ^\n"}));
  EXPECT_EQ(db.node_count(), 2u);
  EXPECT_EQ(query(db, "MATCH (a)-[:KNOWS]->(b) RETURN a.name, b.name"), (Lines{"'Alice' | 'Carol'"}));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.name, n.age ORDER BY n.id"), (Lines{"'Alice' | 30", "'Carol' | 41"}));
}

TEST_F(CsvImportTest, LenientStillFailsOnAHeaderProblem) {
  std::string nodes = write("n.csv", "id,id\n1,2\n");
  Database db;
  Error e = failure(db, Import().node(nodes).lenient());
  EXPECT_EQ(e.message(),
            "a second id column, 'id'; column 1 ('id') is already the id column (1 problem; nothing was imported)");
}

TEST_F(CsvImportTest, LenientWithNothingWrongSkipsNothing) {
  Database db;
  CsvImportSummary s =
      db.import_csv(Import().node(write("n.csv", "id,name\n1,a\n")).lenient());
  EXPECT_EQ(s.nodes, 1u);
  EXPECT_EQ(s.skipped_rows, 0u);
  EXPECT_TRUE(s.problems.empty());
}

// --- Row problems, one by one (strict: each fails the import)

TEST_F(CsvImportTest, DuplicateId) {
  std::string a = write("a.csv", "id,name\n1,a\n2,b\n");
  // An explicit integer id column reads '02' as 2.
  std::string b = write("b.csv", "id:int,name\n3,c\n02,d\n");
  Database db;
  Error e = failure(db, Import().node(a).node(b));
  EXPECT_EQ(e.rendered(), b +
                              ":3:1: error: a second node with id '02'; the first is on line 3 of " + a +
                              ", as '2' (ids are integers here)\n"
                              "02,d\n"
                              "^~\n"
                              "1 problem; nothing was imported\n");
  std::string t = write("t.csv", "id,name\nx,a\nx,b\n");
  EXPECT_EQ(failure(db, Import().node(t)).message(),
            "a second node with id 'x'; the first is on line 2 (1 problem; nothing was imported)");
}

TEST_F(CsvImportTest, UnknownEndpoint) {
  std::string nodes = write("n.csv", "id,name\n1,a\n2,b\n");
  std::string edges = write("e.csv", "src,dst,type\n1,2,R\n1,x,R\n7,1,R\n");
  Database db;
  Error e = failure(db, Import().node(nodes).rel(edges));
  EXPECT_EQ(e.rendered(), edges +
                              ":3:3: error: no node has id 'x'; the ids in the nodes files of this import are "
                              "integers\n"
                              "1,x,R\n"
                              "  ^\n" +
                              edges +
                              ":4:1: error: no node has id '7'; expected the id of a node in the nodes files of "
                              "this import\n"
                              "7,1,R\n"
                              "^\n"
                              "2 problems; nothing was imported\n");
}

TEST_F(CsvImportTest, EndpointsNeedAnIdColumn) {
  // With nodes files, endpoints are ids, never names.
  std::string nodes = write("n.csv", "name\nA\n");
  std::string edges = write("e.csv", "src,dst,type\nA,A,R\n");
  Database db;
  EXPECT_EQ(failure(db, Import().node(nodes).rel(edges)).message(),
            "no node has id 'A'; none of the nodes files of this import has an id column (1 problem; nothing was "
            "imported)");
}

TEST_F(CsvImportTest, EmptyIdsAndEndpointsAndTypes) {
  std::string nodes = write("n.csv", "id,name\n1,a\n,b\n");
  std::string edges = write("e.csv", "src,dst,type\n,1,R\n1,,R\n1,1,\n");
  Database db;
  Error e = failure(db, Import().node(nodes).rel(edges));
  EXPECT_EQ(e.rendered(), nodes +
                              ":3:1: error: the id is empty; every node of a file with an id column needs one\n"
                              ",b\n"
                              "^\n" +
                              edges +
                              ":2:1: error: the start node's id is empty; expected the id of a node in the nodes "
                              "files of this import\n"
                              ",1,R\n"
                              "^\n" +
                              edges +
                              ":3:3: error: the end node's id is empty; expected the id of a node in the nodes "
                              "files of this import\n"
                              "1,,R\n"
                              "  ^\n" +
                              edges +
                              ":4:5: error: the type is empty; expected a relationship type, such as INVESTS_IN\n"
                              "1,1,\n"
                              "    ^\n"
                              "4 problems; nothing was imported\n");
}

TEST_F(CsvImportTest, BadTypedValues) {
  std::string nodes = write("n.csv",
                            "id,f:float,b:boolean,d:date,n:int,l:int[]\n"
                            "1,1.5.2,,,,\n"
                            "2,,yes,,,\n"
                            "3,,,2023-02-30,,\n"
                            "4,,,31/01/2024,,\n"
                            "5,,,,99999999999999999999,\n"
                            "6,,,,,1;two;3\n"
                            "7,nan,,,,\n");
  Database db;
  Error e = failure(db, Import().node(nodes));
  const std::string p = nodes + ":";
  EXPECT_EQ(e.rendered(),
            p + "2:3: error: '1.5.2' is not a number; column 'f:float' expects numbers such as 3.5, -2 or 1e9\n"
                "1,1.5.2,,,,\n  ^~~~~\n" +
                p + "3:4: error: 'yes' is not a boolean; column 'b:boolean' expects true or false\n"
                    "2,,yes,,,\n   ^~~\n" +
                p +
                "4:5: error: '2023-02-30' is not a day of the calendar; column 'd:date' expects dates written "
                "YYYY-MM-DD, such as 2024-02-29\n3,,,2023-02-30,,\n    ^~~~~~~~~~\n" +
                p +
                "5:5: error: '31/01/2024' is not a date; column 'd:date' expects dates written YYYY-MM-DD, such as "
                "2024-02-29\n4,,,31/01/2024,,\n    ^~~~~~~~~~\n" +
                p +
                "6:6: error: '99999999999999999999' does not fit a 64-bit integer; column 'n:int' expects whole "
                "numbers such as 42 or -7\n5,,,,99999999999999999999,\n     ^~~~~~~~~~~~~~~~~~~~\n" +
                p +
                "7:7: error: 'two' is not an integer; column 'l:int[]' expects a list of whole numbers such as 42 "
                "or -7, separated by ';'\n6,,,,,1;two;3\n      ^~~~~~~\n" +
                p + "8:3: error: 'nan' is not a number; column 'f:float' expects numbers such as 3.5, -2 or 1e9\n"
                    "7,nan,,,,\n  ^~~\n"
                    "7 problems; nothing was imported\n");
}

TEST_F(CsvImportTest, BadLabels) {
  std::string nodes = write("n.csv", "id,label\n1,A;;B\n2,;\n");
  Database db;
  Error e = failure(db, Import().node(nodes));
  EXPECT_EQ(e.rendered(), nodes +
                              ":2:3: error: an empty label in 'A;;B'; expected labels separated by single ';'\n"
                              "1,A;;B\n"
                              "  ^~~~\n" +
                              nodes +
                              ":3:3: error: an empty label in ';'; expected labels separated by single ';'\n"
                              "2,;\n"
                              "  ^\n"
                              "2 problems; nothing was imported\n");
  std::string m = write("m.csv", "id\n1\n");
  Error f = failure(db, Import().node(m, "A;"));
  EXPECT_EQ(f.message(),
            m + ": the labels given for the file, 'A;', are not usable: an empty label in 'A;'; expected labels "
            "separated by single ';' (1 problem; nothing was imported)");
}

TEST_F(CsvImportTest, InvalidUtf8) {
  std::string nodes = write("n.csv", "id,name\n1,caf\xE9\n");
  Database db;
  Error e = failure(db, Import().node(nodes));
  EXPECT_EQ(e.rendered(), nodes +
                              ":2:3: error: the text is not valid UTF-8; column 'name' expects UTF-8 text\n"
                              "1,caf\xEF\xBF\xBD\n"
                              "  ^~~~\n"
                              "1 problem; nothing was imported\n");
}

// --- Header problems (each fails the import, lenient or not)

TEST_F(CsvImportTest, UnknownHeaderTypeSuffix) {
  std::string nodes = write("n.csv", "id,name,founded:integr\n1,a,2\n");
  Database db;
  Error e = failure(db, Import().node(nodes));
  EXPECT_EQ(e.kind(), ErrorKind::data_error);
  EXPECT_EQ(e.rendered(), nodes +
                              ":1:9: error: unknown column type 'integr' in 'founded:integr'; expected int, float, "
                              "boolean, string, date, localtime, time, localdatetime, datetime or duration (with [] for a list), or ID, LABEL, START_ID, END_ID, TYPE "
                              "or IGNORE (did you mean 'integer'?)\n"
                              "id,name,founded:integr\n"
                              "        ^~~~~~~~~~~~~~\n"
                              "1 problem; nothing was imported\n");
  EXPECT_EQ(failure(db, Import().node(write("m.csv", "id,x:\n1,2\n"))).message(),
            "nothing after ':' in 'x:'; expected a type or a role: int, float, boolean, string, date, localtime, time, localdatetime, datetime or duration (with [] for "
            "a list), or ID, LABEL, START_ID, END_ID, TYPE or IGNORE (1 problem; nothing was imported)");
}

TEST_F(CsvImportTest, TwoIdColumns) {
  std::string nodes = write("n.csv", "id:ID,name,key:ID\n1,a,2\n");
  Database db;
  Error e = failure(db, Import().node(nodes));
  EXPECT_EQ(e.rendered(), nodes +
                              ":1:12: error: a second id column, 'key:ID'; column 1 ('id:ID') is already the id "
                              "column\n"
                              "id:ID,name,key:ID\n"
                              "           ^~~~~~\n"
                              "1 problem; nothing was imported\n");
  // With the id given as a suffix (neo4j-admin's header), a column named
  // id is a property, not a second id.
  std::string admin = write("admin.csv", "id,name,key:ID\n1,a,2\n");
  db.import_csv(Import().node(admin));
  EXPECT_EQ(query(db, "MATCH (n) RETURN n.id, n.name, n.key"), (Lines{"1 | 'a' | 2"}));
}

TEST_F(CsvImportTest, DuplicatePropertyColumns) {
  std::string nodes = write("n.csv", "id,name,age,name:string\n1,a,2,b\n");
  Database db;
  Error e = failure(db, Import().node(nodes));
  EXPECT_EQ(e.rendered(), nodes +
                              ":1:13: error: a second column for property 'name'; column 2 ('name') already fills "
                              "it\n"
                              "id,name,age,name:string\n"
                              "            ^~~~~~~~~~~\n"
                              "1 problem; nothing was imported\n");
}

TEST_F(CsvImportTest, UnnamedColumns) {
  Database db;
  EXPECT_EQ(failure(db, Import().node(write("a.csv", "id,,name\n1,2,3\n"))).message(),
            "this column has no name; name it, or write :IGNORE to leave it out (1 problem; nothing was imported)");
  EXPECT_EQ(failure(db, Import().node(write("b.csv", "id,:int\n1,2\n"))).message(),
            "the property column ':int' has no name; expected a name before the ':' (1 problem; nothing was "
            "imported)");
}

TEST_F(CsvImportTest, ColumnsInTheWrongKindOfFile) {
  Database db;
  EXPECT_EQ(failure(db, Import().node(write("a.csv", "id,:START_ID\n1,2\n"))).message(),
            "':START_ID' is a relationship column in a nodes file; expected id, label or property columns "
            "(1 problem; nothing was imported)");
  EXPECT_EQ(failure(db, Import().rel(write("b.csv", "src,dst,type,:LABEL\n1,2,R,X\n"))).message(),
            "':LABEL' is a node column in a relationships file; expected src, dst, type or property columns "
            "(1 problem; nothing was imported)");
  EXPECT_EQ(failure(db, Import().rel(write("c.csv", "src:int,dst,type\n1,2,R\n"))).message(),
            "the start (src) column 'src:int' takes no type; write 'src' alone (1 problem; nothing was imported)");
  EXPECT_EQ(failure(db, Import().node(write("d.csv", "id,name:ID[]\n1,2\n"))).message(),
            "'name:ID[]' is the id column, which cannot be a list; only property columns hold lists "
            "(1 problem; nothing was imported)");
}

TEST_F(CsvImportTest, RelationshipFileWithoutSrcOrDst) {
  std::string edges = write("e.csv", "from_id,dst,type\n1,2,R\n");
  Database db;
  Error e = failure(db, Import().rel(edges));
  EXPECT_EQ(e.rendered(), edges +
                              ":1:1: error: no start column; expected a column named src (or :START_ID)\n"
                              "from_id,dst,type\n"
                              "^\n"
                              "1 problem; nothing was imported\n");
  std::string neither = write("f.csv", "a,b,type\n1,2,R\n");
  Error f = failure(db, Import().rel(neither));
  EXPECT_EQ(f.rendered(), neither + ":1:1: error: no start column; expected a column named src (or :START_ID)\n" +
                              "a,b,type\n^\n" + neither +
                              ":1:1: error: no end column; expected a column named dst (or :END_ID)\n"
                              "a,b,type\n^\n"
                              "2 problems; nothing was imported\n");
}

TEST_F(CsvImportTest, RelationshipFileWithoutType) {
  std::string edges = write("e.csv", "src,dst,since\n1,2,3\n");
  Database db;
  Error e = failure(db, Import().rel(edges));
  EXPECT_EQ(e.rendered(), edges +
                              ":1:1: error: no type column and no type given for the file; expected a column named "
                              "type (or :TYPE), or a type for the whole file\n"
                              "src,dst,since\n"
                              "^\n"
                              "1 problem; nothing was imported\n");
}

// --- Files that cannot be used at all

TEST_F(CsvImportTest, MissingFileIsAnIoError) {
  std::string missing = (dir_ / "missing.csv").string();
  std::string good = write("good.csv", "id,name\n1,a\n");
  Database db;
  Error e = failure(db, Import().node(good).rel(missing, "R"));
  EXPECT_EQ(e.kind(), ErrorKind::io_error);
  EXPECT_EQ(e.file(), missing);
  EXPECT_EQ(e.line(), 0u);
  EXPECT_EQ(e.message(), missing + ": cannot open the file (No such file or directory) (1 problem; nothing was imported)");
  EXPECT_EQ(e.rendered(),
            missing + ": error: cannot open the file (No such file or directory)\n1 problem; nothing was imported\n");
  Error d = failure(db, Import().node(dir_.string()));
  EXPECT_EQ(d.kind(), ErrorKind::io_error);
  EXPECT_EQ(d.message(), dir_.string() + ": cannot read a directory; expected a CSV file (1 problem; nothing was imported)");
}

// The nodes are added while the relationship files are read (on another
// thread when there are several): a relationship file that cannot be read
// still rolls back every node, and the nodes' own problems are reported
// beside the file's, the same on any number of threads.
TEST_F(CsvImportTest, AnUnreadableRelationshipFileUndoesTheNodesAddedMeanwhile) {
  std::string missing = (dir_ / "missing.csv").string();
  std::string nodes = write("n.csv", "id,age:int\n1,30\n2,old\n3,41\n");
  for (std::size_t threads : {1, 2}) {
    Database db;
    db.set_threads(threads);
    db.execute("CREATE (:Kept {name: 'k'})");
    Error e = failure(db, Import().node(nodes).rel(missing, "R"));
    EXPECT_EQ(e.kind(), ErrorKind::io_error) << threads << " threads";
    EXPECT_EQ(e.rendered(), missing + ": error: cannot open the file (No such file or directory)\n" + nodes +
                                ":3:3: error: 'old' is not an integer; column 'age:int' expects whole numbers such "
                                "as 42 or -7\n2,old\n  ^~~\n2 problems; nothing was imported\n")
        << threads << " threads";
    EXPECT_EQ(db.execute("MATCH (n) RETURN collect(n.name)").row(0)[0].as_list().size(), 1u);
  }
}

TEST_F(CsvImportTest, EmptyFileAndUnterminatedQuote) {
  std::string empty = write("empty.csv", "");
  std::string open = write("open.csv", "id,name\n1,\"a\n2,b\n");
  Database db;
  Error e = failure(db, Import().node(empty).node(open));
  EXPECT_EQ(e.kind(), ErrorKind::data_error);
  EXPECT_EQ(e.rendered(), empty +
                              ": error: the file is empty; expected a header row naming the columns\n" + open +
                              ":2:3: error: this quoted field is never closed; expected a closing '\"' before the "
                              "end of the file (a '\"' inside a quoted field is written '\"\"')\n"
                              "1,\"a\n"
                              "  ^\n"
                              "2 problems; nothing was imported\n");
}

TEST_F(CsvImportTest, AnEmptyImportAddsNothing) {
  Database db;
  CsvImportSummary s = db.import_csv(Import());
  EXPECT_EQ(s.nodes, 0u);
  EXPECT_EQ(s.relationships, 0u);
  EXPECT_EQ(db.node_count(), 0u);
}

// --- Threads (docs/csv-import.md, "Threads")

TEST_F(CsvImportTest, ThreadsDefaultToOnePerCoreAndCanBeSet) {
  Database db;
  EXPECT_EQ(db.threads(), std::max(1u, std::thread::hardware_concurrency()));
  db.set_threads(3);
  EXPECT_EQ(db.threads(), 3u);
  db.set_threads(0);
  EXPECT_EQ(db.threads(), std::max(1u, std::thread::hardware_concurrency()));
}

// Files of several megabytes, so that four threads each tokenize a run of
// lines: the graph, the skipped rows and the problems reported are the
// ones one thread gives. In the second round every name holds a quoted line
// break, so cuts land inside fields and the file is read again on one
// thread.
TEST_F(CsvImportTest, FourThreadsImportWhatOneImports) {
  for (bool quoted_break : {false, true}) {
    std::string nodes = "id,name,label,score\n", edges = "src,dst,type,since\n";
    for (int i = 0; i < 150000; ++i) {
      nodes += std::to_string(i) + "," + (quoted_break ? "\"n\n" : "\"n") + std::to_string(i) +
               " \"\"x\"\"\"," + (i % 3 ? "Company" : "Person") + "," + std::to_string(i * 0.5) + "\n";
    }
    for (int i = 0; i < 240000; ++i) {
      if (i % 80000 == 17) edges += "1,2,KNOWS\n";  // a field short: skipped, reported
      edges += std::to_string(i % 150000) + "," + std::to_string((i * 7919) % 150000) + "," +
               (i % 2 ? "INVESTS_IN" : "KNOWS") + "," + std::to_string(2000 + i % 25) + "\n";
    }
    const std::string n = write("n.csv", nodes), e = write("e.csv", edges);
    ASSERT_GT(nodes.size(), std::size_t{4} << 20);
    ASSERT_GT(edges.size(), std::size_t{4} << 20);
    auto run = [&](std::size_t threads) {
      Database db;
      db.set_threads(threads);
      CsvImportSummary s = db.import_csv(Import().node(n).rel(e).lenient());
      Lines out{std::to_string(s.nodes) + " nodes, " + std::to_string(s.relationships) + " relationships, " +
                std::to_string(s.skipped_rows) + " skipped"};
      for (const std::string& p : s.problems) out.push_back(p);
      for (const char* q :
           {"MATCH (n) RETURN count(*), sum(n.id), sum(n.score), count(DISTINCT n.name)",
            "MATCH (n:Person) RETURN n.name ORDER BY n.id LIMIT 3",
            "MATCH (a)-[r]->(b) RETURN type(r), count(*), sum(a.id * 3 + b.id), sum(r.since)",
            "MATCH (a {id: 7})-[r]->(b) RETURN b.id, r.since ORDER BY b.id",
            "MATCH (a)<-[r:INVESTS_IN]-(b) WHERE a.id = 7919 RETURN b.id ORDER BY b.id"}) {
        for (const std::string& row : query(db, q)) out.push_back(row);
      }
      return out;
    };
    const Lines one = run(1);
    EXPECT_EQ(one[0], "150000 nodes, 240000 relationships, 3 skipped");
    EXPECT_EQ(one.size(), 1u + 3 + 1 + 3 + 2 + 2 + 2);  // problems, then each query's rows
    EXPECT_EQ(run(4), one);
  }
}

// Relationships are resolved a step of rows ahead on a second thread and
// added in order on the first (csv_loader.cpp): rows that cannot be
// resolved ahead (an unknown endpoint, an empty type, a value that does not
// convert, a type not seen before, spread over many steps) are added or
// reported in file order, so ids, type ids and problems are one thread's.
// The second round finds endpoints by name, without nodes files.
TEST_F(CsvImportTest, RelationshipsResolvedAheadAddUpToWhatOneThreadAdds) {
  std::string nodes = "id,name\n";
  for (int i = 0; i < 5000; ++i) nodes += std::to_string(i) + ",n" + std::to_string(i) + "\n";
  const std::string n = write("n.csv", nodes);
  for (bool by_name : {false, true}) {
    std::string edges = "src,dst,type,since:int\n";
    auto end = [&](int i) { return (by_name ? "n" : "") + std::to_string(i); };
    for (int i = 0; i < 200000; ++i) {
      std::string type = i % 3 ? "KNOWS" : "OWNS";
      if (i >= 70000 && i % 7 == 0) type = "LATE_" + std::to_string(i / 70000);  // first seen far in
      std::string since = std::to_string(1990 + i % 30);
      if (i % 40009 == 5) since = "soon";                  // does not convert
      if (i % 50021 == 9) type = "";                       // empty type
      std::string dst = i % 60013 == 11 ? "nobody" : end((i * 31) % 5000);  // unknown end
      edges += end(i % 5000) + "," + dst + "," + type + "," + since + "\n";
    }
    const std::string e = write("e.csv", edges);
    auto run = [&](std::size_t threads) {
      Database db;
      db.set_threads(threads);
      if (by_name) db.import_csv(Import().node(n));
      CsvImportSummary s =
          db.import_csv(by_name ? Import().rel(e).lenient().max_reported(50) : Import().node(n).rel(e).lenient().max_reported(50));
      Lines out{std::to_string(s.relationships) + " relationships, " + std::to_string(s.skipped_rows) + " skipped"};
      for (const std::string& p : s.problems) out.push_back(p);
      for (const char* q : {"CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
                            "MATCH (a)-[r]->(b) RETURN type(r), count(*), sum(id(r)), sum(a.id * 7 + b.id), sum(r.since)",
                            "MATCH (a)-[r]->(b) WHERE id(r) % 9973 = 0 RETURN id(r), a.id, type(r), b.id, r.since ORDER BY id(r)"}) {
        for (const std::string& row : query(db, q)) out.push_back(row);
      }
      return out;
    };
    const Lines one = run(1);
    SCOPED_TRACE(by_name ? "by name" : "by id");
    EXPECT_EQ(one[0], "199987 relationships, 13 skipped");
    ASSERT_EQ(one.size(), 1u + 13 + 4 + 4 + 21);  // problems, then each query's rows
    EXPECT_NE(one[12].find("e.csv:160043:"), std::string::npos) << one[12];
    EXPECT_NE(one[12].find("'soon' is not an integer"), std::string::npos) << one[12];
    EXPECT_EQ(Lines(one.begin() + 14, one.begin() + 18), (Lines{"'OWNS'", "'KNOWS'", "'LATE_1'", "'LATE_2'"}));
    EXPECT_EQ(run(2), one);
    EXPECT_EQ(run(3), one);
  }
}

}  // namespace
}  // namespace ergo
