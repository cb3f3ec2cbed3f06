// ergo/language.hpp through the public API: the keyword and function lists
// an editor or the shell's completion reads, sorted, each word once, and
// each one a word the query language really accepts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "tests/api/api_test_support.hpp"

namespace ergo {
namespace {

using api_test::bundled;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

TEST(Language, KeywordsUpperCaseSortedEachOnce) {
  const std::vector<std::string>& words = cypher_keywords();
  EXPECT_EQ(&words, &cypher_keywords());  // one list for the program's lifetime
  ASSERT_FALSE(words.empty());
  EXPECT_TRUE(std::is_sorted(words.begin(), words.end()));
  EXPECT_EQ(std::adjacent_find(words.begin(), words.end()), words.end());
  for (const std::string& w : words) {
    EXPECT_FALSE(w.empty());
    EXPECT_TRUE(std::none_of(w.begin(), w.end(), [](unsigned char c) { return std::islower(c); })) << w;
  }
  for (const char* w : {"MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "ORDER", "BY", "LIMIT",
                        "SKIP", "DISTINCT", "AS", "AND", "OR", "NOT", "NULL", "TRUE", "FALSE", "CALL", "YIELD",
                        "UNION", "SHORTESTPATH", "EXPLAIN", "REDUCE"}) {
    EXPECT_TRUE(contains(words, w)) << w;
  }
  EXPECT_FALSE(contains(words, "match"));
}

TEST(Language, FunctionsSortedCaseInsensitivelyEachOnce) {
  const std::vector<std::string>& names = cypher_functions();
  EXPECT_EQ(&names, &cypher_functions());
  ASSERT_FALSE(names.empty());
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end(),
                             [](const std::string& a, const std::string& b) { return lower(a) < lower(b); }));
  for (std::size_t i = 1; i < names.size(); ++i) EXPECT_NE(lower(names[i - 1]), lower(names[i])) << names[i];
  // Scalar, graph and aggregate functions, in their canonical spelling.
  for (const char* f : {"toUpper", "toLower", "substring", "size", "coalesce", "date", "range", "id", "labels",
                        "type", "properties", "keys", "startNode", "endNode", "nodes", "relationships", "length",
                        "count", "sum", "avg", "min", "max", "collect", "stDev", "stDevP", "percentileDisc",
                        "percentileCont"}) {
    EXPECT_TRUE(contains(names, f)) << f;
  }
  EXPECT_FALSE(contains(names, "toupper"));
}

TEST(Language, EveryListedFunctionIsKnownToQueries) {
  // Calling a listed function with no arguments fails on its arity or
  // arguments, never as an unknown function.
  for (const std::string& f : cypher_functions()) {
    try {
      bundled().execute("MATCH (n) WHERE false RETURN " + f + "() AS x");
    } catch (const Error& e) {
      EXPECT_NE(e.code(), "UnknownFunction") << f << ": " << e.message();
    }
  }
}

}  // namespace
}  // namespace ergo
