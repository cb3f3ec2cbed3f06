// Parameter values from the command line and JSON files.
#include "tools/ergo/param_values.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/cli/run_ergo.hpp"

namespace ergo::cli {
namespace {

TEST(ParamValues, ReadsCypherLiterals) {
  EXPECT_EQ(parse_param_value("42"), Value(42));
  EXPECT_EQ(parse_param_value("-1.5"), Value(-1.5));
  EXPECT_EQ(parse_param_value("'OpenAI'"), Value("OpenAI"));
  EXPECT_EQ(parse_param_value("\"마이크로소프트\""), Value("마이크로소프트"));
  EXPECT_EQ(parse_param_value("[1, 'a', null]"), Value(List{Value(1), Value("a"), Value()}));
  EXPECT_EQ(parse_param_value("{b: 2, a: true}"), Value(Map{{"a", Value(true)}, {"b", Value(2)}}));
  EXPECT_EQ(parse_param_value("date('2024-01-31')"), Value(*Date::parse("2024-01-31")));
  EXPECT_EQ(parse_param_value(" -0x2A "), Value(-42));
  EXPECT_EQ(parse_param_value("1e3"), Value(1000.0));
  EXPECT_EQ(parse_param_value("{`a b`: [true, false, null], c: 'x,}]'}"),
            Value(Map{{"a b", Value(List{Value(true), Value(false), Value()})}, {"c", Value("x,}]")}}));
}

// A value is never pasted into query text (issue 18): anything but one
// literal is refused, saying where, before the engine sees it.
TEST(ParamValues, NeverRunsQueryText) {
  auto message = [](std::string_view text) {
    try {
      parse_param_value(text);
    } catch (const ParamError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("1 AS value LIMIT 0 UNION ALL UNWIND range(1,3) AS value RETURN collect(value)"),
            "is not a Cypher literal at column 3: expected the end of the value (one literal only)\n"
            "  1 AS value LIMIT 0 UNION ALL UNWIND range(1,3) AS value RETURN collect(value)\n"
            "    ^");
  EXPECT_EQ(message("[1, count { MATCH (n) RETURN n }]"),
            "is not a Cypher literal at column 5: expected a literal: a number, 'text', true, false, null, "
            "date('…'), [a list] or {a: map}\n"
            "  [1, count { MATCH (n) RETURN n }]\n"
            "      ^");
  EXPECT_EQ(message("$x + 1").substr(0, 40), "is not a Cypher literal at column 1: exp");
  EXPECT_EQ(message("1 // comment").substr(0, 40), "is not a Cypher literal at column 3: exp");
  EXPECT_EQ(message("1ORtrue").substr(0, 40), "is not a Cypher literal at column 3: exp");
  EXPECT_EQ(message("date('2024-01-01') + duration('P1D')").substr(0, 40), "is not a Cypher literal at column 20: ex");
  EXPECT_EQ(message("{a: 1}.a").substr(0, 40), "is not a Cypher literal at column 7: exp");
  EXPECT_EQ(message("'a' + 'b'").substr(0, 40), "is not a Cypher literal at column 5: exp");
  EXPECT_EQ(message(std::string(5000, '[') + std::string(5000, ']')).substr(0, 100),
            "is not a Cypher literal at column 1001: expected a value nested at most 1,000 levels deep");
}

// A string that ends in a backslash is unclosed at its end, not a column
// past it (the column was 2 too far and the caret missing).
TEST(ParamValues, AnUnclosedStringIsPlacedAtItsEnd) {
  try {
    parse_param_value("'abc\\");
    FAIL() << "accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(std::string(e.what()),
              "is not a Cypher literal at column 6: expected a closing '\n"
              "  'abc\\\n"
              "       ^");
  }
}

TEST(ParamValues, RejectsWhatIsNotAValue) {
  EXPECT_THROW(parse_param_value("OpenAI"), ParamError);
  EXPECT_THROW(parse_param_value("0x"), ParamError);
  EXPECT_THROW(parse_param_value("'\\"), ParamError);
  EXPECT_THROW(parse_param_value("1; MATCH (n) RETURN n"), ParamError);
  EXPECT_THROW(parse_param_value("'unterminated"), ParamError);
  EXPECT_THROW(parse_param_value(""), ParamError);
}

TEST(ParamValues, ReadsJsonObjects) {
  ergo::testing::TempDir dir;
  std::ofstream(dir / "p.json") << R"({"s": "한국어", "i": 7, "f": 0.5, "b": false, "n": null, "l": [1, [2]], "m": {"k": "v"}})";
  Params p = read_params_file((dir / "p.json").string());
  EXPECT_EQ(p.at("s"), Value("한국어"));
  EXPECT_EQ(p.at("i"), Value(7));
  EXPECT_EQ(p.at("f"), Value(0.5));
  EXPECT_EQ(p.at("b"), Value(false));
  EXPECT_TRUE(p.at("n").is_null());
  EXPECT_EQ(p.at("l"), Value(List{Value(1), Value(List{Value(2)})}));
  EXPECT_EQ(p.at("m"), Value(Map{{"k", Value("v")}}));

  std::ofstream(dir / "array.json") << "[1, 2]";
  EXPECT_THROW(read_params_file((dir / "array.json").string()), ParamError);
  std::ofstream(dir / "broken.json") << "{";
  EXPECT_THROW(read_params_file((dir / "broken.json").string()), ParamError);
  EXPECT_THROW(read_params_file((dir / "missing.json").string()), ParamError);

  // Deep nesting is refused before nlohmann/json recurses; devices are not read.
  std::ofstream(dir / "deep.json") << "{\"a\": " << std::string(50000, '[') << std::string(50000, ']') << "}";
  try {
    read_params_file((dir / "deep.json").string());
    ADD_FAILURE() << "accepted";
  } catch (const ParamError& e) {
    EXPECT_STREQ(e.what(), "nests arrays and objects deeper than 1,000 levels at byte 1006");
  }
  std::ofstream(dir / "ok.json") << "{\"a\": " << std::string(999, '[') << std::string(999, ']') << "}";
  EXPECT_EQ(read_params_file((dir / "ok.json").string()).size(), 1u);
  try {
    read_params_file("/dev/zero");
    ADD_FAILURE() << "accepted";
  } catch (const ParamError& e) {
    EXPECT_STREQ(e.what(), "is not a regular file");
  }
}

TEST(ParamValues, Names) {
  EXPECT_TRUE(is_param_name("name"));
  EXPECT_TRUE(is_param_name("이름"));
  EXPECT_FALSE(is_param_name("1x"));
  EXPECT_FALSE(is_param_name("a-b"));
  EXPECT_FALSE(is_param_name(""));
}

}  // namespace
}  // namespace ergo::cli
