// ergo::cypher_keywords() and cypher_functions(): every function listed is
// one the engine knows, and the lists hold what tab completion relies on.
#include "ergo/language.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "ergo/database.hpp"

namespace ergo {
namespace {

TEST(Language, EveryListedFunctionIsKnown) {
  Database db;
  for (const std::string& name : cypher_functions()) {
    try {
      db.execute("MATCH (n) RETURN " + name + "()");
    } catch (const Error& e) {
      EXPECT_NE(e.code(), "UnknownFunction") << name << ": " << e.message();
    }
  }
}

TEST(Language, ListsTheUsualWords) {
  auto has = [](const std::vector<std::string>& words, const char* w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  for (const char* k : {"MATCH", "OPTIONAL", "RETURN", "WHERE", "ORDER", "UNWIND", "EXPLAIN", "FOREACH"}) {
    EXPECT_TRUE(has(cypher_keywords(), k)) << k;
  }
  for (const char* f : {"toUpper", "count", "collect", "startNode", "labels", "coalesce", "date"}) {
    EXPECT_TRUE(has(cypher_functions(), f)) << f;
  }
  EXPECT_TRUE(std::is_sorted(cypher_keywords().begin(), cypher_keywords().end()));
}

}  // namespace
}  // namespace ergo
