#include "tools/server/http_route.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ergo::server {
namespace {

TEST(HttpRoute, QueryEndpointNamesTheDatabase) {
  const HttpRoute r = route_of("/db/neo4j/query/v2");
  EXPECT_EQ(r.kind, HttpRoute::Kind::query);
  EXPECT_EQ(r.database, "neo4j");
  EXPECT_EQ(route_of("/db/other/query/v2/?x=1").database, "other");
  EXPECT_EQ(route_of("/db/neo4j/query/v2?includeCounters").kind, HttpRoute::Kind::query);
}

TEST(HttpRoute, MalformedQueryPathsAreNotFound) {
  for (const char* target : {"/db//query/v2", "/db/query/v2", "/db/a/b/query/v2", "/db/neo4j/query/v2//",
                             "/db/neo4j/query/v1", "db/neo4j/query/v2", ""}) {
    EXPECT_EQ(route_of(target).kind, HttpRoute::Kind::none) << target;
  }
}

TEST(HttpRoute, RenderAndPage) {
  EXPECT_EQ(route_of("/render").kind, HttpRoute::Kind::render);
  EXPECT_EQ(route_of("/render/?layout=dot").kind, HttpRoute::Kind::render);
  EXPECT_EQ(route_of("/renderx").kind, HttpRoute::Kind::none);
  const HttpRoute page = route_of("/");
  ASSERT_EQ(page.kind, HttpRoute::Kind::asset);
  EXPECT_NE(page.asset, nullptr);
}

// A target as long as a client may send costs a scan, not a recursion per
// character (the regular expressions this replaced recursed).
TEST(HttpRoute, LongTargetsAreCheap) {
  const std::string name(1 << 20, 'x');
  EXPECT_EQ(route_of("/db/" + name + "/query/v2").database.size(), name.size());
  EXPECT_EQ(route_of("/" + name).kind, HttpRoute::Kind::none);
}

}  // namespace
}  // namespace ergo::server
