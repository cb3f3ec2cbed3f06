// Robustness of the Cypher parser: thousands of deterministic random
// mutations of the golden queries must each parse or fail cleanly (never
// crash, never hang) with a diagnostic inside the text; inputs built to make
// a backtracking parser explode must parse in linear time.
#include <gtest/gtest.h>

#include <ctime>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "cypher_test_support.hpp"

namespace {
// The parser's own CPU time: a wall clock also counts the other tests and
// builds sharing the cores, and made these limits flaky under CI's load.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
}  // namespace

namespace ergo::cypher {
namespace {

namespace fs = std::filesystem;

// A small deterministic generator (xorshift64*), the same on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1DULL;
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> fragments = {
    "(", ")", "[", "]", "{", "}", "<", ">", "-", "--", "->", "<-", ":", ",", ".", "..", "'", "\"", "`", "$", "*",
    "|", "=", "+", "/", "%", "^", ";", "\\", "/*", "//", "\n", " ", "0x", "1e", "9223372036854775808", "é", "名",
    "\xff", "MATCH ", " RETURN ", " WHERE ", " WITH ", " AS ", " AND ", " OR ", " NOT ", " IN ", " IS NULL ",
    " CASE ", " WHEN ", " THEN ", " END ", " UNION ", " CALL ", " YIELD ", "count(*)", "(a)-->(b)", "[x IN l | x]"};

std::string mutate(const std::string& text, Random& rng) {
  std::string s = text;
  int edits = 1 + static_cast<int>(rng.below(3));
  for (int e = 0; e < edits; ++e) {
    std::size_t at = rng.below(s.size() + 1);
    switch (rng.below(5)) {
      case 0:  // delete a span
        if (!s.empty()) s.erase(std::min(at, s.size() - 1), 1 + rng.below(4));
        break;
      case 1:  // insert a fragment
        s.insert(at, fragments[rng.below(fragments.size())]);
        break;
      case 2:  // duplicate a span
        if (!s.empty()) {
          std::size_t from = rng.below(s.size());
          s.insert(at, s.substr(from, 1 + rng.below(12)));
        }
        break;
      case 3:  // truncate
        s.resize(at);
        break;
      default:  // replace one byte
        if (!s.empty()) s[std::min(at, s.size() - 1)] = fragments[rng.below(fragments.size())][0];
        break;
    }
  }
  return s;
}

std::vector<std::string> seed_queries() {
  std::vector<std::string> out;
  fs::path dir = fs::path(ERGO_TESTS_DIR) / "grammar" / "cypher_golden";
  for (const std::string& name : testing::file_stems(dir, ".cypher")) out.push_back(testing::read_file(dir / (name + ".cypher")));
  return out;
}

TEST(CypherRobustness, RandomMutationsParseOrFailCleanly) {
  std::vector<std::string> seeds = seed_queries();
  ASSERT_FALSE(seeds.empty());
  Random rng(0x5eed0fc1f3e5ULL);
  constexpr int mutations = 6000;
  int parsed = 0;
  const double start = cpu_seconds();
  for (int i = 0; i < mutations; ++i) {
    std::string text = mutate(seeds[rng.below(seeds.size())], rng);
    ParseResult r = testing::parse(text);
    if (r.ok()) {
      ++parsed;
      EXPECT_FALSE(print(r.statements).empty());
      for (const ast::Statement& s : r.statements) EXPECT_LE(s.span.end, text.size()) << text;
    } else {
      const SyntaxError& e = *r.error;
      EXPECT_FALSE(e.diagnostic.message.empty()) << text;
      EXPECT_GE(e.diagnostic.line, 1u) << text;
      EXPECT_LE(e.span.begin, text.size()) << text;
      EXPECT_FALSE(e.detail.empty()) << text;
    }
  }
  const double seconds = cpu_seconds() - start;
  std::cout << "[ MUTATE   ] " << mutations << " mutated queries in " << seconds << " s, " << parsed
            << " still parse\n";
#ifdef NDEBUG
  EXPECT_LT(seconds, 3.0);
#endif
}

// Inputs whose alternatives all share long prefixes: `(` may open a pattern or
// a parenthesized expression, `[` a comprehension or a list. Each level is
// tried both ways; without the atom memo this is 2^depth.
TEST(CypherRobustness, AmbiguousNestingIsLinear) {
  auto nest = [](const std::string& open, const std::string& close, int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += open;
    s += "1";
    for (int i = 0; i < depth; ++i) s += close;
    return s;
  };
  std::vector<std::string> inputs = {
      "RETURN " + nest("({a: ", "})-[0]", 60),
      "RETURN " + nest("[a IN ", ", 1]", 60),
      "RETURN " + nest("[(a)-->(b) WHERE ", " | 1]", 60),
      "RETURN " + nest("any(x IN ", ", 1)", 60),
      "RETURN " + nest("(", ")", 190),
      "MATCH (n {a: " + nest("({a: ", "})", 60) + "}) RETURN n",
  };
  for (const std::string& text : inputs) {
    const double start = cpu_seconds();
    ParseResult r = testing::parse(text);
    const double seconds = cpu_seconds() - start;
    EXPECT_LT(seconds, 0.5) << text.substr(0, 60);
    if (!r.ok()) {
      EXPECT_FALSE(r.error->diagnostic.message.empty());
    }
  }
}

TEST(CypherRobustness, LargeQueriesParseQuickly) {
  std::string create = "CREATE ";
  for (int i = 0; i < 20000; ++i) {
    if (i) create += ", ";
    create += "(n" + std::to_string(i) + ":Person {name: 'p" + std::to_string(i) + "', age: " + std::to_string(i % 90) +
              ", tags: ['a', 'b']})";
  }
  const double start = cpu_seconds();
  ParseResult r = testing::parse(create);
  const double seconds = cpu_seconds() - start;
  ASSERT_TRUE(r.ok());
  std::cout << "[ LARGE    ] " << create.size() / 1024 << " KiB CREATE parsed in " << seconds << " s\n";
#ifdef NDEBUG
  EXPECT_LT(seconds, 2.0);
#endif
}

}  // namespace
}  // namespace ergo::cypher
