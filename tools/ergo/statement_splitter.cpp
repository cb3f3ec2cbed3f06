// A small scanner over the lexical states that can hide a `;`: '...' and
// "..." strings with backslash escapes, `quoted names` (a doubled backtick is
// two quoted stretches back to back, which needs no special case), and
// // line and /* block */ comments.
#include "tools/ergo/statement_splitter.hpp"

namespace ergo::cli {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

class Splitter {
 public:
  explicit Splitter(std::string_view s) : s_(s) {}

  std::vector<Statement> run() {
    while (true) {
      skip_blanks_and_comments();
      if (p_ >= s_.size()) break;
      Statement st;
      st.begin = p_;
      if (s_[p_] == ':') {
        std::size_t eol = s_.find('\n', p_);
        st.end = eol == std::string_view::npos ? s_.size() : eol;
        st.command = true;
        st.terminated = true;
        p_ = st.end;
      } else {
        st.terminated = scan_statement();
        st.end = st.terminated ? p_ - 1 : s_.size();
        if (st.begin == st.end) continue;  // a stray ';'
      }
      out_.push_back(st);
    }
    return out_;
  }

  // True when the text ends inside a string, name or comment.
  bool open_at_end() const { return open_; }

 private:
  void skip_blanks_and_comments() {
    while (p_ < s_.size()) {
      if (is_blank(s_[p_])) {
        ++p_;
      } else if (s_.substr(p_, 2) == "//") {
        std::size_t eol = s_.find('\n', p_);
        p_ = eol == std::string_view::npos ? s_.size() : eol + 1;
      } else if (s_.substr(p_, 2) == "/*") {
        std::size_t close = s_.find("*/", p_ + 2);
        if (close == std::string_view::npos) {
          open_ = true;
          p_ = s_.size();
        } else {
          p_ = close + 2;
        }
      } else {
        return;
      }
    }
  }

  // Scans to just past the `;` ending the statement at p_; false at the end
  // of the text without one.
  bool scan_statement() {
    while (p_ < s_.size()) {
      char c = s_[p_];
      if (c == ';') {
        ++p_;
        return true;
      }
      if (c == '\'' || c == '"') {
        skip_string(c);
      } else if (c == '`') {
        std::size_t close = s_.find('`', p_ + 1);
        open_ = close == std::string_view::npos;
        p_ = open_ ? s_.size() : close + 1;
      } else if (s_.substr(p_, 2) == "//" || s_.substr(p_, 2) == "/*") {
        skip_blanks_and_comments();
      } else {
        ++p_;
      }
    }
    return false;
  }

  void skip_string(char quote) {
    for (++p_; p_ < s_.size(); ++p_) {
      if (s_[p_] == '\\') {
        ++p_;
      } else if (s_[p_] == quote) {
        ++p_;
        return;
      }
    }
    open_ = true;
  }

  std::string_view s_;
  std::size_t p_ = 0;
  bool open_ = false;
  std::vector<Statement> out_;
};

}  // namespace

std::vector<Statement> split_statements(std::string_view script) { return Splitter(script).run(); }

bool needs_more_input(std::string_view text) {
  Splitter splitter(text);
  std::vector<Statement> statements = splitter.run();
  if (splitter.open_at_end()) return true;
  return !statements.empty() && !statements.back().terminated;
}

}  // namespace ergo::cli
