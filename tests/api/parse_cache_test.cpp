// The parse cache (engine/api/parse_cache.hpp): a text run again is bound
// from the statements parsed the first time, and answers, fails and names
// its source exactly as when it was first parsed; what did not parse is not
// kept; the least recently run text makes way; threads share it.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "engine/api/parse_cache.hpp"
#include "ergo/database.hpp"
#include "ergo/error.hpp"
#include "grammar/cypher/parse_cypher.hpp"
#include "grammar/text/source_text.hpp"

namespace ergo {
namespace {

using detail::ParseCache;

std::shared_ptr<const cypher::ParseResult> parsed(const std::string& query) {
  return std::make_shared<const cypher::ParseResult>(
      cypher::parse_cypher(std::make_shared<text::SourceText>("<test>", query)));
}

TEST(ParseCache, FindsWhatWasAddedByTextAndSourceName) {
  ParseCache cache;
  const auto one = parsed("RETURN 1");
  cache.add("<a>", "RETURN 1", one);
  EXPECT_EQ(cache.find("<a>", "RETURN 1"), one);
  EXPECT_EQ(cache.find("<b>", "RETURN 1"), nullptr);   // another source name
  EXPECT_EQ(cache.find("<a>", "RETURN 1 "), nullptr);  // the exact text only
  EXPECT_EQ(cache.find("<a>", "return 1"), nullptr);
  const auto again = parsed("RETURN 1");
  cache.add("<a>", "RETURN 1", again);  // a second parse of the same text replaces the first
  EXPECT_EQ(cache.find("<a>", "RETURN 1"), again);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(ParseCache, TheLeastRecentlyRunTextMakesWay) {
  ParseCache cache;
  const auto p = parsed("RETURN 0");
  for (std::size_t i = 0; i < ParseCache::default_capacity; ++i) cache.add("<t>", "RETURN " + std::to_string(i), p);
  EXPECT_EQ(cache.size(), ParseCache::default_capacity);
  EXPECT_NE(cache.find("<t>", "RETURN 0"), nullptr);  // now the most recently run
  cache.add("<t>", "RETURN new", p);
  EXPECT_EQ(cache.size(), ParseCache::default_capacity);
  EXPECT_NE(cache.find("<t>", "RETURN 0"), nullptr);
  EXPECT_EQ(cache.find("<t>", "RETURN 1"), nullptr);  // the oldest went
  EXPECT_NE(cache.find("<t>", "RETURN 2"), nullptr);
  EXPECT_NE(cache.find("<t>", "RETURN new"), nullptr);
}

TEST(ParseCache, ASmallerCapacityDropsTheLeastRecentlyRunAndZeroKeepsNothing) {
  ParseCache cache;
  const auto p = parsed("RETURN 0");
  for (int i = 0; i < 5; ++i) cache.add("<t>", "RETURN " + std::to_string(i), p);
  cache.find("<t>", "RETURN 0");
  cache.set_capacity(2);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_NE(cache.find("<t>", "RETURN 0"), nullptr);
  EXPECT_NE(cache.find("<t>", "RETURN 4"), nullptr);
  EXPECT_EQ(cache.find("<t>", "RETURN 3"), nullptr);
  cache.set_capacity(0);
  EXPECT_EQ(cache.size(), 0u);
  cache.add("<t>", "RETURN 9", p);
  EXPECT_EQ(cache.find("<t>", "RETURN 9"), nullptr);
  EXPECT_EQ(cache.capacity(), 0u);
}

TEST(ParseCache, LongTextsMakeWayWithinTheTextBudget) {
  ParseCache cache;
  const auto p = parsed("RETURN 0");
  const std::string pad(ParseCache::longest_cached_text - 16, ' ');
  const std::size_t fit = ParseCache::text_budget / ("RETURN 1000" + pad).size();  // every text as long
  for (std::size_t i = 0; i < fit + 10; ++i) cache.add("<t>", "RETURN " + std::to_string(1000 + i) + pad, p);
  EXPECT_EQ(cache.size(), fit);
  EXPECT_EQ(cache.find("<t>", "RETURN 1000" + pad), nullptr);  // the oldest went first
  EXPECT_NE(cache.find("<t>", "RETURN " + std::to_string(1000 + fit + 9) + pad), nullptr);
  cache.add("<t>", "RETURN 1", p);  // short texts still fit beside them
  EXPECT_NE(cache.find("<t>", "RETURN 1"), nullptr);
}

TEST(ParseCache, LongTextsAreNotKept) {
  ParseCache cache;
  const std::string long_text = "RETURN 1" + std::string(ParseCache::longest_cached_text, ' ');
  cache.add("<t>", long_text, parsed(long_text));
  EXPECT_EQ(cache.find("<t>", long_text), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

// Through Database::execute: the same text gives the same answers with
// other parameters, against a graph that changed in between, and its
// errors are the first run's, word for word.
TEST(ParseCache, ATextRunAgainAnswersAndFailsAsTheFirstTime) {
  Database db;
  db.execute("CREATE (:P {n: 1}), (:P {n: 2}), (:P {n: 3})");
  const std::string q = "MATCH (p:P) WHERE p.n >= $min RETURN p.n AS n ORDER BY n";
  EXPECT_EQ(db.execute(q, {{"min", Value(std::int64_t{2})}}).rows().size(), 2u);
  EXPECT_EQ(db.execute(q, {{"min", Value(std::int64_t{1})}}).rows().size(), 3u);
  db.execute("CREATE (:P {n: 4})");
  EXPECT_EQ(db.execute(q, {{"min", Value(std::int64_t{2})}}).rows().size(), 3u);
  EXPECT_EQ(db.execute("RETURN 1 AS x").rows().at(0).at(0), Value(std::int64_t{1}));
  EXPECT_EQ(db.execute("RETURN 2 AS x").rows().at(0).at(0), Value(std::int64_t{2}));

  // A semantic error (found by the binder, after the parse was kept).
  auto message = [&](const std::string& text, const std::string& source) {
    try {
      db.execute(text, {}, source);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string unbound = "RETURN nope";
  const std::string first = message(unbound, "script.cypher");
  EXPECT_NE(first.find("script.cypher:1:8"), std::string::npos) << first;
  EXPECT_EQ(message(unbound, "script.cypher"), first);
  const std::string other = message(unbound, "other.cypher");
  EXPECT_NE(other.find("other.cypher:1:8"), std::string::npos) << other;
  // A syntax error is not kept: it is found (and reported) every time.
  const std::string broken = "MATCH (n RETURN n";
  const std::string syntax = message(broken, "s");
  EXPECT_NE(syntax.find("s:1:10"), std::string::npos) << syntax;
  EXPECT_EQ(message(broken, "s"), syntax);
  // A limit set after a text was kept still applies to it.
  db.set_limits(Limits{.time_limit_ms = 0, .max_query_length = 5, .memory_bytes = 0});
  try {
    db.execute("RETURN 1 AS x", {}, "s");
    ADD_FAILURE() << "a text longer than the limit ran from the cache";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "QueryTooLong") << e.what();
  }
}

// Database::set_query_cache_size(0): every run parses (and answers the same).
TEST(ParseCache, ADatabaseWithoutACacheAnswersTheSame) {
  Database db;
  EXPECT_EQ(db.query_cache_size(), ParseCache::default_capacity);
  db.set_query_cache_size(0);
  EXPECT_EQ(db.query_cache_size(), 0u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(db.execute("RETURN 7 AS x").rows().at(0).at(0), Value(std::int64_t{7}));
  db.set_query_cache_size(10);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(db.execute("RETURN 7 AS x").rows().at(0).at(0), Value(std::int64_t{7}));
}

TEST(ParseCache, ThreadsRunTheSameTextsTogether) {
  Database db;
  db.execute("UNWIND range(1, 100) AS i CREATE (:N {i: i})");
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 300; ++k) {
        const std::int64_t limit = k % 50;
        const Result r = db.execute("MATCH (n:N) WHERE n.i <= $l RETURN count(n) AS c", {{"l", Value(limit)}});
        if (r.rows().at(0).at(0) != Value(limit)) ++wrong[t];
        const std::string text = "RETURN " + std::to_string(k % 20) + " AS v";
        if (db.execute(text).rows().at(0).at(0) != Value(std::int64_t{k % 20})) ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace ergo
