// ergo.evidence on a made-up graph (tests/cli/data/why): the document and
// line of a fact, the line's text with both ends marked when the source
// folder is given, nothing for a fact without a source, and errors for what
// is not a relationship.
#include "tests/engine/algo_test_support.hpp"

namespace ergo {
namespace {

using algo_test::error_of;

const std::string kDir = std::string(ERGO_TESTS_DIR) + "/cli/data/why";

Database& why_db() {
  static Database db = Database::open({kDir + "/graph.kg"});
  return db;
}

Result evidence(const std::string& type, const Value& config) {
  return why_db().execute(
      "MATCH (a)-[r]->(b) WHERE type(r) = $type AND r.source IS NOT NULL "
      "CALL ergo.evidence(r, $config) "
      "YIELD document, title, description, publisher, kind, published, line, text "
      "RETURN document, title, description, publisher, kind, published, line, text ORDER BY document, line",
      {{"type", Value(type)}, {"config", config}});
}

TEST(AlgoEvidence, GivesTheDocumentAndLine) {
  Result r = evidence("INVESTS_IN", Value(Map{}));
  ASSERT_EQ(r.size(), 1u);
  const auto& row = r.row(0);
  EXPECT_EQ(row[0], Value("doc-a"));
  EXPECT_EQ(row[1], Value("A made-up note"));
  EXPECT_TRUE(row[2].is_null());
  EXPECT_EQ(row[3], Value("Test Press"));
  EXPECT_EQ(row[4], Value("news"));
  EXPECT_EQ(row[5].to_cypher(), "date('2024-01-02')");
  EXPECT_EQ(row[6], Value(std::int64_t{2}));
  EXPECT_TRUE(row[7].is_null()) << "no text without a sources folder";
}

TEST(AlgoEvidence, QuotesTheLineWithBothEndsMarked) {
  Map config{{"sources", Value(kDir + "/sources")}};
  Result r = evidence("INVESTS_IN", Value(config));
  ASSERT_EQ(r.size(), 1u);
  // Aliases count, ASCII letters ignore case, and the longest name wins.
  EXPECT_EQ(r.row(0)[7], Value("Yesterday [acme corp] put five dollars into [글로벡스], the note says."));
  r = evidence("PARTNERS_WITH", Value(config));
  EXPECT_EQ(r.row(0)[7], Value("[Globex] and [애크미] agreed to work together."));
}

TEST(AlgoEvidence, MissingTextsAndSourcesGiveNulls) {
  Map config{{"sources", Value(kDir + "/sources")}};
  Result r = evidence("COMPETES_WITH", Value(config));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.row(0)[6], Value(std::int64_t{9}));
  EXPECT_TRUE(r.row(0)[7].is_null()) << "doc-a has no line 9";
  EXPECT_EQ(r.row(1)[0], Value("doc-b"));
  EXPECT_TRUE(r.row(1)[1].is_null()) << "doc-b has no title";
  EXPECT_EQ(r.row(1)[2], Value("an untitled made-up note"));
  EXPECT_TRUE(r.row(1)[7].is_null()) << "there is no doc-b.txt";
  // A fact with no recorded source has no evidence: no row.
  Result none = why_db().execute(
      "MATCH ()-[r:USES]->() CALL ergo.evidence(r) YIELD document RETURN document");
  EXPECT_EQ(none.size(), 0u);
}

TEST(AlgoEvidence, IsListedAndRejectsWhatIsNotARelationship) {
  Result listed = why_db().execute("CALL ergo.procedures() YIELD name, signature WHERE name = 'ergo.evidence' RETURN signature");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed.row(0)[0],
            Value("ergo.evidence(relationship :: ANY, config :: MAP = {}) :: (document :: STRING, title :: STRING, "
                  "description :: STRING, publisher :: STRING, kind :: STRING, published :: ANY, line :: INTEGER, "
                  "text :: STRING)"));
  Error e = error_of(why_db(), "MATCH (n {name: 'Acme'}) CALL ergo.evidence(n) YIELD document RETURN document");
  EXPECT_EQ(e.kind(), ErrorKind::type_error);
  e = error_of(why_db(), "CALL ergo.evidence(1, {pages: 2})");
  EXPECT_NE(e.message().find("pages"), std::string::npos) << e.message();
}

}  // namespace
}  // namespace ergo
