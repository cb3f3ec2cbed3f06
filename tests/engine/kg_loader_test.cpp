// The .kg loader: name resolution across files, shorthand expansion,
// provenance, warnings, and all-or-nothing loading.
#include "engine/load/kg_loader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace ergo::load {
namespace {

text::SourcePtr source(std::string name, std::string text) {
  return std::make_shared<text::SourceText>(std::move(name), std::move(text));
}

std::string rendered(const LoadReport& r) { return text::render(r.diagnostics); }

store::NodeId only(const store::Graph& g, std::string_view name) {
  auto nodes = g.find_by_name(name);
  EXPECT_EQ(nodes.size(), 1u) << name;
  return nodes.empty() ? store::no_node : nodes.front();
}

Value rel_prop(const store::Graph& g, store::RelId r, const char* key) {
  auto k = g.keys().find(key);
  return k ? g.relationship_property(r, *k) : Value();
}

TEST(KgLoader, ResolvesAliasesAcrossFilesAndExpandsShorthands) {
  store::Graph g;
  LoadReport r = load_kg(g, {source("entities.kg",
                                    "Microsoft : Company aka \"마이크로소프트\", MS {founded: 1975}\n"
                                    "OpenAI : Company:Organization aka \"오픈AI\"\n"),
                             source("facts.kg",
                                    "@source 001_doc\n"
                                    "마이크로소프트 INVESTS_IN 오픈ai {amount: 1_000_000_000 USD, date: 2019-07} @12\n")});
  ASSERT_TRUE(r.ok()) << rendered(r);
  EXPECT_TRUE(r.diagnostics.empty()) << rendered(r);
  EXPECT_EQ(r.files, 2u);
  EXPECT_EQ(r.entities, 2u);
  EXPECT_EQ(r.relationships, 1u);

  store::NodeId ms = only(g, "ms"), openai = only(g, "OPENAI");
  EXPECT_EQ(g.node_properties(ms),
            (Map{{"aliases", Value(List{Value("마이크로소프트"), Value("MS")})},
                 {"founded", Value(1975)},
                 {"name", Value("Microsoft")}}));
  EXPECT_EQ(g.labels_of(openai).size(), 2u);
  ASSERT_EQ(g.out(ms).size(), 1u);
  EXPECT_EQ(g.out(ms)[0].neighbor, openai);
  EXPECT_EQ(g.types().name(g.type_of(0)), "INVESTS_IN");
  EXPECT_EQ(g.relationship_properties(0),
            (Map{{"amount", Value(1'000'000'000)},
                 {"currency", Value("USD")},
                 {"date", Value(*Date::from_ymd(2019, 7, 1))},
                 {"date_precision", Value("month")},
                 {"line", Value(12)},
                 {"source", Value("001_doc")}}));
}

TEST(KgLoader, TimesDateTimesAndDurationsAreValues) {
  store::Graph g;
  LoadReport r = load_kg(g, {source("facts.kg",
                                    "Acme : Company {founded: 2015-12-11, opens: 09:30, call: 09:30+09:00, "
                                    "listed: 2019-07-22T09:30, seoul: 2019-07-22T09:30[Asia/Seoul], "
                                    "fixed: 2019-07-22T09:30:00.5-03:30, term: P1Y2M, times: [PT1H, P1D]}\n")});
  ASSERT_TRUE(r.ok()) << rendered(r);
  store::NodeId acme = only(g, "Acme");
  std::string text;
  for (const auto& [key, value] : g.node_properties(acme)) text += key + "=" + value.to_cypher() + "\n";
  EXPECT_EQ(text,
            "call=time('09:30:00+09:00')\n"
            "fixed=datetime('2019-07-22T09:30:00.5-03:30')\n"
            "founded=date('2015-12-11')\n"
            "listed=localdatetime('2019-07-22T09:30:00')\n"
            "name='Acme'\n"
            "opens=localtime('09:30:00')\n"
            "seoul=datetime('2019-07-22T09:30:00+09:00[Asia/Seoul]')\n"
            "term=duration('P1Y2M')\n"
            "times=[duration('PT1H'), duration('P1D')]\n");
}

TEST(KgLoader, ABadTemporalValueIsAnErrorAtTheValue) {
  store::Graph g;
  LoadReport r = load_kg(g, {source("facts.kg",
                                    "Acme : Company {at: 2019-07-22T09:30[Asia/Sequl]}\n"
                                    "Beta : Company {at: 2019-02-30T09:30}\n")});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(rendered(r),
            "facts.kg:1:21: error: unknown time zone 'Asia/Sequl' in '2019-07-22T09:30[Asia/Sequl]': use a name from "
            "the tz database such as Asia/Seoul, or an offset such as +09:00\n"
            "Acme : Company {at: 2019-07-22T09:30[Asia/Sequl]}\n"
            "                    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
            "facts.kg:2:21: error: invalid time, date-time or duration '2019-02-30T09:30': write 09:30:00, "
            "09:30:00+09:00, 2019-07-22T09:30:00, 2019-07-22T09:30:00+09:00, 2019-07-22T09:30[Asia/Seoul] (a zone of "
            "the tz database) or P1Y2M3DT4H\n"
            "Beta : Company {at: 2019-02-30T09:30}\n"
            "                    ^~~~~~~~~~~~~~~~\n");
  EXPECT_EQ(g.node_count(), 0u);
}

TEST(KgLoader, RedeclarationMergesLabelsAliasesAndProperties) {
  store::Graph g;
  LoadReport r = load_kg(g, {source("a.kg", "IBM : Company aka 아이비엠 {country: \"US\"}\n"),
                             source("b.kg", "ibm : Organization aka \"International Business Machines\" {country: \"US\"}\n")});
  ASSERT_TRUE(r.ok()) << rendered(r);
  store::NodeId ibm = only(g, "international business machines");
  EXPECT_EQ(g.labels_of(ibm).size(), 2u);
  EXPECT_EQ(g.node_property(ibm, g.name_key()), Value("IBM"));
}

TEST(KgLoader, UndeclaredEntitiesAreAddedWithAWarningAndASuggestion) {
  store::Graph g;
  LoadReport r = load_kg(g, {source("f.kg", "Microsoft : Company\nMicrosft PARTNERS_WITH Nvidia\n")});
  ASSERT_TRUE(r.ok()) << rendered(r);
  EXPECT_EQ(r.entities, 3u);
  EXPECT_EQ(rendered(r),
            "f.kg:2:1: warning: 'Microsft' is not declared; it is added with no label (did you mean 'Microsoft'?)\n"
            "Microsft PARTNERS_WITH Nvidia\n"
            "^~~~~~~~\n"
            "f.kg:2:24: warning: 'Nvidia' is not declared; it is added with no label\n"
            "Microsft PARTNERS_WITH Nvidia\n"
            "                       ^~~~~~\n");
  EXPECT_TRUE(g.labels_of(only(g, "nvidia")).empty());
}

TEST(KgLoader, ConflictsAreErrorsAndNothingIsLoaded) {
  store::Graph g;
  LoadReport r = load_kg(g, {source("a.kg",
                                    "Microsoft : Company aka MS {founded: 1975}\n"
                                    "\"Morgan Stanley\" : Company aka MS\n"),
                             source("b.kg",
                                    "Microsoft : Company {founded: 1976}\n"
                                    "Microsoft INVESTS_IN OpenAI {amount: 1 USD, currency: \"EUR\"}\n")});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(rendered(r),
            "a.kg:2:32: error: alias 'MS' already names 'Microsoft' (a.kg:1)\n"
            "\"Morgan Stanley\" : Company aka MS\n"
            "                               ^~\n"
            "b.kg:1:22: error: 'Microsoft' already has founded = 1975 from an earlier declaration; here it is 1976\n"
            "Microsoft : Company {founded: 1976}\n"
            "                     ^~~~~~~~~~~~~\n"
            "b.kg:2:22: warning: 'OpenAI' is not declared; it is added with no label\n"
            "Microsoft INVESTS_IN OpenAI {amount: 1 USD, currency: \"EUR\"}\n"
            "                     ^~~~~~\n"
            "b.kg:2:45: error: 'currency' is set twice here, to 'USD' and 'EUR'\n"
            "Microsoft INVESTS_IN OpenAI {amount: 1 USD, currency: \"EUR\"}\n"
            "                                            ^~~~~~~~~~~~~~~\n");
  EXPECT_EQ(r.entities, 0u);
  EXPECT_EQ(g.node_count(), 0u);
  EXPECT_EQ(g.relationship_count(), 0u);
  EXPECT_EQ(g.labels().size(), 0u);
}

TEST(KgLoader, ParseErrorsInOneFileLoadNothingFromAny) {
  store::Graph g;
  LoadReport r = load_kg(g, {source("good.kg", "Microsoft : Company\n"),
                             source("bad.kg", "Microsoft INVESTS_IN\n")});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.size(), 1u) << rendered(r);
  EXPECT_EQ(r.diagnostics[0].file, "bad.kg");
  EXPECT_EQ(r.diagnostics[0].line, 1u);
  EXPECT_EQ(g.node_count(), 0u);
}

TEST(KgLoader, LaterLoadsStateFactsAboutLoadedEntitiesButCannotRedeclareThem) {
  store::Graph g;
  ASSERT_TRUE(load_kg(g, {source("a.kg", "Microsoft : Company aka MS\nOpenAI : Company\n")}).ok());
  LoadReport facts = load_kg(g, {source("b.kg", "@source doc\nms INVESTS_IN openai @3\n")});
  ASSERT_TRUE(facts.ok()) << rendered(facts);
  EXPECT_TRUE(facts.diagnostics.empty()) << rendered(facts);
  EXPECT_EQ(facts.entities, 0u);
  EXPECT_EQ(g.node_count(), 2u);
  EXPECT_EQ(rel_prop(g, 0, "source"), Value("doc"));

  LoadReport again = load_kg(g, {source("c.kg", "Microsoft : Company\n")});
  EXPECT_FALSE(again.ok());
  EXPECT_EQ(again.diagnostics[0].message,
            "'Microsoft' is already in the graph from an earlier load; later files can state facts about it but not "
            "declare it again");
  EXPECT_EQ(g.relationship_count(), 1u);
}

TEST(KgLoader, DirectoriesLoadTheirKgFilesInNameOrder) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ergo-loader-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "2-facts.kg") << "@source s\nA LINKS B @1\n";
  std::ofstream(dir / "1-entities.kg") << "A : Thing\nB : Thing\n";
  std::ofstream(dir / "notes.txt") << "not a kg file\n";
  store::Graph g;
  LoadReport r = load_kg(g, {dir});
  EXPECT_TRUE(r.ok()) << rendered(r);
  EXPECT_TRUE(r.diagnostics.empty()) << rendered(r);
  EXPECT_EQ(r.files, 2u);
  EXPECT_EQ(r.relationships, 1u);

