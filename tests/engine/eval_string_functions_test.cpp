// engine/eval string functions: code-point semantics (Hangul, emoji), null
// in/null out, wrong types and out-of-domain arguments.
#include <gtest/gtest.h>

#include "tests/engine/eval_test_support.hpp"

#include <algorithm>
#include <functional>

#include "engine/eval/functions.hpp"
#include "ergo/error.hpp"

namespace ergo::eval {
namespace {

using namespace test_support;

// Calls library function `name` (checking that it exists and takes this many
// arguments) and returns its result.

TEST(EvalStringFunctions, CaseMapping) {
  EXPECT_EQ(cy(call("toLower", {"HELLO"})), "'hello'");
  EXPECT_EQ(cy(call("toUpper", {"hello"})), "'HELLO'");
  EXPECT_EQ(cy(call("toUpper", {"오픈ai"})), "'오픈AI'");
  EXPECT_EQ(cy(call("toLower", {"ÀÉÎ Σ"})), "'àéî σ'");
  EXPECT_EQ(cy(call("toUpper", {"straße"})), "'STRASSE'");  // as Java's toUpperCase
  EXPECT_EQ(cy(call("toLower", {"STRASSE ẞ"})), "'strasse ß'");
  EXPECT_EQ(cy(call("lower", {"ABC"})), "'abc'");
  EXPECT_EQ(cy(call("upper", {"abc"})), "'ABC'");
  EXPECT_TRUE(call("toLower", {null}).is_null());
  EXPECT_TRUE(call("toUpper", {null}).is_null());
  EXPECT_ERROR(call("toLower", {1}), type_error);
  EXPECT_ERROR(call("toUpper", {L({"a"})}), type_error);
}

TEST(EvalStringFunctions, Trimming) {
  EXPECT_EQ(cy(call("trim", {"  hello  "})), "'hello'");
  EXPECT_EQ(cy(call("ltrim", {"  hello  "})), "'hello  '");
  EXPECT_EQ(cy(call("rtrim", {"  hello  "})), "'  hello'");
  EXPECT_EQ(cy(call("trim", {"\t\n hello\r\n"})), "'hello'");
  EXPECT_EQ(cy(call("trim", {"\u3000오픈 AI\u2003"})), "'오픈 AI'");  // ideographic and em space
  EXPECT_EQ(cy(call("trim", {"\u00a0x\u00a0"})), "'\u00a0x\u00a0'");  // no-break space stays (Java)
  EXPECT_EQ(cy(call("trim", {"   "})), "''");
  EXPECT_EQ(cy(call("rtrim", {"   "})), "''");
  EXPECT_EQ(cy(call("trim", {""})), "''");
  for (const char* f : {"trim", "ltrim", "rtrim"}) {
    EXPECT_TRUE(call(f, {null}).is_null());
    EXPECT_ERROR(call(f, {1.5}), type_error);
  }
}

TEST(EvalStringFunctions, SubstringByCodePoint) {
  EXPECT_EQ(cy(call("substring", {"0123456789", 1})), "'123456789'");  // String1.feature [1]
  EXPECT_EQ(cy(call("substring", {"hello", 1, 3})), "'ell'");
  EXPECT_EQ(cy(call("substring", {"hello", 2})), "'llo'");
  EXPECT_EQ(cy(call("substring", {"hello", 0, 0})), "''");
  EXPECT_EQ(cy(call("substring", {"hello", 10})), "''");
  EXPECT_EQ(cy(call("substring", {"hello", 3, 100})), "'lo'");
  EXPECT_EQ(cy(call("substring", {"오픈AI 모델", 1, 3})), "'픈AI'");
  EXPECT_EQ(cy(call("substring", {"오픈AI", 2})), "'AI'");
  EXPECT_EQ(cy(call("substring", {"a😀b", 1, 1})), "'😀'");
  EXPECT_TRUE(call("substring", {null, 1}).is_null());
  EXPECT_TRUE(call("substring", {null, 1, 2}).is_null());
  EXPECT_ERROR(call("substring", {"hello", -1}), argument_error);
  EXPECT_ERROR(call("substring", {"hello", 1, -1}), argument_error);
  EXPECT_ERROR(call("substring", {"hello", null}), type_error);
  EXPECT_ERROR(call("substring", {"hello", 1, null}), type_error);
  EXPECT_ERROR(call("substring", {"hello", 1.0}), type_error);
  EXPECT_ERROR(call("substring", {123, 1}), type_error);
}

TEST(EvalStringFunctions, LeftAndRight) {
  EXPECT_EQ(cy(call("left", {"hello", 3})), "'hel'");
  EXPECT_EQ(cy(call("right", {"hello", 3})), "'llo'");
  EXPECT_EQ(cy(call("left", {"hello", 10})), "'hello'");
  EXPECT_EQ(cy(call("right", {"hello", 10})), "'hello'");
  EXPECT_EQ(cy(call("left", {"hello", 0})), "''");
  EXPECT_EQ(cy(call("right", {"hello", 0})), "''");
  EXPECT_EQ(cy(call("left", {"오픈AI", 2})), "'오픈'");
  EXPECT_EQ(cy(call("right", {"오픈AI", 3})), "'픈AI'");
  EXPECT_TRUE(call("left", {null, 1}).is_null());
  EXPECT_TRUE(call("left", {null, null}).is_null());
  EXPECT_TRUE(call("right", {null, 1}).is_null());
  EXPECT_ERROR(call("left", {"hello", null}), type_error);
  EXPECT_ERROR(call("right", {"hello", null}), type_error);
  EXPECT_ERROR(call("left", {"hello", -1}), argument_error);
  EXPECT_ERROR(call("right", {"hello", -1}), argument_error);
  EXPECT_ERROR(call("left", {1, 1}), type_error);
}

TEST(EvalStringFunctions, Replace) {
  EXPECT_EQ(cy(call("replace", {"hello", "l", "w"})), "'hewwo'");
  EXPECT_EQ(cy(call("replace", {"aaa", "aa", "b"})), "'ba'");
  EXPECT_EQ(cy(call("replace", {"hello", "x", "y"})), "'hello'");
  EXPECT_EQ(cy(call("replace", {"오픈AI", "AI", "에이아이"})), "'오픈에이아이'");
  EXPECT_EQ(cy(call("replace", {"abc", "", "-"})), "'-a-b-c-'");
  EXPECT_EQ(cy(call("replace", {"오픈", "", "."})), "'.오.픈.'");
  EXPECT_EQ(cy(call("replace", {"", "", "x"})), "'x'");
  EXPECT_TRUE(call("replace", {null, "a", "b"}).is_null());
  EXPECT_TRUE(call("replace", {"a", null, "b"}).is_null());
  EXPECT_TRUE(call("replace", {"a", "a", null}).is_null());
  EXPECT_ERROR(call("replace", {"a", 1, "b"}), type_error);
  EXPECT_ERROR(call("replace", {1, "a", "b"}), type_error);
}

TEST(EvalStringFunctions, Split) {
  EXPECT_EQ(cy(call("split", {"one1two", "1"})), "['one', 'two']");  // String4.feature [1]
  EXPECT_EQ(cy(call("split", {"one,two", ","})), "['one', 'two']");
  EXPECT_EQ(cy(call("split", {"a,,b,", ","})), "['a', '', 'b', '']");
  EXPECT_EQ(cy(call("split", {",a", ","})), "['', 'a']");
  EXPECT_EQ(cy(call("split", {"ab", "ab"})), "['', '']");
  EXPECT_EQ(cy(call("split", {"", ","})), "['']");
  EXPECT_EQ(cy(call("split", {"abc", "x"})), "['abc']");
  EXPECT_EQ(cy(call("split", {"오픈AI", ""})), "['오', '픈', 'A', 'I']");
  EXPECT_EQ(cy(call("split", {"a-b_c", L({"-", "_"})})), "['a', 'b', 'c']");
  EXPECT_EQ(cy(call("split", {"a--b-c", L({"-", "--"})})), "['a', 'b', 'c']");  // longest wins
  EXPECT_EQ(cy(call("split", {"서울, 부산", ", "})), "['서울', '부산']");
  EXPECT_TRUE(call("split", {null, ","}).is_null());
  EXPECT_TRUE(call("split", {"a,b", null}).is_null());
  EXPECT_ERROR(call("split", {"a", 1}), type_error);
  EXPECT_ERROR(call("split", {1, ","}), type_error);
  EXPECT_ERROR(call("split", {"a", L({1})}), type_error);
}

TEST(EvalStringFunctions, ReverseAndLengthCountCodePoints) {
  EXPECT_EQ(cy(call("reverse", {"raksO"})), "'Oskar'");  // String3.feature [1]
  EXPECT_EQ(cy(call("reverse", {"anagram"})), "'margana'");
  EXPECT_EQ(cy(call("reverse", {"오픈AI"})), "'IA픈오'");
  EXPECT_EQ(cy(call("reverse", {"a😀b"})), "'b😀a'");
  EXPECT_EQ(cy(call("reverse", {""})), "''");
  EXPECT_EQ(cy(call("size", {"오픈AI"})), "4");
  EXPECT_EQ(cy(call("size", {"😀"})), "1");
  EXPECT_EQ(cy(call("size", {""})), "0");
  EXPECT_EQ(cy(call("length", {"오픈AI"})), "4");
  EXPECT_EQ(cy(call("char_length", {"오픈AI"})), "4");
  EXPECT_EQ(cy(call("character_length", {"abc"})), "3");
  EXPECT_TRUE(call("char_length", {null}).is_null());
  EXPECT_ERROR(call("char_length", {L({})}), type_error);
}

TEST(EvalStringFunctions, InvalidUtf8BytesCountAsOneCodePointEach) {
  std::string bad = "a\xff\xfe" "b";
  EXPECT_EQ(cy(call("size", {bad})), "4");
  EXPECT_EQ(call("reverse", {bad}).as_string(), "b\xfe\xff" "a");
  EXPECT_EQ(call("substring", {bad, 1, 2}).as_string(), "\xff\xfe");
  EXPECT_EQ(call("toUpper", {bad}).as_string(), "A\xff\xfe" "B");
}

TEST(EvalStringFunctions, LookupIsCaseInsensitive) {
  EXPECT_EQ(find_function("TOUPPER"), find_function("toUpper"));
  EXPECT_EQ(find_function("Substring"), find_function("substring"));
  EXPECT_EQ(find_function("toupper")->name, "toUpper");
  EXPECT_EQ(find_function("noSuchFunction"), nullptr);
  EXPECT_EQ(find_function("count"), nullptr);  // aggregates live elsewhere
  auto names = function_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "toUpper"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "percentileDisc"), names.end());
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    std::string x = a, y = b;
    for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : y) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return x < y;
  }));
}

TEST(EvalStringFunctions, Arity) {
  EXPECT_EQ(find_function("substring")->min_args, 2);
  EXPECT_EQ(find_function("substring")->max_args, 3);
  EXPECT_EQ(find_function("replace")->min_args, 3);
  EXPECT_EQ(find_function("split")->max_args, 2);
  EXPECT_TRUE(find_function("toUpper")->deterministic);
}

}  // namespace
}  // namespace ergo::eval
