// Messages for failed parses (see syntax_error.hpp): the furthest failure
// the ParseState recorded, its highest-priority expectations, clause
// keywords grouped as "a clause", near-miss keywords as "did you mean".
#include "grammar/cypher/syntax_error.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "grammar/cypher/config.hpp"
#include "grammar/text/suggest.hpp"

namespace ergo::cypher::parser {
namespace {

constexpr std::array<std::string_view, 15> clause_keywords = {"MATCH",  "OPTIONAL", "UNWIND", "WITH",    "RETURN",
                                                               "CREATE", "MERGE",    "SET",    "DELETE",  "DETACH",
                                                               "REMOVE", "CALL",     "FOREACH", "SHOW", "LOAD"};

bool is_clause_keyword(const Expectation& e) {
  return e.kind == ExpectKind::Keyword &&
         std::find(clause_keywords.begin(), clause_keywords.end(), e.text) != clause_keywords.end();
}

// Every clause that could have come here, in the order a query reads them,
// each as it is written ("OPTIONAL MATCH", "DETACH DELETE", "LOAD CSV").
// SHOW is left out: it only begins a statement, and is a command more than
// a clause.
std::string clause_list(const std::vector<Expectation>& expected) {
  static constexpr std::pair<std::string_view, std::string_view> spelled[] = {
      {"MATCH", "MATCH"},   {"OPTIONAL", "OPTIONAL MATCH"},   {"UNWIND", "UNWIND"},   {"LOAD", "LOAD CSV"},
      {"CALL", "CALL"},     {"WITH", "WITH"},                 {"RETURN", "RETURN"},   {"CREATE", "CREATE"},
      {"MERGE", "MERGE"},   {"SET", "SET"},                   {"REMOVE", "REMOVE"},   {"DELETE", "DELETE"},
      {"DETACH", "DETACH DELETE"}, {"FOREACH", "FOREACH"}};
  std::string out;
  for (const auto& clause : spelled) {
    const bool present = std::any_of(expected.begin(), expected.end(), [&](const Expectation& e) {
      return is_clause_keyword(e) && e.text == clause.first;
    });
    if (present) out += (out.empty() ? "" : ", ") + std::string(clause.second);
  }
  return out;
}

// The word that ends just before `at` (spaces between), or "".
std::string word_before(const char* begin, const char* at) {
  const char* end = at;
  while (end > begin && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r')) --end;
  const char* start = end;
  while (start > begin && ((start[-1] >= 'a' && start[-1] <= 'z') || (start[-1] >= 'A' && start[-1] <= 'Z'))) --start;
  return std::string(start, end);
}

std::string quoted(const Expectation& e) {
  if (e.kind == ExpectKind::Label) return std::string(e.text);
  return "'" + std::string(e.text) + "'";
}

// "a", "a or b", "a, b or c"
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

// The quoted token a label starts with ("')' to close the list" → "')'").
std::string_view leading_token(std::string_view label) {
  if (label.size() >= 3 && label[0] == '\'') {
    std::size_t close = label.find('\'', 1);
    if (close != std::string_view::npos) return label.substr(0, close + 1);
  }
  return {};
}

std::string describe_found(const char* p, const char* end) {
  if (p == end) return "end of the query";
  if (*p == '\'' || *p == '"') {
    const char* q = p;
    std::string value;
    try {
      if (lexer::scan_string(q, end, value)) {
        std::string_view text(p, static_cast<std::size_t>(q - p));
        return "string " + std::string(text.size() > 24 ? std::string(text.substr(0, 20)) + "..." : text);
      }
    } catch (const lexer::LexicalError&) {
    }
  }
  std::size_t n = token_length(p, end);
  return "'" + std::string(p, n) + "'";
}

}  // namespace

std::size_t token_length(const char* p, const char* end) {
  if (p >= end) return 0;
  const char* q = p;
  if (*q == '`' || *q == '\'' || *q == '"') return 1;
  while (q < end) {
    std::size_t n = lexer::identifier_part_length(q, end);
    if (n == 0) break;
    q += n;
  }
  if (q > p) return static_cast<std::size_t>(q - p);
  for (std::string_view op : {"!=", "/*", "<>", "<=", ">=", "=~", "+=", "..", "->", "<-"}) {
    if (static_cast<std::size_t>(end - p) >= op.size() && std::string_view(p, op.size()) == op) return op.size();
  }
  std::size_t n = 1;
  while (p + n < end && (static_cast<unsigned char>(p[n]) & 0xC0) == 0x80) ++n;  // whole code point
  return n;
}

ErrorReport describe_failure(const ParseState& st) {
  const char* at = st.furthest ? st.furthest : st.begin;
  ErrorReport report;
  report.offset = static_cast<std::size_t>(at - st.begin);
  report.length = token_length(at, st.end);
  report.detail = st.furthest_detail.empty() ? "UnexpectedSyntax" : std::string(st.furthest_detail);
  std::string found = describe_found(at, st.end);

  if (lexer::skip_space(st.begin, st.end) == st.end) {
    report.message = "the query is empty";
    return report;
  }
  if (st.end - at >= 2 && at[0] == '/' && at[1] == '*') {
    report.message = "unterminated comment (missing '*/')";
    return report;
  }
  if (st.end - at >= 2 && at[0] == '!' && at[1] == '=') {
    report.message = "unexpected '!=', did you mean '<>'?";
    return report;
  }

  std::string word;
  bool quoted_word = false;
  const char* p = at;
  bool is_word = at < st.end && *at != '`' && lexer::scan_name(p, st.end, word, quoted_word);

  // Forms of CALL subqueries ergo does not run yet, named rather than
  // reported as a stray word.
  if (is_word) {
    const std::string before = word_before(st.begin, at);
    auto is = [](std::string_view w, const char* keyword) { return lexer::equals_keyword(w, keyword); };
    if (is(word, "CALL") && is(before, "OPTIONAL")) {
      report.message = "OPTIONAL CALL is not supported yet; a CALL subquery can keep every row itself by "
                       "aggregating, like CALL (n) { OPTIONAL MATCH (n)-->(m) RETURN collect(m) AS ms }";
      return report;
    }
    if ((is(word, "ON") || is(word, "REPORT")) && (is(before, "TRANSACTIONS") || is(before, "ROWS") || is(before, "ROW"))) {
      report.message = "IN TRANSACTIONS with ON ERROR or REPORT STATUS is not supported yet; ergo runs the "
                       "statement as one transaction, so an error undoes all of it";
      return report;
    }
  }
  if (lexer::equals_keyword(word_before(st.begin, at), "IN")) {
    const std::string_view rest(at, static_cast<std::size_t>(st.end - at));
    const std::size_t concurrent = rest.find("CONCURRENT"), lower = rest.find("concurrent");
    const std::size_t found_at = std::min(concurrent, lower);
    if (found_at != std::string_view::npos && found_at < 40) {
      report.message = "IN CONCURRENT TRANSACTIONS is not supported yet; write IN TRANSACTIONS (ergo runs the "
                       "statement as one transaction)";
      return report;
    }
  }

  // A misspelled keyword: the nearest keyword that could have come here.
  if (is_word) {
    std::vector<std::string> keywords;
    for (const Expectation& e : st.expected) {
      if (e.kind != ExpectKind::Keyword) continue;
      std::string_view first_word = e.text.substr(0, e.text.find(' '));
      if (std::find(keywords.begin(), keywords.end(), first_word) == keywords.end()) keywords.emplace_back(first_word);
    }
    if (auto match = text::closest_match(word, keywords); match && !lexer::is_reserved_word(word)) {
      report.message = "unexpected '" + word + "', did you mean '" + *match + "'?";
      return report;
    }
  }

  int top = 0;
  for (const Expectation& e : st.expected) top = std::max(top, e.priority);
  std::vector<Expectation> chosen;
  for (const Expectation& e : st.expected) {
    if (e.priority != top) continue;
    bool seen = std::any_of(chosen.begin(), chosen.end(),
                            [&](const Expectation& c) { return c.text == e.text && c.kind == e.kind; });
    if (!seen) chosen.push_back(e);
  }

  std::vector<std::string> items;
  std::size_t clauses = static_cast<std::size_t>(std::count_if(chosen.begin(), chosen.end(), is_clause_keyword));
  bool grouped_clauses = false;
  for (const Expectation& e : chosen) {
    if (clauses >= 3 && is_clause_keyword(e)) {
      if (!grouped_clauses) items.push_back("a clause (" + clause_list(chosen) + ")");
      grouped_clauses = true;
      continue;
    }
    std::string item = quoted(e);
    // Two closers of one bracket read as the bracket: "')'".
    std::string_view token = e.kind == ExpectKind::Label ? leading_token(e.text) : std::string_view{};
    if (!token.empty()) {
      bool shared = std::any_of(chosen.begin(), chosen.end(), [&](const Expectation& other) {
        return &other != &e && other.kind == ExpectKind::Label && leading_token(other.text) == token;
      });
      if (shared) item = std::string(token);
    }
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
  }

  if (items.empty() || items.size() > 6) {
    report.message = "unexpected " + found;
  } else {
    report.message = "expected " + join(items);
    if (at == st.end) report.message += " at the end of the query";
  }

  // A reserved word where a name was wanted: say how to use it anyway.
  if (is_word && !quoted_word && lexer::is_reserved_word(word)) {
    bool wanted_name = std::any_of(st.expected.begin(), st.expected.end(), [](const Expectation& e) {
      return e.kind == ExpectKind::Label && e.text.find("variable") != std::string_view::npos;
    });
    if (wanted_name) {
      report.message += " ('" + word + "' is a reserved word: write `" + word + "` to use it as a name)";
    }
  }
  return report;
}

}  // namespace ergo::cypher::parser