  store::Graph empty;
  LoadReport missing = load_kg(empty, {dir / "nope", dir});
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics[0].message, "no such file or directory");
  EXPECT_EQ(empty.node_count(), 0u);
  fs::remove_all(dir);
}

// Hostile sizes (issue 18): a map of 60,000 keys loads in linear time (each
// key was once checked against every key before it: minutes); past 65,535
// distinct labels, types or keys the load fails, positioned at the
// statement that added one too many, and nothing is loaded.
TEST(KgLoader, HugeMapsLoadInLinearTimeAndTooManyNamesIsAPositionedError) {
  std::string keys = "Big : Company {k0: 0";
  for (int i = 1; i < 60000; ++i) keys += ", k" + std::to_string(i) + ": " + std::to_string(i);
  keys += "}\n";
  store::Graph g;
  const auto start = std::chrono::steady_clock::now();
  LoadReport r = load_kg(g, {source("keys.kg", keys)});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  ASSERT_TRUE(r.ok()) << r.diagnostics.front().message;
  EXPECT_EQ(g.node_property(only(g, "Big"), *g.keys().find("k59999")), Value(std::int64_t{59999}));

  std::string labels = "Small : Company\nHuge : L0";
  for (int i = 1; i < 70000; ++i) labels += ":L" + std::to_string(i);
  labels += "\n";
  store::Graph h;
  r = load_kg(h, {source("labels.kg", labels)});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const text::Diagnostic& d = r.diagnostics.front();
  EXPECT_EQ(d.message,
            "too many distinct labels, relationship types or property keys: at most 65,535 of each fit in one graph "
            "(keep open-ended names in property values instead)");
  EXPECT_EQ(d.file, "labels.kg");
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 1u);
  EXPECT_EQ(r.entities, 0u);
  EXPECT_EQ(h.node_count(), 0u);
  EXPECT_EQ(h.labels().size(), 0u);

  std::string types = "A : Company\n";
  for (int i = 0; i < 66000; ++i) types += "A T" + std::to_string(i) + " A\n";
  store::Graph t;
  r = load_kg(t, {source("types.kg", types)});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.front().line, 65537u);  // T65535, the 65,536th type
  EXPECT_EQ(r.diagnostics.front().column, 3u);
  EXPECT_EQ(t.relationship_count(), 0u);
}

}  // namespace
}  // namespace ergo::load
