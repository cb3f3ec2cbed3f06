// POST /render and the embedded page, without sockets: request body in,
// status, content type and SVG out.
#include "tools/server/http_render.hpp"
#include "tools/server/web_assets.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ergo::server;

namespace {

class HttpRender : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ergo::render_available()) GTEST_SKIP() << "built without Graphviz";
  }
  HttpReply ask(const std::string& body) {
    return answer_render(db, body, [this](const std::string& line) { log.push_back(line); });
  }
  ergo::Database db = ergo::Database::open({ERGO_DATA_DIR});
  std::vector<std::string> log;
};

}  // namespace

TEST_F(HttpRender, DrawsTheAnswerAsSvg) {
  const ergo::Result ids = db.execute("MATCH (c:Company {name: 'OpenAI'}) RETURN id(c)");
  HttpReply r = ask(R"({"statement": "MATCH (c:Company {name: 'OpenAI'}) RETURN c"})");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.content_type, "image/svg+xml; charset=utf-8");
  EXPECT_EQ(r.body.rfind("<?xml", 0), 0u);
  EXPECT_NE(r.body.find("<title>n" + std::to_string(ids.row(0)[0].as_int()) + "</title>"), std::string::npos);
  EXPECT_NE(r.body.find(">OpenAI</text>"), std::string::npos);
  EXPECT_TRUE(log.empty());
}

TEST_F(HttpRender, MarkupInDataStaysText) {
  db.execute("CREATE (:Evil {name: '</text><script>alert(1)</script>'})");
  HttpReply r = ask(R"({"statement": "MATCH (n:Evil) RETURN n"})");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body.find("<script"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << r.body;
}

TEST_F(HttpRender, RefusesStatementsThatMayWrite) {
  const std::size_t nodes = db.node_count();
  HttpReply r = ask(R"({"statement": "CREATE (n:T) RETURN n"})");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body, R"({"errors":[{"code":"Neo.ClientError.Statement.AccessMode","message":"/render draws only )"
                    R"(statements that read, because it runs the statement again; this one may write (CREATE at line )"
                    R"(1, column 1). Run it with POST /db/neo4j/query/v2, then draw what it changed with a MATCH."}]})");
  EXPECT_EQ(db.node_count(), nodes);
}

TEST_F(HttpRender, ErrorsSayWhatAndWhere) {
  HttpReply r = ask(R"({"statement": "RETURN 1", "layout": "spiral"})");
  EXPECT_EQ(r.status, 400u);
  EXPECT_NE(r.body.find("Neo.ClientError.Statement.ArgumentError"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("spiral"), std::string::npos) << r.body;
  r = ask(R"({"statement": "MATCH (n)\nRETRUN n"})");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.body, R"({"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"<query>:2:1: error: )"
                    R"(unexpected 'RETRUN', did you mean 'RETURN'?\nRETRUN n\n^~~~~~"}]})");
  r = ask(R"({"statement": 7})");
  EXPECT_EQ(r.body, R"({"errors":[{"code":"Neo.ClientError.Request.Invalid","message":"the request has no )"
                    R"(\"statement\" string"}]})");
  r = ask(R"({"statement": "RETURN 1", "korean": "yes"})");
  EXPECT_EQ(r.body, R"({"errors":[{"code":"Neo.ClientError.Request.Invalid","message":"\"korean\" is not true or )"
                    R"(false"}]})");
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1], "render failed: Neo.ClientError.Statement.SyntaxError: <query>:2:1: error: unexpected 'RETRUN', "
                    "did you mean 'RETURN'?");
}

TEST(WebAssets, ThePageIsEmbedded) {
  const WebAsset* page = find_web_asset("/");
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(page->bytes.rfind("<!doctype html>", 0), 0u);
  ASSERT_NE(find_web_asset("/app.js?v=1"), nullptr);
  EXPECT_EQ(find_web_asset("/app.js?v=1")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(find_web_asset("/style.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(find_web_asset("/favicon.svg")->content_type, "image/svg+xml");
  EXPECT_EQ(find_web_asset("/index.htm"), nullptr);
  EXPECT_EQ(find_web_asset("/../CMakeLists.txt"), nullptr);
}

// GET /render?...: the same drawing from a URL (an <img src>, a Markdown image).
TEST_F(HttpRender, DrawsFromAUrl) {
  const ergo::Result ids = db.execute("MATCH (c:Company {name: 'OpenAI'}) RETURN id(c)");
  const auto get = [&](const std::string& target) {
    return answer_render_url(db, target, [this](const std::string& line) { log.push_back(line); });
  };
  HttpReply r = get("/render?statement=MATCH+(c%3ACompany+%7Bname%3A+%24n%7D)+RETURN+c"
                    "&parameters=%7B%22n%22%3A%22OpenAI%22%7D&korean=true&layout=dot");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.content_type, "image/svg+xml; charset=utf-8");
  EXPECT_NE(r.body.find("<title>n" + std::to_string(ids.row(0)[0].as_int()) + "</title>"), std::string::npos);
  EXPECT_NE(r.body.find("오픈AI"), std::string::npos) << "korean=true puts the Hangul alias under the name";
  EXPECT_EQ(get("/render?statement=RETURN+1&parameters=%5B1%5D").body,
            R"({"errors":[{"code":"Neo.ClientError.Request.Invalid","message":"GET /render: 'parameters' must be a )"
            R"(JSON object, e.g. parameters=%7B%22name%22%3A%22OpenAI%22%7D"}]})");
  EXPECT_EQ(get("/render?statement=RETURN+1&colour=red").body,
            R"({"errors":[{"code":"Neo.ClientError.Request.Invalid","message":"GET /render: unknown parameter )"
            R"('colour'; use statement, parameters (a JSON object), layout and korean"}]})");
  EXPECT_EQ(get("/render?statement=%ZZ").status, 400u);
  EXPECT_EQ(get("/render").body, R"({"errors":[{"code":"Neo.ClientError.Request.Invalid","message":"the request has )"
                                 R"(no \"statement\" string"}]})");
  r = get("/render?statement=CREATE+(n)+RETURN+n");
  EXPECT_NE(r.body.find("Neo.ClientError.Statement.AccessMode"), std::string::npos);
}
