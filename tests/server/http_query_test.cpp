// The HTTP Query API's answers, without sockets: request body in, status
// and JSON out, compared exactly.
#include "tools/server/http_query.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

using namespace ergo::server;

namespace {

class HttpQuery : public ::testing::Test {
 protected:
  HttpReply ask(const std::string& body, const std::string& database = "neo4j") {
    return answer_query(db, database, body, [this](const std::string& line) { log.push_back(line); });
  }
  ergo::Database db = ergo::Database::open({ERGO_DATA_DIR});
  std::vector<std::string> log;
};

}  // namespace

TEST_F(HttpQuery, AnswersInTheQueryApiShape) {
  HttpReply r = ask(R"({"statement": "RETURN $x + 1 AS y, 'é' AS s, 2.5 AS f, null AS n", "parameters": {"x": 1}})");
  EXPECT_EQ(r.status, 202u);
  EXPECT_EQ(r.body, R"({"bookmarks":[],"data":{"fields":["y","s","f","n"],"values":[[2,"é",2.5,null]]}})");
}

TEST_F(HttpQuery, NodesCarryElementIdsLabelsAndProperties) {
  HttpReply r = ask(R"({"statement": "MATCH (c:Company {name: 'OpenAI'}) RETURN c.name AS name, labels(c) AS l"})");
  EXPECT_EQ(r.body, R"({"bookmarks":[],"data":{"fields":["name","l"],"values":[["OpenAI",["Company","Organization"]]]}})");
}

TEST_F(HttpQuery, CountersWhenAsked) {
  HttpReply r = ask(R"j({"statement": "CREATE (:T {a: 1})", "includeCounters": true})j");
  EXPECT_EQ(r.status, 202u);
  EXPECT_EQ(r.body, R"({"bookmarks":[],"counters":{"constraintsAdded":0,"constraintsRemoved":0,)"
                    R"("containsSystemUpdates":false,"containsUpdates":true,"indexesAdded":0,"indexesRemoved":0,)"
                    R"("labelsAdded":1,"labelsRemoved":0,"nodesCreated":1,"nodesDeleted":0,"propertiesSet":1,)"
                    R"("relationshipsCreated":0,"relationshipsDeleted":0,"systemUpdates":0},)"
                    R"("data":{"fields":[],"values":[]}})");
  r = ask(R"j({"statement": "MATCH (t:T) DETACH DELETE t", "includeCounters": true})j");
  EXPECT_EQ(r.status, 202u);
  EXPECT_NE(r.body.find(R"("nodesDeleted":1,)"), std::string::npos) << r.body;
}

// PROFILE: the answer, and the plan as profiledQueryPlan (times vary, so
// they are checked apart and set to 0 before the exact comparison).
TEST_F(HttpQuery, ProfileAddsTheProfiledQueryPlan) {
  HttpReply r = ask(R"({"statement": "PROFILE UNWIND [1, 2, 3] AS x RETURN x"})");
  EXPECT_EQ(r.status, 202u);
  nlohmann::json body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["data"]["values"], nlohmann::json::parse("[[1],[2],[3]]"));
  std::function<void(nlohmann::json&)> zero_times = [&](nlohmann::json& op) {
    EXPECT_TRUE(op["time"].is_number_unsigned()) << op;
    op["time"] = 0;
    for (nlohmann::json& child : op["children"]) zero_times(child);
  };
  zero_times(body["profiledQueryPlan"]);
  auto op = [](const char* type, const char* details, int records, const std::string& children) {
    return std::string(R"({"arguments":{"Details":")") + details + R"("},"children":[)" + children +
           R"(],"dbHits":0,"hasPageCacheStats":false,"identifiers":[],)"
           R"("operatorType":")" + type + R"(","pageCacheHitRatio":0.0,"pageCacheHits":0,"pageCacheMisses":0,)"
           R"("records":)" + std::to_string(records) + R"(,"time":0})";
  };
  const std::string expected = op("Produce", "x", 3, op("Project", "$1 = x", 3, op("Unwind", "[1, 2, 3]", 3, op("Once", "", 1, ""))));
  EXPECT_EQ(body["profiledQueryPlan"].dump(), expected);
  EXPECT_EQ(ask(R"({"statement": "RETURN 1 AS x"})").body.find("profiledQueryPlan"), std::string::npos);
}

TEST_F(HttpQuery, ErrorsAsNeo4jStatusCodes) {
  HttpReply r = ask(R"({"statement": "RETRUN 1"})");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body, R"({"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"<query>:1:1: error: )"
                    R"(unexpected 'RETRUN', did you mean 'RETURN'?\nRETRUN 1\n^~~~~~"}]})");
  EXPECT_EQ(log, (std::vector<std::string>{"http: query failed: Neo.ClientError.Statement.SyntaxError: <query>:1:1: "
                                           "error: unexpected 'RETRUN', did you mean 'RETURN'?"}));
  EXPECT_EQ(ask("{not json").body,
            R"({"errors":[{"code":"Neo.ClientError.Request.Invalid","message":"the request body is not a JSON object"}]})");
  EXPECT_EQ(ask(R"({"statement": 1})").status, 400u);
  EXPECT_EQ(ask(R"({"statement": "RETURN 1", "parameters": [1]})").status, 400u);
  r = ask(R"({"statement": "RETURN 1"})", "system");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(r.body, R"({"errors":[{"code":"Neo.ClientError.Database.DatabaseNotFound","message":"ergo serves one )"
                    R"(database, 'neo4j'; there is no database 'system'"}]})");
}
