// A recogniser, not an evaluator: it only decides that the text has the shape
// of one literal. The engine then evaluates that text, which by then cannot
// hold a clause, a variable, a function other than date() or a comment.
#include "tools/ergo/literal_check.hpp"

#include <cctype>

namespace ergo::cli {
namespace {

constexpr int max_depth = 1000;

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  std::optional<LiteralProblem> run() {
    space();
    if (!value(0)) return problem_;
    space();
    if (p_ != s_.size()) return LiteralProblem{p_, "the end of the value (one literal only)"};
    return std::nullopt;
  }

 private:
  bool fail(std::string expected) {
    problem_ = LiteralProblem{p_, std::move(expected)};
    return false;
  }
  bool at(char c) const { return p_ < s_.size() && s_[p_] == c; }
  void space() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) ++p_;
  }
  static bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
  }
  bool word(std::string_view w) {
    if (s_.size() - p_ < w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(s_[p_ + i])) != w[i]) return false;
    }
    if (p_ + w.size() < s_.size() && name_char(s_[p_ + w.size()])) return false;
    p_ += w.size();
    return true;
  }
  bool string() {
    char quote = s_[p_++];
    while (p_ < s_.size() && s_[p_] != quote) p_ += s_[p_] == '\\' ? 2 : 1;
    if (p_ >= s_.size()) {
      p_ = s_.size();  // a backslash last skips past the end: the problem is at the end
      return fail(std::string("a closing ") + quote);
    }
    ++p_;
    return true;
  }
  // Digits, hex digits and x/o (0x2A, 0o52, 1e9), '.', and a sign right
  // after an exponent: no keyword can hide in it; the engine reads the
  // number and reports a malformed one.
  static bool number_char(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) || c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == '.';
  }
  bool number() {
    std::size_t start = p_;
    while (p_ < s_.size()) {
      char c = s_[p_];
      bool sign = (c == '-' || c == '+') && p_ > start && (s_[p_ - 1] == 'e' || s_[p_ - 1] == 'E') &&
                  !(s_[start] == '0' && p_ > start + 1 && (s_[start + 1] == 'x' || s_[start + 1] == 'X'));
      if (!(number_char(c) || sign)) break;
      ++p_;
    }
    return p_ > start;
  }
  bool key() {
    if (at('`')) {
      ++p_;
      while (p_ < s_.size() && s_[p_] != '`') ++p_;
      if (p_ >= s_.size()) return fail("a closing `");
      ++p_;
      return true;
    }
    std::size_t start = p_;
    while (p_ < s_.size() && name_char(s_[p_])) ++p_;
    return p_ > start || fail("a key name");
  }
  bool value(int depth) {
    if (depth >= max_depth) return fail("a value nested at most 1,000 levels deep");
    if (p_ >= s_.size()) return fail("a value");
    char c = s_[p_];
    if (c == '\'' || c == '"') return string();
    if (c == '-' || c == '+') {
      ++p_;
      space();
      if (p_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[p_])) || s_[p_] == '.')) return number();
      return fail("a number after the sign");
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
    if (c == '[') return sequence(depth, ']', false);
    if (c == '{') return sequence(depth, '}', true);
    if (word("null") || word("true") || word("false")) return true;
    if (word("date")) {
      space();
      if (!at('(')) return fail("'(' after date");
      ++p_;
      space();
      if (!at('\'') && !at('"')) return fail("a quoted date, e.g. date('2024-01-31')");
      if (!string()) return false;
      space();
      if (!at(')')) return fail("')'");
      ++p_;
      return true;
    }
    return fail("a literal: a number, 'text', true, false, null, date('…'), [a list] or {a: map}");
  }
  bool sequence(int depth, char close, bool map) {
    ++p_;
    space();
    if (at(close)) return ++p_, true;
    for (;;) {
      if (map) {
        if (!key()) return false;
        space();
        if (!at(':')) return fail("':' after the key");
        ++p_;
        space();
      }
      if (!value(depth + 1)) return false;
      space();
      if (at(close)) return ++p_, true;
      if (!at(',')) return fail(std::string("',' or '") + close + "'");
      ++p_;
      space();
    }
  }

  std::string_view s_;
  std::size_t p_ = 0;
  LiteralProblem problem_;
};

}  // namespace

std::optional<LiteralProblem> check_literal(std::string_view text) { return Scanner(text).run(); }

}  // namespace ergo::cli
