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
  EXPECT_EQ(parse_param_value("$x + 1", {{"x", Value(1)}}), Value(2));
}

TEST(ParamValues, RejectsWhatIsNotAValue) {
  EXPECT_THROW(parse_param_value("OpenAI"), ParamError);
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
